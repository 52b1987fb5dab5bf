package eventloop_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// env is a loop with a JS runtime where log(...) appends to a trace and
// timer(ms, fn), immediate(fn), tick(fn) and goWork(ms, fn) reach the loop.
type env struct {
	vm    *goja.Runtime
	loop  *eventloop.Loop
	trace []string
}

func newEnv(t *testing.T, opts eventloop.Options) *env {
	t.Helper()
	e := &env{vm: goja.New()}
	e.loop = eventloop.New(e.vm, opts)
	t.Cleanup(e.loop.Close)
	call := func(v goja.Value) eventloop.Task {
		fn, ok := goja.AssertFunction(v)
		if !ok {
			t.Fatalf("not a function: %v", v)
		}
		return func() error { _, err := fn(goja.Undefined()); return err }
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.vm.Set("log", func(c goja.FunctionCall) goja.Value {
		e.trace = append(e.trace, c.Argument(0).String())
		return goja.Undefined()
	}))
	must(e.vm.Set("timer", func(c goja.FunctionCall) goja.Value {
		d := time.Duration(c.Argument(0).ToFloat() * float64(time.Millisecond))
		return e.vm.ToValue(e.loop.SetTimer(d, call(c.Argument(1))))
	}))
	must(e.vm.Set("cancelTimer", func(c goja.FunctionCall) goja.Value {
		return e.vm.ToValue(e.loop.StopTimer(c.Argument(0).Export().(*eventloop.Timer)))
	}))
	must(e.vm.Set("interval", func(c goja.FunctionCall) goja.Value {
		d := time.Duration(c.Argument(0).ToFloat() * float64(time.Millisecond))
		return e.vm.ToValue(e.loop.SetInterval(d, call(c.Argument(1))))
	}))
	must(e.vm.Set("immediate", func(c goja.FunctionCall) goja.Value {
		e.loop.Schedule(call(c.Argument(0)))
		return goja.Undefined()
	}))
	must(e.vm.Set("tick", func(c goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(c.Argument(0))
		e.loop.NextTick(fn)
		return goja.Undefined()
	}))
	must(e.vm.Set("now", func(goja.FunctionCall) goja.Value {
		return e.vm.ToValue(e.loop.Now().Milliseconds())
	}))
	// goWork(ms, fn): Go work that sleeps ms of real time, then runs fn on the loop.
	must(e.vm.Set("goWork", func(c goja.FunctionCall) goja.Value {
		d := time.Duration(c.Argument(0).ToFloat() * float64(time.Millisecond))
		task := call(c.Argument(1))
		e.loop.Go(e.loop.Context(), func(ctx context.Context) eventloop.Task {
			select {
			case <-time.After(d):
				return task
			case <-ctx.Done():
				return nil
			}
		})
		return goja.Undefined()
	}))
	return e
}

func (e *env) run(ctx context.Context, src string) error {
	return e.loop.Run(ctx, func() error {
		_, err := e.vm.RunString(src)
		return err
	})
}

