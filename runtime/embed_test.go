package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// syncBuf is an io.Writer safe for the loop goroutine and the test.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// blockingFunc is an AsyncFunc that signals started, then blocks until its
// context is done and sends the context's cause on causes. It gives up after
// 10 s so that a broken cancellation fails the test instead of hanging it.
func blockingFunc(started chan<- struct{}, causes chan<- error) runtime.AsyncFunc {
	var once sync.Once
	return func(ctx context.Context, _ []any) (any, error) {
		once.Do(func() { close(started) })
		select {
		case <-ctx.Done():
			causes <- context.Cause(ctx)
			return nil, ctx.Err()
		case <-time.After(10 * time.Second):
			causes <- errors.New("context never cancelled")
			return "not cancelled", nil
		}
	}
}

// TestSetAsyncContextCancelled checks every way the context of a Go
// function exposed with SetAsync is cancelled while the script awaits it.
func TestSetAsyncContextCancelled(t *testing.T) {
	cases := []struct {
		name    string
		opts    runtime.Options
		src     string
		cancel  func(rt *runtime.Runtime, cancelRun context.CancelFunc) // called once slowGo runs; nil: the script cancels
		cause   error                                                   // what the Go function sees
		stdout  string
		checkFn func(t *testing.T, err error) // the run's error
	}{
		{
			name: "asyncio task cancelled",
			src: `
				const task = asyncio.createTask(() => slowGo());
				await asyncio.sleep(0);
				task.cancel();
				try { await task; } catch (e) { console.log(e.name); }`,
			cause:  bindings.ErrCancelled,
			stdout: "CancelledError\n",
			checkFn: func(t *testing.T, err error) {
				if err != nil {
					t.Errorf("run: %v", err)
				}
			},
		},
		{
			name:   "RunString context cancelled",
			src:    `await slowGo(); console.log("never");`,
			cancel: func(_ *runtime.Runtime, cancelRun context.CancelFunc) { cancelRun() },
			cause:  context.Canceled,
			checkFn: func(t *testing.T, err error) {
				var se *runtime.ScriptError
				if !errors.As(err, &se) || se.Kind != runtime.KindInterrupted || !errors.Is(err, context.Canceled) {
					t.Errorf("run: %v, want an interrupted ScriptError wrapping context.Canceled", err)
				}
			},
		},
		{
			name:  "Options.Timeout",
			opts:  runtime.Options{Timeout: 30 * time.Millisecond},
			src:   `await slowGo(); console.log("never");`,
			cause: context.DeadlineExceeded,
			checkFn: func(t *testing.T, err error) {
				var se *runtime.ScriptError
				if !errors.As(err, &se) || se.Kind != runtime.KindTimeout || !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("run: %v, want a timeout ScriptError wrapping context.DeadlineExceeded", err)
				}
			},
		},
		{
			name:   "runtime closed mid-call",
			src:    `await slowGo(); console.log("never");`,
			cancel: func(rt *runtime.Runtime, _ context.CancelFunc) { rt.Close() },
			cause:  eventloop.ErrClosed,
			checkFn: func(t *testing.T, err error) {
				if err == nil {
					t.Errorf("run after Close returned nil")
				}
			},
		},
		{
			name:   "Interrupt",
			src:    `await slowGo(); console.log("never");`,
			cancel: func(rt *runtime.Runtime, _ context.CancelFunc) { rt.Interrupt() },
			cause:  runtime.ErrInterrupted,
			checkFn: func(t *testing.T, err error) {
				if !errors.Is(err, runtime.ErrInterrupted) {
					t.Errorf("run: %v, want ErrInterrupted", err)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runtimetest.VerifyNoLeaks(t)
			var out syncBuf
			opts := tc.opts
			opts.Stdout = &out
			rt, err := runtime.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			started := make(chan struct{})
			causes := make(chan error, 1)
			if err := rt.SetAsync("slowGo", blockingFunc(started, causes)); err != nil {
				t.Fatal(err)
			}
			ctx, cancelRun := context.WithCancel(context.Background())
			defer cancelRun()
			done := make(chan error, 1)
			go func() { done <- rt.RunString(ctx, "main.js", tc.src) }()
			if tc.cancel != nil {
				<-started
				tc.cancel(rt, cancelRun)
			}
			if cause := <-causes; !errors.Is(cause, tc.cause) {
				t.Errorf("Go function's context cause = %v, want %v", cause, tc.cause)
			}
			tc.checkFn(t, <-done)
			if got := out.String(); got != tc.stdout {
				t.Errorf("stdout = %q, want %q", got, tc.stdout)
			}
		})
	}
}

