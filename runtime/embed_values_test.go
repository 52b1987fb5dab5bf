package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
)

// calc is a struct a host hands to scripts: a field holding an AsyncFunc
// beside a plain field and a method.
type calc struct {
	Sq     runtime.AsyncFunc
	Factor int
	Self   *calc
}

func (c *calc) Times(x int) int { return x * c.Factor }

// TestSetNestedAsyncFunc: an AsyncFunc (or SyncFunc) anywhere inside a
// value a host hands to scripts (Set, Call arguments, an AsyncFunc's
// result, module exports) is a promise-returning function there. Before,
// goja's conversion of a nested one failed when called ("could not convert
// 7 to context.Context").
func TestSetNestedAsyncFunc(t *testing.T) {
	sq := runtime.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
		n, _ := args[0].(int64)
		return n * n, nil
	})
	neg := func(args []any) (any, error) { n, _ := args[0].(int64); return -n, nil }
	rt, err := runtime.New(runtime.Options{VirtualTime: true, Modules: []bindings.Module{
		runtime.Module("calc", map[string]any{"inner": map[string]any{"sq": sq}}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	c := &calc{Sq: sq, Factor: 3}
	c.Self = c
	data := map[string]any{"n": 1}
	cyc := map[string]any{"sq": sq}
	cyc["self"] = cyc
	for name, v := range map[string]any{
		"api":  map[string]any{"sq": sq, "neg": bindings.SyncFunc(neg), "deep": map[string]any{"list": []any{sq, 5}}, "k": "v"},
		"fns":  []runtime.AsyncFunc{sq},
		"calc": c,
		"data": data,
		"cyc":  cyc,
		"connect": runtime.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
			return map[string]any{"query": sq, "name": "db"}, nil
		}),
	} {
		if err := rt.Set(name, v); err != nil {
			t.Fatalf("Set(%s): %v", name, err)
		}
	}
	cases := []struct{ expr, want string }{
		{"await api.sq(7)", "49"},
		{"api.neg(7)", "-7"},
		{"await api.deep.list[0](3)", "9"},
		{"api.deep.list[1] + api.k", "5v"},
		{"await fns[0](4)", "16"},
		{"await calc.sq(5)", "25"},
		{"calc.times(2) + calc.factor", "9"},
		{"await calc.self.sq(6)", "36"},
		{"calc.self === calc", "true"},
		{"await (await connect()).query(8)", "64"},
		{"(await connect()).name", "db"},
		{"await require('calc').inner.sq(9)", "81"},
		{"await cyc.self.self.sq(2)", "4"},
		{"cyc.self === cyc", "true"},
		// a value with no host function inside keeps goja's live view
		{"(data.n = 2, data.m = 3, 'ok')", "ok"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, tc := range cases {
		got, err := rt.Eval(ctx, tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if s := fmt.Sprint(got); s != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, s, tc.want)
		}
	}
	if data["n"] != int64(2) || data["m"] != int64(3) {
		t.Errorf("data = %v, want the script's writes (a live view)", data)
	}
	// a Call argument with an AsyncFunc inside
	if _, err := rt.Eval(ctx, "globalThis.use = async (o) => await o.f(11)"); err != nil {
		t.Fatal(err)
	}
	got, err := rt.Call(ctx, "use", map[string]any{"f": sq})
	if err != nil || got != int64(121) {
		t.Errorf("Call(use, {f: sq}) = %v, %v; want 121", got, err)
	}
	var se *runtime.ScriptError
	if _, err := rt.Eval(ctx, "await api.sq()"); err != nil && !errors.As(err, &se) {
		t.Errorf("a bad call: %v, want a ScriptError", err)
	}
}

// TestEvalPositions: Eval's errors carry the user's positions (the
// wrapper that lets the expression await is on lines of its own, mapped
// back), with no doubled "SyntaxError:" prefix.
func TestEvalPositions(t *testing.T) {
	rt, err := runtime.New(runtime.Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	cases := []struct {
		expr   string
		kind   runtime.ErrorKind
		err    string // Error()
		report []string
	}{
		{"1 +", runtime.KindSyntax, "[eval]:1:4: SyntaxError: Unexpected end of input",
			[]string{"   1 | 1 +\n     |    ^\n"}},
		{"1 + )", runtime.KindSyntax, "[eval]:1:5: SyntaxError: Unexpected token )", nil},
		{"[1,\n 2,,\n 3", runtime.KindSyntax, "[eval]:3:3: SyntaxError: Unexpected end of input", nil},
		{"null.x", runtime.KindUncaught, "[eval]:1:6: TypeError: Cannot read property 'x' of undefined",
			[]string{"   1 | null.x\n     |      ^\n", "    at [eval]:1:6"}},
		{"await 0, (() => {\n  throw new RangeError('r')\n})()", runtime.KindUncaught, "[eval]:2:9: RangeError: r",
			[]string{"    at [eval]:2:9", "    at [eval]:3:3"}},
	}
	for _, tc := range cases {
		_, err := rt.Eval(context.Background(), tc.expr)
		var se *runtime.ScriptError
		if !errors.As(err, &se) {
			t.Errorf("%q: err = %v, want a ScriptError", tc.expr, err)
			continue
		}
		if se.Kind != tc.kind || se.Error() != tc.err {
			t.Errorf("%q: %v %q, want %v %q", tc.expr, se.Kind, se.Error(), tc.kind, tc.err)
		}
		rep := se.Report()
		for _, want := range tc.report {
			if !strings.Contains(rep, want) {
				t.Errorf("%q: report lacks %q:\n%s", tc.expr, want, rep)
			}
		}
		if strings.Contains(rep, "SyntaxError: SyntaxError") || strings.Contains(rep, "arun:internal") {
			t.Errorf("%q: report:\n%s", tc.expr, rep)
		}
	}
}

// TestStoppedWhere: a run stopped in a busy loop (timeout, a cancelled
// context, Interrupt) reports where the script was: position, code frame,
// stack. The stop comes once the script is inside spin (started), so the
// place is line 3 or 4 whatever the machine's speed.
func TestStoppedWhere(t *testing.T) {
	const src = "let i = 0;\nfunction spin() {\n  started();\n  for (;;) i++;\n}\n"
	for _, tc := range []struct {
		name string
		kind runtime.ErrorKind
		stop func(rt *runtime.Runtime, cancel context.CancelCauseFunc)
		eval bool
	}{
		{"timeout", runtime.KindTimeout, func(_ *runtime.Runtime, cancel context.CancelCauseFunc) { cancel(context.DeadlineExceeded) }, false},
		{"context cancelled", runtime.KindInterrupted, func(_ *runtime.Runtime, cancel context.CancelCauseFunc) { cancel(nil) }, false},
		{"Interrupt", runtime.KindInterrupted, func(rt *runtime.Runtime, _ context.CancelCauseFunc) { rt.Interrupt() }, false},
		{"Eval timeout", runtime.KindTimeout, func(_ *runtime.Runtime, cancel context.CancelCauseFunc) { cancel(context.DeadlineExceeded) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rt, err := runtime.New(runtime.Options{Dir: "/tmp"})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			if err := rt.Set("started", func() { tc.stop(rt, cancel) }); err != nil {
				t.Fatal(err)
			}
			if tc.eval {
				if err = rt.RunString(context.Background(), "busy.js", src); err == nil {
					_, err = rt.Eval(ctx, "spin()")
				}
			} else {
				err = rt.RunString(ctx, "busy.js", src+"spin();\n")
			}
			var se *runtime.ScriptError
			if !errors.As(err, &se) || se.Kind != tc.kind {
				t.Fatalf("err = %#v, want a ScriptError of kind %v", err, tc.kind)
			}
			if se.File != "busy.js" || (se.Line != 3 && se.Line != 4) {
				t.Errorf("stopped at %s:%d:%d, want busy.js:3 or 4\n%s", se.File, se.Line, se.Column, se.Report())
			}
			if !strings.Contains(se.Stack, "at spin (busy.js:") || se.Frame == "" {
				t.Errorf("stack %q, frame %q", se.Stack, se.Frame)
			}
		})
	}
}

// TestCloseContext: Close waits for a Go function that ignores its
// context; CloseContext stops waiting when its context is done and says
// what is still running, and a later Close waits for it to end.
func TestCloseContext(t *testing.T) {
	started, release, returned := make(chan struct{}), make(chan struct{}), make(chan struct{})
	stubborn := runtime.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
		close(started)
		<-release // ignores ctx
		close(returned)
		return nil, nil
	})
	rt, err := runtime.New(runtime.Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.SetAsync("stubborn", stubborn); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	if err := rt.RunString(ctx, "main.js", "await stubborn();\n"); err == nil {
		t.Fatal("the run ended without its context's cancellation")
	}
	expired, cancel2 := context.WithCancel(context.Background())
	cancel2()
	err = rt.CloseContext(expired)
	if err == nil || !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "1 Go function(s) still running") {
		t.Fatalf("CloseContext = %v, want the count of what still runs and the context's error", err)
	}
	select {
	case <-returned:
		t.Fatal("the Go function returned before it was released")
	default:
	}
	closed := make(chan error)
	go func() { closed <- rt.Close() }()
	close(release)
	if err := <-closed; err != nil {
		t.Fatalf("Close = %v", err)
	}
	select {
	case <-returned:
	default:
		t.Fatal("Close returned before the Go function did")
	}
	if _, err := rt.Eval(context.Background(), "1"); !errors.Is(err, runtime.ErrClosed) {
		t.Errorf("Eval after CloseContext = %v, want ErrClosed", err)
	}
}
