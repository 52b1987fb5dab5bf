package runtime

import (
	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/bindings/asyncio"
	"github.com/arun-js/arun/bindings/childproc"
	webcrypto "github.com/arun-js/arun/bindings/crypto"
	"github.com/arun-js/arun/bindings/fetch"
	"github.com/arun-js/arun/bindings/fs"
	"github.com/arun-js/arun/bindings/html"
	"github.com/arun-js/arun/bindings/intl"
	"github.com/arun-js/arun/bindings/messaging"
	"github.com/arun-js/arun/bindings/navigator"
	"github.com/arun-js/arun/bindings/node"
	"github.com/arun-js/arun/bindings/readline"
	"github.com/arun-js/arun/bindings/stream"
	"github.com/arun-js/arun/bindings/testing"
	weburl "github.com/arun-js/arun/bindings/url"
	"github.com/arun-js/arun/bindings/web"
	"github.com/arun-js/arun/bindings/websocket"
	"github.com/arun-js/arun/bindings/zlib"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	_ "github.com/dop251/goja_nodejs/url" // registers "url" with goja_nodejs's require
)

// nodejsKey keeps goja_nodejs's require module of a runtime.
type nodejsKey struct{}

// fromNodejs is a built-in module served by goja_nodejs.
func fromNodejs(name string, aliases ...string) bindings.Module {
	return bindings.Module{Name: name, Aliases: aliases, Init: func(env *bindings.Env, module *goja.Object) error {
		rm := env.Value(nodejsKey{}).(*require.RequireModule)
		v, err := rm.Require(name)
		if err != nil {
			return err
		}
		return module.Set("exports", v)
	}}
}

// withWebURL makes a module's URL and URLSearchParams the globals (arun's
// WHATWG classes), as in Node, where require("url").URL === URL.
func withWebURL(m bindings.Module) bindings.Module {
	init := m.Init
	m.Init = func(env *bindings.Env, module *goja.Object) error {
		if err := init(env, module); err != nil {
			return err
		}
		exp := module.Get("exports").ToObject(env.VM)
		for _, name := range []string{"URL", "URLSearchParams"} {
			if err := exp.Set(name, env.VM.Get(name)); err != nil {
				return err
			}
		}
		return nil
	}
	return m
}

// builtinModules is the table of modules every runtime has.
func builtinModules() []bindings.Module {
	return []bindings.Module{
		withWebURL(fromNodejs("url", "node:url")),
	}
}

// bindingPackages lists, in order, the Modules and Globals of every binding
// package: the runtime's one explicit table.
var bindingPackages = []struct {
	modules func() []bindings.Module
	globals func() []bindings.Global
}{
	{weburl.Modules, weburl.Globals},
	{web.Modules, web.Globals},
	{asyncio.Modules, asyncio.Globals},
	{fetch.Modules, fetch.Globals},
	{fs.Modules, fs.Globals},
	{html.Modules, html.Globals},
	{stream.Modules, stream.Globals},
	{readline.Modules, readline.Globals},
	{navigator.Modules, navigator.Globals},
	{messaging.Modules, messaging.Globals},
	{websocket.Modules, websocket.Globals},
	{zlib.Modules, zlib.Globals},
	{testing.Modules, testing.Globals},
	{node.Modules, node.Globals},
	{childproc.Modules, childproc.Globals},
	{webcrypto.Modules, webcrypto.Globals},
	{intl.Modules, intl.Globals},
}

func allModules() []bindings.Module {
	mods := builtinModules()
	for _, p := range bindingPackages {
		mods = append(mods, p.modules()...)
	}
	return mods
}

// builtinGlobals installs globals that come from binding packages, in order.
func builtinGlobals() []bindings.Global {
	gl := []bindings.Global{nodejsGlobals}
	for _, p := range bindingPackages {
		gl = append(gl, p.globals()...)
	}
	return gl
}

// nodejsGlobals enables goja_nodejs's require machinery (needed by its url
// module). Buffer is bindings/node's. URL and URLSearchParams are
// bindings/url's WHATWG classes; goja_nodejs's "url" module serves the rest
// of require("url").
func nodejsGlobals(env *bindings.Env) error {
	vm := env.VM
	reg := require.NewRegistry(require.WithLoader(func(path string) ([]byte, error) {
		return nil, require.ModuleFileDoesNotExistError
	}))
	rm := reg.Enable(vm)
	env.SetValue(nodejsKey{}, rm)
	// scripts get arun's own require, resolving from the runtime's directory
	return vm.Set("require", func(call goja.FunctionCall) goja.Value {
		v, err := env.Require(call.Argument(0).String())
		if err != nil {
			panic(env.ToJSError(err))
		}
		return v
	})
}
