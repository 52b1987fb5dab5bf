package asyncio

import (
	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// waitq is a FIFO of waiters: the _waiters deque of CPython's Lock,
// Semaphore, Event, Condition and the getters/putters of Queue. Each waiter
// is a bindings Waiter owned by the task that waits. Waking a waiter marks
// it woken at once and settles its promise on a later turn of the loop (as
// CPython's set_result schedules the task's wake-up); the owner's deliver
// hook runs just before, which is where CPython's code after `await fut`
// runs (the lock is taken, the item dequeued).
type waitq struct {
	c    *core
	what string
	// owner is passed to the hooks.
	owner goja.Value
	// deliver(owner, data, value) returns what the waiter resolves with, or
	// the REWAIT sentinel to queue the waiter again (CPython's `while` loop
	// around `await fut`); a throw rejects the waiter.
	deliver goja.Callable
	// cancelWoken(owner) runs when a woken waiter is cancelled before its
	// delivery (CPython's `except CancelledError` after a successful
	// set_result): the owner passes the wake-up on.
	cancelWoken goja.Callable

	items []*leaf
	head  int
	live  int // waiters neither cancelled nor delivered (woken included)
	dead  int // cancelled waiters still in items
}

const (
	leafPending = iota
	leafWoken
	leafDone
)

type leaf struct {
	q     *waitq
	w     *bindings.Waiter
	state uint8
	data  goja.Value
	val   goja.Value
	// run(runA, runB), if set, runs in the waiter's task once it is
	// delivered, and the waiter resolves with its result (waitRun)
	run        goja.Callable
	runA, runB goja.Value
}

// wq(owner, what, deliver, cancelWoken): a new wait queue handle.
func (c *core) newWaitq(call goja.FunctionCall) goja.Value {
	q := &waitq{c: c, owner: call.Argument(0), what: call.Argument(1).String()}
	q.deliver, _ = goja.AssertFunction(call.Argument(2))
	q.cancelWoken, _ = goja.AssertFunction(call.Argument(3))
	return c.vm.ToValue(q)
}

func (c *core) q(v goja.Value) *waitq {
	if o, ok := v.(*goja.Object); ok {
		if q, ok := o.Export().(*waitq); ok {
			return q
		}
	}
	c.throw(bindings.TypeErrorf("asyncio: not a wait queue"))
	return nil
}

// wait(q, data): a promise settled when the waiter is woken and delivered.
func (c *core) wait(call goja.FunctionCall) goja.Value {
	return c.enqueue(c.q(call.Argument(0)), &leaf{data: call.Argument(1)})
}

// waitRun(q, data, run, a, b): like wait, but once delivered the waiter's
// task runs run(a, b) at once and the promise follows its result. That is
// `await lock.acquire(); return body()` without an async function pending
// per waiter (withLock, withAcquire).
func (c *core) waitRun(call goja.FunctionCall) goja.Value {
	run, ok := goja.AssertFunction(call.Argument(2))
	if !ok {
		c.throw(bindings.TypeErrorf("asyncio: waitRun needs a function"))
	}
	return c.enqueue(c.q(call.Argument(0)), &leaf{data: call.Argument(1), run: run, runA: call.Argument(3), runB: call.Argument(4)})
}

func (c *core) enqueue(q *waitq, l *leaf) goja.Value {
	l.q = q
	l.w = c.env.NewWaiter(q.what, l.onCancel)
	if l.w.Done() {
		return l.w.Value() // a cancellation was waiting for this await
	}
	q.push(l)
	q.live++
	return l.w.Value()
}

func (q *waitq) push(l *leaf) {
	if q.head > 32 && q.head*2 >= len(q.items) {
		n := copy(q.items, q.items[q.head:])
		for i := n; i < len(q.items); i++ {
			q.items[i] = nil
		}
		q.items = q.items[:n]
		q.head = 0
	}
	q.items = append(q.items, l)
}

// compact drops cancelled waiters when they outnumber the live ones.
func (q *waitq) compact() {
	out := q.items[:0]
	for _, l := range q.items[q.head:] {
		if l.state == leafPending {
			out = append(out, l)
		}
	}
	for i := len(out); i < len(q.items); i++ {
		q.items[i] = nil
	}
	q.items = out
	q.head = 0
	q.dead = 0
}

func (l *leaf) onCancel() {
	q := l.q
	prev := l.state
	if prev == leafDone {
		return
	}
	l.state = leafDone
	q.live--
	if prev == leafPending {
		q.dead++
		if q.dead > 64 && q.dead > q.live {
			q.compact()
		}
		return
	}
	if prev == leafWoken && q.cancelWoken != nil {
		if _, err := q.cancelWoken(goja.Undefined(), q.owner); err != nil {
			rethrow(err)
		}
	}
}

// wakeOne wakes the first pending waiter; false if there is none.
func (q *waitq) wakeOne(val goja.Value) bool {
	for q.head < len(q.items) {
		l := q.items[q.head]
		q.items[q.head] = nil
		q.head++
		if l.state != leafPending {
			q.dead--
			continue
		}
		l.state = leafWoken
		l.val = val
		if tr := q.c.env.Tracer(); tr != nil {
			tr.AwaitWake(l.w, q.c.env.CurrentTask())
		}
		q.c.loop.Schedule(l.settle)
		if q.head == len(q.items) {
			q.items, q.head = q.items[:0], 0
		}
		return true
	}
	q.items, q.head, q.dead = q.items[:0], 0, 0
	return false
}

// settle delivers a woken waiter (a loop task).
func (l *leaf) settle() error {
	if l.w.Done() || l.state != leafWoken {
		return nil // cancelled meanwhile
	}
	q := l.q
	l.state = leafDone
	q.live--
	v := l.val
	if q.deliver != nil {
		r, err := q.deliver(goja.Undefined(), q.owner, l.data, v)
		if err != nil {
			return l.w.ResolveCall(nil, err) // rejects with a JS exception
		}
		if o, ok := r.(*goja.Object); ok && o == q.c.rewait {
			l.state = leafPending
			l.val = nil
			q.live++
			q.push(l)
			return nil
		}
		v = r
	}
	if l.run != nil {
		// the waiter's task goes on: as after its `await` in CPython. The
		// waiter leaves the task first, so that a cancel() in the body is
		// kept for the body's next await instead of rejecting this waiter.
		task := l.w.Task()
		l.w.Release()
		prev := q.c.env.SetCurrentTask(task)
		r, err := l.run(goja.Undefined(), l.runA, l.runB)
		q.c.env.RestoreCurrent(prev)
		l.run, l.runA, l.runB = nil, nil, nil
		return l.w.ResolveCall(r, err)
	}
	l.w.Resolve(v)
	return nil
}

// wake(q, value): wakes the first pending waiter; reports whether there was
// one.
func (c *core) wake(call goja.FunctionCall) goja.Value {
	return c.vm.ToValue(c.q(call.Argument(0)).wakeOne(call.Argument(1)))
}

// wakeAll(q, value): wakes every pending waiter; returns how many.
func (c *core) wakeAll(call goja.FunctionCall) goja.Value {
	q := c.q(call.Argument(0))
	val := call.Argument(1)
	n := 0
	for q.wakeOne(val) {
		n++
	}
	return c.vm.ToValue(n)
}

// live(q): waiters neither cancelled nor delivered.
func (c *core) live(call goja.FunctionCall) goja.Value {
	return c.vm.ToValue(c.q(call.Argument(0)).live)
}
