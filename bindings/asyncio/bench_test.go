package asyncio_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// benchScript runs src (with N replaced by b.N) once in a fresh runtime
// under virtual time; the time per op is the script's time divided by b.N.
func benchScript(b *testing.B, src string) {
	b.Helper()
	rt, err := runtime.New(runtime.Options{VirtualTime: true, Stdout: io.Discard, Stderr: io.Discard, Permissions: runtime.AllowAll()})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	// warm up the module (first require compiles nothing: the program is
	// shared, but the module's classes are created per runtime)
	if err := rt.RunString(context.Background(), "warm.js", `asyncio.sleep(0)`); err != nil {
		b.Fatal(err)
	}
	code := fmt.Sprintf("const N = %d;\n%s", b.N, src)
	b.ReportAllocs()
	b.ResetTimer()
	if err := rt.RunString(context.Background(), "bench.js", code); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSleep0 is one task switch: a task awaiting sleep(0) N times
// (CPython: 1M turns in about 3.2 s, 3.2 µs each).
func BenchmarkSleep0(b *testing.B) {
	benchScript(b, `asyncio.run(async () => { for (let i = 0; i < N; i++) await asyncio.sleep(0); });`)
}

// BenchmarkSleep0TwoTasks alternates two tasks through sleep(0).
func BenchmarkSleep0TwoTasks(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const w = async () => { for (let i = 0; i < N / 2; i++) await asyncio.sleep(0); };
  await asyncio.gather(asyncio.createTask(w), asyncio.createTask(w));
});`)
}

// BenchmarkConcurrentSleeps is N tasks each sleeping 10 ms at once, gathered
// (CPython: 100k in about 3.0 s, 30 µs per task, 164 MB).
func BenchmarkConcurrentSleeps(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const ts = [];
  for (let i = 0; i < N; i++) ts.push(asyncio.createTask(() => asyncio.sleep(0.01)));
  await asyncio.gather(...ts);
});`)
}

// BenchmarkGatherTasks is N trivial tasks gathered (CPython: 100k in about
// 2.4 s, 24 µs per task, 189 MB).
func BenchmarkGatherTasks(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const ts = new Array(N);
  for (let i = 0; i < N; i++) ts[i] = asyncio.createTask(async () => i);
  const r = await asyncio.gather(...ts);
  if (r.length !== N) throw new Error("lost results");
});`)
}

// BenchmarkQueue moves N items from a producer to a consumer through a
// bounded queue (CPython: 1M items in about 1.3 s, 1.3 µs per item).
func BenchmarkQueue(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const q = new asyncio.Queue(100);
  const consumer = asyncio.createTask(async () => { for (let i = 0; i < N; i++) { await q.get(); q.taskDone(); } });
  for (let i = 0; i < N; i++) await q.put(i);
  await q.join();
  await consumer;
});`)
}

// BenchmarkSemaphore is N acquisitions of a Semaphore(10) by 100 tasks.
func BenchmarkSemaphore(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const sem = new asyncio.Semaphore(10);
  const per = Math.ceil(N / 100);
  const w = async () => { for (let i = 0; i < per; i++) { await sem.acquire(); await asyncio.sleep(0); sem.release(); } };
  const ts = [];
  for (let i = 0; i < 100; i++) ts.push(asyncio.createTask(w));
  await asyncio.gather(...ts);
});`)
}

// BenchmarkEventPingPong is N round trips between two tasks through two
// Events.
func BenchmarkEventPingPong(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const ping = new asyncio.Event(), pong = new asyncio.Event();
  const other = asyncio.createTask(async () => {
    for (let i = 0; i < N; i++) { await ping.wait(); ping.clear(); pong.set(); }
  });
  for (let i = 0; i < N; i++) { ping.set(); await pong.wait(); pong.clear(); }
  await other;
});`)
}

// BenchmarkGatherCoroutines is BenchmarkGatherTasks in Python's form: N
// coroutine calls, each wrapped in a task by gather.
func BenchmarkGatherCoroutines(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const work = async (i) => { await asyncio.sleep(0); return i; };
  const cs = new Array(N);
  for (let i = 0; i < N; i++) cs[i] = work(i);
  const r = await asyncio.gather(...cs);
  if (r.length !== N) throw new Error("lost results");
});`)
}

// BenchmarkAwaitCoroutine is an async function called and awaited N times
// from one task: the cost of a coroutine call.
func BenchmarkAwaitCoroutine(b *testing.B) {
	benchScript(b, `asyncio.run(async () => {
  const f = async (i) => i + 1;
  let s = 0;
  for (let i = 0; i < N; i++) s = await f(s);
  if (s !== N) throw new Error("wrong sum");
});`)
}
