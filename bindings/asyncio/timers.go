package asyncio

import (
	"strconv"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// timerWheel groups asyncio's timers (sleeps, callLater) by deadline: all
// timers due at the same instant share one loop timer and fire in the order
// they were set, in one macrotask, as CPython runs every timer that is due in
// one iteration. A timer set elsewhere on the loop (setTimeout, a fetch
// timeout) closes the open buckets: an asyncio timer set after it at the
// same instant goes into a new bucket and fires after it, so timers due at
// one instant fire in the order they were set, whoever set them. Deadlines
// are computed from a base time that is reused for a millisecond, so sleeps
// of the same length started together (by tasks started in the same turn)
// are due at the same instant, whatever the microseconds between them: that
// makes 100k concurrent sleeps cost a handful of loop timers. Under virtual
// time the clock stands still while code runs, so the loop's own reading is
// exact and is used as it is.
type timerWheel struct {
	c       *core
	buckets map[time.Duration]*bucket
	byID    map[int64]*timerItem
	nextID  int64
	base    time.Duration
	hasBase bool
	seq     uint64 // the loop's TimerSeq after the wheel's last SetTimer
	epoch   uint64 // bumped when a timer set elsewhere closes the buckets
}

type bucket struct {
	wheel *timerWheel
	when  time.Duration
	epoch uint64 // open while it equals the wheel's
	t     *eventloop.Timer
	items []*timerItem
	live  int
}

type timerItem struct {
	b      *bucket
	w      *bindings.Waiter // a sleep
	result goja.Value
	fn     goja.Callable // a callback
	arg    goja.Value
	id     int64
	dead   bool
}

// baseReuse is how long a deadline base is reused.
const baseReuse = time.Millisecond

func (tw *timerWheel) init(c *core) {
	tw.c = c
	tw.buckets = map[time.Duration]*bucket{}
	tw.byID = map[int64]*timerItem{}
}

func (tw *timerWheel) now() time.Duration {
	now := tw.c.loop.Now()
	if tw.c.loop.Virtual() {
		return now
	}
	if tw.hasBase && now >= tw.base && now-tw.base < baseReuse {
		return tw.base
	}
	tw.base, tw.hasBase = now, true
	return now
}

func (tw *timerWheel) add(d time.Duration, it *timerItem) {
	when := tw.now() + d
	loop := tw.c.loop
	if loop.TimerSeq() != tw.seq {
		tw.epoch++ // the open buckets keep firing but take no more items
	}
	b := tw.buckets[when]
	if b == nil || b.epoch != tw.epoch {
		b = &bucket{wheel: tw, when: when, epoch: tw.epoch}
		tw.buckets[when] = b
		b.t = loop.SetTimer(when-loop.Now(), b.fire)
		tw.seq = loop.TimerSeq()
	}
	it.b = b
	b.items = append(b.items, it)
	b.live++
}

func (tw *timerWheel) remove(it *timerItem) {
	if it.dead {
		return
	}
	it.dead = true
	if it.id != 0 {
		delete(tw.byID, it.id)
	}
	b := it.b
	if b == nil {
		return
	}
	b.live--
	if b.live == 0 {
		if tw.buckets[b.when] == b {
			delete(tw.buckets, b.when)
		}
		tw.c.loop.StopTimer(b.t)
	}
}

func (b *bucket) fire() error {
	tw := b.wheel
	if tw.buckets[b.when] == b {
		delete(tw.buckets, b.when)
	}
	for i, it := range b.items {
		b.items[i] = nil
		if it.dead {
			continue
		}
		it.dead = true
		if it.w != nil {
			it.w.Resolve(it.result)
			continue
		}
		delete(tw.byID, it.id)
		if _, err := it.fn(goja.Undefined(), it.arg); err != nil {
			return err
		}
	}
	b.items = nil
	return nil
}

// sleep(s, result): a runtime promise resolved with result after s
// seconds; sleep(0) resolves on the next turn of the loop.
func (c *core) sleep(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	d := seconds(arg)
	it := &timerItem{result: call.Argument(1)}
	if d > 0 {
		what := "sleep(" + strconv.FormatFloat(arg.ToFloat(), 'g', -1, 64) + ")"
		it.w = c.env.NewWaiter(what, func() { c.wheel.remove(it) })
		if !it.w.Done() {
			c.wheel.add(d, it)
		}
	} else {
		it.w = c.env.NewWaiter("sleep(0)", nil)
		if !it.w.Done() {
			c.loop.Schedule(it.resolveNow)
		}
	}
	return it.w.Value()
}

func (it *timerItem) resolveNow() error {
	it.w.Resolve(it.result)
	return nil
}

// timer(s, fn, arg): call fn(arg) in s seconds; returns an id for
// timerCancel.
func (c *core) timer(call goja.FunctionCall) goja.Value {
	d := seconds(call.Argument(0))
	fn, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		c.throw(bindings.TypeErrorf("callback must be a function"))
	}
	tw := &c.wheel
	tw.nextID++
	it := &timerItem{fn: fn, arg: call.Argument(2), id: tw.nextID}
	tw.byID[it.id] = it
	tw.add(d, it)
	return c.vm.ToValue(it.id)
}

func (c *core) timerCancel(call goja.FunctionCall) goja.Value {
	if it, ok := c.wheel.byID[call.Argument(0).ToInteger()]; ok {
		c.wheel.remove(it)
	}
	return goja.Undefined()
}
