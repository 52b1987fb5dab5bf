package bindings

import (
	"reflect"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// Coroutines and the tasks that adopt them.
//
// A JavaScript async function starts when it is called, so in
// createTask(coro()) its first step (its code up to the first await) runs,
// and starts its awaits, before the task exists. The runtime marks the
// first step of every async function of a script (runtime's coro.go):
// __arun_in when a call begins, __arun_aw just before its first await,
// __arun_end when it returns without one. Each call thus has its own async
// context, a Coro, whose owner is the context that called it; goja's async
// context tracker carries it across the call's awaits. A coroutine belongs
// to the task of the nearest Coro up that chain that has one: its caller's,
// until a task adopts it (Env.AdoptPromise), from then on with every await
// it has started and every coroutine it calls. Each task's own first step
// runs in the task's root Coro.
//
// What a first step made (its runtime awaits, the futures it awaited) is
// kept until the end of the job in which it ran: adoption is for a call
// made in the same job, which all of Python's forms are (createTask(coro()),
// gather(a(), b()), calls.map(createTask), asyncio.run(main())).

// Coro is the async context of one coroutine call.
type Coro struct {
	owner *Coro
	task  *TaskRef
	id    int64 // the call's number
	// open: its first step has not ended. A context still open when a later
	// job resumes it belongs to a call whose first step threw.
	open bool
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

// step is what an open first step has made so far.
type step struct {
	c     *Coro
	first []*Waiter    // runtime awaits (with those of the calls it made)
	notes []*awaitNote // futures' boxes (NoteAwait)
}

// fresh is a call whose first step ended by awaiting, in the current job.
type fresh struct {
	step
	// awaited is the promise its first await waits on, through which its
	// own promise is found (promiseOf). byOrder: that cannot be done, since
	// the awaited promise was settled already (the await's reaction went
	// straight to goja's job queue) or the step returned a promise instead
	// of awaiting (`return sem.withAcquire(...)`: the call's promise is
	// resolved with it by a later job); such calls are matched by order.
	awaited *goja.Object
	byOrder bool
	taken   bool
}

type awaitNote struct {
	box   *goja.Object
	taken bool
}

// coState is taskState's share for coroutines.
type coState struct {
	nextID int64
	steps  []step  // the open first steps, innermost last
	fresh  []fresh // cleared when a job begins or ends
	index  map[uintptr]int
	// indexed: fresh[:indexed] are in index (promise address -> position)
	indexed int
	// suspending is the call whose first await comes next (__arun_aw): that
	// await's reaction is the next one registered (tracker.Grab)
	suspending  *Coro
	promiseCtor goja.Value
	loop        *eventloop.Loop
	turn        uint64 // the macrotask the fresh calls were made in (Loop.Executed)
	// an index of one task's waiters by promise, for the current job
	waiterIndex    map[*goja.Promise]*Waiter
	waiterIndexOf  *TaskRef
	waiterIndexLen int
}

func (s *taskState) installCoro(e *Env) {
	s.loop = e.Loop
	global := e.VM.GlobalObject()
	s.promiseCtor = global.Get("Promise")
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{"__arun_in": s.coIn, "__arun_aw": s.coAw, "__arun_end": s.coEnd} {
		_ = global.DefineDataProperty(name, e.VM.ToValue(fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// jobBoundary forgets what only the job that ended could use.
func (s *taskState) jobBoundary() {
	s.forgetJob()
}

// sameTurn forgets the previous job's fresh calls when a new macrotask
// runs (macrotasks that run no promise job see no Resumed or Exited).
func (s *taskState) sameTurn() {
	if n := s.loop.Executed(); n != s.turn {
		s.turn = n
		s.forgetJob()
	}
}

func (s *taskState) forgetJob() {
	s.suspending = nil
	if len(s.steps) > 0 {
		clear(s.steps) // left by first steps that threw
		s.steps = s.steps[:0]
	}
	if len(s.fresh) == 0 {
		return
	}
	clear(s.fresh)
	s.index, s.indexed = nil, 0
	if cap(s.fresh) > 1024 {
		s.fresh = nil // a burst is over
		return
	}
	s.fresh = s.fresh[:0]
}

// coIn is __arun_in(): a coroutine's first step begins; it returns the
// call's number.
func (s *taskState) coIn(goja.FunctionCall) goja.Value {
	s.sameTurn()
	s.nextID++
	c := &Coro{owner: s.current, id: s.nextID, open: true}
	s.current = c
	s.steps = append(s.steps, step{c: c})
	return s.vm.ToValue(s.nextID)
}

// coAw is __arun_aw(id, _, x): the first await of call id is about to wait
// on x. It returns the promise the await will wait on: x itself if x is a
// plain native promise (as the await would use it), otherwise a promise
// resolved with x (as the await would make). The await's reaction on it is
// how the call's own promise is found when a task adopts it.
func (s *taskState) coAw(call goja.FunctionCall) goja.Value {
	x := call.Argument(2)
	i := s.find(call.Argument(0).ToInteger())
	if i < 0 {
		return x
	}
	// the step is still open while x's then is looked up: a future's then
	// getter notes the await (NoteAwait)
	var p *goja.Object
	if o, ok := x.(*goja.Object); ok && o.ExportType() == promiseType && o.Get("constructor") == s.promiseCtor {
		p = o // (Export would copy a non-promise object whole)
	}
	if p == nil {
		np, res, _ := s.vm.NewPromise()
		_ = res(x)
		p = s.vm.ToValue(np).(*goja.Object)
	}
	st := s.close(i)
	f := fresh{step: st, awaited: p}
	if gp, _ := p.Export().(*goja.Promise); gp != nil && gp.State() != goja.PromiseStatePending {
		f.byOrder = true
	}
	s.fresh = append(s.fresh, f)
	s.suspending = st.c
	return p
}

// coEnd is __arun_end(id, v): call id's first step returns v without having
// awaited; v is returned.
func (s *taskState) coEnd(call goja.FunctionCall) goja.Value {
	v := call.Argument(1)
	if i := s.find(call.Argument(0).ToInteger()); i >= 0 {
		st := s.close(i)
		s.current = st.c.owner
		if o, ok := v.(*goja.Object); ok && isPendingThenable(o) {
			// its work goes on in what it returned: adoptable, by order
			s.fresh = append(s.fresh, fresh{step: st, byOrder: true})
		}
	}
	return v
}

// isPendingThenable: o is a promise not yet settled, or another thenable.
func isPendingThenable(o *goja.Object) bool {
	if o.ExportType() == promiseType {
		gp, _ := o.Export().(*goja.Promise)
		return gp != nil && gp.State() == goja.PromiseStatePending
	}
	_, ok := goja.AssertFunction(o.Get("then"))
	return ok
}

// find is the position in steps of call id's first step, which is running;
// steps after it (and contexts below it) were left by calls it made that
// threw before their first await: they are dropped. -1 if it is not there
// (an uncatchable error skipped a mark).
func (s *taskState) find(id int64) int {
	for i := len(s.steps) - 1; i >= 0; i-- {
		if c := s.steps[i].c; c.id == id {
			clear(s.steps[i+1:])
			s.steps = s.steps[:i+1]
			s.current = c
			return i
		} else if c.id < id {
			break
		}
	}
	return -1
}

// close ends the first step at position i (the last): what it made passes
// to its caller's first step, if that is still open (the caller's own task
// takes it over unless the call is adopted first).
func (s *taskState) close(i int) step {
	st := s.steps[i]
	s.steps[i] = step{}
	s.steps = s.steps[:i]
	st.c.open = false
	if i > 0 && s.steps[i-1].c == st.c.owner {
		o := &s.steps[i-1]
		o.first = append(o.first, st.first...)
		o.notes = append(o.notes, st.notes...)
	}
	return st
}

// noteWaiter records w as made in c's first step.
func (s *taskState) noteWaiter(c *Coro, w *Waiter) {
	if n := len(s.steps); n > 0 && s.steps[n-1].c == c {
		s.steps[n-1].first = append(s.steps[n-1].first, w)
	}
}

// NoteAwait records box, whose element 0 is the task an await of a future
// belongs to, if the await is in a coroutine's first step: AdoptPromise
// hands it back when a task adopts that coroutine.
func (e *Env) NoteAwait(box *goja.Object) {
	s := &e.tasks
	if n := len(s.steps); n > 0 && s.steps[n-1].c == s.current {
		s.steps[n-1].notes = append(s.steps[n-1].notes, &awaitNote{box: box})
	}
}

// InFirstStep reports whether the running code is the first step of a
// coroutine call (up to its first await), which a task may still adopt.
func (e *Env) InFirstStep() bool {
	c := e.tasks.current
	return c != nil && c.open
}

// AdoptPromise makes t the task of the coroutine call whose promise p is,
// if that call's first step ended in the current job and no task has it
// yet: the runtime awaits its first step made (and those of the calls it
// made) move to t, and so does every later await. Failing that, if p is a
// pending runtime await of the current task (createTask(asyncio.sleep(1)),
// waitFor(fetch(url), 2)), that await moves to t. It returns the futures'
// boxes the call's first step noted (NoteAwait), for the caller to point at
// t.
func (e *Env) AdoptPromise(t *TaskRef, p *goja.Object) (boxes []*goja.Object, ok bool) {
	s := &e.tasks
	s.sameTurn()
	f := s.takeFresh(p)
	if f == nil {
		if e.adoptWaiter(t, p) {
			return nil, true
		}
		if f = s.takeByOrder(p); f == nil {
			return nil, false
		}
	}
	c := f.c
	if c.task != nil {
		return nil, false
	}
	from := c.owner.taskOf()
	if from == nil {
		from = &s.orphans
	}
	c.task, c.owner = t, nil
	for _, w := range f.first {
		if w.task == from && !w.done {
			from.remove(w)
			w.task = t
			t.add(w)
		}
	}
	for _, n := range f.notes {
		if !n.taken { // (not taken by a call it made that was adopted first)
			n.taken = true
			boxes = append(boxes, n.box)
		}
	}
	f.first, f.notes, f.awaited = nil, nil, nil
	return boxes, true
}

// OwnAwait reports whether p is the promise of a pending runtime await
// (fetch(url), sleep(1), q.get()) of the current task, made among its
// newest few: cancelling the task rejects it and stops the operation
// behind it, so a timeout can run it in the task itself (waitFor) with no
// task of its own. It changes nothing.
func (e *Env) OwnAwait(p *goja.Object) bool {
	gp, ok := p.Export().(*goja.Promise)
	if !ok || gp.State() != goja.PromiseStatePending {
		return false
	}
	t := e.CurrentTask()
	if t == nil {
		return false
	}
	ws := t.waiters
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-8; i-- {
		if ws[i].promise == gp {
			return !ws[i].done
		}
	}
	return false
}

// adoptWaiter: p is the promise of a pending runtime await of the current
// task: it moves to t, so that cancelling t stops the operation behind it.
func (e *Env) adoptWaiter(t *TaskRef, p *goja.Object) bool {
	gp, isPromise := p.Export().(*goja.Promise)
	if !isPromise || gp.State() != goja.PromiseStatePending {
		return false
	}
	from := e.CurrentTask()
	if from == nil {
		from = &e.tasks.orphans
	}
	if from == t {
		return false
	}
	w := e.tasks.findWaiter(from, gp)
	if w == nil {
		return false
	}
	from.remove(w)
	w.task = t
	t.add(w)
	return true
}

// findWaiter is from's waiter of promise gp: the newest few are searched,
// beyond that an index (gather(...urls.map(fetch))), rebuilt when it
// misses; an entry is used only if it is still from's and pending.
func (s *taskState) findWaiter(from *TaskRef, gp *goja.Promise) *Waiter {
	ws := from.waiters
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-8; i-- {
		if ws[i].promise == gp {
			return ws[i]
		}
	}
	if len(ws) <= 8 {
		return nil
	}
	w := s.waiterIndex[gp]
	if s.waiterIndexOf != from || (w == nil && s.waiterIndexLen != len(ws)) {
		// (re)build: another task's, or its waiters changed since
		s.waiterIndex = make(map[*goja.Promise]*Waiter, len(ws))
		s.waiterIndexOf, s.waiterIndexLen = from, len(ws)
		for _, w := range ws {
			s.waiterIndex[w.promise] = w
		}
		w = s.waiterIndex[gp]
	}
	if w == nil || w.task != from || w.done {
		return nil
	}
	delete(s.waiterIndex, gp)
	return w
}

// takeFresh finds the fresh call whose promise is p: the newest is tried
// first (createTask(coro()) adopts the call just made), then an index built
// once per job (gather(...calls)).
func (s *taskState) takeFresh(p *goja.Object) *fresh {
	want := reflect.ValueOf(p).Pointer()
	n := len(s.fresh)
	if s.index == nil {
		if n == 0 {
			return nil
		}
		if f := &s.fresh[n-1]; !f.taken && promiseOf(f) == want {
			f.taken = true
			return f
		}
		if n == 1 {
			return nil
		}
		s.index = make(map[uintptr]int, n)
	}
	for ; s.indexed < n; s.indexed++ {
		if f := &s.fresh[s.indexed]; !f.taken {
			if a := promiseOf(f); a != 0 {
				s.index[a] = s.indexed
			}
		}
	}
	i, ok := s.index[want]
	if !ok {
		return nil
	}
	delete(s.index, want)
	f := &s.fresh[i]
	if f.taken {
		return nil
	}
	f.taken = true
	return f
}

// takeByOrder: no fresh call is known to have made p, but one whose own
// promise cannot be read may have (byOrder: its first await was on a settled
// promise, `await q.get()` with items queued, or it returned a promise). A
// pending p that nothing awaits or follows yet is taken to be the earliest
// such call the running code made, which is right for the forms that wrap
// calls in the order they were made (createTask(coro()), gather(a(), b()),
// calls.map(createTask)).
func (s *taskState) takeByOrder(p *goja.Object) *fresh {
	gp, ok := p.Export().(*goja.Promise)
	if !ok || gp.State() != goja.PromiseStatePending || !gojaLayout.ok {
		return nil
	}
	if reactions(gp).Len() != 0 {
		return nil // awaited or followed already: not a call just made
	}
	// the earliest made of the calls the running code made itself (a call
	// they made in turn is theirs to hand over)
	var best *fresh
	for i := range s.fresh {
		if f := &s.fresh[i]; !f.taken && f.byOrder && f.c.owner == s.current && (best == nil || f.c.id < best.c.id) {
			best = f
		}
	}
	if best != nil {
		best.taken = true
	}
	return best
}

var promiseType = reflect.TypeOf((*goja.Promise)(nil))

func reactions(gp *goja.Promise) reflect.Value {
	return reflect.ValueOf(gp).Elem().Field(gojaLayout.reactions)
}

// promiseOf is f's call's own promise (the async function's result), as an
// address: the promise its first await's reaction resolves, found among the
// awaited promise's reactions (goja keeps no other link). 0 if not found:
// the awaited promise was already settled (the reaction went straight to
// the job queue) or goja's layout is not the one this reads (the
// Python-form parity cases in bindings/asyncio fail then).
func promiseOf(f *fresh) uintptr {
	if f.awaited == nil || !gojaLayout.ok {
		return 0
	}
	gp, ok := f.awaited.Export().(*goja.Promise)
	if !ok {
		return 0
	}
	l := &gojaLayout
	rs := reactions(gp)
	self := reflect.ValueOf(f.c).Pointer()
	for i := rs.Len() - 1; i >= 0; i-- {
		r := rs.Index(i)
		if r.IsNil() {
			continue
		}
		r = r.Elem()
		ctx := r.Field(l.ctx)
		if ctx.IsNil() || ctx.Elem().Kind() != reflect.Pointer || ctx.Elem().Pointer() != self {
			continue
		}
		ar := r.Field(l.runner)
		if ar.IsNil() {
			return 0
		}
		pc := ar.Elem().Field(l.capability)
		if pc.IsNil() {
			return 0
		}
		return pc.Elem().Field(l.promise).Pointer()
	}
	return 0
}

// gojaLayout: where goja keeps a promise's reactions and, for each (an
// await's), its async context, the async function it resumes and that
// function's promise. Read once; ok is false if goja's types changed.
var gojaLayout = func() (l struct {
	ok                                          bool
	reactions, ctx, runner, capability, promise int
}) {
	field := func(t reflect.Type, name string, kind reflect.Kind) (reflect.Type, int, bool) {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := t.FieldByName(name)
		if !ok || len(f.Index) != 1 || f.Type.Kind() != kind {
			return nil, 0, false
		}
		return f.Type, f.Index[0], true
	}
	rt, i1, ok1 := field(promiseType, "fulfillReactions", reflect.Slice)
	if !ok1 || rt.Elem().Kind() != reflect.Pointer {
		return
	}
	reaction := rt.Elem()
	_, i2, ok2 := field(reaction, "asyncCtx", reflect.Interface)
	art, i3, ok3 := field(reaction, "asyncRunner", reflect.Pointer)
	if !ok2 || !ok3 {
		return
	}
	pct, i4, ok4 := field(art, "promiseCap", reflect.Pointer)
	if !ok4 {
		return
	}
	_, i5, ok5 := field(pct, "promise", reflect.Pointer)
	if !ok5 {
		return
	}
	l.ok, l.reactions, l.ctx, l.runner, l.capability, l.promise = true, i1, i2, i3, i4, i5
	return
}()
