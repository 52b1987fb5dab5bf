package testing_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/arun-js/arun/bindings"
	aruntest "github.com/arun-js/arun/bindings/testing"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

// TestAssertScripts runs testdata/*.js: assert's messages, checked against
// Node 20's output for the same script.
func TestAssertScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

var durRe = regexp.MustCompile(`\(\d+(\.\d+)?(ms|s)\)`)

// TestDirectRun: a test file run as a plain script runs its tests once the
// loop is idle and sets the exit code.
func TestDirectRun(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := runtimetest.Run(t, "direct.test.js", `
import { test, describe } from "arun:test";
import assert from "node:assert/strict";
test("passes", async () => { await new Promise((r) => setTimeout(r, 1000)); });
describe("group", () => {
  test("fails", () => { assert.equal(1, 2); });
});
test.skip("skipped", () => {});
`, runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Stderr)
	}
	got := durRe.ReplaceAllString(res.Stdout, "(T)")
	for _, want := range []string{
		"ok    passes (T)\n",
		"FAIL  group > fails (T)\n",
		"      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n",
		"at direct.test.js:6:",
		"skip  skipped\n",
		"1 passed, 1 failed, 1 skipped\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "arun:internal") {
		t.Errorf("internal frames in output:\n%s", got)
	}
	if res.ExitCode != 1 {
		t.Errorf("exit code %d, want 1", res.ExitCode)
	}
}

// fakeServer is a binding that opens a "resource" through the tracker, as a
// server or file handle binding does.
func fakeServer(closed *int) bindings.Module {
	return bindings.Module{Name: "fake:server", Init: func(env *bindings.Env, module *goja.Object) error {
		return module.Set("exports", map[string]any{
			"open": func(call goja.FunctionCall) goja.Value {
				release := env.TrackResource("server", "fake server :"+call.Argument(0).String(), func() { *closed++ })
				return env.VM.ToValue(func(goja.FunctionCall) goja.Value { release(); return goja.Undefined() })
			},
		})
	}}
}

type collected struct{ results []aruntest.Result }

func runHarness(t *testing.T, h *aruntest.Harness, src string, opts runtime.Options) (*collected, error) {
	t.Helper()
	c := &collected{}
	h.OnResult = func(r aruntest.Result) { c.results = append(c.results, r) }
	opts.Globals = append(opts.Globals, aruntest.Install(h))
	opts.VirtualTime = true
	res := runtimetest.Run(t, "x_test.js", src+"\nawait __arun_test_run();\n__arun_test_done();\n", opts)
	h.Stop()
	return c, res.Err
}

func byName(rs []aruntest.Result) map[string]aruntest.Result {
	m := map[string]aruntest.Result{}
	for _, r := range rs {
		m[r.FullName()] = r
	}
	return m
}

// TestDirectRunVirtualTime: a test file run as a plain script on real time
// (arun math_test.js) whose tests ask for virtualTime runs them on virtual
// time: an hour of sleeps passes at once and reads exactly an hour.
func TestDirectRunVirtualTime(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := runtimetest.Run(t, "direct.test.js", `
import { test, describe } from "arun:test";
import assert from "node:assert/strict";
describe("slow", { virtualTime: true }, () => {
  test("an hour", { timeout: 7200 }, async () => {
    const t0 = performance.now();
    await asyncio.sleep(3600);
    assert.equal(performance.now() - t0, 3600e3);
  });
});
`, runtime.Options{})
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Stderr)
	}
	got := durRe.ReplaceAllString(res.Stdout, "(T)")
	if want := "ok    slow > an hour (T)\n1 passed, 0 failed\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}

// TestHarnessSanitizers: leaks of tracked resources, timers and intervals
// fail the test that left them, name where they were created, and are
// released afterwards.
func TestHarnessSanitizers(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	closed := 0
	h := &aruntest.Harness{Timeout: 5e9}
	c, err := runHarness(t, h, `
const { test } = require("arun:test");
const { open } = require("fake:server");
test("closes its server", () => { const close = open(1); close(); });
test("leaks a server", () => {
  open(2);
});
test("leaks an interval", () => { setInterval(() => {}, 10); });
test("clean", async () => { await new Promise((r) => setTimeout(r, 50)); });
`, runtime.Options{Modules: []bindings.Module{fakeServer(&closed)}})
	if err != nil {
		t.Fatal(err)
	}
	m := byName(c.results)
	if r := m["closes its server"]; r.Status != aruntest.Passed {
		t.Errorf("closes its server: %+v", r)
	}
	r := m["leaks a server"]
	if r.Status != aruntest.Failed || len(r.Leaks) != 1 || r.Leaks[0].Kind != "server" || r.Leaks[0].What != "fake server :2" {
		t.Fatalf("leaks a server: %+v", r)
	}
	if len(r.Leaks[0].Stack) == 0 || !strings.Contains(r.Leaks[0].Stack[0], "x_test.js:6:") {
		t.Errorf("leak stack %q, want the open(2) line", r.Leaks[0].Stack)
	}
	if closed != 1 {
		t.Errorf("close called %d times, want 1", closed)
	}
	r = m["leaks an interval"]
	if r.Status != aruntest.Failed || len(r.Leaks) != 1 || r.Leaks[0].What != "setInterval(10 ms)" {
		t.Errorf("leaks an interval: %+v", r)
	}
	if r := m["clean"]; r.Status != aruntest.Passed {
		t.Errorf("clean: %+v", r)
	}
}

// TestHarnessFilterAndTimeout: the filter picks tests by full name; the
// default timeout applies (on virtual time) with a clear message.
func TestHarnessFilterAndTimeout(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	h := &aruntest.Harness{Timeout: 2e9, Filter: func(n string) bool { return strings.HasPrefix(n, "api") }}
	c, err := runHarness(t, h, `
const { test, describe } = require("arun:test");
describe("api", () => {
  test("hangs", () => new Promise(() => {}));
  test("quick", () => {});
});
test("other", () => { throw new Error("filtered out"); });
`, runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.results) != 2 {
		t.Fatalf("got %d results, want 2: %+v", len(c.results), c.results)
	}
	r := c.results[0]
	if r.FullName() != "api > hangs" || r.Status != aruntest.Failed || r.Err == nil || r.Err.Message != "TimeoutError: test timed out after 2s" {
		t.Errorf("hangs: %+v %+v", r, r.Err)
	}
	if c.results[1].Status != aruntest.Passed {
		t.Errorf("quick: %+v", c.results[1])
	}
}
