package runtime

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
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
	src := evalSource(expr)
	if _, err := parser.ParseFile(nil, evalName, src, 0); err != nil {
		return nil, r.evalSyntaxError(err, expr)
	}
	prog, err := compileScript(evalName, src, false)
	if err != nil {
		return nil, r.compileError(err, evalName)
	}
	r.sources.put(evalName, expr)
	return r.await(ctx, func() (goja.Value, error) { return r.vm.RunProgram(prog) })
}

// evalName is the file name Eval's positions carry, as in Node's -e.
const evalName = "[eval]"

// evalSource wraps an Eval expression in an async arrow function (so it
// may await) on lines of its own, with a source map that takes every
// position back to the user's line and column.
func evalSource(expr string) string {
	// The wrapper's own lines map to an internal file (its frames are
	// left out of stacks), each of the user's columns to itself.
	var m strings.Builder
	m.WriteString("ACAA;") // line 1: source 1 (the wrapper), line 0, column 0
	prevSrc, prevLine, prevCol := 1, 0, 0
	lines := strings.Split(expr, "\n")
	for i, line := range lines {
		if i > 0 {
			m.WriteByte(';')
		}
		gen := 0
		for col := 0; col <= len(line); col++ {
			if col > 0 {
				m.WriteByte(',')
			}
			// generated column, source 0, source line, source column
			vlq(&m, col-gen)
			vlq(&m, -prevSrc)
			vlq(&m, i-prevLine)
			vlq(&m, col-prevCol)
			gen, prevSrc, prevLine, prevCol = col, 0, i, col
		}
	}
	m.WriteByte(';') // the closing line: the wrapper again
	vlq(&m, 0)
	vlq(&m, 1)
	vlq(&m, -prevLine)
	vlq(&m, -prevCol)
	sm, _ := json.Marshal(map[string]any{"version": 3, "sources": []string{evalName, "arun:internal/eval"}, "names": []string{}, "mappings": m.String()})
	return "(async () => (\n" + expr + "\n))()\n//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(sm) + "\n"
}

// vlq appends n as a source map base-64 VLQ.
func vlq(b *strings.Builder, n int) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	u := n << 1
	if n < 0 {
		u = (-n << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u > 0 {
			d |= 32
		}
		b.WriteByte(digits[d])
		if u == 0 {
			return
		}
	}
}

// evalSyntaxError reports a syntax error of an Eval expression at the
// user's line and column: an error in the wrapper's closing line is the
// input's end.
func (r *Runtime) evalSyntaxError(err error, expr string) error {
	se := &ScriptError{Kind: KindSyntax, Message: "SyntaxError: " + err.Error(), Cause: err}
	var list parser.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return se
	}
	first := list[0]
	lines := strings.Split(expr, "\n")
	line, col, msg := first.Position.Line-1, first.Position.Column, first.Message
	if line > len(lines) || line < 1 {
		line, col, msg = len(lines), len(lines[len(lines)-1])+1, "Unexpected end of input"
	}
	se.Message = "SyntaxError: " + msg
	se.File, se.Line, se.Column = evalName, line, col
	se.Frame = codeFrame(lines[line-1], line, col)
	return se
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
