package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestScripts(t *testing.T) { runtimetest.RunScripts(t, "testdata/scripts") }

func TestErrors(t *testing.T) {
	cases := []struct {
		name, file, src string
		kind            runtime.ErrorKind
		report          []string // substrings of Report()
	}{
		{"syntax error has position and frame", "bad.js", "const a = 1;\nconst b = ;\n",
			runtime.KindSyntax, []string{"bad.js:2:11", "   2 | const b = ;", "          ^", "SyntaxError: Unexpected \";\""}},
		{"typescript syntax error", "bad.ts", "let x: number = (;\n",
			runtime.KindSyntax, []string{"bad.ts:1:18", "SyntaxError"}},
		{"missing module", "m.js", "import x from './nope.js';\n",
			runtime.KindLoad, []string{"m.js:1:15", `Error: Cannot find module './nope.js'`}},
		{"missing package import", "m.mjs", "import x from 'nosuchpkg';\n",
			runtime.KindLoad, []string{"m.mjs:1:15", `Error: Cannot find module 'nosuchpkg'`}},
		// the builtin stub's frame and esbuild's helpers are not the user's
		// code: the error is at the import line, not at a line of the bundle
		{"missing node: import", "os.mjs", "import os from 'node:nosuch';\nconsole.log(os);\n",
			runtime.KindUncaught, []string{"os.mjs:1:15\n   1 | import os from 'node:nosuch';", "Uncaught Error: No such built-in module: node:nosuch\n    at os.mjs:1:15"}},
		{"missing node: require", "req.js", "const x = 1;\nrequire('node:nosuch');\n",
			runtime.KindUncaught, []string{"req.js:2:8", "No such built-in module: node:nosuch"}},
		{"uncaught at top level", "top.ts", "type T = number;\nconst n: T = 1;\nthrow new RangeError(`n=${n}`);\n",
			runtime.KindUncaught, []string{"top.ts:3:7", "Uncaught RangeError: n=1"}},
		{"throwing a non-error", "s.js", "throw 'just a string';",
			runtime.KindUncaught, []string{"Uncaught 'just a string'"}},
		{"deep recursion is a RangeError", "r.js", "function f() { return f() + 1; }\nf();\n",
			runtime.KindUncaught, []string{"RangeError"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runtimetest.Run(t, tc.file, tc.src, runtimetest.VirtualOptions())
			var se *runtime.ScriptError
			if !errors.As(res.Err, &se) {
				t.Fatalf("err = %v, want *ScriptError", res.Err)
			}
			if se.Kind != tc.kind {
				t.Errorf("kind = %v, want %v", se.Kind, tc.kind)
			}
			rep := se.Report()
			for _, want := range tc.report {
				if !strings.Contains(rep, want) {
					t.Errorf("report lacks %q:\n%s", want, rep)
				}
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name string
		src  string
		code int
		err  bool
	}{
		{"exitCode property", "process.exitCode = 3; console.log('x')", 3, false},
		{"process.exit stops at once", "setTimeout(() => console.log('never'), 1); process.exit(7); console.log('never')", 7, true},
		{"clean", "console.log('ok')", 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runtimetest.Run(t, "", tc.src, runtimetest.VirtualOptions())
			if (res.Err != nil) != tc.err {
				t.Fatalf("err = %v", res.Err)
			}
			if res.ExitCode != tc.code {
				t.Errorf("exit code = %d, want %d", res.ExitCode, tc.code)
			}
			if strings.Contains(res.Stdout, "never") {
				t.Errorf("ran code after exit: %q", res.Stdout)
			}
		})
	}
}

func TestRejectionPolicies(t *testing.T) {
	src := "Promise.reject(new Error('lost')); setTimeout(() => console.log('still running'), 10);"
	for _, tc := range []struct {
		policy  runtime.RejectionPolicy
		fails   bool
		stdout  string
		warning bool
	}{
		{runtime.RejectStrict, true, "", false},
		{runtime.RejectWarn, false, "still running\n", true},
		{runtime.RejectNone, false, "still running\n", false},
	} {
		opts := runtimetest.VirtualOptions()
		opts.UnhandledRejections = tc.policy
		res := runtimetest.Run(t, "", src, opts)
		if (res.Err != nil) != tc.fails || res.Stdout != tc.stdout {
			t.Errorf("policy %v: err=%v stdout=%q", tc.policy, res.Err, res.Stdout)
		}
		if got := strings.Contains(res.Stderr, "lost"); got != tc.warning {
			t.Errorf("policy %v: stderr %q", tc.policy, res.Stderr)
		}
	}
}

func TestMainModuleDeadlock(t *testing.T) {
	res := runtimetest.Run(t, "", "await new Promise(() => {}); console.log('never');", runtimetest.VirtualOptions())
	var se *runtime.ScriptError
	if !errors.As(res.Err, &se) || se.Kind != runtime.KindDeadlock {
		t.Fatalf("err = %v, want deadlock", res.Err)
	}
}

func TestTimeoutStopsBusyLoop(t *testing.T) {
	rt, err := runtime.New(runtime.Options{Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "spin.js", "while (true) {}")
	var se *runtime.ScriptError
	if !errors.As(err, &se) || se.Kind != runtime.KindTimeout || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want timeout", err)
	}
	// the runtime can run again after a timeout
	var out strings.Builder
	rt2, _ := runtime.New(runtime.Options{Stdout: &out})
	defer rt2.Close()
	if err := rt2.RunString(context.Background(), "ok.js", "console.log('fine')"); err != nil || out.String() != "fine\n" {
		t.Fatalf("err=%v out=%q", err, out.String())
	}
}

func TestInterruptFromAnotherGoroutine(t *testing.T) {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	time.AfterFunc(30*time.Millisecond, rt.Interrupt)
	err = rt.RunString(context.Background(), "spin.js", "for (;;) {}")
	if !errors.Is(err, runtime.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
}

func TestVirtualTimeIsFast(t *testing.T) {
	start := time.Now()
	res := runtimetest.Run(t, "", `
		const t0 = performance.now();
		await new Promise((r) => setTimeout(r, 60 * 60 * 1000));
		console.log(Math.round((performance.now() - t0) / 60000) + " minutes");`, runtimetest.VirtualOptions())
	if res.Err != nil || res.Stdout != "60 minutes\n" {
		t.Fatalf("err=%v out=%q", res.Err, res.Stdout)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("an hour of virtual time took %v", time.Since(start))
	}
}

func TestPermissionsDenyEnv(t *testing.T) {
	opts := runtime.Options{Permissions: &runtime.Permissions{}, Env: map[string]string{"SECRET": "x"}}
	res := runtimetest.Run(t, "", "try { process.env.SECRET } catch (e) { console.log(e.name, e.message) }", opts)
	if res.Err != nil || !strings.Contains(res.Stdout, "PermissionDenied") || !strings.Contains(res.Stdout, "--allow-env") {
		t.Fatalf("err=%v out=%q", res.Err, res.Stdout)
	}
}

func TestDebugWarnsOfSlowCallbacks(t *testing.T) {
	opts := runtime.Options{Debug: true}
	res := runtimetest.Run(t, "slow.js", "setTimeout(() => { const end = Date.now() + 150; while (Date.now() < end) {} }, 1);", opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if !strings.Contains(res.Stderr, "held the event loop") || !strings.Contains(res.Stderr, "timer created at slow.js:1:") {
		t.Errorf("stderr = %q", res.Stderr)
	}
}

func TestAsyncGoErrorHasTheCallersPosition(t *testing.T) {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	sentinel := errors.New("backend down")
	_ = rt.SetAsync("load", func(ctx context.Context, args []any) (any, error) { return nil, sentinel })
	err = rt.RunString(context.Background(), "main.js", "async function f() {\n  return await load();\n}\nawait f();\n")
	var se *runtime.ScriptError
	if !errors.As(err, &se) || !errors.Is(err, sentinel) {
		t.Fatalf("err = %v", err)
	}
	if se.File != "main.js" || se.Line != 2 || !strings.Contains(se.Stack, "at f (main.js:2:") {
		t.Errorf("position %s:%d, stack:\n%s", se.File, se.Line, se.Stack)
	}
}
