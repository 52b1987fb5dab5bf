package bindings

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/dop251/goja"
)

// Blocking host functions off the loop: asyncio.toThread(fn, ...args) and
// loop.runInExecutor(null, fn, ...args). A synchronous Go function the host
// exposed (Runtime.Set, Module, ToValue) runs on the loop when a script
// calls it; ToThread runs the same function on a goroutine of its own
// instead, as CPython's to_thread runs a blocking call in a thread. The
// arguments are converted to the function's parameter types on the loop
// (goja's ExportTo), the result back on the loop; nothing of goja is
// touched off it. JavaScript functions cannot leave the loop: for them,
// asyncio.toWorker.

type hostFuncsKey struct{}

type hostFunc struct {
	name string
	fn   reflect.Value
}

// rememberHost records that the JS function v is the host's Go function fn.
func (e *Env) rememberHost(v goja.Value, name string, fn reflect.Value) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		m, _ := e.values[hostFuncsKey{}].(map[*goja.Object]hostFunc)
		if m == nil {
			m = map[*goja.Object]hostFunc{}
			e.values[hostFuncsKey{}] = m
		}
		m[o] = hostFunc{name, fn}
	}
	return v
}

var errorType = reflect.TypeFor[error]()

// ToThread calls the host function fnv with args on a goroutine and
// returns a runtime promise of its result (cancelling the awaiting task
// rejects it at once; the call itself cannot be stopped, but a function
// whose first parameter is a context.Context gets one that is cancelled).
// A function that is not the host's is a TypeError.
func (e *Env) ToThread(what string, fnv goja.Value, args []goja.Value) goja.Value {
	o, _ := fnv.(*goja.Object)
	m, _ := e.values[hostFuncsKey{}].(map[*goja.Object]hostFunc)
	hf, ok := m[o]
	if !ok || o == nil {
		if _, isFn := goja.AssertFunction(fnv); isFn {
			panic(e.ToJSError(TypeErrorf("%s runs a blocking host (Go) function; a JavaScript function cannot leave the loop: use asyncio.toWorker(file, exportName, ...args)", what)))
		}
		panic(e.ToJSError(TypeErrorf("%s: the function must be a host function, not %s", what, fnv.String())))
	}
	ft := hf.fn.Type()
	var in []reflect.Value
	var call func(ctx context.Context) ([]reflect.Value, error)
	if ft == reflect.TypeFor[SyncFunc]() || ft == reflect.TypeFor[func([]any) (any, error)]() {
		a := exportArgs(args)
		call = func(context.Context) ([]reflect.Value, error) {
			return hf.fn.Call([]reflect.Value{reflect.ValueOf(a)}), nil
		}
	} else {
		withCtx := ft.NumIn() > 0 && ft.In(0) == reflect.TypeFor[context.Context]()
		first := 0
		if withCtx {
			first = 1
		}
		n := ft.NumIn() - first
		for i := 0; i < n || (ft.IsVariadic() && i < len(args)); i++ {
			var t reflect.Type
			switch {
			case ft.IsVariadic() && i >= n-1:
				t = ft.In(ft.NumIn() - 1).Elem()
			default:
				t = ft.In(first + i)
			}
			p := reflect.New(t)
			var a goja.Value = goja.Undefined()
			if i < len(args) {
				a = args[i]
			}
			if !goja.IsUndefined(a) {
				if err := e.VM.ExportTo(a, p.Interface()); err != nil {
					panic(e.ToJSError(TypeErrorf("%s: argument %d of %s: %v", what, i+1, hf.name, err)))
				}
			}
			in = append(in, p.Elem())
		}
		call = func(ctx context.Context) ([]reflect.Value, error) {
			vals := in
			if withCtx {
				vals = append([]reflect.Value{reflect.ValueOf(ctx)}, in...)
			}
			return hf.fn.Call(vals), nil
		}
	}
	return e.Async(what+"("+hf.name+")", func(ctx context.Context) (any, error) {
		out, err := callRecovering(hf.name, func() ([]reflect.Value, error) { return call(ctx) })
		if err != nil {
			return nil, err
		}
		if len(out) > 0 && out[len(out)-1].Type() == errorType {
			if ev := out[len(out)-1]; !ev.IsNil() {
				return nil, ev.Interface().(error)
			}
			out = out[:len(out)-1]
		}
		switch len(out) {
		case 0:
			return nil, nil
		case 1:
			return out[0].Interface(), nil
		}
		res := make([]any, len(out))
		for i, v := range out {
			res[i] = v.Interface()
		}
		return res, nil
	})
}

// callRecovering turns a panic of the host function into an error.
func callRecovering(name string, f func() ([]reflect.Value, error)) (out []reflect.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok && errors.Is(e, context.Canceled) {
				err = e
				return
			}
			err = fmt.Errorf("%s() panicked: %v", name, x)
		}
	}()
	return f()
}