// TestStopErrorKinds pins the error a run returns when the host stops it
// from another goroutine: a ScriptError of kind KindInterrupted wrapping the
// runtime's sentinel.
func TestStopErrorKinds(t *testing.T) {
	cases := []struct {
		name string
		stop func(rt *runtime.Runtime)
		want error
	}{
		{"Interrupt", (*runtime.Runtime).Interrupt, runtime.ErrInterrupted},
		{"Close", func(rt *runtime.Runtime) { _ = rt.Close() }, runtime.ErrClosed},
	}
	for _, tc := range cases {
		for _, src := range []string{"await slowGo()", "spinning(); for (;;) {}"} {
			t.Run(tc.name+"/"+src, func(t *testing.T) {
				runtimetest.VerifyNoLeaks(t)
				rt, err := runtime.New(runtime.Options{})
				if err != nil {
					t.Fatal(err)
				}
				defer rt.Close()
				started := make(chan struct{})
				causes := make(chan error, 1)
				_ = rt.SetAsync("slowGo", blockingFunc(started, causes))
				_ = rt.Set("spinning", func() { close(started) })
				done := make(chan error, 1)
				go func() { done <- rt.RunString(context.Background(), "main.js", src) }()
				<-started
				tc.stop(rt)
				err = <-done
				var se *runtime.ScriptError
				if !errors.As(err, &se) || se.Kind != runtime.KindInterrupted || !errors.Is(err, tc.want) {
					t.Errorf("err = %#v, want a KindInterrupted ScriptError wrapping %v", err, tc.want)
				}
			})
		}
	}
}

type point struct{ X, Y int }

type evalCase struct {
	name string
	run  func(rt *runtime.Runtime) (any, error)
	want any // nil: an error is expected
}

// evalAs makes an evalCase for Eval[T].
func evalAs[T any](name, expr string, want any) evalCase {
	return evalCase{name, func(rt *runtime.Runtime) (any, error) {
		return runtime.Eval[T](context.Background(), rt, expr)
	}, want}
}

func TestEvalConversions(t *testing.T) {
	cases := []evalCase{
		evalAs[int]("int", "6 * 7", 42),
		evalAs[int]("int from an awaited promise", "await new Promise((r) => setTimeout(() => r(7), 5))", 7),
		evalAs[int]("int truncates", "2.9", 2),
		evalAs[int64]("int64", "2 ** 40", int64(1<<40)),
		evalAs[float64]("float64", "1 / 4", 0.25),
		evalAs[string]("string", "`a${1 + 1}`", "a2"),
		evalAs[bool]("bool", "1 < 2", true),
		evalAs[point]("struct (fields uncapitalised)", "({x: 1, y: -2})", point{1, -2}),
		evalAs[map[string]any]("map", `({a: 1, b: "two", c: [3]})`, map[string]any{"a": int64(1), "b": "two", "c": []any{int64(3)}}),
		evalAs[map[string]int]("typed map", "({a: 1, b: 2})", map[string]int{"a": 1, "b": 2}),
		evalAs[[]int]("slice", "[1, 2, 3].map((x) => x * 10)", []int{10, 20, 30}),
		evalAs[[]string]("slice of strings", `"a,b".split(",")`, []string{"a", "b"}),
		evalAs[[]point]("slice of structs", "[{x: 1}, {y: 2}]", []point{{1, 0}, {0, 2}}),
		evalAs[any]("any", "null", nil),
		evalAs[point]("number to struct fails", "42", nil),
		evalAs[[]int]("number to slice fails", "42", nil),
		evalAs[chan int]("anything to chan fails", "({})", nil),
		evalAs[int]("a rejection is an error", "await Promise.reject(new RangeError('no'))", nil),
		evalAs[int]("a syntax error is an error", "1 +", nil),
	}
	rt, err := runtime.New(runtime.Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.run(rt)
			if tc.want == nil && tc.name != "any" {
				if err == nil {
					t.Fatalf("got %#v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v (%T), want %#v (%T)", got, got, tc.want, tc.want)
			}
		})
	}
}

