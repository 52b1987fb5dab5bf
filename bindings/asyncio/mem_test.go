package asyncio_test

import (
	"context"
	"fmt"
	"io"
	goruntime "runtime"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// BenchmarkPendingTaskBytes measures the live heap a pending task holds:
// 20,000 tasks, each suspended on an Event, in each of the forms a script
// writes; reported as B/task (the heap with them pending, after a GC, minus
// the heap before they were made). CPython's figure for a task suspended
// on an Event is about 1.2 KB (tracemalloc).
//
//	go test -run '^$' -bench PendingTaskBytes -benchtime 1x ./bindings/asyncio/
func BenchmarkPendingTaskBytes(b *testing.B) {
	forms := []struct{ name, make string }{
		{"function", `asyncio.createTask(() => ev.wait())`},
		{"async-function", `asyncio.createTask(async () => { await ev.wait(); })`},
		{"coroutine", `asyncio.createTask(waiter(ev))`},
		{"bare-coroutine", `waiter(ev)`},
	}
	for _, f := range forms {
		b.Run(f.name, func(b *testing.B) {
			const n = 20000
			var per float64
			for i := 0; i < b.N; i++ {
				per = pendingBytes(b, n, f.make)
			}
			b.ReportMetric(per, "B/task")
		})
	}
}

func pendingBytes(b *testing.B, n int, make string) float64 {
	rt, err := runtime.New(runtime.Options{VirtualTime: true, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	var before, with uint64
	if err := rt.Set("__before", func() { before = liveHeap() }); err != nil {
		b.Fatal(err)
	}
	if err := rt.Set("__with", func() { with = liveHeap() }); err != nil {
		b.Fatal(err)
	}
	src := fmt.Sprintf(`
async function waiter(ev) { await ev.wait(); }
asyncio.run(async () => {
  const ev = new asyncio.Event();
  const keep = new Array(%d);
  await asyncio.sleep(0);
  __before();
  for (let i = 0; i < keep.length; i++) keep[i] = %s;
  await asyncio.sleep(0);
  await asyncio.sleep(0);
  __with();
  ev.set();
  await asyncio.sleep(0);
});`, n, make)
	if err := rt.RunString(context.Background(), "mem.js", src); err != nil {
		b.Fatal(err)
	}
	return float64(int64(with)-int64(before)) / float64(n)
}

func liveHeap() uint64 {
	var m goruntime.MemStats
	goruntime.GC()
	goruntime.GC()
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc
}
