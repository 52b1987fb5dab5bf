package node

import (
	_ "embed"
	"fmt"
	"unicode/utf8"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/bindings/console"
	"github.com/dop251/goja"
)

var (
	//go:embed internal.js
	internalSrc string
	//go:embed path.js
	pathSrc string
	//go:embed buffer.js
	bufferSrc string
	//go:embed querystring.js
	querystringSrc string
	//go:embed string_decoder.js
	stringDecoderSrc string
	//go:embed util.js
	utilSrc string
	//go:embed process.js
	processSrc string
	//go:embed tty.js
	ttySrc string
)

var (
	internalScript      = bindings.NewScript("arun:internal/node/internal.js", internalSrc)
	pathScript          = bindings.NewScript("arun:internal/node/path.js", pathSrc)
	bufferScript        = bindings.NewScript("arun:internal/node/buffer.js", bufferSrc)
	querystringScript   = bindings.NewScript("arun:internal/node/querystring.js", querystringSrc)
	stringDecoderScript = bindings.NewScript("arun:internal/node/string_decoder.js", stringDecoderSrc)
	utilScript          = bindings.NewScript("arun:internal/node/util.js", utilSrc)
	processScript       = bindings.NewScript("arun:internal/node/process.js", processSrc)
	ttyScript           = bindings.NewScript("arun:internal/node/tty.js", ttySrc)
)

// Modules returns the modules of this package, each also under "node:".
func Modules() []bindings.Module {
	mod := func(name string, init func(*bindings.Env, *goja.Object) error) bindings.Module {
		return bindings.Module{Name: name, Aliases: []string{"node:" + name}, Init: init}
	}
	return []bindings.Module{
		mod("path", exportsOf(pathKey{}, host.pathFlavour())),
		mod("path/posix", exportsOf(pathKey{}, "posix")),
		mod("path/win32", exportsOf(pathKey{}, "win32")),
		mod("os", initOS),
		mod("process", func(env *bindings.Env, module *goja.Object) error {
			return module.Set("exports", env.VM.Get("process"))
		}),
		mod("querystring", initScript(querystringScript, withBuffer)),
		mod("string_decoder", initScript(stringDecoderScript, withBuffer)),
		mod("timers", initTimers),
		mod("tty", initScript(ttyScript, nil)),
		mod("util", exportsOf(utilKey{}, "")),
		mod("util/types", exportsOf(utilKey{}, "types")),
		mod("buffer", func(env *bindings.Env, module *goja.Object) error {
			b, err := bufferModule(env)
			if err != nil {
				return err
			}
			return module.Set("exports", b)
		}),
	}
}

// Globals installs the global Buffer (loaded on first use) and completes
// the global process.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		if err := env.LazyGlobals([]string{"Buffer"}, func() (*goja.Object, error) { return bufferModule(env) }); err != nil {
			return err
		}
		return completeProcess(env)
	}}
}

// run runs an embedded script (a function expression) and calls it with args.
func run(env *bindings.Env, s *bindings.Script, args ...goja.Value) (goja.Value, error) {
	v, err := s.Run(env.VM)
	if err != nil {
		return nil, fmt.Errorf("node: running %s: %w", s.Name(), err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("node: %s is not a function expression", s.Name())
	}
	r, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("node: initialising %s: %w", s.Name(), err)
	}
	return r, nil
}

type internalKey struct{}

// internals is internal.js's object of shared helpers, once per runtime.
func internals(env *bindings.Env) (goja.Value, error) {
	if v, ok := env.Value(internalKey{}).(goja.Value); ok {
		return v, nil
	}
	v, err := run(env, internalScript)
	if err != nil {
		return nil, err
	}
	env.SetValue(internalKey{}, v)
	return v, nil
}

// once runs make the first time key is asked for in env and keeps its value.
func once(env *bindings.Env, key any, make func() (goja.Value, error)) (*goja.Object, error) {
	if v, ok := env.Value(key).(*goja.Object); ok {
		return v, nil
	}
	v, err := make()
	if err != nil {
		return nil, err
	}
	o := v.ToObject(env.VM)
	env.SetValue(key, o)
	return o, nil
}

type (
	pathKey   struct{}
	utilKey   struct{}
	bufferKey struct{}
)

// loaders build each keyed module's exports.
var loaders = map[any]func(env *bindings.Env) (goja.Value, error){
	pathKey{}: func(env *bindings.Env) (goja.Value, error) {
		in, err := internals(env)
		if err != nil {
			return nil, err
		}
		vm := env.VM
		cwd := vm.ToValue(func(goja.FunctionCall) goja.Value {
			if p, ok := vm.Get("process").(*goja.Object); ok {
				if f, ok := goja.AssertFunction(p.Get("cwd")); ok {
					v, err := f(p)
					if err != nil {
						panic(err)
					}
					return v
				}
			}
			return vm.ToValue("/")
		})
		return run(env, pathScript, cwd, in.ToObject(vm).Get("nodeError"), vm.ToValue(host.windows))
	},
	utilKey{}: func(env *bindings.Env) (goja.Value, error) {
		in, err := internals(env)
		if err != nil {
			return nil, err
		}
		return run(env, utilScript, env.VM.GlobalObject(), in, utilNatives(env), requireFunc(env))
	},
}