func TestEvalErrorKinds(t *testing.T) {
	rt, err := runtime.New(runtime.Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx := context.Background()
	_, err = runtime.Eval[point](ctx, rt, "42")
	var se *runtime.ScriptError
	if err == nil || errors.As(err, &se) || !strings.HasPrefix(err.Error(), "runtime: converting") {
		t.Errorf("conversion failure = %v, want a plain runtime: converting error", err)
	}
	_, err = runtime.Eval[int](ctx, rt, "await Promise.reject(new RangeError('no'))")
	if !errors.As(err, &se) || se.Kind != runtime.KindUncaught || se.Message != "RangeError: no" {
		t.Errorf("rejection = %#v", err)
	}
	_, err = runtime.Eval[int](ctx, rt, "1 +")
	if !errors.As(err, &se) || se.Kind != runtime.KindSyntax {
		t.Errorf("syntax error = %#v", err)
	}
}

func TestCall(t *testing.T) {
	rt, err := runtime.New(runtime.Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx := context.Background()
	err = rt.RunString(ctx, "plugin.js", `
export const notAFunction = 1;
export async function add(a, b) { await null; return a + b; }
export function fail(msg) {
  throw new TypeError(msg);
}
globalThis.globalFn = (s) => s.toUpperCase();
`)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		fn      string
		args    []any
		want    any
		errMsg  string // the ScriptError's message when an error is expected
		errLine int
	}{
		{"exported async function", "add", []any{2, 3}, int64(5), "", 0},
		{"global function", "globalFn", []any{"go"}, "GO", "", 0},
		{"missing function", "nope", nil, nil, "TypeError: nope is not a function", 0},
		{"export that is not a function", "notAFunction", nil, nil, "TypeError: notAFunction is not a function", 0},
		{"function that throws", "fail", []any{"bad"}, nil, "TypeError: bad", 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rt.Call(ctx, tc.fn, tc.args...)
			if tc.errMsg == "" {
				if err != nil || !reflect.DeepEqual(got, tc.want) {
					t.Fatalf("got %#v, %v; want %#v", got, err, tc.want)
				}
				return
			}
			var se *runtime.ScriptError
			if !errors.As(err, &se) || se.Kind != runtime.KindUncaught || se.Message != tc.errMsg || se.Line != tc.errLine {
				t.Fatalf("err = %#v, want an uncaught %q at line %d", err, tc.errMsg, tc.errLine)
			}
		})
	}
}

var errSentinel = errors.New("host: sentinel failure")

