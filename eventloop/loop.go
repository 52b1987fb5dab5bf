// Package eventloop is arun's event loop: the one goroutine that owns a
// *goja.Runtime and runs everything that touches it.
//
// # Goroutine rules
//
// A Loop's methods may only be called from the loop goroutine (inside Run),
// except Go, Reserve's enqueue function, Interrupt and Close, which are safe
// from any goroutine. goja values never leave the loop goroutine: Go work
// started with Go or Reserve computes plain Go data and hands back a closure
// that the loop runs.
//
// # Turn order
//
// One turn of the loop runs, in order: expired timers (each one a macrotask),
// completions handed back by Go work, then the immediates queued before the
// turn began. Every macrotask is followed by the process.nextTick queue and
// then the promise job (microtask) queue, as in Node.js.
//
// # Liveness
//
// Run returns when nothing is runnable, no referenced timer is pending and
// no reservation is outstanding, when a macrotask fails (an uncaught
// exception, or a rejection the policy treats as fatal), when Stop is called,
// or when its context is cancelled. Cancellation interrupts running
// JavaScript, cancels the context of every piece of Go work and drops what
// was pending.
//
// # Virtual time
//
// With Options.VirtualTime (or after UseVirtualTime) the loop's clock is a
// number the loop moves, not a reading of the system clock. Running
// JavaScript or Go code, however long it takes, never moves it: it moves
// only when nothing is runnable and the loop jumps it to the deadline of the
// next timer, which then fires. So Now, and everything built on it
// (Date.now through the runtime's time source, performance.now, asyncio's
// loop.time()), reads the same values on every run, and timers due at the
// same instant fire in the order they were set (the heap breaks ties by a
// sequence number).
//
// Work in flight (a Reserve not yet enqueued: a request, a file read, a
// worker; ReserveIdle ones such as a listening server do not count) holds
// the clock still: its completion runs at the virtual instant at which it
// was started. Meanwhile timers come due as they would in real time: once
// the next timer's delay has passed in real time (since it was set, or
// since the clock last moved, whichever was later), the clock jumps to that
// timer's instant and it fires. A request that answers before the script's
// timers are due therefore leaves the virtual times unchanged, a request
// that never answers still meets its timeout, and which of the two comes
// first is decided as in real time (the one thing that can vary from run to
// run, and only when a timer races work in flight).
package eventloop

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// ErrClosed is returned by Run on a loop that has been closed.
var ErrClosed = errors.New("eventloop: loop is closed")

// Options configures a Loop. The zero value is a real-time loop.
type Options struct {
	// VirtualTime makes the clock skip idle time (see the package doc).
	VirtualTime bool
	// OnUnhandledRejection is called (on the loop) for a promise that was
	// rejected and still had no handler once the macrotask that rejected it and
	// its microtasks finished. A non-nil error stops the loop with that error.
	// If nil, unhandled rejections are ignored.
	OnUnhandledRejection func(reason goja.Value) error
	// OnSlowTask, if set, is called after a macrotask (with its ticks and
	// microtasks) held the loop for SlowTaskThreshold or longer (real time).
	OnSlowTask        func(d time.Duration)
	SlowTaskThreshold time.Duration
	// TimeOrigin is the wall-clock time at which the loop's clock starts
	// (WallTime when Now is 0: what Date.now reports at the start). The zero
	// value means the real time when New runs; with VirtualTime, a fixed
	// TimeOrigin makes every date a script sees reproducible.
	TimeOrigin time.Time
}

// Task is a unit of work run on the loop; a non-nil error stops the loop.
type Task func() error

