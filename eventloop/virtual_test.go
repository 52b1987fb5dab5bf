package eventloop_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// burn holds the loop for ms of real time, as a long computation would.
func (e *env) addBurn(t *testing.T) {
	t.Helper()
	if err := e.vm.Set("burn", func(c goja.FunctionCall) goja.Value {
		time.Sleep(time.Duration(c.Argument(0).ToInteger()) * time.Millisecond)
		return goja.Undefined()
	}); err != nil {
		t.Fatal(err)
	}
}

// nowNs is the loop's clock in nanoseconds, exactly.
func (e *env) addNowNs(t *testing.T) {
	t.Helper()
	if err := e.vm.Set("nowNs", func(goja.FunctionCall) goja.Value {
		return e.vm.ToValue(e.loop.Now().Nanoseconds())
	}); err != nil {
		t.Fatal(err)
	}
}

func TestVirtualClockIgnoresTimeSpentRunning(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	e.addBurn(t)
	e.addNowNs(t)
	err := e.run(context.Background(), `
		log("start " + nowNs());
		burn(20);
		log("after burn " + nowNs());
		timer(1000, () => {
			log("t1 " + nowNs());
			burn(30);
			timer(1000, () => log("t2 " + nowNs()));
		});`)
	if err != nil {
		t.Fatal(err)
	}
	want := "start 0|after burn 0|t1 1000000000|t2 2000000000"
	if got := strings.Join(e.trace, "|"); got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
}

// Timers due at the same instant fire in the order they were set, whatever
// the instant they were set at.
func TestVirtualSameInstantFIFO(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	e.addBurn(t)
	err := e.run(context.Background(), `
		timer(2000, () => log("a@" + now()));        // set at 0
		timer(1000, () => {
			burn(10);
			timer(1000, () => log("b@" + now()));     // set at 1000
			timer(500, () => {
				timer(500, () => log("d@" + now()));  // set at 1500
			});
		});
		timer(1000, () => timer(1000, () => log("c@" + now()))); // set at 1000, after b`)
	if err != nil {
		t.Fatal(err)
	}
	want := "a@2000 b@2000 c@2000 d@2000"
	if got := strings.Join(e.trace, " "); got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
}

// Work in flight holds the clock still: its completion runs at the instant
// it started, and a timer due meanwhile still fires, at its own instant,
// once the loop has waited its delay in real time.
func TestVirtualClockWhileWorkInFlight(t *testing.T) {
	e := newEnv(t, eventloop.Options{VirtualTime: true})
	e.addNowNs(t)
	release := make(chan struct{})
	if err := e.vm.Set("release", func(goja.FunctionCall) goja.Value {
		close(release)
		return goja.Undefined()
	}); err != nil {
		t.Fatal(err)
	}
	// held(fn): Go work that completes (fn on the loop) once release() ran.
	if err := e.vm.Set("held", func(c goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(c.Argument(0))
		e.loop.Go(e.loop.Context(), func(ctx context.Context) eventloop.Task {
			select {
			case <-release:
			case <-ctx.Done():
				return nil
			}
			return func() error { _, err := fn(goja.Undefined()); return err }
		})
		return goja.Undefined()
	}); err != nil {
		t.Fatal(err)
	}
	err := e.run(context.Background(), `
		timer(5000, () => log("later " + nowNs()));
		goWork(0, () => log("quick work " + nowNs()));
		// a request that answers only after its timeout fired
		held(() => log("held work " + nowNs()));
		timer(200, () => { log("timeout " + nowNs()); release(); });`)
	if err != nil {
		t.Fatal(err)
	}
	want := "quick work 0|timeout 200000000|held work 200000000|later 5000000000"
	if got := strings.Join(e.trace, "|"); got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
}

// UseVirtualTime switches a real-time loop: the clock keeps its reading and
// then moves by jumps only.
func TestUseVirtualTime(t *testing.T) {
	start := time.Now()
	e := newEnv(t, eventloop.Options{})
	e.addNowNs(t)
	var at time.Duration
	if err := e.vm.Set("useVirtual", func(goja.FunctionCall) goja.Value {
		e.loop.UseVirtualTime()
		at = e.loop.Now()
		return goja.Undefined()
	}); err != nil {
		t.Fatal(err)
	}
	err := e.run(context.Background(), `
		useVirtual();
		const t0 = nowNs();
		timer(3600 * 1000, () => log("hour " + (nowNs() - t0)));`)
	if err != nil {
		t.Fatal(err)
	}
	if !e.loop.Virtual() {
		t.Error("loop is not on virtual time")
	}
	if got := strings.Join(e.trace, " "); got != "hour 3600000000000" {
		t.Errorf("trace = %q", got)
	}
	if at <= 0 || at > time.Since(start) {
		t.Errorf("the clock read %v when switched, want the real time since the start", at)
	}
}

// TimeOrigin fixes the wall clock: Date moves with the virtual clock only.
func TestTimeOrigin(t *testing.T) {
	origin := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	e := newEnv(t, eventloop.Options{VirtualTime: true, TimeOrigin: origin})
	e.addBurn(t)
	err := e.run(context.Background(), `
		log(new Date().toISOString() + " " + Date.now());
		burn(15);
		timer(1500, () => log(new Date().toISOString()));`)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("2024-01-01T00:00:00.000Z %d|2024-01-01T00:00:01.500Z", origin.UnixMilli())
	if got := strings.Join(e.trace, "|"); got != want {
		t.Errorf("trace = %q, want %q", got, want)
	}
	if w := e.loop.WallTime(); !w.Equal(origin.Add(1500 * time.Millisecond)) {
		t.Errorf("WallTime = %v", w)
	}
}
