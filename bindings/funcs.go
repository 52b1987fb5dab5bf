package bindings

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// AsyncFunc is an asynchronous Go function exposed to scripts. It runs on
// its own goroutine with the script's arguments exported to Go values (see
// goja.Value.Export); its ctx is cancelled when the calling asyncio task is
// cancelled or the run ends. The result is converted with Env.ToValue;
// an error rejects the promise (an *Error keeps its name and code).
type AsyncFunc func(ctx context.Context, args []any) (any, error)

// SyncFunc is a synchronous Go function exposed to scripts; it runs on the
// loop and must not block. A returned error is thrown.
type SyncFunc func(args []any) (any, error)

// AsyncValue wraps fn as a JS function that returns a promise.
func (e *Env) AsyncValue(name string, fn AsyncFunc) goja.Value {
	return e.VM.ToValue(func(call goja.FunctionCall) goja.Value {
		args := exportArgs(call.Arguments)
		// the script's frames at the call, for the stack of a rejection
		// (built later on the loop, where no script frame is running)
		frames := e.VM.CaptureCallStack(16, nil)
		return e.Async(name+"()", func(ctx context.Context) (any, error) {
			v, err := fn(ctx, args)
			if err != nil {
				return Settle(func(*goja.Runtime) (goja.Value, error) {
					return nil, e.withCallStack(err, frames)
				}), nil
			}
			if v != nil {
				if _, ok := v.(Settle); !ok && holds(v) {
					// a result with host functions inside (a client
					// object with methods): converted on the loop
					return Settle(func(*goja.Runtime) (goja.Value, error) { return e.ToValue(name, v), nil }), nil
				}
			}
			return v, nil
		})
	})
}

// calledError is a Go error whose JS error carries the stack of the script
// call that started the operation.
type calledError struct {
	err error
	v   goja.Value
}

func (c calledError) Error() string       { return c.err.Error() }
func (c calledError) Unwrap() error       { return c.err }
func (c calledError) JSValue() goja.Value { return c.v }

// withCallStack converts err and gives the JS error the frames of the call.
func (e *Env) withCallStack(err error, frames []goja.StackFrame) error {
	v := e.ToJSError(err)
	obj, ok := v.(*goja.Object)
	if !ok || len(frames) == 0 {
		return calledError{err, v}
	}
	var b strings.Builder
	b.WriteString(obj.Get("name").String())
	if msg := obj.Get("message").String(); msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	for _, f := range frames {
		var fb bytes.Buffer
		f.Write(&fb)
		b.WriteString("\n    at ")
		b.WriteString(fb.String())
	}
	_ = obj.Set("stack", CleanStack(b.String()))
	return calledError{err, v}
}

// SyncValue wraps fn as a JS function.
func (e *Env) SyncValue(fn SyncFunc) goja.Value {
	return e.VM.ToValue(func(call goja.FunctionCall) goja.Value {
		v, err := fn(exportArgs(call.Arguments))
		if err != nil {
			panic(e.ToJSError(err))
		}
		return e.ToValue("", v)
	})
}

// ToValue converts a Go value for scripts: AsyncFunc and SyncFunc become JS
// functions, also inside maps, slices, arrays and structs (see
// hostvalue.go); anything else goes through goja's ToValue.
func (e *Env) ToValue(name string, v any) goja.Value {
	if v != nil {
		if holds(v) {
			if rv := reflect.ValueOf(v); !isHostFunc(rv.Type()) {
				return (&hostConverter{e: e, done: map[ref]goja.Value{}}).convert(name, rv)
			}
		}
	}
	return e.plainValue(name, v)
}

// plainValue is ToValue for a value that holds no host function inside.
func (e *Env) plainValue(name string, v any) goja.Value {
	switch f := v.(type) {
	case AsyncFunc:
		return e.AsyncValue(name, f)
	case func(context.Context, []any) (any, error):
		return e.AsyncValue(name, f)
	case SyncFunc:
		return e.rememberHost(e.SyncValue(f), name, reflect.ValueOf(f))
	case func([]any) (any, error):
		return e.rememberHost(e.SyncValue(f), name, reflect.ValueOf(f))
	}
	jv := e.VM.ToValue(v)
	if v != nil && reflect.TypeOf(v).Kind() == reflect.Func {
		if fn, ok := goja.AssertFunction(jv); ok {
			return e.rememberHost(e.VM.ToValue(e.recoverCalls(name, fn)), name, reflect.ValueOf(v))
		}
	}
	return jv
}

// recoverCalls wraps a Go function converted by goja so that a Go panic in
// it throws a JS Error instead of unwinding through the engine and killing
// the process.
func (e *Env) recoverCalls(name string, fn goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		var res goja.Value
		var err error
		func() {
			defer func() {
				if x := recover(); x != nil {
					if ex, ok := x.(*goja.Exception); ok {
						err = ex
						return
					}
					err = goPanicError(name+"()", x)
				}
			}()
			res, err = fn(call.This, call.Arguments...)
		}()
		if err != nil {
			// an interrupt or stack overflow must keep unwinding as itself
			eventloop.PanicIfUncatchable(err)
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex)
			}
			panic(e.ToJSError(err))
		}
		return res
	}
}

// NativeModule makes a module whose exports are the given values, converted
// with Env.ToValue (so AsyncFunc values become promise-returning functions).
func NativeModule(name string, exports map[string]any) Module {
	return Module{Name: name, Init: func(env *Env, module *goja.Object) error {
		ex := env.VM.NewObject()
		for k, v := range exports {
			if err := ex.Set(k, env.ToValue(k, v)); err != nil {
				return err
			}
		}
		return module.Set("exports", ex)
	}}
}

func exportArgs(vals []goja.Value) []any {
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v.Export()
	}
	return args
}

// Callables remembers goja.AssertFunction for the last few function objects
// it was given: a native called on a hot path with one of a handful of
// callbacks (asyncio's soon, fetch's response maker) asserts each once
// instead of allocating a new wrapper per call. The zero value is ready; a
// Callables belongs to one runtime's loop goroutine.
type Callables struct {
	objs [4]*goja.Object
	fns  [4]goja.Callable
	next int
}

// Assert is goja.AssertFunction(v), remembered for v's object.
func (c *Callables) Assert(v goja.Value) (goja.Callable, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	for i, known := range c.objs {
		if known == o {
			return c.fns[i], true
		}
	}
	fn, ok := goja.AssertFunction(o)
	if ok {
		c.objs[c.next], c.fns[c.next] = o, fn
		c.next = (c.next + 1) % len(c.objs)
	}
	return fn, ok
}

// BytesOf reads a string (as UTF-8), a Uint8Array (Buffer) or an
// ArrayBuffer; false for anything else, undefined and null included. The
// result may alias script memory: copy it before keeping it.
func BytesOf(v goja.Value) ([]byte, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, false
	}
	switch x := v.Export().(type) {
	case string:
		return []byte(x), true
	case []byte:
		return x, true
	case goja.ArrayBuffer:
		return x.Bytes(), true
	}
	return nil, false
}