// Loop is an event loop bound to one goja runtime.
type Loop struct {
	vm   *goja.Runtime
	opts Options

	// clock
	virtual  bool
	start    time.Time     // real monotonic origin
	vnow     time.Duration // the virtual clock's reading
	moved    time.Duration // real time (since start) when vnow last moved
	wallBase time.Time

	timers  timerHeap
	seq     uint64
	refs    int // referenced timers pending
	ready   []Task
	ticks   []tick
	pending map[*goja.Promise]struct{} // rejected without handler
	order   []*goja.Promise

	// cross-goroutine state
	mu         sync.Mutex
	incoming   []completion
	spare      []completion // the last batch's slice, for the next one
	reserved   int
	idle       int    // reservations that are not work in flight (ReserveIdle)
	gen        uint64 // bumped when a failed run drops its reservations
	wake       chan struct{}
	sleeping   bool // the loop is blocked in wait: a completion must wake it
	runCtx     context.Context
	runCancel  context.CancelCauseFunc
	workCtx    context.Context
	workCancel context.CancelCauseFunc
	workers    sync.WaitGroup
	inFlight   atomic.Int64 // Go functions started by Go and not returned
	closed     bool

	running  bool
	stopErr  error
	stopped  bool
	taskErr  error
	cur      Task
	trampoln goja.Callable
	onIdle   []func() bool
	executed uint64
	// onTaskError, if set, sees the exception a macrotask threw; nil means
	// handled and the loop goes on (the REPL reports and carries on).
	onTaskError func(err error) error
}

// SetTaskErrorHandler makes the loop pass the exception a macrotask throws
// to f instead of stopping; if f returns nil the loop goes on, otherwise it
// stops with f's error. Only JS exceptions are passed (not interrupts).
func (l *Loop) SetTaskErrorHandler(f func(err error) error) { l.onTaskError = f }

// Executed counts the macrotasks run so far; a task can compare it with the
// value it saw to know whether it is still the one running.
func (l *Loop) Executed() uint64 { return l.executed }

type tick struct {
	fn   goja.Callable
	args []goja.Value
}

// New creates a loop for vm. The loop installs vm's promise rejection tracker
// and uses vm from its own goroutine only while Run is active.
func New(vm *goja.Runtime, opts Options) *Loop {
	start := time.Now()
	wall := opts.TimeOrigin
	if wall.IsZero() {
		wall = start
	}
	l := &Loop{
		vm:       vm,
		opts:     opts,
		virtual:  opts.VirtualTime,
		start:    start,
		wallBase: wall,
		wake:     make(chan struct{}, 1),
		pending:  map[*goja.Promise]struct{}{},
	}
	l.workCtx, l.workCancel = context.WithCancelCause(context.Background())
	vm.SetPromiseRejectionTracker(l.trackRejection)
	vm.SetTimeSource(func() time.Time { return l.wallBase.Add(l.Now()) })
	// One outermost JS call per macrotask: run the task, then the tick queue;
	// goja drains promise jobs when the outermost call returns.
	runTask := vm.ToValue(func(goja.FunctionCall) goja.Value {
		if f := l.cur; f != nil {
			l.cur = nil
			if err := f(); err != nil {
				PanicIfUncatchable(err)
				if l.taskErr == nil {
					l.taskErr = err
				}
			}
		}
		l.runTicks()
		return goja.Undefined()
	})
	// The trampoline must be a JS function: Go functions called from Go push
	// no frame, so calls made inside them would each count as outermost and
	// drain promise jobs too early.
	mk, err := vm.RunScript("arun:internal/loop.js", "(function(run){ return function(){ run(); }; })")
	if err != nil {
		panic("eventloop: trampoline: " + err.Error())
	}
	mkf, _ := goja.AssertFunction(mk)
	tr, err := mkf(goja.Undefined(), runTask)
	if err != nil {
		panic("eventloop: trampoline: " + err.Error())
	}
	l.trampoln, _ = goja.AssertFunction(tr)
	return l
}

// VM returns the runtime this loop owns.
func (l *Loop) VM() *goja.Runtime { return l.vm }

// Virtual reports whether the loop uses virtual time.
func (l *Loop) Virtual() bool { return l.virtual }

// Now is the loop's monotonic clock: the time since the loop was created.
// Under virtual time it is the virtual clock, which moves only when the loop
// jumps to the next timer (see the package doc).
func (l *Loop) Now() time.Duration {
	if l.virtual {
		return l.vnow
	}
	return time.Since(l.start)
}

// UseVirtualTime switches a real-time loop to virtual time from now on: the
// clock keeps its current reading and from then on moves only by jumps to
// the next timer. Pending timers keep their deadlines. It does nothing on a
// loop already on virtual time. Call it on the loop goroutine.
func (l *Loop) UseVirtualTime() {
	if l.virtual {
		return
	}
	l.vnow = time.Since(l.start)
	l.virtual = true
	l.moved = l.vnow
}

