package web

import (
	"time"
	"weak"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// weakTimers are the timers of AbortSignal.timeout. As in Node, a timeout
// signal nobody can observe any more is not kept alive by its timer: the
// timer holds the signal through a weak pointer, and strongly only while
// the signal has "abort" listeners, abort algorithms or an AbortSignal.any
// depending on it (whose running is observable even when the signal itself
// was dropped). A script that makes
// `fetch(url, { signal: AbortSignal.timeout(10000) })` in a loop otherwise
// keeps every signal, its state and its timer for ten seconds after its
// request is done.
type weakTimers struct {
	loop   *eventloop.Loop
	nextID int64
	byID   map[int64]*weakTimer
}

type weakTimer struct {
	weak   weak.Pointer[goja.Object]
	strong *goja.Object // set while the target must stay alive
	fn     goja.Callable
	t      *eventloop.Timer
}

func newWeakTimers(env *bindings.Env) *weakTimers {
	return &weakTimers{loop: env.Loop, byID: map[int64]*weakTimer{}}
}

// start calls fn(target) after d unless target was collected meanwhile; the
// timer does not keep the loop alive.
func (w *weakTimers) start(d time.Duration, target *goja.Object, fn goja.Callable) int64 {
	w.nextID++
	id := w.nextID
	wt := &weakTimer{weak: weak.Make(target), fn: fn}
	w.byID[id] = wt
	wt.t = w.loop.SetTimer(d, func() error {
		delete(w.byID, id)
		o := wt.strong
		if o == nil {
			o = wt.weak.Value()
		}
		if o == nil {
			return nil // nobody could see it fire
		}
		_, err := wt.fn(goja.Undefined(), o)
		return err
	})
	w.loop.Unref(wt.t)
	return id
}

// hold makes the timer keep its target alive (or not).
func (w *weakTimers) hold(id int64, strong bool) {
	wt := w.byID[id]
	if wt == nil {
		return
	}
	if !strong {
		wt.strong = nil
	} else if wt.strong == nil {
		wt.strong = wt.weak.Value()
	}
}

func (w *weakTimers) stop(id int64) {
	if wt := w.byID[id]; wt != nil {
		delete(w.byID, id)
		w.loop.StopTimer(wt.t)
	}
}
