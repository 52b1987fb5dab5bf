package runtime

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestCheckInput(t *testing.T) {
	tests := []struct {
		src  string
		want string // "ok", "incomplete" or "syntax"
	}{
		{"1 + 2", "ok"},
		{"", "ok"},
		{"// just a comment", "ok"},
		{"function f() {", "incomplete"},
		{"function f() {\n  return 1", "incomplete"},
		{"function f() {\n  return 1\n}", "ok"},
		{"if (x)", "incomplete"},
		{"if (x) {", "incomplete"},
		{"let x = ", "incomplete"},
		{"(1 +", "incomplete"},
		{"[1,", "incomplete"},
		{"foo(", "incomplete"},
		{"a.", "incomplete"},
		{"x = {", "incomplete"},
		{"a =>", "incomplete"},
		{"/* comment", "incomplete"},
		{"`abc", "incomplete"},
		{"`abc\ndef", "incomplete"},
		{"`abc ${", "incomplete"},
		{"`abc ${x}", "incomplete"},
		{"`abc ${x}`", "ok"},
		{"class A {\n  m() {", "incomplete"},
		{"await asyncio.sleep(1, 'x')", "ok"},
		{"let x: number = 5", "ok"},
		{"{a: 1}", "ok"},
		{"'abc", "syntax"},
		{"`a ${'x", "syntax"},
		{"let 1x", "syntax"},
		{"x)", "syntax"},
		{"}", "syntax"},
		{"1 +* 2", "syntax"},
	}
	for _, tt := range tests {
		err := CheckInput(tt.src)
		got := "ok"
		var se *ScriptError
		switch {
		case errors.Is(err, ErrIncompleteInput):
			got = "incomplete"
		case errors.As(err, &se) && se.Kind == KindSyntax:
			got = "syntax"
		case err != nil:
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckInput(%q) = %s (%v), want %s", tt.src, got, err, tt.want)
		}
	}
}

func TestRewriteInput(t *testing.T) {
	tests := []struct {
		src   string
		async bool
		has   []string // substrings of the rewritten code
		not   []string
	}{
		{src: "const x = 1", has: []string{"var x = 1"}, not: []string{"const"}},
		{src: "let y", has: []string{"var y = void 0"}},
		{src: "var z", has: []string{"var z;"}, not: []string{"void 0"}},
		{src: "class A { m() { return 1 } }", has: []string{"var A = class A"}},
		{src: "function f() {}", has: []string{"function f()"}},
		{src: "const {a, b: [c, d = 2]} = o", has: []string{"var { a, b: [c, d = 2] } = o"}},
		{src: "const {a, ...e} = o", has: []string{"var _a = o, { a } = _a, e = __objRest"}},
		{src: "await f()", async: true, has: []string{"return {value: (await f()"}},
		{src: "const x = await f()", async: true, has: []string{"var x;", "void (x = await f())"}},
		{src: "const {a, b: [c, d = 2]} = await o", async: true, has: []string{"var a, c, d;", "void ({ a, b: [c, d = 2] } = await o)"}},
		{src: "let p, q = 1; await 0", async: true, has: []string{"var p, q;", "void (p = void 0, q = 1)"}},
		{src: "class B {}\nawait 0", async: true, has: []string{"var B;", "B = class B"}},
		{src: "function g() { return 1 }\nawait 0", async: true, has: []string{`globalThis["g"] = g;`}},
		{src: "async function h() { await 1 }", has: []string{"async function h()"}},
		{src: "const f = async () => await 1", not: []string{"return {value"}},
		{src: "for (const x of [1]) { await x }", async: true},
		{src: "let n: number = await Promise.resolve(5)", async: true, has: []string{"void (n = await Promise.resolve(5))"}},
	}
	for _, tt := range tests {
		rw, err := rewriteInput(tt.src)
		if err != nil {
			t.Errorf("rewriteInput(%q): %v", tt.src, err)
			continue
		}
		if rw.async != tt.async {
			t.Errorf("rewriteInput(%q).async = %v, want %v\n%s", tt.src, rw.async, tt.async, rw.code)
		}
		for _, h := range tt.has {
			if !strings.Contains(rw.code, h) {
				t.Errorf("rewriteInput(%q) lacks %q:\n%s", tt.src, h, rw.code)
			}
		}
		for _, h := range tt.not {
			if strings.Contains(rw.code, h) {
				t.Errorf("rewriteInput(%q) has %q:\n%s", tt.src, h, rw.code)
			}
		}
		if _, err := goja.Compile("x", rw.code, false); err != nil {
			t.Errorf("rewriteInput(%q) does not compile: %v\n%s", tt.src, err, rw.code)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the loop, workers and the test
// goroutine (runtimetest.Buffer cannot be used inside package runtime).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func newSession(t *testing.T) (*Session, *syncBuffer, *syncBuffer) {
	t.Helper()
	t.Cleanup(func() { goleak.VerifyNone(t, goleak.IgnoreCurrent()) })
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	r, err := New(Options{Stdout: stdout, Stderr: stderr, Permissions: AllowAll(), UnhandledRejections: RejectWarn})
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.StartSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		r.Close()
	})
	return s, stdout, stderr
}