// advance moves the virtual clock to to (never backwards).
func (l *Loop) advance(to time.Duration) {
	if to > l.vnow {
		l.vnow = to
	}
	l.moved = time.Since(l.start)
}

// realWait is, under virtual time with work in flight, how much longer t
// waits in real time: its delay left on the still clock, less the real time
// passed since it was set or the clock last moved, whichever was later.
func (l *Loop) realWait(t *Timer) time.Duration {
	return t.when - l.vnow - (time.Since(l.start) - max(l.moved, t.setReal))
}

// inflight reports whether Go work is in flight (not counting ReserveIdle).
func (l *Loop) inflight() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.reserved > l.idle
}

// WallTime is the wall-clock time matching Now (what Date.now reports).
func (l *Loop) WallTime() time.Time { return l.wallBase.Add(l.Now()) }

// Context is the context for Go work started now: it is cancelled when a
// Run fails or is cancelled (its work is dropped) and when the loop closes.
// A Run that ends cleanly, or by Stop(nil), leaves it alive, so work in
// flight carries over to the next Run.
func (l *Loop) Context() context.Context {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.workCtx
}

// Schedule queues t as a macrotask in the ready queue (setImmediate, callSoon).
func (l *Loop) Schedule(t Task) { l.ready = append(l.ready, t) }

// NextTick queues fn to run after the current macrotask and before promise
// jobs, as Node's process.nextTick.
func (l *Loop) NextTick(fn goja.Callable, args ...goja.Value) {
	l.ticks = append(l.ticks, tick{fn, args})
}

// OnIdle registers fn to be called when the loop is about to finish because
// nothing is left to do. If fn returns true it scheduled more work and the
// loop goes on. Used by the runtime for deadlock detection.
func (l *Loop) OnIdle(fn func() bool) { l.onIdle = append(l.onIdle, fn) }

// Reserve keeps the loop alive until the returned enqueue function is called.
// enqueue may be called from any goroutine, exactly once; the task it is given
// runs on the loop. If the loop has stopped by then, the task is dropped.
func (l *Loop) Reserve() (enqueue func(Task)) { return l.reserve(false) }

// ReserveIdle is Reserve for something that waits for the outside world
// without work in flight, such as a listening server: it keeps the loop
// alive, but virtual time still skips ahead while only such reservations
// are outstanding.
func (l *Loop) ReserveIdle() (enqueue func(Task)) { return l.reserve(true) }

func (l *Loop) reserve(idle bool) (enqueue func(Task)) {
	l.mu.Lock()
	l.reserved++
	if idle {
		l.idle++
	}
	r := &reservation{l: l, gen: l.gen, idle: idle}
	l.mu.Unlock()
	return r.enqueue
}

// reservation is one outstanding Reserve: its enqueue hands a task over once.
type reservation struct {
	l    *Loop
	gen  uint64
	idle bool
	used atomic.Bool
}

// completion is a task handed over by a reservation, waiting for the loop.
type completion struct {
	t    Task
	idle bool
}

