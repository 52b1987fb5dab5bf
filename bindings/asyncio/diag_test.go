package asyncio_test

import (
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

func TestDeadlockReport(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := run(t, `
async function consumer(q) {
  await q.get();
}
async function main() {
  const q = new asyncio.Queue();
  const c = asyncio.createTask(() => consumer(q), { name: "consumer" });
  const ev = new asyncio.Event();
  asyncio.createTask(() => ev.wait(), { name: "waiter" });
  await c;
}
asyncio.run(main);
`)
	if res.Err == nil {
		t.Fatalf("want a deadlock error, got none; stdout %q", res.Stdout)
	}
	se, ok := res.Err.(*runtime.ScriptError)
	if !ok {
		t.Fatalf("want *runtime.ScriptError, got %T %v", res.Err, res.Err)
	}
	if !strings.Contains(se.Message, "deadlock:") || se.Kind != runtime.KindDeadlock {
		t.Errorf("message %q (kind %v) does not say deadlock", se.Message, se.Kind)
	}
	report := se.Report()
	for _, want := range []string{
		"task Task-1 waiting on task consumer (created at main.js:",
		"task consumer waiting on Queue.get() at main.js:3 (created at main.js:7)",
		"task waiter waiting on Event.wait() at main.js:9 (created at main.js:9)",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// TestDeadlockNamesInnermostAwait: a coroutine handed to gather belongs to
// the task gather wraps it in, and the report says where it waits.
func TestDeadlockNamesInnermostAwait(t *testing.T) {
	res := run(t, `
async function waiter(ev) {
  await ev.wait();
}
asyncio.run(async () => {
  const ev = new asyncio.Event();
  await asyncio.gather(waiter(ev), asyncio.sleep(0.01));
});
`)
	se, ok := res.Err.(*runtime.ScriptError)
	if !ok || se.Kind != runtime.KindDeadlock {
		t.Fatalf("want a deadlock ScriptError, got %T %v", res.Err, res.Err)
	}
	got := strings.Join(se.Waiting, "\n")
	if !strings.Contains(got, "task Task-2 waiting on Event.wait() at main.js:3 (created at main.js:7)") {
		t.Errorf("waiting list: %q", got)
	}
	if strings.Contains(got, "does not own") || strings.Contains(got, "following") {
		t.Errorf("the coroutine's await is not its task's: %q", got)
	}
}

func TestDeadlockWithoutRunIsReportedByRuntime(t *testing.T) {
	res := run(t, `
const q = new asyncio.Queue();
const t = asyncio.createTask(() => q.get(), { name: "getter" });
await t;
`)
	se, ok := res.Err.(*runtime.ScriptError)
	if !ok || se.Kind != runtime.KindDeadlock {
		t.Fatalf("want a deadlock ScriptError, got %T %v", res.Err, res.Err)
	}
	got := strings.Join(se.Waiting, "\n")
	if !strings.Contains(got, "task getter waiting on Queue.get() at main.js:3 (created at main.js:3)") {
		t.Errorf("waiting list: %q", got)
	}
}

func TestRunRejectionIsFatal(t *testing.T) {
	res := run(t, `
async function main() { await asyncio.sleep(1); throw new TypeError("bad main"); }
asyncio.run(main);
setTimeout(() => console.log("not reached"), 5000);
`)
	se, ok := res.Err.(*runtime.ScriptError)
	if !ok || !strings.Contains(se.Message, "TypeError: bad main") {
		t.Fatalf("want the main's error, got %T %v", res.Err, res.Err)
	}
	if strings.Contains(res.Stdout, "not reached") {
		t.Errorf("run went on after main failed")
	}
}

func TestDebugWarnsUnretrievedException(t *testing.T) {
	opts := runtimetest.VirtualOptions()
	opts.Debug = true
	res := runtimetest.Run(t, "main.js", `
async function main() {
  asyncio.createTask(async () => { throw new Error("lost"); }, { name: "forgotten" });
  const seen = asyncio.createTask(async () => { throw new Error("seen"); });
  await asyncio.sleep(0.1);
  seen.exception();
}
asyncio.run(main);
`, opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if !strings.Contains(res.Stderr, "Task exception was never retrieved: <Task finished name='forgotten'>: Error: lost") {
		t.Errorf("stderr: %q", res.Stderr)
	}
	if strings.Contains(res.Stderr, "seen") {
		t.Errorf("warned of a retrieved exception: %q", res.Stderr)
	}
}

func TestCurrentTaskAcrossNestedAwaits(t *testing.T) {
	res := run(t, `
async function deep(n) { await asyncio.sleep(0.01 * n); await null; return asyncio.currentTask().getName(); }
async function mid(n) { const a = await deep(n); await Promise.resolve(); return a + "/" + asyncio.currentTask().getName(); }
async function main() {
  const ts = ["x", "y", "z"].map((n, i) => asyncio.createTask(() => mid(3 - i), { name: n }));
  console.log((await asyncio.gather(...ts)).join(" "));
  console.log(asyncio.currentTask().getName());
  setTimeout(() => console.log("timer sees", asyncio.currentTask()), 10);
  await asyncio.sleep(0.1);
}
asyncio.run(main);
`)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := "x/x y/y z/z\nTask-1\ntimer sees null\n"
	if res.Stdout != want {
		t.Errorf("got %q want %q", res.Stdout, want)
	}
}

func TestCancelReachesForeignPromiseAtNextAwait(t *testing.T) {
	res := run(t, `
async function main() {
  const t = asyncio.createTask(async () => {
    await new Promise((r) => setTimeout(r, 1000));
    console.log("foreign promise resolved");
    try { await asyncio.sleep(0); } catch (e) { console.log("next runtime await:", e.name); throw e; }
  });
  await asyncio.sleep(0.1);
  t.cancel();
  try { await t; } catch (e) { console.log("task", e.name, t.cancelled()); }
}
asyncio.run(main);
`)
	want := "foreign promise resolved\nnext runtime await: CancelledError\ntask CancelledError true\n"
	if res.Err != nil || res.Stdout != want {
		t.Errorf("got %q err %v", res.Stdout, res.Err)
	}
}
