package asyncio_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestPythonFormsLeaveNothingRunning: a cancelled or timed-out awaitable in
// Python's form (a coroutine call, a runtime await) stops what it awaited,
// so the run ends when main does, not when the abandoned work would have
// (CPython's wait_for(slow(), 0.1) returns at 0.1 and the loop closes).
func TestPythonFormsLeaveNothingRunning(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ name, src string }{
		{"waitFor(coro(), t)", `
async function slow() { await asyncio.sleep(60); }
asyncio.run(async () => { try { await asyncio.waitFor(slow(), 0.1); } catch (e) { console.log(e.name); } });`},
		{"waitFor(sleep(), t)", `
asyncio.run(async () => { try { await asyncio.waitFor(asyncio.sleep(60), 0.1); } catch (e) { console.log(e.name); } });`},
		{"createTask(coro()).cancel()", `
async function slow() { await asyncio.sleep(60); }
asyncio.run(async () => {
  const t = asyncio.createTask(slow());
  await asyncio.sleep(0.1); t.cancel();
  try { await t; } catch (e) { console.log(e.name); }
});`},
		{"gather(coros) cancelled", `
async function slow(d) { await asyncio.sleep(d); }
asyncio.run(async () => {
  const g = asyncio.gather(slow(60), slow(70));
  await asyncio.sleep(0.1); g.cancel();
  try { await g; } catch (e) { console.log(e.name); }
});`},
		{"run(main()) with a worker pool cancelled", `
async function worker(q) { for (;;) { await q.get(); await asyncio.sleep(60); q.taskDone(); } }
async function main() {
  const q = new asyncio.Queue();
  for (let i = 0; i < 5; i++) q.putNowait(i);
  const ws = [worker(q), worker(q)].map((c) => asyncio.createTask(c));
  await asyncio.sleep(0.1);
  ws.forEach((w) => w.cancel());
  const r = await asyncio.gather(...ws, { returnExceptions: true });
  console.log(r.map((e) => e.name).join(","));
}
asyncio.run(main());`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt, err := runtime.New(runtime.Options{VirtualTime: true, Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := rt.RunString(ctx, "main.js", c.src); err != nil {
				t.Fatal(err)
			}
			// the abandoned sleeps would have moved the clock to 60 s
			if now := rt.Loop().Now(); now > 5*time.Second {
				t.Errorf("the run ended at %v of virtual time: something kept running", now)
			}
		})
	}
}
