// Package navigator installs the global navigator (Node 21 and Deno have
// one): userAgent ("arun/VERSION"), hardwareConcurrency (the CPUs Go sees),
// language and languages (from LANG, LC_ALL or LC_MESSAGES when the env
// permission allows reading them, else "en-US", as Node's ICU default).
//
// # Goroutine rules
//
// The object is built on the loop, the first time a script reads it.
package navigator

import (
	goruntime "runtime"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// Modules returns nothing: navigator is a global.
func Modules() []bindings.Module { return nil }

// Globals installs navigator, lazily.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals([]string{"navigator"}, func() (*goja.Object, error) {
			holder := env.VM.NewObject()
			return holder, holder.Set("navigator", build(env))
		})
	}}
}

// language is the BCP 47 tag of the locale the environment names
// ("de_DE.UTF-8" is "de-DE"); "" when none is usable.
func language(env *bindings.Env) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if env.Check(bindings.PermEnv, k) != nil {
			return ""
		}
		v := env.Env[k]
		if i := strings.IndexAny(v, ".@"); i >= 0 {
			v = v[:i]
		}
		if v == "" || v == "C" || v == "POSIX" {
			continue
		}
		return strings.ReplaceAll(v, "_", "-")
	}
	return ""
}

func build(env *bindings.Env) *goja.Object {
	vm := env.VM
	version := "0"
	if p := vm.Get("process"); p != nil && !goja.IsUndefined(p) {
		if vs := p.ToObject(vm).Get("versions"); vs != nil && !goja.IsUndefined(vs) {
			if a := vs.ToObject(vm).Get("arun"); a != nil && !goja.IsUndefined(a) {
				version = a.String()
			}
		}
	}
	lang := language(env)
	if lang == "" {
		lang = "en-US"
	}
	nav := vm.NewObject()
	ro := func(name string, v any) {
		_ = nav.DefineAccessorProperty(name, vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(v) }), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	ro("userAgent", "arun/"+version)
	ro("hardwareConcurrency", goruntime.NumCPU())
	ro("language", lang)
	langs := vm.NewArray(lang)
	if freeze, ok := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("freeze")); ok {
		_, _ = freeze(goja.Undefined(), langs)
	}
	_ = nav.DefineAccessorProperty("languages", vm.ToValue(func(goja.FunctionCall) goja.Value { return langs }), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	if tag := vm.Get("Symbol").ToObject(vm).Get("toStringTag"); tag != nil {
		_ = nav.DefineDataPropertySymbol(tag.(*goja.Symbol), vm.ToValue("Navigator"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return nav
}
