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

	waiters       []*Waiter
	pendingCancel goja.Value
	cancelPending bool
	root          Coro
}

// Coro is the async context of one coroutine call: what goja's async
// context tracker carries across the call's awaits. The runtime brackets
// the first step of every async function of a script (its code up to the
// first await) with CoroIn/CoroOut, so each call has its own Coro, whose
// owner is the context that called it. A coroutine belongs to the task of
// the nearest Coro up that chain that has one: its caller's task, until a
// task adopts it (AdoptPromise: createTask(coro()) and the other Python
// forms), from then on with every await it has started and every coroutine
// it calls. Each task's own first step runs in the task's root Coro.
type Coro struct {
	owner *Coro
	task  *TaskRef
	// id is the call's number; end is the last number handed out before its
	// first step ended: the calls it made meanwhile are id+1..end.
	id, end int64
	promise *goja.Object
}

// taskState tracks the current context across awaits with goja's async
// context tracker.
type taskState struct {
	current *Coro
	nextID  int64
	// fresh are the coroutines whose first step ended in the current job:
	// the only ones a task can still adopt. Cleared when a job begins.
	fresh      []*Coro
	freshIndex map[*goja.Object]int // promise -> index in fresh, for long lists
	indexed    int                  // fresh[:indexed] are in freshIndex
	// orphans holds the waiters of coroutines that run in no task, until
	// a task adopts them; nothing cancels it.
	orphans TaskRef
	jobs    uint64 // job boundaries seen (Resumed, Exited)
	frames  []goja.StackFrame
}

func (s *taskState) init(e *Env) {
	e.VM.SetAsyncContextTracker(tracker{s})
	global := e.VM.GlobalObject()
	_ = global.DefineDataProperty("__arun_in", e.VM.ToValue(s.coIn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = global.DefineDataProperty("__arun_out", e.VM.ToValue(s.coOut), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

type tracker struct{ s *taskState }

func (t tracker) Grab() any {
	if t.s.current == nil {
		return nil
	}
	return t.s.current
}

func (t tracker) Resumed(v any) {
	t.s.jobs++
	t.s.clearFresh()
	if v == nil {
		t.s.current = nil
		return
	}
	t.s.current = v.(*Coro)
}

func (t tracker) Exited() {
	t.s.jobs++
	t.s.current = nil
	t.s.clearFresh()
}

func (s *taskState) clearFresh() {
	if len(s.fresh) == 0 {
		return
	}
	clear(s.fresh)
	s.freshIndex, s.indexed = nil, 0
	if cap(s.fresh) > 1024 {
		s.fresh = nil // a burst is over
		return
	}
	s.fresh = s.fresh[:0]
}

// coIn is __arun_in(): a coroutine's first step begins.
func (s *taskState) coIn(goja.FunctionCall) goja.Value {
	s.nextID++
	s.current = &Coro{owner: s.current, id: s.nextID}
	return goja.Undefined()
}

// coOut is __arun_out(_, promise): the first step ended with promise, the
// async function's result, which is returned.
func (s *taskState) coOut(call goja.FunctionCall) goja.Value {
	p := call.Argument(1)
	c := s.current
	if c == nil || c.id == 0 {
		return p // unbalanced (an uncatchable error skipped an out): ignore
	}
	s.current = c.owner
	c.end = s.nextID
	if o, ok := p.(*goja.Object); ok {
		c.promise = o
		s.fresh = append(s.fresh, c)
	}
	return p
}

// taskOf is the task c belongs to.
func (c *Coro) taskOf() *TaskRef {
	for ; c != nil; c = c.owner {
		if c.task != nil {
			return c.task
		}
	}
	return nil
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

// JobCount changes whenever a promise job begins or ends: state kept for
// "the current job" is stale when it differs from the count it was kept at.
func (e *Env) JobCount() uint64 { return e.tasks.jobs }

// CurrentCoro is the number of the coroutine call whose code is running (0
// for a task's own first step or outside any coroutine).
func (e *Env) CurrentCoro() int64 {
	if c := e.tasks.current; c != nil {
		return c.id
	}
	return 0
}

// AdoptPromise makes t the task of the coroutine call whose promise p is,
// if that call's first step ended in the current job and no task has it
// yet: its pending runtime awaits (and those of the calls it made) move to
// t, and so does every later await. It returns the task the coroutine
// belonged to (nil if none) and the range of call numbers that moved
// (asyncio moves its own records of awaited futures with them).
func (e *Env) AdoptPromise(t *TaskRef, p *goja.Object) (old *TaskRef, lo, hi int64, ok bool) {
	s := &e.tasks
	c := s.takeFresh(p)
	if c == nil {
		return e.adoptWaiter(t, p)
	}
	if c.task != nil {
		return nil, 0, 0, false
	}
	old = c.owner.taskOf()
	from := old
	if from == nil {
		from = &s.orphans
	}
	c.task, c.owner, c.promise = t, nil, nil
	lo, hi = c.id, c.end
	if from != t {
		for j := 0; j < len(from.waiters); {
			w := from.waiters[j]
			if w.coro >= lo && w.coro <= hi {
				from.remove(w) // swaps the last waiter into j
				w.task = t
				t.add(w)
				continue
			}
			j++
		}
	}
	return old, lo, hi, true
}

// adoptWaiter: p is the promise of a pending runtime await of the current
// task (createTask(asyncio.sleep(1)), waitFor(fetch(url), 2)): it moves to
// t, so that cancelling t stops the operation behind it.
func (e *Env) adoptWaiter(t *TaskRef, p *goja.Object) (old *TaskRef, lo, hi int64, ok bool) {
	gp, isPromise := p.Export().(*goja.Promise)
	if !isPromise || gp.State() != goja.PromiseStatePending {
		return nil, 0, 0, false
	}
	from := e.CurrentTask()
	if from == nil {
		from = &e.tasks.orphans
	}
	if from == t {
		return nil, 0, 0, false
	}
	ws := from.waiters
	for i := len(ws) - 1; i >= 0; i-- {
		if w := ws[i]; w.promise == gp {
			from.remove(w)
			w.task = t
			t.add(w)
			if from == &e.tasks.orphans {
				from = nil
			}
			return from, 0, -1, true
		}
	}
	return nil, 0, 0, false
}

// takeFresh finds and removes the fresh coroutine whose promise is p: the
// last few are searched directly (createTask(coro()) adopts the newest),
// beyond that through an index built once per job (gather(...calls)).
func (s *taskState) takeFresh(p *goja.Object) *Coro {
	n := len(s.fresh)
	for i := n - 1; i >= 0 && i >= n-8; i-- {
		if c := s.fresh[i]; c != nil && c.promise == p {
			s.fresh[i] = nil
			return c
		}
	}
	if n <= 8 {
		return nil
	}
	if s.freshIndex == nil {
		s.freshIndex = make(map[*goja.Object]int, n)
	}
	for ; s.indexed < n; s.indexed++ {
		if c := s.fresh[s.indexed]; c != nil {
			s.freshIndex[c.promise] = s.indexed
		}
	}
	i, ok := s.freshIndex[p]
	if !ok {
		return nil
	}
	delete(s.freshIndex, p)
	c := s.fresh[i]
	if c == nil || c.promise != p {
		return nil
	}
	s.fresh[i] = nil
	return c
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
	coro     int64 // the coroutine call that made it (Coro.id)
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
		w.coro = cur.id
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
