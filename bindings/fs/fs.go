package fs

import (
	_ "embed"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed fs.js
var fsJS string

var script = bindings.NewScript("arun:internal/fs.js", fsJS)

// Modules returns the modules this package provides: "fs/promises" and
// "fs" (with their "node:" aliases).
func Modules() []bindings.Module {
	return []bindings.Module{
		{Name: "fs/promises", Aliases: []string{"node:fs/promises"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.promises)
		}},
		{Name: "fs", Aliases: []string{"node:fs"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.fs)
		}},
	}
}

// Globals returns the global installers of this package (none: the file
// system is reached through require or import).
func Globals() []bindings.Global { return nil }

type fsKey struct{}

// module is one runtime's fs state: the exports, the JS constructors the
// Go side builds results with, and the table of open files.
type module struct {
	env        *bindings.Env
	vm         *goja.Runtime
	promises   goja.Value
	fs         goja.Value
	makeStats  goja.Callable
	makeDirent goja.Callable
	makeHandle goja.Callable
	files      map[int]*handle
	// inSync is set while a *Sync function runs (see syncFn).
	inSync bool
}

// get returns the runtime's fs state, creating it on first use.
func get(env *bindings.Env) (*module, error) {
	if m, ok := env.Value(fsKey{}).(*module); ok {
		return m, nil
	}
	vm := env.VM
	m := &module{env: env, vm: vm, files: map[int]*handle{}}
	fnv, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("fs: %w", err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		return nil, fmt.Errorf("fs: internal error: fs.js is not a function")
	}
	sym := func(name string) goja.Value {
		s := vm.Get("Symbol").ToObject(vm)
		if v := s.Get(name); v != nil && !goja.IsUndefined(v) {
			return v
		}
		forFn, _ := goja.AssertFunction(s.Get("for"))
		v, _ := forFn(s, vm.ToValue("Symbol."+name))
		return v
	}
	bufCtor := vm.Get("Buffer")
	if bufCtor == nil {
		bufCtor = goja.Undefined()
	}
	res, err := fn(goja.Undefined(), m.native(), bufCtor, sym("asyncIterator"), sym("asyncDispose"))
	if err != nil {
		return nil, fmt.Errorf("fs: %w", err)
	}
	obj := res.ToObject(vm)
	m.promises = obj.Get("promises")
	m.fs = obj.Get("fs")
	m.makeStats, _ = goja.AssertFunction(obj.Get("makeStats"))
	m.makeDirent, _ = goja.AssertFunction(obj.Get("makeDirent"))
	m.makeHandle, _ = goja.AssertFunction(obj.Get("makeHandle"))
	env.SetValue(fsKey{}, m)
	return m, nil
}

// native is the object of Go functions fs.js builds the API on.
func (m *module) native() *goja.Object {
	vm := m.vm
	n := vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = n.Set(name, f) }
	_ = n.Set("constants", constants())
	set("encoding", func(c goja.FunctionCall) goja.Value { return vm.ToValue(normEncoding(c.Argument(0).String())) })
	set("encode", func(c goja.FunctionCall) goja.Value {
		return m.bufferOf(decodeString(c.Argument(0).String(), c.Argument(1).String()))
	})
	set("readFile", m.readFile)
	set("writeFile", m.writeFile)
	set("readdir", m.readdir)
	set("stat", m.stat)
	set("mkdir", m.mkdir)
	set("mkdtemp", m.mkdtemp)
	set("rm", m.rm)
	set("rmdir", m.rmdir)
	set("unlink", m.unlink)
	set("rename", m.rename)
	set("copyFile", m.copyFile)
	set("access", m.access)
	set("realpath", m.realpath)
	set("readlink", m.readlink)
	set("symlink", m.symlink)
	set("link", m.link)
	set("chmod", m.chmod)
	set("truncate", m.truncate)
	set("utimes", m.utimes)
	set("open", m.open)
	set("fhRead", m.fhRead)
	set("fhWrite", m.fhWrite)
	set("fhReadFile", m.fhReadFile)
	set("fhWriteFile", m.fhWriteFile)
	set("fhStat", m.fhStat)
	set("fhTruncate", m.fhTruncate)
	set("fhSync", m.fhSync)
	set("fhChmod", m.fhChmod)
	set("fhClose", m.fhClose)
	set("linesOpen", m.linesOpen)
	set("linesNext", m.linesNext)
	set("linesClose", m.linesClose)
	// the same operations, synchronous: native.sync.stat(...) returns Stats
	sync := vm.NewObject()
	for _, name := range []string{"readFile", "writeFile", "readdir", "stat", "mkdir", "mkdtemp", "rm", "rmdir",
		"unlink", "rename", "copyFile", "access", "realpath", "readlink", "symlink", "link", "chmod", "truncate",
		"utimes", "open", "fhRead", "fhWrite", "fhStat", "fhTruncate", "fhSync", "fhChmod", "fhClose", "fhReadFile", "fhWriteFile"} {
		fn, _ := goja.AssertFunction(n.Get(name))
		_ = sync.Set(name, m.syncFn(func(c goja.FunctionCall) goja.Value {
			v, err := fn(c.This, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}))
	}
	_ = n.Set("sync", sync)
	set("require", func(c goja.FunctionCall) goja.Value {
		v, err := m.env.Require(c.Argument(0).String())
		if err != nil {
			m.env.Throw(err)
		}
		return v
	})
	set("existsSync", m.existsSync)
	set("readFileSync", m.readFileSync)
	set("writeFileSync", m.writeFileSync)
	return n
}

// bufferOf wraps b in a Buffer (the global one), or a Uint8Array when the
// runtime has no Buffer.
func (m *module) bufferOf(b []byte) goja.Value {
	if g := m.vm.Get("Buffer"); g != nil && !goja.IsUndefined(g) {
		if from, ok := goja.AssertFunction(g.ToObject(m.vm).Get("from")); ok {
			if v, err := from(g, m.vm.ToValue(m.vm.NewArrayBuffer(b))); err == nil {
				return v
			}
		}
	}
	ctor, _ := goja.AssertConstructor(m.vm.Get("Uint8Array"))
	obj, _ := ctor(nil, m.vm.ToValue(m.vm.NewArrayBuffer(b)))
	return obj
}

// fileData returns the bytes of a data argument fs.js normalized to a
// string or a Uint8Array, copied so Go work can use them off the loop.
func fileData(v goja.Value) []byte {
	switch x := v.Export().(type) {
	case []byte:
		return append([]byte(nil), x...)
	case string:
		return []byte(x)
	}
	return []byte(v.String())
}

// rejected is a rejected promise for err, created without starting any
// work (a denied permission, a bad argument); in a synchronous call, err is
// thrown.
func (m *module) rejected(what string, err error) goja.Value {
	if m.inSync {
		m.env.Throw(err)
	}
	w := m.env.NewWaiter(what, nil)
	w.Reject(err)
	return w.Value()
}
