package asyncio_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// timeoutForms are the ways a script puts a timeout on one await: each
// wraps op(signal), an operation that completes on the next turn of the
// loop (asyncio.sleep(0)) and, given a signal, listens for its abort
// event while it runs, as fetch does. The timeout is 5 s and never fires.
var timeoutForms = []struct{ name, await string }{
	{"none", `await op(null)`},
	{"AbortSignal.timeout", `await op(AbortSignal.timeout(5000))`},
	{"any", `await op(AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5000)]))`},
	{"asyncio.timeout", `await asyncio.timeout(5, () => op(null))`},
	{"asyncio.timeoutAt", `await asyncio.timeoutAt(asyncio.getRunningLoop().time() + 5, () => op(null))`},
	{"waitFor", `await asyncio.waitFor(op(null), 5)`},
	{"waitFor-coroutine", `await asyncio.waitFor(coro(), 5)`},
	{"setTimeout", `{ const t = setTimeout(never, 5000); try { await op(null); } finally { clearTimeout(t); } }`},
}

// BenchmarkTimeoutForms is the cost of a timeout that does not fire, per
// use, in each form: the difference between a form and "none" is what the
// timeout costs (real time, so the loop's clock and timers are the ones a
// script gets).
//
//	go test -run '^$' -bench TimeoutForms -benchtime 20000x ./bindings/asyncio/
func BenchmarkTimeoutForms(b *testing.B) {
	for _, f := range timeoutForms {
		b.Run(f.name, func(b *testing.B) {
			rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard, Permissions: runtime.AllowAll()})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			if err := rt.RunString(context.Background(), "warm.js", `asyncio.sleep(0)`); err != nil {
				b.Fatal(err)
			}
			src := fmt.Sprintf(`const N = %d;
const never = () => { throw new Error("the timeout fired"); };
function op(signal) {
  if (signal === null) return asyncio.sleep(0, 1);
  const onAbort = () => never();
  signal.addEventListener("abort", onAbort);
  return asyncio.sleep(0, 1).then((v) => { signal.removeEventListener("abort", onAbort); return v; });
}
async function coro() { return await asyncio.sleep(0, 1); }
asyncio.run(async () => { for (let i = 0; i < N; i++) %s; });`, b.N, f.await)
			b.ReportAllocs()
			b.ResetTimer()
			if err := rt.RunString(context.Background(), "bench.js", src); err != nil {
				b.Fatal(err)
			}
		})
	}
}