// exportsOf serves a property of a keyed module's object ("" for itself).
func exportsOf(key any, prop string) func(env *bindings.Env, module *goja.Object) error {
	return func(env *bindings.Env, module *goja.Object) error {
		o, err := once(env, key, func() (goja.Value, error) { return loaders[key](env) })
		if err != nil {
			return err
		}
		if prop == "" {
			return module.Set("exports", o)
		}
		return module.Set("exports", o.Get(prop))
	}
}

// withBuffer passes the buffer module to a script.
func withBuffer(env *bindings.Env) ([]goja.Value, error) {
	b, err := bufferModule(env)
	if err != nil {
		return nil, err
	}
	return []goja.Value{b}, nil
}

// initScript runs a module's script with the internals and extra args.
func initScript(s *bindings.Script, extra func(env *bindings.Env) ([]goja.Value, error)) func(env *bindings.Env, module *goja.Object) error {
	return func(env *bindings.Env, module *goja.Object) error {
		in, err := internals(env)
		if err != nil {
			return err
		}
		args := []goja.Value{in}
		if extra != nil {
			more, err := extra(env)
			if err != nil {
				return err
			}
			args = append(args, more...)
		}
		v, err := run(env, s, args...)
		if err != nil {
			return err
		}
		return module.Set("exports", v)
	}
}

// requireFunc lets the scripts load other built-in modules lazily.
func requireFunc(env *bindings.Env) goja.Value {
	return env.VM.ToValue(func(call goja.FunctionCall) goja.Value {
		v, err := env.Require(call.Argument(0).String())
		if err != nil {
			panic(env.ToJSError(err))
		}
		return v
	})
}

// bufferModule is the "buffer" module's exports, built once per runtime.
func bufferModule(env *bindings.Env) (*goja.Object, error) {
	return once(env, bufferKey{}, func() (goja.Value, error) {
		in, err := internals(env)
		if err != nil {
			return nil, err
		}
		return run(env, bufferScript, bufferNatives(env), in, env.VM.GlobalObject())
	})
}

// bytesArg returns the bytes of a Uint8Array argument (shared, not copied).
func bytesArg(vm *goja.Runtime, v goja.Value) []byte {
	var b []byte
	if err := vm.ExportTo(v, &b); err != nil {
		panic(vm.NewTypeError("node: expected a Uint8Array"))
	}
	return b
}

func bufferNatives(env *bindings.Env) *goja.Object {
	vm := env.VM
	o := vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("normEncoding", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bindings.NormEncoding(call.Argument(0).String()))
	})
	set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(bindings.EncodeString(call.Argument(0), call.Argument(1).String())))
	})
	set("decode", func(call goja.FunctionCall) goja.Value {
		return bindings.DecodeBytes(vm, bytesArg(vm, call.Argument(0)), call.Argument(1).String())
	})
	set("byteLength", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bindings.EncodedLength(call.Argument(0), call.Argument(1).String()))
	})
	set("isUtf8", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8.Valid(bytesArg(vm, call.Argument(0))))
	})
	return o
}

// utilNatives are console's formatter and what util.types needs from Go.
func utilNatives(env *bindings.Env) *goja.Object {
	vm := env.VM
	f := console.NewFormatter(vm)
	o := vm.NewObject()
	_ = o.Set("inspect", f.InspectFunction())
	// custom inspect functions get util.inspect itself, as in Node
	_ = o.Set("setInspect", func(call goja.FunctionCall) goja.Value {
		if fn, ok := call.Argument(0).(*goja.Object); ok {
			f.SetInspect(fn)
		}
		return goja.Undefined()
	})
	_ = o.Set("formatWithOptions", func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) > 0 {
			args = args[1:]
		}
		return vm.ToValue(f.FormatWithOptions(call.Argument(0), args))
	})
	_ = o.Set("typeName", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(console.InternalClass(call.Argument(0)))
	})
	return o
}

// initTimers is Node's "timers": the global timer functions, and
// "timers/promises" as its promises property.
func initTimers(env *bindings.Env, module *goja.Object) error {
	vm := env.VM
	exp := vm.NewObject()
	for _, n := range []string{"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate"} {
		if err := exp.Set(n, vm.Get(n)); err != nil {
			return err
		}
	}
	p, err := env.Require("timers/promises")
	if err != nil {
		return err
	}
	if err := exp.Set("promises", p); err != nil {
		return err
	}
	return module.Set("exports", exp)
}

// completeProcess gives the global process what Node's has and the
// runtime's lacks (EventEmitter methods, emitWarning, hrtime.bigint,
// memoryUsage, ...), without overwriting what is there.
func completeProcess(env *bindings.Env) error {
	p, ok := env.VM.Get("process").(*goja.Object)
	if !ok {
		return nil
	}
	_, err := run(env, processScript, p, requireFunc(env), env.VM.ToValue(memoryUsage))
	return err
}