func (r *reservation) enqueue(t Task) {
	if r.used.Swap(true) {
		return
	}
	l := r.l
	l.mu.Lock()
	if r.gen != l.gen {
		l.mu.Unlock() // that run is over: drop the task
		return
	}
	l.incoming = append(l.incoming, completion{t: t, idle: r.idle})
	// a loop that is running takes the completion at its next turn, or
	// sees it before it would block (wait checks incoming under mu): only
	// a sleeping loop needs the wake-up, so a busy one gets no stale token
	// that would make it turn once more for nothing
	wake := l.sleeping
	l.sleeping = false
	l.mu.Unlock()
	if wake {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}

// Submit runs t on the loop soon, from any goroutine, if a Run is active;
// it reports whether it did.
func (l *Loop) Submit(t Task) bool {
	l.mu.Lock()
	running := l.running
	l.mu.Unlock()
	if !running {
		return false
	}
	l.Reserve()(t)
	return true
}

// Go runs work on a new goroutine with ctx (nil means Context()), which the
// caller should derive from Context(). The task work
// returns, if non-nil, runs on the loop. The loop stays alive meanwhile, and
// Close waits for the goroutine to return.
func (l *Loop) Go(ctx context.Context, work func(ctx context.Context) Task) {
	enqueue := l.Reserve()
	if ctx == nil {
		ctx = l.Context()
	}
	l.workers.Add(1)
	l.inFlight.Add(1)
	go func() {
		defer l.workers.Done()
		defer l.inFlight.Add(-1)
		var t Task
		defer func() { enqueue(t) }()
		t = work(ctx)
	}()
}

// Stop makes Run return err once the current macrotask ends. A nil err
// stops the loop cleanly.
func (l *Loop) Stop(err error) {
	if !l.stopped {
		l.stopped = true
		l.stopErr = err
	}
}

// Interrupt stops running JavaScript with v (see goja.Runtime.Interrupt) and
// makes Run return. Safe from any goroutine.
func (l *Loop) Interrupt(v any) {
	l.mu.Lock()
	cancel := l.runCancel
	l.mu.Unlock()
	if cancel != nil {
		cancel(&InterruptError{Value: v})
	}
	l.vm.Interrupt(v)
}

// InterruptError is the cause of a Run stopped by Interrupt.
type InterruptError struct{ Value any }

// Error describes the interrupt.
func (e *InterruptError) Error() string {
	if err, ok := e.Value.(error); ok {
		return "eventloop: interrupted: " + err.Error()
	}
	return "eventloop: interrupted"
}

// Unwrap returns the interrupt value if it is an error.
func (e *InterruptError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Close cancels whatever is in flight and waits for the loop's goroutines:
// each Go function started with Go runs until it returns, so one that
// ignores its context keeps Close waiting (CloseContext bounds the wait).
// It is idempotent and safe from any goroutine once Run has returned.
func (l *Loop) Close() { _ = l.CloseContext(context.Background()) }

// CloseContext is Close waiting at most until ctx is done: it then
// returns an error naming how many Go functions are still running (they
// run on, their contexts cancelled, and their results are dropped).
// Called again, it waits again.
func (l *Loop) CloseContext(ctx context.Context) error {
	l.mu.Lock()
	l.closed = true
	if l.runCancel != nil {
		l.runCancel(ErrClosed)
	}
	l.workCancel(ErrClosed)
	l.mu.Unlock()
	if l.inFlight.Load() == 0 {
		l.workers.Wait()
		return nil
	}
	done := make(chan struct{})
	go func() {
		l.workers.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("eventloop: close: %d Go function(s) still running after their context was cancelled: %w", l.inFlight.Load(), context.Cause(ctx))
	}
}

// Run calls start on the loop, then runs the loop until it has nothing left
// to do, a task fails, Stop is called or ctx is cancelled. On cancellation it
// returns context.Cause(ctx).
func (l *Loop) Run(ctx context.Context, start Task) (err error) {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	if l.running {
		l.mu.Unlock()
		return errors.New("eventloop: Run called while running")
	}
	l.running = true
	runCtx, cancel := context.WithCancelCause(ctx)
	l.runCtx, l.runCancel = runCtx, cancel
	l.mu.Unlock()
	l.stopped, l.stopErr = false, nil
	l.vm.ClearInterrupt()

	watchDone := make(chan struct{})
	watchExited := make(chan struct{})
	go func() {
		defer close(watchExited)
		select {
		case <-runCtx.Done():
			l.vm.Interrupt(runCtx.Err())
		case <-watchDone:
		}
	}()
	defer func() {
		close(watchDone)
		<-watchExited // a late interrupt must not outlive this run
		cancel(nil)
		l.mu.Lock()
		l.running = false
		if err != nil {
			// Drop everything pending: cancelled work never runs.
			l.incoming, l.spare = nil, nil
			l.reserved = 0
			l.idle = 0
			l.gen++
			l.workCancel(err)
			if !l.closed {
				l.workCtx, l.workCancel = context.WithCancelCause(context.Background())
			}
		}
		l.mu.Unlock()
		if err != nil {
			l.reset()
		}
		l.vm.ClearInterrupt()
	}()

	if start != nil {
		if err := l.exec(start); err != nil {
			return l.finish(runCtx, err)
		}
	}
	for {
		if l.stopped {
			return l.stopErr
		}
		if runCtx.Err() != nil {
			return context.Cause(runCtx)
		}
		did, err := l.turn()
		if err != nil {
			return l.finish(runCtx, err)
		}
		if did {
			continue
		}
		if l.stopped {
			return l.stopErr
		}
		if !l.alive() {
			more := false
			for _, f := range l.onIdle {
				if f() {
					more = true
				}
			}
			if more || l.stopped {
				continue
			}
			return nil
		}
		if err := l.wait(runCtx); err != nil {
			return err
		}
	}
}

func (l *Loop) finish(ctx context.Context, err error) error {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if ctx.Err() != nil {
			return &StoppedError{Cause: context.Cause(ctx), Engine: ie}
		}
		if e, ok := ie.Value().(error); ok {
			return &StoppedError{Cause: e, Engine: ie}
		}
	}
	return err
}

// StoppedError is the error of a run stopped while JavaScript was
// running (a context done, Interrupt with an error): it is its cause (its
// message, errors.Is) and keeps the engine's interrupt, whose Stack says
// where the script was.
type StoppedError struct {
	Cause  error
	Engine *goja.InterruptedError
}

func (e *StoppedError) Error() string   { return e.Cause.Error() }
func (e *StoppedError) Unwrap() []error { return []error{e.Cause, e.Engine} }

// reset drops all pending work after a failed or cancelled run.
func (l *Loop) reset() {
	l.timers = nil
	l.refs = 0
	l.ready = nil
	l.ticks = nil
	l.pending = map[*goja.Promise]struct{}{}
	l.order = nil
}

func (l *Loop) alive() bool {
	if len(l.ready) > 0 || l.refs > 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.reserved > 0 || len(l.incoming) > 0
}

// turn runs one turn of the loop and reports whether it ran anything.
func (l *Loop) turn() (bool, error) {
	did := false
	// timers
	now := l.Now()
	if l.virtual && len(l.timers) > 0 && l.timers[0].when > now && l.inflight() && l.realWait(l.timers[0]) <= 0 {
		// work in flight held the clock, and the next timer's delay has
		// passed in real time meanwhile: it comes due, as it would have
		l.advance(l.timers[0].when)
		now = l.vnow
	}
	for len(l.timers) > 0 && l.timers[0].when <= now {
		t := heap.Pop(&l.timers).(*Timer)
		t.index = -1
		if t.ref && t.interval == 0 {
			l.refs--
		}
		if t.interval > 0 {
			t.when = now + t.interval
			l.push(t)
		} else {
			t.done = true
		}
		did = true
		if err := l.exec(t.fn); err != nil {
			return did, err
		}
		if l.stopped {
			return did, nil
		}
	}
	// completions from Go
	l.mu.Lock()
	in := l.incoming
	l.incoming, l.spare = l.spare, nil
	l.mu.Unlock()
	for i, c := range in {
		did = true
		l.mu.Lock()
		l.reserved--
		if c.idle {
			l.idle--
		}
		l.mu.Unlock()
		if c.t == nil {
			continue
		}
		if err := l.exec(c.t); err != nil {
			l.requeue(in[i+1:])
			return did, err
		}
		if l.stopped {
			l.requeue(in[i+1:])
			return did, nil
		}
	}
	if len(in) > 0 {
		clear(in)
		l.mu.Lock()
		if l.spare == nil {
			l.spare = in[:0]
		}
		l.mu.Unlock()
	}
	// immediates queued before this point
	n := len(l.ready)
	if n > 0 {
		batch := l.ready[:n:n]
		l.ready = l.ready[n:]
		for i, t := range batch {
			did = true
			if err := l.exec(t); err != nil {
				l.ready = append(batch[i+1:], l.ready...)
				return did, err
			}
			if l.stopped {
				l.ready = append(batch[i+1:], l.ready...)
				return did, nil
			}
		}
		if len(l.ready) == 0 {
			l.ready = nil
		}
	}
	return did, nil
}

func (l *Loop) requeue(rest []completion) {
	if len(rest) == 0 {
		return
	}
	l.mu.Lock()
	l.incoming = append(rest, l.incoming...)
	l.mu.Unlock()
}

// exec runs one macrotask followed by ticks and microtasks, then reports
// unhandled rejections.
func (l *Loop) exec(t Task) error {
	var start time.Time
	if l.opts.OnSlowTask != nil {
		start = time.Now()
	}
	l.cur = t
	l.taskErr = nil
	l.executed++
	_, err := l.trampoln(goja.Undefined())
	l.cur = nil
	for err == nil && l.taskErr == nil && len(l.ticks) > 0 {
		_, err = l.trampoln(goja.Undefined())
	}
	if l.opts.OnSlowTask != nil {
		if d := time.Since(start); d >= l.opts.SlowTaskThreshold {
			l.opts.OnSlowTask(d)
		}
	}
	if err == nil && l.taskErr != nil {
		err, l.taskErr = l.taskErr, nil
	}
	if err != nil {
		var ex *goja.Exception
		if l.onTaskError != nil && errors.As(err, &ex) {
			err = l.onTaskError(err)
		}
		if err != nil {
			return err
		}
	}
	return l.checkRejections()
}

func (l *Loop) runTicks() {
	for len(l.ticks) > 0 && l.taskErr == nil {
		tk := l.ticks[0]
		l.ticks[0] = tick{}
		l.ticks = l.ticks[1:]
		if _, err := tk.fn(goja.Undefined(), tk.args...); err != nil {
			PanicIfUncatchable(err)
			l.taskErr = err
			return
		}
	}
	l.ticks = nil
}

func (l *Loop) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	if op == goja.PromiseRejectionReject {
		if _, ok := l.pending[p]; !ok {
			l.pending[p] = struct{}{}
			l.order = append(l.order, p)
		}
	} else {
		delete(l.pending, p)
	}
}

