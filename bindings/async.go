package bindings

import (
	"context"
	"errors"
	"fmt"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// Settle builds a JS value on the loop from the plain Go data a piece of
// Async work produced. Return it from work when goja.ToValue's conversion is
// not what the script should see.
type Settle func(vm *goja.Runtime) (goja.Value, error)

// ErrCancelled is the cause of the context of Async work whose task was
// cancelled.
var ErrCancelled = errors.New("bindings: operation cancelled")

// Async runs work on its own goroutine and returns a runtime promise for its
// result. The context work receives is cancelled when the awaiting task is
// cancelled (the promise then rejects at once with the cancellation reason),
// or when the run of the loop ends. work must not touch goja values; if it
// returns a Settle, that runs on the loop to build the result. An error is
// converted with ToJSError. what describes the operation for diagnostics.
func (e *Env) Async(what string, work func(ctx context.Context) (any, error)) goja.Value {
	ctx, cancel := context.WithCancelCause(e.Context())
	w := e.NewWaiter(what, func() { cancel(ErrCancelled) })
	if w.Done() {
		cancel(ErrCancelled)
		return w.Value()
	}
	start := func() {
		e.Loop.Go(ctx, func(ctx context.Context) eventloop.Task {
			v, err := safeWork(what, ctx, work)
			return func() error {
				defer e.opDone()
				defer cancel(nil)
				return e.settleOp(w, what, v, err)
			}
		})
	}
	if max := e.MaxConcurrentOps; max > 0 && e.ops.running >= max {
		// over the host's cap: wait in call order; a cancelled op never starts
		e.ops.queue = append(e.ops.queue, queuedOp{ctx: ctx, start: start})
		return w.Value()
	}
	e.ops.running++
	start()
	return w.Value()
}

// queuedOp is Async work waiting for a slot under Host.MaxConcurrentOps.
type queuedOp struct {
	ctx   context.Context
	start func()
}

// opState counts the Async work in flight (loop goroutine only).
type opState struct {
	running int
	queue   []queuedOp
}

// opDone frees an operation's slot and starts the next queued one.
func (e *Env) opDone() {
	e.ops.running--
	for len(e.ops.queue) > 0 {
		op := e.ops.queue[0]
		e.ops.queue[0] = queuedOp{}
		e.ops.queue = e.ops.queue[1:]
		if op.ctx.Err() != nil {
			continue // cancelled while queued: its promise already rejected
		}
		e.ops.running++
		op.start()
		return
	}
}

// settleOp settles an Async operation's waiter with its result.
func (e *Env) settleOp(w *Waiter, what string, v any, err error) error {
	if w.Done() {
		return nil
	}
	if err != nil {
		w.Reject(err)
		return nil
	}
	if s, ok := v.(Settle); ok {
		jv, err := safeSettle(what, s, e.VM)
		if err != nil {
			w.Reject(err)
			return nil
		}
		w.Resolve(jv)
		return nil
	}
	w.Resolve(v)
	return nil
}

// safeWork runs work, turning a panic into an error: a bug in a binding or
// in a host's AsyncFunc rejects the operation instead of killing the process.
func safeWork(what string, ctx context.Context, work func(ctx context.Context) (any, error)) (v any, err error) {
	defer func() {
		if x := recover(); x != nil {
			v, err = nil, goPanicError(what, x)
		}
	}()
	return work(ctx)
}

// safeSettle runs s on the loop, turning a panic into an error (a thrown JS
// exception stays itself).
func safeSettle(what string, s Settle, vm *goja.Runtime) (v goja.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			if ex, ok := x.(*goja.Exception); ok {
				v, err = nil, ex
				return
			}
			v, err = nil, goPanicError(what, x)
		}
	}()
	return s(vm)
}

// goPanicError is the Error an operation whose Go code panicked rejects
// with.
func goPanicError(what string, x any) error {
	return &Error{Name: "Error", Code: "ERR_GO_PANIC", Message: fmt.Sprintf("%s failed: Go panic: %v", what, x)}
}