func TestOrdering(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string
	}{
		{"sync then ticks then promises", `
			Promise.resolve().then(() => log("promise"));
			tick(() => log("tick"));
			log("sync");`,
			"sync tick promise"},
		{"microtasks drain after each timer", `
			timer(1, () => { log("t1"); Promise.resolve().then(() => log("p1")); tick(() => log("k1")); });
			timer(1, () => { log("t2"); });`,
			"t1 k1 p1 t2"},
		{"timers fire by deadline then creation order", `
			timer(20, () => log("c"));
			timer(10, () => log("a"));
			timer(10, () => log("b"));`,
			"a b c"},
		{"immediates queued during a turn run next turn", `
			immediate(() => { log("i1"); immediate(() => log("i3")); });
			immediate(() => log("i2"));`,
			"i1 i2 i3"},
		{"ticks queued by promise jobs still run", `
			Promise.resolve().then(() => tick(() => log("late tick")));
			log("sync");`,
			"sync late tick"},
		{"cancelled timer never fires", `
			const t = timer(5, () => log("no"));
			timer(1, () => log("cancel " + cancelTimer(t)));`,
			"cancel true"},
		{"interval repeats until cancelled", `
			let n = 0;
			const iv = interval(10, () => { log("iv" + (++n)); if (n === 3) cancelTimer(iv); });`,
			"iv1 iv2 iv3"},
		{"go work keeps the loop alive", `
			goWork(5, () => log("go done"));
			log("started");`,
			"started go done"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, eventloop.Options{VirtualTime: true})
			if err := e.run(context.Background(), tc.src); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(e.trace, " "); got != tc.want {
				t.Errorf("trace = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestVirtualClockSkipsIdleTime(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	start := time.Now()
	err := e.run(context.Background(), `
		timer(3600 * 1000, () => log("hour " + now()));
		timer(60 * 1000, () => log("minute " + now()));`)
	if err != nil {
		t.Fatal(err)
	}
	if wall := time.Since(start); wall > 2*time.Second {
		t.Errorf("virtual hour took %v of wall time", wall)
	}
	if len(e.trace) != 2 || !strings.HasPrefix(e.trace[0], "minute 600") || !strings.HasPrefix(e.trace[1], "hour 3600") {
		t.Errorf("trace = %q", e.trace)
	}
}

func TestUncaughtExceptionStopsLoop(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	err := e.run(context.Background(), `
		timer(1, () => { throw new Error("boom"); });
		timer(2, () => log("never"));`)
	var ex *goja.Exception
	if !errors.As(err, &ex) || !strings.Contains(ex.Error(), "boom") {
		t.Fatalf("err = %v, want the exception", err)
	}
	if len(e.trace) != 0 {
		t.Errorf("ran after the failure: %q", e.trace)
	}
}

func TestUnhandledRejection(t *testing.T) {
	var reported []string
	stop := errors.New("strict")
	for _, tc := range []struct {
		name   string
		policy func(goja.Value) error
		src    string
		want   error
		report string
	}{
		{"reported after the microtask drain", func(v goja.Value) error { reported = append(reported, v.String()); return nil },
			`Promise.reject("late handled").catch(() => {}); Promise.reject("lost");`, nil, "lost"},
		{"a policy error stops the loop", func(v goja.Value) error { return stop },
			`Promise.reject("x"); timer(1, () => log("never"));`, stop, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reported = nil
			e := newEnv(t, eventloop.Options{VirtualTime: true, OnUnhandledRejection: tc.policy})
			err := e.run(context.Background(), tc.src)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if got := strings.Join(reported, ","); got != tc.report {
				t.Errorf("reported %q, want %q", got, tc.report)
			}
		})
	}
}

func TestCancelInterruptsBusyLoop(t *testing.T) {
	e := newEnv(t, eventloop.Options{})
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("host says stop")
	time.AfterFunc(50*time.Millisecond, func() { cancel(cause) })
	err := e.run(ctx, `while (true) {}`)
	if !errors.Is(err, cause) {
		t.Fatalf("err = %v, want the cancel cause", err)
	}
	// the loop is usable again afterwards
	if err := e.run(context.Background(), `log("again")`); err != nil {
		t.Fatal(err)
	}
	if strings.Join(e.trace, " ") != "again" {
		t.Errorf("trace = %q", e.trace)
	}
}

func TestCancelDropsPendingWork(t *testing.T) {
	e := newEnv(t, eventloop.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	err := e.run(ctx, `
		timer(10000, () => log("timer"));
		goWork(10000, () => log("work"));`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// Close waits for the Go work, whose context was cancelled; goleak in
	// TestMain checks nothing is left.
	e.loop.Close()
	if len(e.trace) != 0 {
		t.Errorf("trace = %q", e.trace)
	}
	if err := e.loop.Run(context.Background(), nil); !errors.Is(err, eventloop.ErrClosed) {
		t.Errorf("Run after Close = %v", err)
	}
}

func TestStopAndInterrupt(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	stopErr := errors.New("stopped")
	if err := e.vm.Set("stop", func(goja.FunctionCall) goja.Value { e.loop.Stop(stopErr); return goja.Undefined() }); err != nil {
		t.Fatal(err)
	}
	err := e.run(context.Background(), `timer(1, () => { log("a"); stop(); }); timer(2, () => log("b"));`)
	if !errors.Is(err, stopErr) || strings.Join(e.trace, " ") != "a" {
		t.Fatalf("err = %v, trace %q", err, e.trace)
	}

	e2 := newEnv(t, eventloop.Options{})
	started := make(chan struct{})
	if err := e2.vm.Set("started", func(goja.FunctionCall) goja.Value { close(started); return goja.Undefined() }); err != nil {
		t.Fatal(err)
	}
	go func() {
		<-started // interrupt the busy loop, not the run before it starts
		e2.loop.Interrupt("enough")
	}()
	err = e2.run(context.Background(), `started(); while (true) {}`)
	var ie *eventloop.InterruptError
	if !errors.As(err, &ie) || ie.Value != "enough" {
		t.Fatalf("err = %v, want InterruptError", err)
	}
}

func TestReserveAfterRunIsDropped(t *testing.T) {
	e := newEnv(t, eventloop.Options{})
	var enqueue func(eventloop.Task)
	ctx, cancel := context.WithCancel(context.Background())
	err := e.loop.Run(ctx, func() error {
		enqueue = e.loop.Reserve()
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	ran := false
	enqueue(func() error { ran = true; return nil })
	if err := e.loop.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Error("a task from a cancelled run ran in the next one")
	}
}