func eval(t *testing.T, s *Session, src string) (EvalResult, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.Eval(ctx, src, nil)
}

func TestSessionEval(t *testing.T) {
	s, _, _ := newSession(t)
	steps := []struct {
		src    string
		want   string
		thrown bool
	}{
		{"1 + 2", "3", false},
		{"_ * 2", "6", false},
		{"const x = 10", "undefined", false},
		{"x + 1", "11", false},
		{"const x = 20", "undefined", false}, // redeclared, as in Node's REPL
		{"x", "20", false},
		{"let y: number = 5; y * 2", "10", false},
		{"class A { get v() { return 7 } }", "undefined", false},
		{"new A().v", "7", false},
		{"class A { get v() { return 8 } }; new A().v", "8", false},
		{"function f() { return 'f' }", "undefined", false},
		{"f()", "'f'", false},
		{"await new Promise(r => setTimeout(() => r('x'), 10))", "'x'", false},
		{"const z = await Promise.resolve(41); z + 1", "42", false},
		{"z", "41", false},
		{"const {a, b: [c]} = await Promise.resolve({a: 1, b: [2]}); a + c", "3", false},
		{"async function g() { return 9 }\nawait g()", "9", false},
		{"g", "[AsyncFunction: g]", false},
		{"await 0; Promise.resolve(1) instanceof Promise", "true", false},
		{"({a: 1}).a", "1", false},
		{"throw new Error('boom')", "Error: boom\n    at REPL21:1:7", true},
		{"_error.message", "'boom'", false},
		{"await Promise.reject(new TypeError('nope'))", "TypeError: nope\n    at REPL23:1:", true},
		{"undefinedName", "ReferenceError: undefinedName is not defined\n    at REPL24:1:1", true},
	}
	for _, st := range steps {
		res, err := eval(t, s, st.src)
		if err != nil {
			t.Fatalf("Eval(%q): %v", st.src, err)
		}
		if !strings.HasPrefix(res.Text, st.want) || res.Thrown != st.thrown {
			t.Errorf("Eval(%q) = %q thrown=%v, want %q thrown=%v", st.src, res.Text, res.Thrown, st.want, st.thrown)
		}
	}
	if res, err := eval(t, s, "  // nothing\n"); err != nil || !res.Empty {
		t.Errorf("comment-only input: %+v, %v", res, err)
	}
	if _, err := eval(t, s, "function f() {"); !errors.Is(err, ErrIncompleteInput) {
		t.Errorf("incomplete input: %v", err)
	}
	var se *ScriptError
	if _, err := eval(t, s, "let 1x"); !errors.As(err, &se) || se.Kind != KindSyntax {
		t.Errorf("syntax error: %v", err)
	}
	if _, err := eval(t, s, "import x from 'y'"); !errors.As(err, &se) || !strings.Contains(se.Message, "import") {
		t.Errorf("import: %v", err)
	}
}

func TestSessionBackgroundWork(t *testing.T) {
	s, stdout, _ := newSession(t)
	if _, err := eval(t, s, "let n = 0; globalThis.iv = setInterval(() => { n++; console.log('tick ' + n) }, 5)"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(stdout.String(), "tick 3") })
	res, err := eval(t, s, "clearInterval(iv); n >= 3")
	if err != nil || res.Text != "true" {
		t.Fatalf("after interval: %+v, %v", res, err)
	}
	// a background task keeps running between inputs
	if _, err := eval(t, s, "globalThis.done = false; (async () => { await new Promise(r => setTimeout(r, 20)); done = true })()"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		res, err := eval(t, s, "done")
		return err == nil && res.Text == "true"
	})
}