// TestScriptErrorKeepsGoCause checks that an error a Go function returns,
// left uncaught by the script, comes back as a *ScriptError whose Go cause
// errors.Is and errors.As reach.
func TestScriptErrorKeepsGoCause(t *testing.T) {
	cases := []struct {
		name string
		src  string
		// eval runs src with Eval instead of RunString
		eval bool
	}{
		{name: "async, awaited at top level", src: "await asyncFail();"},
		{name: "async, wrapped error", src: "await asyncWrapped();"},
		{name: "async, bindings.Error with a cause", src: "await asyncCoded();"},
		{name: "async, caught and rethrown", src: "try { await asyncFail(); } catch (e) { throw e; }"},
		{name: "async, inside an asyncio task", src: "await asyncio.createTask(() => asyncFail());"},
		{name: "async, from Eval", src: "await asyncFail()", eval: true},
		{name: "SyncFunc", src: "syncFail();"},
		{name: "SyncFunc from a timer callback", src: "setTimeout(() => syncFail(), 1);"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rt, err := runtime.New(runtime.Options{VirtualTime: true})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			_ = rt.SetAsync("asyncFail", func(context.Context, []any) (any, error) { return nil, errSentinel })
			_ = rt.SetAsync("asyncWrapped", func(context.Context, []any) (any, error) {
				return nil, fmt.Errorf("host: lookup: %w", errSentinel)
			})
			_ = rt.SetAsync("asyncCoded", func(context.Context, []any) (any, error) {
				return nil, &bindings.Error{Code: "EHOST", Message: "coded", Cause: errSentinel}
			})
			_ = rt.Set("syncFail", bindings.SyncFunc(func([]any) (any, error) { return nil, errSentinel }))
			if tc.eval {
				_, err = rt.Eval(context.Background(), tc.src)
			} else {
				err = rt.RunString(context.Background(), "main.js", tc.src)
			}
			var se *runtime.ScriptError
			if !errors.As(err, &se) || se.Kind != runtime.KindUncaught {
				t.Fatalf("err = %#v, want an uncaught *ScriptError", err)
			}
			if !errors.Is(err, errSentinel) {
				t.Errorf("errors.Is(%v, sentinel) = false; Cause = %#v", err, se.Cause)
			}
		})
	}
}

// TestScriptErrorKeepsGoCauseOfPlainGoFunc covers Go functions given to Set
// as they are (func(...) (T, error)): goja throws a GoError for their error.
func TestScriptErrorKeepsGoCauseOfPlainGoFunc(t *testing.T) {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	_ = rt.Set("plainFail", func() (int, error) { return 0, fmt.Errorf("wrapped: %w", errSentinel) })
	err = rt.RunString(context.Background(), "main.js", "plainFail();")
	if !errors.Is(err, errSentinel) {
		t.Fatalf("errors.Is(%v, sentinel) = false", err)
	}
}

func TestClosedRuntime(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "ok.js")
	if err := os.WriteFile(file, []byte("1;"), 0o644); err != nil {
		t.Fatal(err)
	}
	rt, err := runtime.New(runtime.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.RunString(context.Background(), "", "setTimeout(() => {}, 1)"); err != nil {
		t.Fatal(err)
	}
	// Close is idempotent, also when called from many goroutines at once.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := rt.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
	wg.Wait()
	if err := rt.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	ctx := context.Background()
	calls := []struct {
		name string
		call func() error
	}{
		{"RunString", func() error { return rt.RunString(ctx, "x.js", "1") }},
		{"RunFile", func() error { return rt.RunFile(ctx, "ok.js") }},
		{"Eval", func() error { _, err := rt.Eval(ctx, "1"); return err }},
		{"Eval[T]", func() error { _, err := runtime.Eval[int](ctx, rt, "1"); return err }},
		{"Call", func() error { _, err := rt.Call(ctx, "f"); return err }},
		{"Set", func() error { return rt.Set("x", 1) }},
		{"SetAsync", func() error {
			return rt.SetAsync("x", func(context.Context, []any) (any, error) { return nil, nil })
		}},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, runtime.ErrClosed) {
			t.Errorf("%s after Close = %v, want ErrClosed", c.name, err)
		}
	}
	rt.Interrupt() // harmless on a closed runtime
	rt.Shutdown()
}

