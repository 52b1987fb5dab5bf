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

// TestCoroutineEdges: the marks around a coroutine's first step hold when
// it throws before awaiting, returns at once, is wrapped in a later job or
// runs outside any task.
func TestCoroutineEdges(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ name, src, want string }{
		{"first steps that throw, many times", `
async function bad() { throw new Error("x"); }
async function slow(tag) {
  try { await asyncio.sleep(60); } catch (e) { console.log(tag, e.name, asyncio.currentTask().getName()); throw e; }
}
async function main() {
  for (let i = 0; i < 2000; i++) { try { await bad(); } catch {} }
  let n = 0;
  for (let i = 0; i < 100; i++) { bad().catch(() => {}); n++; }
  const t = asyncio.createTask(slow("s"), { name: "slow" });
  await asyncio.sleep(0.1);
  t.cancel();
  try { await t; } catch (e) { console.log("main", e.name, n); }
}
asyncio.run(main());`, "s CancelledError slow\nmain CancelledError 100\n"},
		{"a call that throws inside a first step", `
async function bad() { throw new Error("x"); }
async function f() {
  try { await bad(); } catch {}
  try { await asyncio.sleep(60); } catch (e) { console.log("f", e.name); throw e; }
}
asyncio.run(async () => {
  const t = asyncio.createTask(f());
  await asyncio.sleep(0.1);
  t.cancel();
  try { await t; } catch (e) { console.log(e.name); }
});`, "f CancelledError\nCancelledError\n"},
		{"a coroutine that returns at once", `
async function quick(x) { return x * 2; }
async function quickThrow() { throw new TypeError("no"); }
asyncio.run(async () => {
  console.log(await asyncio.createTask(quick(21)));
  try { await asyncio.createTask(quickThrow()); } catch (e) { console.log(e.name); }
  console.log((await asyncio.gather(quick(1), quick(2))).join(","));
});`, "42\nTypeError\n2,4\n"},
		{"wrapped in a later job: followed, as before", `
async function work() { await asyncio.sleep(0.5); return "w"; }
asyncio.run(async () => {
  const c = work();
  await asyncio.sleep(0);
  console.log(await asyncio.createTask(c));
});`, "w\n"},
		{"outside any task", `
async function work(tag) {
  try { await asyncio.sleep(60); } catch (e) { console.log(tag, e.name); throw e; }
}
const c = work("top");
asyncio.run(async () => {
  await asyncio.sleep(0);
}).then(() => console.log("run done"));`, "run done\n"},
		{"a thenable first await", `
async function f() {
  await { then(res) { res(1); } };
  try { await asyncio.sleep(60); } catch (e) { console.log("f", e.name); throw e; }
}
asyncio.run(async () => {
  const t = asyncio.createTask(f());
  await asyncio.sleep(0.1);
  t.cancel();
  try { await t; } catch (e) { console.log(e.name); }
});`, "f CancelledError\nCancelledError\n"},
		{"calls that return a promise instead of awaiting, queued on a semaphore", `
async function run(sem, tag, d, t) {
  return sem.withAcquire(async () => {
    try { await asyncio.waitFor(asyncio.sleep(d), t); return tag + " ok"; }
    catch (e) { return tag + " " + e.name; }
  });
}
asyncio.run(async () => {
  const sem = new asyncio.Semaphore(1);
  const r = await asyncio.gather(run(sem, "a", 0.1, null), run(sem, "b", 0.1, null), run(sem, "c", 5, 0.5));
  console.log(r.join(","), asyncio.getRunningLoop().time().toFixed(1));
});`, "a ok,b ok,c TimeoutError 0.7\n"},
		{"a call that returns another call's promise", `
async function g() { try { await asyncio.sleep(60); } catch (e) { console.log("g", e.name); throw e; } }
async function f() { return g(); }
asyncio.run(async () => {
  const t = asyncio.createTask(f());
  await asyncio.sleep(0.1);
  t.cancel();
  try { await t; } catch (e) { console.log(e.name); }
});`, "g CancelledError\nCancelledError\n"},
		{"a method, an arrow with an expression body, a class field", `
class W {
  tag = "w";
  field = async () => asyncio.sleep(60);
  async run() { try { await asyncio.sleep(60); } catch (e) { console.log(this.tag, "run", e.name); throw e; } }
}
const w = new W();
asyncio.run(async () => {
  const ts = [asyncio.createTask(w.run()), asyncio.createTask(w.field())];
  await asyncio.sleep(0.1);
  ts.forEach((t) => t.cancel());
  const r = await asyncio.gather(...ts, { returnExceptions: true });
  console.log(r.map((e) => e.name).join(","));
});`, "w run CancelledError\nCancelledError,CancelledError\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, c.src)
			if res.Err != nil {
				t.Fatalf("run failed: %v\n%s", res.Err, res.Stderr)
			}
			if res.Stdout != c.want {
				t.Errorf("got %q, want %q", res.Stdout, c.want)
			}
		})
	}
}

// TestWaitForRuntimeAwaitRunsInTask: waitFor of a pending runtime await of
// the current task runs it in that task, as CPython 3.12's wait_for awaits
// inside timeout() (no task of its own), and still times out: the await is
// cancelled, TimeoutError is raised, the task's cancel count is back to 0
// and it can be cancelled later as usual. A coroutine call is still
// adopted by a task of its own (TestPythonFormsLeaveNothingRunning and the
// pyform_* parity cases).
func TestWaitForRuntimeAwaitRunsInTask(t *testing.T) {
	res := run(t, `
asyncio.run(async () => {
  const me = asyncio.currentTask();
  let tasks = -1;
  const probe = asyncio.getRunningLoop().callLater(0.01, () => { tasks = asyncio.allTasks().size; });
  console.log(await asyncio.waitFor(asyncio.sleep(0.05, "r"), 1), tasks);
  const q = new asyncio.Queue();
  asyncio.getRunningLoop().callLater(0.01, () => { tasks = asyncio.allTasks().size; });
  try { await asyncio.waitFor(q.get(), 0.1); } catch (e) { console.log(e.name, tasks, me.cancelling()); }
  q.putNowait("x");
  console.log("queue kept", q.qsize());
  const inner = asyncio.createTask(async () => {
    try { await asyncio.waitFor(asyncio.sleep(60), 30); } catch (e) { console.log("inner", e.name); throw e; }
  });
  await asyncio.sleep(0.1);
  inner.cancel();
  try { await inner; } catch (e) { console.log("outer sees", e.name); }
  console.log(await asyncio.waitFor(Promise.resolve(7), 1), await asyncio.waitFor(new Promise((r) => setTimeout(() => r(8), 10)), 1));
});`)
	if res.Err != nil {
		t.Fatalf("run failed: %v\n%s", res.Err, res.Stderr)
	}
	want := "r 1\nTimeoutError 1 0\nqueue kept 1\ninner CancelledError\nouter sees CancelledError\n7 8\n"
	if res.Stdout != want {
		t.Fatalf("got\n%s\nwant\n%s", res.Stdout, want)
	}
}
