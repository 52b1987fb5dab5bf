package eventloop

import (
	"container/heap"
	"time"
)

// Timer is a pending timer created by SetTimer or SetInterval. Its methods
// must be called on the loop goroutine.
type Timer struct {
	when     time.Duration
	seq      uint64
	interval time.Duration
	fn       Task
	index    int
	ref      bool
	done     bool
	setReal  time.Duration // under virtual time: real time (since the loop's start) when set
	// ID is free for the creator's use (setTimeout's numeric id).
	ID int64
}

// SetTimer runs fn once, d from now (on the loop's clock). A timer keeps the
// loop alive until it fires or is stopped, unless Unref is called.
func (l *Loop) SetTimer(d time.Duration, fn Task) *Timer {
	if d < 0 {
		d = 0
	}
	t := &Timer{when: l.Now() + d, fn: fn, ref: true}
	l.refs++
	l.push(t)
	return t
}

// SetInterval runs fn every d until the timer is stopped.
func (l *Loop) SetInterval(d time.Duration, fn Task) *Timer {
	if d <= 0 {
		d = time.Millisecond
	}
	t := l.SetTimer(d, fn)
	t.interval = d
	return t
}

func (l *Loop) push(t *Timer) {
	l.seq++
	t.seq = l.seq
	if l.virtual {
		t.setReal = time.Since(l.start)
	}
	heap.Push(&l.timers, t)
}

// TimerSeq counts the timers set (and intervals re-armed) on l so far. A
// binding that batches its own timers into one loop timer per deadline
// compares it with the count after its last SetTimer: if another timer was
// set since, adding to an existing batch would fire a timer set later
// before that one.
func (l *Loop) TimerSeq() uint64 { return l.seq }

// StopTimer cancels t; it reports whether t was still pending.
func (l *Loop) StopTimer(t *Timer) bool {
	if t == nil || t.done {
		return false
	}
	t.done = true
	if t.index >= 0 && t.index < len(l.timers) && l.timers[t.index] == t {
		heap.Remove(&l.timers, t.index)
		if t.ref {
			l.refs--
		}
	}
	t.index = -1
	return true
}

// Unref stops t from keeping the loop alive on its own.
func (l *Loop) Unref(t *Timer) {
	if t.ref && !t.done && t.index >= 0 {
		l.refs--
	}
	t.ref = false
}

// Ref undoes Unref.
func (l *Loop) Ref(t *Timer) {
	if !t.ref && !t.done && t.index >= 0 {
		l.refs++
	}
	t.ref = true
}

// Pending reports whether t has yet to fire (or, for an interval, is active).
func (t *Timer) Pending() bool { return !t.done }

// PendingTimers is the number of referenced timers pending.
func (l *Loop) PendingTimers() int { return l.refs }

type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	*h = old[:n-1]
	t.index = -1
	return t
}
