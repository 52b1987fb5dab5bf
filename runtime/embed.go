package runtime

import (
	"context"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// AsyncFunc is an asynchronous Go function for scripts (see SetAsync).
type AsyncFunc = bindings.AsyncFunc

// Set makes v the global name. Go functions are callable from scripts with
// goja's conversions (a func(...) (T, error) throws its error); use SetAsync
// for functions that block. An AsyncFunc (or bindings.SyncFunc) anywhere
// inside v (map values, slice elements, struct fields) becomes a JS
// function as SetAsync makes it; such a v is converted to JS objects and
// arrays down to those functions (a struct keeps its other fields and its
// methods, through the object's prototype), while a v with none inside
// stays goja's live view of the Go value.
func (r *Runtime) Set(name string, v any) error {
	if r.isClosed() {
		return ErrClosed
	}
	return r.vm.Set(name, r.env.ToValue(name, v))
}

// SetAsync makes fn the global name: an async function that runs fn on its
// own goroutine and returns a promise. fn's context is cancelled when the
// calling asyncio task is cancelled, when the run ends or when the runtime
// closes; an error rejects the promise (a *bindings.Error keeps its name and
// code).
func (r *Runtime) SetAsync(name string, fn AsyncFunc) error {
	if r.isClosed() {
		return ErrClosed
	}
	return r.vm.Set(name, r.env.AsyncValue(name, fn))
}

// Module returns a native module named name whose exports are the given
// values (AsyncFunc values become promise-returning functions). Pass it in
// Options.Modules; scripts load it with require(name) or import.
func Module(name string, exports map[string]any) bindings.Module {
	return bindings.NativeModule(name, exports)
}

// Eval evaluates the expression expr (await allowed in it), runs the loop
// until its value (awaited, if it is a promise) is ready, and returns it as
// a Go value (goja's Export). Timers and tasks the expression started and
// that are still pending stay pending for the next call.
func (r *Runtime) Eval(ctx context.Context, expr string) (any, error) {
	v, err := r.evalValue(ctx, expr)
	if err != nil {
		return nil, err
	}
	return v.Export(), nil
}

// Eval evaluates expr in rt like Runtime.Eval and converts the result to T
// with goja's ExportTo (numbers to int or float64, objects to structs or
// maps, arrays to slices).
func Eval[T any](ctx context.Context, rt *Runtime, expr string) (T, error) {
	var zero, out T
	v, err := rt.evalValue(ctx, expr)
	if err != nil {
		return zero, err
	}
	if err := rt.vm.ExportTo(v, &out); err != nil {
		return zero, fmt.Errorf("runtime: converting the result of %q: %w", expr, err)
	}
	return out, nil
}

func (r *Runtime) evalValue(ctx context.Context, expr string) (goja.Value, error) {
	prog, err := compileScript("[eval]", "(async () => (\n"+expr+"\n))()", false)
	if err != nil {
		return nil, r.compileError(err, "[eval]")
	}
	return r.await(ctx, func() (goja.Value, error) { return r.vm.RunProgram(prog) })
}

// Call calls the function name — an export of the last main module run, or
// else a global — with args (converted by goja's ToValue), awaits its
// result and returns it as a Go value.
func (r *Runtime) Call(ctx context.Context, name string, args ...any) (any, error) {
	v, err := r.await(ctx, func() (goja.Value, error) {
		var fv goja.Value
		if r.mainExports != nil {
			fv = r.mainExports.Get(name)
		}
		if fv == nil || goja.IsUndefined(fv) {
			fv = r.vm.Get(name)
		}
		fn, ok := goja.AssertFunction(fv)
		if !ok {
			return nil, &ScriptError{Kind: KindUncaught, Message: fmt.Sprintf("TypeError: %s is not a function", name)}
		}
		jsArgs := make([]goja.Value, len(args))
		for i, a := range args {
			jsArgs[i] = r.env.ToValue(name, a)
		}
		return fn(goja.Undefined(), jsArgs...)
	})
	if err != nil {
		return nil, err
	}
	return v.Export(), nil
}

// await runs start on the loop and then the loop until the value start
// returned has settled (if it is a promise).
func (r *Runtime) await(ctx context.Context, start func() (goja.Value, error)) (goja.Value, error) {
	if r.isClosed() {
		return nil, ErrClosed
	}
	ctx, cancel := r.runCtx(ctx)
	defer cancel()
	var (
		result  goja.Value
		failure error
		settled bool
	)
	r.failure = nil
	err := r.runLoop(ctx, func() error {
		v, err := start()
		if err != nil {
			return err
		}
		if _, ok := v.Export().(*goja.Promise); !ok {
			result, settled = v, true
			r.loop.Stop(nil)
			return nil
		}
		obj := v.ToObject(r.vm)
		then, _ := goja.AssertFunction(obj.Get("then"))
		_, err = then(obj,
			r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
				result, settled = call.Argument(0), true
				r.loop.Stop(nil)
				return goja.Undefined()
			}),
			r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
				failure, settled = r.scriptError(KindUncaught, call.Argument(0)), true
				r.loop.Stop(nil)
				return goja.Undefined()
			}))
		return err
	})
	if err != nil {
		return nil, r.finishRun(ctx, err, nil)
	}
	if failure != nil {
		return nil, failure
	}
	if !settled {
		return nil, r.deadlock()
	}
	return result, nil
}
