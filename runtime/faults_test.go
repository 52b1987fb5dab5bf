package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

// panicScenarios are Go functions exposed to scripts that panic. Each runs
// in a child process (a panic that escapes would kill the test binary):
// the script must see a JS error and the process must survive.
var panicScenarios = map[string]struct {
	setup func(rt *runtime.Runtime) error
	src   string
	want  string
}{
	"async": {
		setup: func(rt *runtime.Runtime) error {
			return rt.SetAsync("boom", func(ctx context.Context, args []any) (any, error) { panic("async boom") })
		},
		src: `try { await boom(); console.log("no error") } catch (e) { console.log("caught", e instanceof Error, e.message.includes("async boom")) }
console.log("still running");`,
		want: "caught true true\nstill running",
	},
	"async error value": {
		setup: func(rt *runtime.Runtime) error {
			return rt.SetAsync("boom", func(ctx context.Context, args []any) (any, error) {
				panic(errors.New("async error boom"))
			})
		},
		src:  `try { await boom() } catch (e) { console.log("caught", e instanceof Error, e.message.includes("async error boom")) }`,
		want: "caught true true",
	},
	"settle": {
		setup: func(rt *runtime.Runtime) error {
			return rt.SetAsync("boom", func(ctx context.Context, args []any) (any, error) {
				return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) { panic("settle boom") }), nil
			})
		},
		src:  `try { await boom() } catch (e) { console.log("caught", e instanceof Error, e.message.includes("settle boom")) }`,
		want: "caught true true",
	},
	"sync": {
		setup: func(rt *runtime.Runtime) error {
			return rt.Set("boom", func() int { panic("sync boom") })
		},
		src:  `try { boom(); console.log("no error") } catch (e) { console.log("caught", e instanceof Error, String(e.message).includes("sync boom")) }`,
		want: "caught true true",
	},
}

// TestFaultGoPanics runs each panic scenario in a child process and checks
// that the script caught a JS error and the process exited normally.
func TestFaultGoPanics(t *testing.T) {
	if name := os.Getenv("ARUN_PANIC_SCENARIO"); name != "" {
		return // the child runs TestFaultGoPanicChild
	}
	for name, sc := range panicScenarios {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestFaultGoPanicChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "ARUN_PANIC_SCENARIO="+name)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("the process did not survive a panicking Go function (%v):\n%s", err, firstLines(string(out), 12))
			}
			if !strings.Contains(string(out), "STDOUT:\n"+sc.want+"\n") {
				t.Fatalf("output:\n%s\nwant stdout:\n%s", out, sc.want)
			}
		})
	}
}

// TestFaultGoPanicChild is the child side of TestFaultGoPanics.
func TestFaultGoPanicChild(t *testing.T) {
	name := os.Getenv("ARUN_PANIC_SCENARIO")
	if name == "" {
		t.Skip("run by TestFaultGoPanics in a child process")
	}
	sc := panicScenarios[name]
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Stdout: &out, Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := sc.setup(rt); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = rt.RunString(ctx, "panic.js", sc.src)
	fmt.Printf("STDOUT:\n%s", out.String())
	if err != nil {
		t.Fatalf("run: %v", err)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestFaultCallbacksThrow: JS callbacks that Go-backed APIs call (event
// listeners, stream sources, timers, asyncio callbacks, a Go function
// taking a JS callback) throw: each gives a JS error, reported or caught
// where the script can see it, never a Go panic.
func TestFaultCallbacksThrow(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	goMap := func(xs []goja.Value, f func(goja.Value) goja.Value) []goja.Value {
		out := make([]goja.Value, len(xs))
		for i, x := range xs {
			out[i] = f(x)
		}
		return out
	}
	tests := []struct {
		name, src, want string
		err             string // the run's error, "" for success
	}{
		{"Go function with a throwing callback", `try { goMap([1, 2, 3], (x) => { if (x === 2) throw new RangeError("cb " + x); return x }); console.log("no error") } catch (e) { console.log(e.name, e.message) }
console.log(goMap([1, 2], (x) => x * 10).join(","));`, "RangeError cb 2\n10,20", ""},
		{"Array.map callback into a Go-backed API", `try { await asyncio.gather(...[1, 2].map((x) => { throw new RangeError("map " + x) })); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"RangeError map 1", ""},
		{"iterator of gather throws", `try { await asyncio.wait({ [Symbol.iterator]() { throw new RangeError("iter") } }); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"RangeError iter", ""},
		{"EventTarget listener", `const et = new EventTarget();
et.addEventListener("x", () => { throw new RangeError("listener") });
et.addEventListener("x", () => console.log("second listener ran"));
console.log("dispatch returned", et.dispatchEvent(new Event("x")));`,
			"second listener ran\ndispatch returned true", "RangeError: listener"},
		{"ReadableStream pull", `const rs = new ReadableStream({ pull() { throw new RangeError("pull") } });
try { for await (const c of rs) console.log("chunk"); console.log("no error") } catch (e) { console.log(e.name, e.message) }
const rs2 = new ReadableStream({ start(c) { c.enqueue(1) }, pull() { throw new RangeError("pull later") } });
const rd = rs2.getReader();
console.log((await rd.read()).value);
try { await rd.read(); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"RangeError pull\n1\nRangeError pull later", ""},
		{"ReadableStream start", `try { new ReadableStream({ start() { throw new RangeError("start") } }); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"RangeError start", ""},
		{"Condition.waitFor predicate", `const c = new asyncio.Condition();
try { await c.withLock(() => c.waitFor(() => { throw new RangeError("predicate") })); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"RangeError predicate", ""},
		{"task done callback", `const t = asyncio.createTask(async () => 1);
t.addDoneCallback(() => { throw new RangeError("done callback") });
await t;
await asyncio.sleep(0); console.log("not reached");`, "", "RangeError: done callback"},
		{"callSoon", `asyncio.getRunningLoop().callSoon(() => { throw new RangeError("callSoon") });
await asyncio.sleep(1); console.log("not reached");`, "", "RangeError: callSoon"},
		{"setTimeout", `setTimeout(() => { throw new RangeError("timer") }, 10);
await asyncio.sleep(1); console.log("not reached");`, "", "RangeError: timer"},
		{"task exception is the task's", `const t = asyncio.createTask(async () => { throw new RangeError("in task") });
try { await t } catch (e) { console.log(e.name, e.message, t.exception() === e) }`, "RangeError in task true", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runtimetest.Run(t, "cb.js", tc.src, runtime.Options{VirtualTime: true, Globals: []bindings.Global{
				func(env *bindings.Env) error { return env.VM.Set("goMap", goMap) },
			}})
			if got := strings.TrimSpace(res.Stdout); got != tc.want {
				t.Errorf("stdout:\n%s\nwant:\n%s\n(err %v)", got, tc.want, res.Err)
			}
			switch {
			case tc.err == "" && res.Err != nil:
				t.Errorf("run failed: %v", res.Err)
			case tc.err != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), tc.err)):
				t.Errorf("err = %v, want one naming %q", res.Err, tc.err)
			}
		})
	}
}