// TestInterrupt stops runaway JavaScript in the places it can run: the main
// module, a timer callback, an Eval and a Call. The host interrupts from
// another goroutine once the script has told it it is about to spin.
func TestInterrupt(t *testing.T) {
	cases := []struct {
		name string
		run  func(ctx context.Context, rt *runtime.Runtime) error
	}{
		{"main module", func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.js", "spinning(); while (true) {}")
		}},
		{"timer callback", func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.js", "setTimeout(() => { spinning(); for (;;) {} }, 1)")
		}},
		{"async function after await", func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.ts", "async function f(): Promise<void> { await asyncio.sleep(0.001); spinning(); while (true) {} }\nawait f();")
		}},
		{"Eval", func(ctx context.Context, rt *runtime.Runtime) error {
			_, err := rt.Eval(ctx, "(() => { spinning(); while (true) {} })()")
			return err
		}},
		{"Call", func(ctx context.Context, rt *runtime.Runtime) error {
			if err := rt.RunString(ctx, "lib.js", "export function spin() { spinning(); while (true) {} }"); err != nil {
				return err
			}
			_, err := rt.Call(ctx, "spin")
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runtimetest.VerifyNoLeaks(t)
			var out syncBuf
			rt, err := runtime.New(runtime.Options{Stdout: &out})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			spinning := make(chan struct{}, 1)
			_ = rt.Set("spinning", func() { spinning <- struct{}{} })
			go func() {
				<-spinning
				rt.Interrupt()
			}()
			err = tc.run(context.Background(), rt)
			// (its Kind is pinned by TestStopErrorKinds)
			var se *runtime.ScriptError
			if !errors.As(err, &se) || !errors.Is(err, runtime.ErrInterrupted) {
				t.Fatalf("err = %#v, want a ScriptError wrapping ErrInterrupted", err)
			}
			// The runtime is usable again.
			if err := rt.RunString(context.Background(), "again.js", "console.log('again')"); err != nil || out.String() != "again\n" {
				t.Fatalf("after interrupt: err=%v out=%q", err, out.String())
			}
		})
	}
}

func TestOptionsTimeout(t *testing.T) {
	cases := []struct {
		name    string
		timeout time.Duration
		ctx     time.Duration // a deadline of the caller's own, 0 for none
		run     func(ctx context.Context, rt *runtime.Runtime) error
		kind    runtime.ErrorKind
		ok      bool
	}{
		{"busy loop in RunString", 40 * time.Millisecond, 0, func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.js", "for (;;) {}")
		}, runtime.KindTimeout, false},
		{"pending timer in RunString", 40 * time.Millisecond, 0, func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "wait.js", "await new Promise((r) => setTimeout(r, 60_000));")
		}, runtime.KindTimeout, false},
		{"Eval awaiting a sleep", 40 * time.Millisecond, 0, func(ctx context.Context, rt *runtime.Runtime) error {
			_, err := rt.Eval(ctx, "await asyncio.sleep(60)")
			return err
		}, runtime.KindTimeout, false},
		{"Call", 40 * time.Millisecond, 0, func(ctx context.Context, rt *runtime.Runtime) error {
			if err := rt.RunString(ctx, "lib.js", "export const f = () => { for (;;) {} };"); err != nil {
				return err
			}
			_, err := rt.Call(ctx, "f")
			return err
		}, runtime.KindTimeout, false},
		// (a Timeout that a loaded machine cannot use up in one short call)
		{"each call gets the whole timeout", time.Second, 0, func(ctx context.Context, rt *runtime.Runtime) error {
			if _, err := rt.Eval(ctx, "1"); err != nil {
				return err
			}
			time.Sleep(1100 * time.Millisecond) // longer than Timeout, between calls
			_, err := rt.Eval(ctx, "await new Promise((r) => setTimeout(r, 20))")
			return err
		}, 0, true},
		{"a shorter caller deadline wins", time.Hour, 40 * time.Millisecond, func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.js", "for (;;) {}")
		}, runtime.KindTimeout, false},
		{"a shorter Timeout wins", 40 * time.Millisecond, time.Hour, func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "spin.js", "for (;;) {}")
		}, runtime.KindTimeout, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runtimetest.VerifyNoLeaks(t)
			var out syncBuf
			rt, err := runtime.New(runtime.Options{Stdout: &out, Timeout: tc.timeout})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			ctx := context.Background()
			if tc.ctx > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.ctx)
				defer cancel()
			}
			start := time.Now()
			err = tc.run(ctx, rt)
			if tc.ok {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			var se *runtime.ScriptError
			if !errors.As(err, &se) || se.Kind != tc.kind || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("err = %#v, want kind %v wrapping DeadlineExceeded", err, tc.kind)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("stopping took %v", d)
			}
			// The timeout ended that call, not the runtime.
			if err := rt.RunString(context.Background(), "again.js", "console.log('again')"); err != nil || out.String() != "again\n" {
				t.Fatalf("after timeout: err=%v out=%q", err, out.String())
			}
		})
	}
}
