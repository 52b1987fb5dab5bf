package bindings

import (
	"path/filepath"
	"strconv"
	"strings"

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

	waiters []*Waiter
	root    Coro

	// The cancel state machine (CPython's Task): cancelling counts the
	// cancel() requests not yet uncancelled, cancelMsg is the last one's
	// message; a cancellation that found no runtime await is pending
	// (delivered by the next one, CPython's _must_cancel); delivered: one was
	// delivered and the task has not run since.
	cancelling    int
	cancelMsg     goja.Value
	pendingCancel goja.Value
	cancelPending bool
	delivered     bool
}

// RequestCancel counts a cancel() request and keeps msg for the
// CancelledError it raises (deliver it with Cancel).
func (t *TaskRef) RequestCancel(msg goja.Value) {
	t.cancelling++
	t.cancelMsg = msg
}

// Cancelling is Python's Task.cancelling(): the cancel() requests not
// undone by Uncancel.
func (t *TaskRef) Cancelling() int { return t.cancelling }

// Uncancel is Python's Task.uncancel(): one request fewer; at zero a
// cancellation still pending is dropped. It returns the count left.
func (t *TaskRef) Uncancel() int {
	if t.cancelling > 0 {
		t.cancelling--
		if t.cancelling == 0 {
			t.ClearPendingCancel()
		}
	}
	return t.cancelling
}

// CancelMessage is the message of the last cancel() request (nil if none).
func (t *TaskRef) CancelMessage() goja.Value { return t.cancelMsg }

// MustCancel reports whether a cancellation waits for the task's next
// runtime await.
func (t *TaskRef) MustCancel() bool { return t.cancelPending }

// Delivered reports whether a cancellation was delivered to an await of
// the task since it last ran (SetDelivered); more cancel() calls add
// nothing until then.
func (t *TaskRef) Delivered() bool { return t.delivered }

// SetDelivered records that a cancellation was delivered (true) or that
// the task has run since (false).
func (t *TaskRef) SetDelivered(d bool) { t.delivered = d }

// taskState tracks the current async context across awaits with goja's
// async context tracker (see coro.go).
type taskState struct {
	current *Coro
	coState
	// orphans holds the waiters of coroutines that run in no task, until
	// a task adopts them; nothing cancels it.
	orphans TaskRef
	vm      *goja.Runtime
	frames  []goja.StackFrame
}

func (s *taskState) init(e *Env) {
	s.vm = e.VM
	e.VM.SetAsyncContextTracker(tracker{s})
	s.installCoro(e)
}

type tracker struct{ s *taskState }

func (t tracker) Grab() any {
	s := t.s
	c := s.current
	if sp := s.suspending; sp != nil {
		// the first await of sp: its first step ends with this reaction
		s.suspending = nil
		if sp == c {
			s.current = c.owner
		}
	}
	if c == nil {
		return nil
	}
	return c
}

func (t tracker) Resumed(v any) {
	t.s.jobBoundary()
	if v == nil {
		t.s.current = nil
		return
	}
	c := v.(*Coro)
	for c != nil && c.open {
		c = c.owner // left behind by a call that threw in its first step
	}
	t.s.current = c
}

func (t tracker) Exited() {
	t.s.jobBoundary()
	t.s.current = nil
}

// CurrentTask returns the task whose code is running, or nil.
func (e *Env) CurrentTask() *TaskRef { return e.tasks.current.taskOf() }

// SetCurrentTask makes t the running task (asyncio calls it around the first
// step of a task) and returns the previous context, to be put back with
// RestoreCurrent.
func (e *Env) SetCurrentTask(t *TaskRef) (prev *Coro) {
	prev = e.tasks.current
	if t == nil {
		e.tasks.current = nil
	} else {
		t.root.task = t
		e.tasks.current = &t.root
	}
	return prev
}

// RestoreCurrent puts back the context SetCurrentTask returned.
func (e *Env) RestoreCurrent(prev *Coro) { e.tasks.current = prev }

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
		w.Cancel(reason) // (its detach finds it gone from t.waiters)
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
	// site is the script's frame that made the waiter (its await), kept
	// unresolved: Position() reads source maps, which only a report needs.
	site    goja.StackFrame
	hasSite bool
}

// Site is where the script made the waiter ("file.js:2"), or "".
func (w *Waiter) Site() string {
	if !w.hasSite {
		return ""
	}
	p := w.site.Position()
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// NewWaiter creates a pending runtime promise owned by the current task.
// onCancel (may be nil) is called if the task is cancelled while the waiter
// is pending. If the current task has a cancellation waiting to be delivered,
// the waiter is born rejected with it: check Done before starting work.
func (e *Env) NewWaiter(what string, onCancel func()) *Waiter {
	p, res, rej := e.VM.NewPromise()
	w := &Waiter{env: e, promise: p, resolve: res, reject: rej, onCancel: onCancel, What: what, index: -1}
	e.tasks.frames = e.VM.CaptureCallStack(6, e.tasks.frames[:0])
	for _, f := range e.tasks.frames {
		if name := f.SrcName(); name != "" && name != "<native>" && !strings.HasPrefix(name, "arun:") {
			w.site, w.hasSite = f, true
			break
		}
	}
	cur := e.tasks.current
	t := cur.taskOf()
	if cur != nil && cur.id != 0 {
		if cur.open {
			e.tasks.noteWaiter(cur, w)
		}
		if t == nil {
			// a coroutine outside any task (a script's top level): kept
			// where a task that adopts the coroutine finds it
			t = &e.tasks.orphans
		}
	}
	if t != nil {
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
	if e.tracer != nil {
		e.tracer.AwaitStart(w)
	}
	return w
}

// Promise is the waiter's promise.
func (w *Waiter) Promise() *goja.Promise { return w.promise }

// Value is the waiter's promise as a JS value.
func (w *Waiter) Value() goja.Value { return w.env.VM.ToValue(w.promise) }

// Task is the task that owns the waiter, or nil.
func (w *Waiter) Task() *TaskRef {
	if w.task == &w.env.tasks.orphans {
		return nil
	}
	return w.task
}

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
	if w.env.tracer != nil {
		w.traceEnd(Resolved)
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
	if w.env.tracer != nil {
		w.traceEnd(Rejected)
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
	if w.env.tracer != nil {
		w.traceEnd(Cancelled)
	}
	w.detach()
	if w.onCancel != nil {
		w.onCancel()
	}
	_ = w.reject(reason)
}
