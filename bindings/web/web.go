package web

import (
	_ "embed"
	"fmt"
	"math"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

var (
	//go:embed web.js
	webSrc string
	//go:embed streams.js
	streamsSrc string
	//go:embed events.js
	eventsSrc string
	//go:embed timers.js
	timersSrc string
)

var (
	webScript     = bindings.NewScript("arun:internal/web.js", webSrc)
	streamsScript = bindings.NewScript("arun:internal/streams.js", streamsSrc)
	eventsScript  = bindings.NewScript("arun:internal/events.js", eventsSrc)
	timersScript  = bindings.NewScript("arun:internal/timers.js", timersSrc)
)

// run runs an embedded script (a function expression) and calls the
// function with args.
func run(env *bindings.Env, s *bindings.Script, args ...goja.Value) (goja.Value, error) {
	v, err := s.Run(env.VM)
	if err != nil {
		return nil, fmt.Errorf("web: running %s: %w", s.Name(), err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("web: %s is not a function expression", s.Name())
	}
	r, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("web: initialising %s: %w", s.Name(), err)
	}
	return r, nil
}

// internalsKey keeps, per runtime, the object of JS internals web.js and
// streams.js return.
type internalsKey struct{}

// internals returns the runtime's internals object (nil before Globals ran).
func internals(env *bindings.Env) *goja.Object {
	// the Go helpers use web and stream internals: load them if needed
	if _, err := ensureStreams(env); err != nil {
		panic(env.ToJSError(err))
	}
	o, _ := env.Value(internalsKey{}).(*goja.Object)
	return o
}

// webKey keeps a runtime's object holding web.js's globals.
type webKey struct{}

// webNames are the globals web.js defines.
var webNames = []string{
	"DOMException", "Event", "CustomEvent", "EventTarget", "AbortSignal", "AbortController",
	"TextEncoder", "TextDecoder", "atob", "btoa", "Blob", "File",
}

// ensureWeb runs web.js once per runtime, when a script or a Go helper
// first needs one of its globals (start-up cost otherwise paid by every
// script). Its classes land on an object whose prototype is the global
// object; LazyGlobals publishes them.
func ensureWeb(env *bindings.Env) (*goja.Object, error) {
	if h, ok := env.Value(webKey{}).(*goja.Object); ok {
		return h, nil
	}
	vm := env.VM
	holder := vm.CreateObject(vm.GlobalObject())
	env.SetValue(webKey{}, holder)
	in, err := run(env, webScript, holder, natives(env))
	if err != nil {
		return nil, err
	}
	env.SetValue(internalsKey{}, in.ToObject(vm))
	return holder, nil
}

// streamsKey keeps a runtime's object holding the stream classes.
type streamsKey struct{}

// streamNames are the globals streams.js defines.
var streamNames = []string{
	"ByteLengthQueuingStrategy", "CountQueuingStrategy", "ReadableStream",
	"ReadableStreamDefaultController", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
	"WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController",
	"TransformStream", "TransformStreamDefaultController", "TextEncoderStream", "TextDecoderStream",
}

// ensureStreams runs streams.js once per runtime, the first time a script
// or a Go helper needs a stream: most scripts never do, and it is the
// largest part of the web globals' start-up. The classes land on an object
// whose prototype is the global object (streams.js reads other globals
// through it); LazyGlobals then publishes them.
func ensureStreams(env *bindings.Env) (*goja.Object, error) {
	if h, ok := env.Value(streamsKey{}).(*goja.Object); ok {
		return h, nil
	}
	if _, err := ensureWeb(env); err != nil {
		return nil, err
	}
	vm := env.VM
	in, _ := env.Value(internalsKey{}).(*goja.Object)
	holder := vm.CreateObject(vm.GlobalObject())
	env.SetValue(streamsKey{}, holder)
	if _, err := run(env, streamsScript, holder, natives(env), in); err != nil {
		return nil, err
	}
	return holder, nil
}

// Modules returns the modules this package provides: "events" and
// "timers/promises" (also with the "node:" prefix).
func Modules() []bindings.Module {
	return []bindings.Module{
		{Name: "events", Aliases: []string{"node:events"}, Init: initEvents},
		{Name: "timers/promises", Aliases: []string{"node:timers/promises"}, Init: initTimers},
	}
}

// Globals returns the global installers of this package: the web platform
// globals of contract section 3 that are not the runtime's own.
func Globals() []bindings.Global {
	return []bindings.Global{installGlobals}
}

func installGlobals(env *bindings.Env) error {
	if err := env.LazyGlobals(webNames, func() (*goja.Object, error) { return ensureWeb(env) }); err != nil {
		return err
	}
	return env.LazyGlobals(streamNames, func() (*goja.Object, error) { return ensureStreams(env) })
}

func initEvents(env *bindings.Env, module *goja.Object) error {
	in := internals(env)
	if in == nil {
		return fmt.Errorf("web: events: globals not installed")
	}
	exp, err := run(env, eventsScript, env.VM.GlobalObject(), in)
	if err != nil {
		return err
	}
	return module.Set("exports", exp)
}

func initTimers(env *bindings.Env, module *goja.Object) error {
	in := internals(env)
	if in == nil {
		return fmt.Errorf("web: timers/promises: globals not installed")
	}
	exp, err := run(env, timersScript, env.VM.GlobalObject(), natives(env), in)
	if err != nil {
		return err
	}
	return module.Set("exports", exp)
}

// bytesOf returns the bytes of a Uint8Array (shared, not copied).
func bytesOf(vm *goja.Runtime, v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	var b []byte
	if err := vm.ExportTo(v, &b); err != nil {
		panic(vm.NewTypeError("web: expected a Uint8Array"))
	}
	return b
}

// msDelay converts a web timer delay (milliseconds) as setTimeout does.
func msDelay(v goja.Value) time.Duration {
	ms := v.ToFloat()
	if math.IsNaN(ms) || ms < 1 || ms > 2147483647 {
		ms = 1
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// timerDelay is msDelay, except that a delay in [0, 1) ms is kept as it is.
func timerDelay(v goja.Value) time.Duration {
	if ms := v.ToFloat(); ms >= 0 && ms < 1 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	return msDelay(v)
}

// natives are the Go functions the embedded scripts call.
func natives(env *bindings.Env) *goja.Object {
	vm := env.VM
	o := vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }

	set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(encodeString(call.Argument(0).String())))
	})
	set("encodeInto", func(call goja.FunctionCall) goja.Value {
		r, w := encodeInto(call.Argument(0).String(), bytesOf(vm, call.Argument(1)))
		return vm.ToValue([]any{r, w})
	})
	set("decodeUTF8", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bindings.DecodeUTF8(bytesOf(vm, call.Argument(0))))
	})
	set("newDecoder", func(call goja.FunctionCall) goja.Value {
		d := newDecoder(call.Argument(0).String(), call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean())
		if d == nil {
			return goja.Null()
		}
		decode := func(call goja.FunctionCall) goja.Value {
			out, ok := d.decode(bytesOf(vm, call.Argument(0)), call.Argument(1).ToBoolean())
			if !ok {
				return goja.Null()
			}
			return goja.StringFromUTF16(out)
		}
		return vm.ToValue([]any{d.name, decode})
	})
	set("atob", func(call goja.FunctionCall) goja.Value {
		s, ok := atob(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(s)
	})
	set("btoa", func(call goja.FunctionCall) goja.Value {
		s, ok := btoa(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(s)
	})
	// weakTimer(ms, target, fn) -> id: fn(target) after ms unless target was
	// collected (weaktimer.go); weakHold(id, strong); weakStop(id).
	wts := newWeakTimers(env)
	set("weakTimer", func(call goja.FunctionCall) goja.Value {
		target, ok := call.Argument(1).(*goja.Object)
		fn, ok2 := goja.AssertFunction(call.Argument(2))
		if !ok || !ok2 {
			panic(vm.NewTypeError("web: weakTimer needs a target and a function"))
		}
		return vm.ToValue(wts.start(timerDelay(call.Argument(0)), target, fn))
	})
	set("weakHold", func(call goja.FunctionCall) goja.Value {
		wts.hold(call.Argument(0).ToInteger(), call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	set("weakStop", func(call goja.FunctionCall) goja.Value {
		wts.stop(call.Argument(0).ToInteger())
		return goja.Undefined()
	})
	// timer(ms, fn, ref, repeat) -> stop(): a loop timer; an unreferenced one
	// does not keep the process alive.
	set("timer", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(vm.NewTypeError("web: timer callback is not a function"))
		}
		d := timerDelay(call.Argument(0))
		task := func() error { _, err := fn(goja.Undefined()); return err }
		var t *eventloop.Timer
		if call.Argument(3).ToBoolean() {
			t = env.Loop.SetInterval(d, task)
		} else {
			t = env.Loop.SetTimer(d, task)
		}
		if !call.Argument(2).ToBoolean() {
			env.Loop.Unref(t)
		}
		return vm.ToValue(func(goja.FunctionCall) goja.Value {
			env.Loop.StopTimer(t)
			return goja.Undefined()
		})
	})
	// immediate(fn) -> cancel(): a macrotask in the ready queue.
	set("immediate", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(vm.NewTypeError("web: immediate callback is not a function"))
		}
		cancelled := false
		env.Loop.Schedule(func() error {
			if cancelled {
				return nil
			}
			_, err := fn(goja.Undefined())
			return err
		})
		return vm.ToValue(func(goja.FunctionCall) goja.Value { cancelled = true; return goja.Undefined() })
	})
	// waiter(what, onCancel) -> [promise, resolve, reject]: a runtime promise
	// owned by the current asyncio task; cancelling the task rejects it and
	// calls onCancel.
	set("waiter", func(call goja.FunctionCall) goja.Value {
		onCancel, _ := goja.AssertFunction(call.Argument(1))
		w := env.NewWaiter(call.Argument(0).String(), func() {
			if onCancel != nil {
				if _, err := onCancel(goja.Undefined()); err != nil {
					env.Fatal(env.ToJSError(err))
				}
			}
		})
		resolve := func(call goja.FunctionCall) goja.Value { w.Resolve(call.Argument(0)); return goja.Undefined() }
		reject := func(call goja.FunctionCall) goja.Value { w.Reject(call.Argument(0)); return goja.Undefined() }
		return vm.ToValue([]any{w.Value(), resolve, reject, w.Done()})
	})
	return o
}
