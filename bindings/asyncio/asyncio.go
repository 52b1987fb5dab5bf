package asyncio

import (
	_ "embed"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed asyncio.js
var jsSource string

// jsName is the file name asyncio.js runs under (in stacks); frames from it
// are skipped when locating where a task was created.
const jsName = "arun:asyncio.js"

var script = bindings.NewScript(jsName, jsSource)

// Modules returns the modules this package provides: "asyncio", also
// resolvable as "arun:asyncio".
func Modules() []bindings.Module {
	return []bindings.Module{{Name: "asyncio", Aliases: []string{"arun:asyncio"}, Init: initModule}}
}

// Globals returns the global installers of this package: the global
// `asyncio`, the module's exports, loaded on first use.
func Globals() []bindings.Global {
	return []bindings.Global{installGlobal}
}

func installGlobal(env *bindings.Env) error {
	return env.LazyGlobals([]string{"asyncio"}, func() (*goja.Object, error) {
		v, err := env.Require("asyncio")
		if err != nil {
			return nil, err
		}
		holder := env.VM.NewObject()
		return holder, holder.Set("asyncio", v)
	})
}

func initModule(env *bindings.Env, module *goja.Object) error {
	factory, err := script.Run(env.VM)
	if err != nil {
		return fmt.Errorf("asyncio: running asyncio.js: %w", err)
	}
	fn, ok := goja.AssertFunction(factory)
	if !ok {
		return fmt.Errorf("asyncio: asyncio.js did not produce a function")
	}
	c := newCore(env)
	exports, err := fn(goja.Undefined(), c.natives())
	if err != nil {
		return fmt.Errorf("asyncio: initialising: %w", err)
	}
	if err := c.bind(exports.ToObject(env.VM)); err != nil {
		return err
	}
	if err := c.installStreams(exports.ToObject(env.VM)); err != nil {
		return err
	}
	return module.Set("exports", exports)
}