func (l *Loop) checkRejections() error {
	if len(l.order) == 0 {
		return nil
	}
	order := l.order
	l.order = nil
	for _, p := range order {
		if _, ok := l.pending[p]; !ok {
			continue
		}
		delete(l.pending, p)
		if l.opts.OnUnhandledRejection != nil {
			if err := l.opts.OnUnhandledRejection(p.Result()); err != nil {
				return err
			}
		}
	}
	return nil
}

// wait blocks until something can run: a completion, the next timer or
// cancellation. Under virtual time the clock stands still while it waits:
// with no work in flight it jumps to the next timer at once; with work in
// flight it waits in real time, and jumps to the next timer once that
// timer's delay has passed in real time (see realWait).
func (l *Loop) wait(ctx context.Context) error {
	l.mu.Lock()
	inflight := l.reserved > l.idle
	queued := len(l.incoming) > 0
	// from here a completion wakes the loop (enqueue), until it runs again
	l.sleeping = !queued
	l.mu.Unlock()
	if queued {
		return nil
	}
	defer l.awake()
	if len(l.timers) > 0 {
		head := l.timers[0]
		d := head.when - l.Now()
		if d <= 0 {
			return nil
		}
		if l.virtual {
			if !inflight {
				l.advance(head.when)
				return nil
			}
			if d = l.realWait(head); d <= 0 {
				l.advance(head.when)
				return nil
			}
		}
		tm := time.NewTimer(d)
		defer tm.Stop()
		select {
		case <-l.wake:
		case <-tm.C:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		return nil
	}
	select {
	case <-l.wake:
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	return nil
}

// awake ends a wait: completions no longer need to wake the loop, and a
// wake-up sent meanwhile is dropped.
func (l *Loop) awake() {
	l.mu.Lock()
	l.sleeping = false
	l.mu.Unlock()
	select {
	case <-l.wake:
	default:
	}
}

// PanicIfUncatchable re-panics with err if it is one of goja's uncatchable
// errors (an interrupt or a stack overflow). A Go function called from
// JavaScript that calls back into JavaScript must do this with the error of
// that call: goja can only unwind those errors by panicking through every
// frame, and carrying on after one corrupts the engine's state.
func PanicIfUncatchable(err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		panic(ie)
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		panic(so)
	}
}