func TestSessionInterrupt(t *testing.T) {
	s, stdout, stderr := newSession(t)
	if _, err := eval(t, s, "globalThis.iv = setInterval(() => console.log('alive'), 5)"); err != nil {
		t.Fatal(err)
	}
	// a busy loop is interrupted; the loop (and its interval) goes on
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := s.Eval(ctx, "while (true) {}", nil)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("busy loop: %v", err)
	}
	res, err := eval(t, s, "1 + 1")
	if err != nil || res.Text != "2" {
		t.Fatalf("after busy loop: %+v %v", res, err)
	}
	n := strings.Count(stdout.String(), "alive")
	waitFor(t, func() bool { return strings.Count(stdout.String(), "alive") > n })

	// a busy loop inside an async function (goja cannot unwind that
	// nested; the loop restarts instead)
	for _, src := range []string{"(async () => { while (true) {} })()", "await 0; (async () => { while (true) {} })()", "console.log('x'); await new Promise(() => { while (true) {} })"} {
		ctx, cancel = context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel)
		if _, err := s.Eval(ctx, src, nil); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("%s: %v", src, err)
		}
		res, err = eval(t, s, "[1, 2].map(x => x * 2).join()")
		if err != nil || res.Text != "'2,4'" {
			t.Fatalf("after %s: %+v %v", src, res, err)
		}
	}
	if _, err := eval(t, s, "globalThis.iv = setInterval(() => console.log('alive'), 5)"); err != nil {
		t.Fatal(err)
	}

	// a pending await is abandoned
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err = s.Eval(ctx, "await new Promise(() => {})", nil)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("pending await: %v", err)
	}
	res, err = eval(t, s, "'still here'")
	if err != nil || res.Text != "'still here'" {
		t.Fatalf("after await: %+v %v", res, err)
	}
	// a busy loop after an await (in a promise job) stops the loop, which restarts
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err = s.Eval(ctx, "await 0; while (true) {}", nil)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("busy after await: %v", err)
	}
	waitFor(t, func() bool { return strings.Contains(stderr.String(), "Interrupted") })
	res, err = eval(t, s, "'restarted'")
	if err != nil || res.Text != "'restarted'" {
		t.Fatalf("after restart: %+v %v", res, err)
	}
}

func TestSessionBackgroundError(t *testing.T) {
	s, _, stderr := newSession(t)
	if _, err := eval(t, s, "setTimeout(() => { throw new Error('late') }, 1)"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(stderr.String(), "Error: late") })
	res, err := eval(t, s, "'ok'")
	if err != nil || res.Text != "'ok'" {
		t.Fatalf("after background error: %+v %v", res, err)
	}
}

func TestSessionExit(t *testing.T) {
	s, _, _ := newSession(t)
	_, err := eval(t, s, "process.exit(3)")
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 3 {
		t.Fatalf("process.exit: %v", err)
	}
	select {
	case <-s.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("session did not end")
	}
	if !errors.As(s.Err(), &ee) || ee.Code != 3 {
		t.Fatalf("Err: %v", s.Err())
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSessionBackgroundErrorKeepsTimers(t *testing.T) {
	s, stdout, stderr := newSession(t)
	if _, err := eval(t, s, "globalThis.iv = setInterval(() => console.log('alive'), 5); setTimeout(() => { throw new Error('background boom') }, 1)"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(stderr.String(), "background boom") })
	before := strings.Count(stdout.String(), "alive")
	waitFor(t, func() bool { return strings.Count(stdout.String(), "alive") > before+2 })
	if strings.Contains(stderr.String(), "restarted") {
		t.Errorf("the loop restarted: %s", stderr.String())
	}
	if _, err := eval(t, s, "clearInterval(iv)"); err != nil {
		t.Fatal(err)
	}
}

// TestSessionPythonForms: in the REPL, a coroutine call handed to
// createTask or waitFor is cancelled at its pending await, as in a script
// (without the adoption, slow would sleep its 60 s).
func TestSessionPythonForms(t *testing.T) {
	s, _, _ := newSession(t)
	for _, st := range []struct{ src, want string }{
		{"async function slow() { try { await asyncio.sleep(60); return 'slept' } catch (e) { return 'stopped ' + e.name } }", "undefined"},
		{"const t = asyncio.createTask(slow()); await asyncio.sleep(0.01); t.cancel()", "true"},
		// slow catches the cancellation and returns: the task finishes, as in CPython
		{"await asyncio.sleep(0.01); t.result()", "'stopped CancelledError'"},
		{"await asyncio.waitFor(slow(), 0.01)", "'stopped CancelledError'"},
	} {
		res, err := eval(t, s, st.src)
		if err != nil {
			t.Fatalf("Eval(%q): %v", st.src, err)
		}
		if res.Text != st.want {
			t.Errorf("Eval(%q) = %q, want %q", st.src, res.Text, st.want)
		}
	}
}
