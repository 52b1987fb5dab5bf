package web_test

import (
	"context"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestTimeoutSignalsAreNotRetained checks that AbortSignal.timeout signals
// the script dropped are collected before their timers fire, while the ones
// with abort listeners (or kept by the script) still fire.
func TestTimeoutSignalsAreNotRetained(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{VirtualTime: true, Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	_ = rt.Set("heap", func() float64 {
		goruntime.GC()
		goruntime.GC()
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc)
	})
	src := `
const before = heap();
for (let i = 0; i < 20000; i++) AbortSignal.timeout(60000);
const heard = [];
for (let i = 0; i < 3; i++) AbortSignal.timeout(10).addEventListener("abort", (e) => heard.push(e.target.reason.name));
AbortSignal.timeout(10).onabort = () => heard.push("onabort");
const removed = AbortSignal.timeout(10), f = () => heard.push("removed listener ran");
removed.addEventListener("abort", f);
removed.removeEventListener("abort", f);
const kept = AbortSignal.timeout(10);
(() => { AbortSignal.any([AbortSignal.timeout(10)]).addEventListener("abort", () => heard.push("any")); })();
for (let i = 0; i < 5; i++) heap();
const grew = heap() - before;
await new Promise((r) => setTimeout(r, 50));
console.log(grew < 30e6 ? "collected" : "retained " + grew, heard.join(","), kept.aborted, kept.reason.name, removed.aborted);
`
	if err := rt.RunString(context.Background(), "weak.js", src); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "collected TimeoutError,TimeoutError,TimeoutError,onabort,any true TimeoutError true"
	if got := strings.TrimSpace(out.String()); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestAnyOfTimeoutIsNotRetained: AbortSignal.any of a timeout signal that
// nobody observes (no listener or algorithm on it, the script dropped it)
// is collected with its timeout signal before the timer fires, while one
// the script keeps still aborts, and one that gains a listener after it
// was made (fetch's abort algorithm, an "abort" listener) makes its
// sources' timers hold them.
func TestAnyOfTimeoutIsNotRetained(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{VirtualTime: true, Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	_ = rt.Set("heap", func() float64 {
		goruntime.GC()
		goruntime.GC()
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc)
	})
	src := `
const before = heap();
for (let i = 0; i < 20000; i++) AbortSignal.any([new AbortController().signal, AbortSignal.timeout(60000)]);
const heard = [];
const kept = AbortSignal.any([AbortSignal.timeout(10)]);
(() => {
  const late = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10)]);
  late.addEventListener("abort", () => heard.push("late " + late.reason.name));
  const gone = AbortSignal.any([AbortSignal.timeout(10)]), f = () => heard.push("removed listener ran");
  gone.addEventListener("abort", f);
  gone.removeEventListener("abort", f);
  const nested = AbortSignal.any([AbortSignal.any([AbortSignal.timeout(10)])]);
  nested.onabort = () => heard.push("nested");
})();
for (let i = 0; i < 5; i++) heap();
const grew = heap() - before;
await new Promise((r) => setTimeout(r, 50));
console.log(grew < 30e6 ? "collected" : "retained " + grew, heard.join(","), kept.aborted, kept.reason.name);
`
	if err := rt.RunString(context.Background(), "weakany.js", src); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "collected late TimeoutError,nested true TimeoutError"
	if got := strings.TrimSpace(out.String()); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
