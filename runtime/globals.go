package runtime

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	goruntime "runtime"
	"sort"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

//go:embed prelude.js
var preludeSrc string

// prelude is compiled once per process and run in every runtime.
var prelude = bindings.NewScript("arun:internal/prelude.js", preludeSrc)

func (r *Runtime) installGlobals() error {
	vm := r.vm
	g := vm.GlobalObject()
	hidden := func(name string, v any) {
		_ = g.DefineDataProperty(name, vm.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hidden("__arun_builtin", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		v, ok, err := r.mods.load(name)
		if err != nil {
			panic(r.env.ToJSError(err))
		}
		if !ok {
			panic(r.env.ToJSError(unknownBuiltin(name)))
		}
		return v
	})
	// __arun_main(module) is called first by a main module that esbuild
	// wrapped and that reads require.main (loader.markMain).
	hidden("__arun_main", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok && r.ld.main != nil {
			r.ld.main = o
		}
		return goja.Undefined()
	})
	hidden("__arun_reportError", func(call goja.FunctionCall) goja.Value {
		r.fatal(call.Argument(0))
		return goja.Undefined()
	})
	r.installTimers()
	r.installProcess()
	if err := r.installConsole(); err != nil {
		return err
	}
	if _, err := prelude.Run(vm); err != nil {
		return fmt.Errorf("runtime: prelude: %w", err)
	}
	for _, gl := range builtinGlobals() {
		if err := gl(r.env); err != nil {
			return fmt.Errorf("runtime: globals: %w", err)
		}
	}
	return r.installLimits()
}

// timers: setTimeout & co, on the loop's timer heap. Delays are milliseconds.
type timerTable struct {
	next       int64
	timers     map[int64]*eventloop.Timer
	immediates map[int64]*bool
}

// forget drops the timers a failed run left: the loop dropped them
// already, and their callbacks would keep what they reference alive.
func (tt *timerTable) forget() {
	clear(tt.timers)
	clear(tt.immediates)
}

func (r *Runtime) installTimers() {
	vm := r.vm
	loop := r.loop
	tt := &timerTable{timers: map[int64]*eventloop.Timer{}, immediates: map[int64]*bool{}}
	r.timers = tt
	delay := func(v goja.Value) time.Duration {
		ms := v.ToFloat()
		if math.IsNaN(ms) || ms < 1 || ms > 2147483647 {
			ms = 1
		}
		return time.Duration(ms * float64(time.Millisecond))
	}
	set := func(repeat bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, args := r.callback(call, 2)
			tt.next++
			id := tt.next
			d := delay(call.Argument(1))
			site := ""
			if r.opts.Debug {
				site = "timer created at " + r.displayPath(callerSite(vm))
			}
			task := func() error {
				if !repeat {
					delete(tt.timers, id)
				}
				r.taskSite, r.taskSiteTurn = site, loop.Executed()
				_, err := fn(goja.Undefined(), args...)
				return err
			}
			var t *eventloop.Timer
			if repeat {
				t = loop.SetInterval(d, task)
			} else {
				t = loop.SetTimer(d, task)
			}
			t.ID = id
			tt.timers[id] = t
			return vm.ToValue(id)
		}
	}
	clear := func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		if t, ok := tt.timers[id]; ok {
			loop.StopTimer(t)
			delete(tt.timers, id)
		}
		return goja.Undefined()
	}
	g := vm.GlobalObject()
	_ = g.Set("setTimeout", set(false))
	_ = g.Set("setInterval", set(true))
	_ = g.Set("clearTimeout", clear)
	_ = g.Set("clearInterval", clear)
	_ = g.Set("setImmediate", func(call goja.FunctionCall) goja.Value {
		fn, args := r.callback(call, 1)
		tt.next++
		id := tt.next
		cancelled := new(bool)
		tt.immediates[id] = cancelled
		loop.Schedule(func() error {
			delete(tt.immediates, id)
			if *cancelled {
				return nil
			}
			_, err := fn(goja.Undefined(), args...)
			return err
		})
		return vm.ToValue(id)
	})
	_ = g.Set("clearImmediate", func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		if c, ok := tt.immediates[id]; ok {
			*c = true
			delete(tt.immediates, id)
		}
		return goja.Undefined()
	})
	perf := vm.NewObject()
	_ = perf.Set("now", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(float64(loop.Now()) / float64(time.Millisecond))
	})
	_ = perf.Set("timeOrigin", float64(loop.WallTime().Add(-loop.Now()).UnixNano())/1e6)
	_ = g.Set("performance", perf)
}

// callback unpacks (fn, ...) of setTimeout & co: the callback, which must be
// a function, and the arguments for it from index rest on.
func (r *Runtime) callback(call goja.FunctionCall, rest int) (goja.Callable, []goja.Value) {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(r.env.ToJSError(bindings.TypeErrorf("the \"callback\" argument must be of type function")))
	}
	var args []goja.Value
	if len(call.Arguments) > rest {
		args = append(args, call.Arguments[rest:]...)
	}
	return fn, args
}

