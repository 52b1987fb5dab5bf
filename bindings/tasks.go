package bindings

import (
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// TaskRef is the runtime's record of one asyncio task: what cancellation
// needs to find the awaits the task is suspended on. The asyncio binding owns
// tasks and keeps its own data in Data; other bindings only see TaskRefs
// through Waiters.
type TaskRef struct {
	// Data is the owner's (asyncio's) task object.
	Data any

	waiters       []*Waiter
	pendingCancel goja.Value
	cancelPending bool
}

// taskState tracks the current task across awaits with goja's async
// context tracker.
type taskState struct {
	current *TaskRef
}

func (s *taskState) init(e *Env) {
	e.VM.SetAsyncContextTracker(tracker{s})
}

type tracker struct{ s *taskState }

func (t tracker) Grab() any {
	if t.s.current == nil {
		return nil
	}
	return t.s.current
}

func (t tracker) Resumed(v any) {
	if v == nil {
		t.s.current = nil
		return
	}
	t.s.current = v.(*TaskRef)
}

func (t tracker) Exited() { t.s.current = nil }

// CurrentTask returns the task whose code is running, or nil.
func (e *Env) CurrentTask() *TaskRef { return e.tasks.current }

// SetCurrentTask makes t the running task (asyncio calls it around the first
// step of a task) and returns the previous one, to be restored afterwards.
func (e *Env) SetCurrentTask(t *TaskRef) (prev *TaskRef) {
	prev = e.tasks.current
	e.tasks.current = t
	return prev
}

// Cancel rejects every runtime await t is suspended on with reason and
// reports whether there was one. If there was none (the task awaits a promise
// the runtime does not own, or is not suspended), the cancellation is kept and
// delivered by the task's next runtime await.
func (t *TaskRef) Cancel(reason goja.Value) bool {
	if len(t.waiters) == 0 {
		t.cancelPending = true
		t.pendingCancel = reason
		return false
	}
	ws := t.waiters
	t.waiters = nil
	for _, w := range ws {
		w.task = nil
		w.Cancel(reason)
	}
	return true
}

// ClearPendingCancel forgets a cancellation not yet delivered (Python's
// uncancel when a task finished first) and reports whether there was one.
func (t *TaskRef) ClearPendingCancel() bool {
	had := t.cancelPending
	t.cancelPending, t.pendingCancel = false, nil
	return had
}

// Waiting reports how many runtime awaits t is suspended on.
func (t *TaskRef) Waiting() []*Waiter { return t.waiters }

func (t *TaskRef) add(w *Waiter) {
	w.index = len(t.waiters)
	t.waiters = append(t.waiters, w)
}

func (t *TaskRef) remove(w *Waiter) {
	i := w.index
	if i < 0 || i >= len(t.waiters) || t.waiters[i] != w {
		return
	}
	last := len(t.waiters) - 1
	t.waiters[i] = t.waiters[last]
	t.waiters[i].index = i
	t.waiters[last] = nil
	t.waiters = t.waiters[:last]
	if last == 0 && cap(t.waiters) > 8 {
		t.waiters = nil // a burst is over; a few slots stay for the next await
	}
}

// Waiter is a promise the runtime owns: the awaitable of a sleep, a queue
// get, a fetch... It belongs to the task that created it; cancelling that
// task rejects the promise with the cancellation reason and calls OnCancel so
// the operation behind it stops (a timer is cleared, a request aborted).
type Waiter struct {
	env      *Env
	promise  *goja.Promise
	resolve  func(any) error
	reject   func(any) error
	task     *TaskRef
	index    int
	onCancel func()
	done     bool
	// What describes what is awaited, for diagnostics ("sleep(1)").
	What string
}

// NewWaiter creates a pending runtime promise owned by the current task.
// onCancel (may be nil) is called if the task is cancelled while the waiter
// is pending. If the current task has a cancellation waiting to be delivered,
// the waiter is born rejected with it: check Done before starting work.
func (e *Env) NewWaiter(what string, onCancel func()) *Waiter {
	p, res, rej := e.VM.NewPromise()
	w := &Waiter{env: e, promise: p, resolve: res, reject: rej, onCancel: onCancel, What: what, index: -1}
	if t := e.tasks.current; t != nil {
		if t.cancelPending {
			reason := t.pendingCancel
			t.cancelPending, t.pendingCancel = false, nil
			w.done = true
			_ = rej(reason)
			return w
		}
		w.task = t
		t.add(w)
	}
	return w
}

// Promise is the waiter's promise.
func (w *Waiter) Promise() *goja.Promise { return w.promise }

// Value is the waiter's promise as a JS value.
func (w *Waiter) Value() goja.Value { return w.env.VM.ToValue(w.promise) }

// Task is the task that owns the waiter, or nil.
func (w *Waiter) Task() *TaskRef { return w.task }

// Done reports whether the waiter has been settled or cancelled.
func (w *Waiter) Done() bool { return w.done }

// Release detaches the waiter from its task without settling it: a
// cancellation of the task no longer reaches it (it goes to the task's next
// await instead). The waiter can still be resolved or rejected.
func (w *Waiter) Release() {
	if w.task != nil {
		w.task.remove(w)
		w.task = nil
	}
}

func (w *Waiter) detach() {
	w.done = true
	if w.task != nil {
		w.task.remove(w)
		w.task = nil
	}
}

// Resolve fulfils the waiter's promise with v (converted by goja.ToValue).
// It does nothing if the waiter is already done.
func (w *Waiter) Resolve(v any) {
	if w.done {
		return
	}
	w.detach()
	_ = w.resolve(v)
}

// Reject rejects the waiter's promise. A Go error is converted with
// Env.ToJSError.
func (w *Waiter) Reject(v any) {
	if w.done {
		return
	}
	w.detach()
	if err, ok := v.(error); ok {
		v = w.env.ToJSError(err)
	}
	_ = w.reject(v)
}

// ResolveCall settles the waiter with the outcome of a call into
// JavaScript: resolved with v, or rejected with what the script threw.
// goja's uncatchable errors (interrupt, stack overflow) are re-panicked;
// any other Go error is returned for the caller's loop task to report.
func (w *Waiter) ResolveCall(v goja.Value, err error) error {
	if err == nil {
		w.Resolve(v)
		return nil
	}
	eventloop.PanicIfUncatchable(err)
	if ex, ok := err.(*goja.Exception); ok {
		w.Reject(ex.Value())
		return nil
	}
	return err
}

// Cancel calls OnCancel and rejects the promise with reason.
func (w *Waiter) Cancel(reason goja.Value) {
	if w.done {
		return
	}
	w.detach()
	if w.onCancel != nil {
		w.onCancel()
	}
	_ = w.reject(reason)
}