// callerSite is "file:line:col" of the innermost JS frame calling in.
func callerSite(vm *goja.Runtime) string {
	for _, f := range vm.CaptureCallStack(4, nil) {
		if p := f.Position(); p.Filename != "" && !strings.HasPrefix(p.Filename, "arun:internal") {
			return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
		}
	}
	return "unknown"
}

func (r *Runtime) installProcess() {
	vm := r.vm
	p := vm.NewObject()
	argv := append([]string{}, r.env.Args...)
	_ = p.Set("argv", argv)
	_ = p.Set("platform", bindings.NodePlatform(goruntime.GOOS))
	_ = p.Set("arch", bindings.NodeArch(goruntime.GOARCH))
	_ = p.Set("version", "v"+Version)
	_ = p.Set("versions", map[string]any{"arun": Version})
	_ = p.Set("pid", 0)
	_ = p.Set("exitCode", goja.Undefined())
	if r.env.Check(bindings.PermEnv, "") == nil {
		env := vm.NewObject()
		keys := make([]string, 0, len(r.env.Env))
		for k := range r.env.Env {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			_ = env.Set(k, r.env.Env[k])
		}
		_ = p.Set("env", env)
	} else {
		_ = p.Set("env", vm.NewDynamicObject(deniedEnv{r}))
	}
	_ = p.Set("exit", func(call goja.FunctionCall) goja.Value {
		code := 0
		if a := call.Argument(0); !goja.IsUndefined(a) {
			code = int(a.ToInteger())
		} else if v := p.Get("exitCode"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			code = int(v.ToInteger())
		}
		r.exitCode = code
		vm.Interrupt(&ExitError{Code: code})
		return goja.Undefined()
	})
	_ = p.Set("nextTick", func(call goja.FunctionCall) goja.Value {
		fn, args := r.callback(call, 1)
		r.loop.NextTick(fn, args...)
		return goja.Undefined()
	})
	_ = p.Set("cwd", func(goja.FunctionCall) goja.Value { return vm.ToValue(r.dir) })
	_ = p.Set("uptime", func(goja.FunctionCall) goja.Value { return vm.ToValue(r.loop.Now().Seconds()) })
	_ = p.Set("hrtime", func(goja.FunctionCall) goja.Value {
		ns := r.loop.Now().Nanoseconds()
		return vm.ToValue([]int64{ns / 1e9, ns % 1e9})
	})
	writer := func(w func() any) *goja.Object {
		o := vm.NewObject()
		_ = o.Set("write", func(call goja.FunctionCall) goja.Value {
			s := call.Argument(0)
			var b []byte
			if ab, ok := s.Export().([]byte); ok {
				b = ab
			} else {
				b = []byte(s.String())
			}
			if ww, ok := w().(interface{ Write([]byte) (int, error) }); ok {
				_, _ = ww.Write(b)
			}
			return vm.ToValue(true)
		})
		_ = o.Set("isTTY", false)
		return o
	}
	_ = p.Set("stdout", writer(func() any { return r.env.Stdout }))
	_ = p.Set("stderr", writer(func() any { return r.env.Stderr }))
	_ = vm.Set("process", p)
}

// deniedEnv is process.env without the env permission: every read throws.
type deniedEnv struct{ r *Runtime }

func (d deniedEnv) deny(key string) {
	panic(d.r.env.ToJSError(&bindings.PermissionError{Kind: bindings.PermEnv, Target: key}))
}
func (d deniedEnv) Get(key string) goja.Value {
	if strings.HasPrefix(key, "Symbol(") || key == "toJSON" {
		return nil
	}
	d.deny(key)
	return nil
}
func (d deniedEnv) Set(key string, _ goja.Value) bool { d.deny(key); return false }
func (d deniedEnv) Has(key string) bool               { d.deny(key); return false }
func (d deniedEnv) Delete(key string) bool            { d.deny(key); return false }
func (d deniedEnv) Keys() []string                    { d.deny(""); return nil }

// locationJS makes the global location of Options.Location: a frozen
// object with URL's parts and toString, like Deno's Location.
const locationJS = `(function (href) {
  const u = new URL(href);
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new TypeError("location must be an http or https URL: " + href);
  }
  const loc = { toString() { return u.href; } };
  for (const k of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) loc[k] = u[k];
  Object.defineProperty(loc, Symbol.toStringTag, { value: "Location" });
  Object.defineProperty(globalThis, "location", { value: Object.freeze(loc), enumerable: true, configurable: false, writable: false });
})`

// installLocation defines the global location for Options.Location.
func installLocation(vm *goja.Runtime, href string) error {
	v, err := vm.RunString(locationJS)
	if err != nil {
		return fmt.Errorf("runtime: location: %w", err)
	}
	fn, _ := goja.AssertFunction(v)
	if _, err := fn(goja.Undefined(), vm.ToValue(href)); err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			return fmt.Errorf("runtime: location %q: %s", href, ex.Value().String())
		}
		return fmt.Errorf("runtime: location %q: %w", href, err)
	}
	return nil
}
