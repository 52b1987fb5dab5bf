package runtime_test

import (
	"context"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// The small programs each of many runtimes runs: a timer and a promise,
// with a result the host checks. manyScript is a plain script, which goja
// compiles as it is; manyModule uses top-level await, so it is bundled by
// esbuild first, as every module is.
const (
	manyScript = `setTimeout(() => Promise.resolve(21).then((v) => { globalThis.result = v * 2; }), 1);`
	manyModule = `
const v = await new Promise((resolve) => setTimeout(() => resolve(21), 1));
globalThis.result = await Promise.resolve(v * 2);
`
)

// startMany creates n runtimes concurrently, one goroutine each, and runs
// src in every one of them. It returns the runtimes, still open, and the
// first error.
func startMany(n int, src string) ([]*runtime.Runtime, error) {
	rts := make([]*runtime.Runtime, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			rt, err := runtime.New(runtime.Options{VirtualTime: true})
			if err != nil {
				errs[i] = err
				return
			}
			rts[i] = rt
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := rt.RunString(ctx, "many.js", src); err != nil {
				errs[i] = fmt.Errorf("runtime %d: %w", i, err)
				return
			}
			if v, err := runtime.Eval[int](ctx, rt, "result"); err != nil || v != 42 {
				errs[i] = fmt.Errorf("runtime %d: result = %d, %v", i, v, err)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return rts, err
		}
	}
	return rts, nil
}

// closeMany closes the runtimes concurrently.
func closeMany(rts []*runtime.Runtime) {
	var wg sync.WaitGroup
	for _, rt := range rts {
		if rt != nil {
			wg.Go(func() { _ = rt.Close() })
		}
	}
	wg.Wait()
}

func heapInUse() uint64 {
	goruntime.GC()
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkManyRuntimes creates 1,000 runtimes on as many goroutines, runs
// a small program (a timer and a promise) in each, and closes them. It
// reports the time per runtime (created, run and closed) and the live heap
// each runtime holds while all 1,000 are open (measured after a GC, outside
// the timed part). "script" is a plain script; "module" uses top-level await
// and so includes esbuild's bundling.
func BenchmarkManyRuntimes(b *testing.B) {
	for _, bc := range []struct{ name, src string }{{"script", manyScript}, {"module", manyModule}} {
		b.Run(bc.name, func(b *testing.B) {
			const n = 1000
			b.ReportAllocs()
			var heapPerRuntime float64
			for b.Loop() {
				b.StopTimer()
				before := heapInUse()
				b.StartTimer()

				rts, err := startMany(n, bc.src)

				b.StopTimer()
				after := heapInUse()
				if after > before {
					heapPerRuntime += float64(after-before) / n
				}
				b.StartTimer()

				closeMany(rts)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(heapPerRuntime/float64(b.N), "B/runtime")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/runtime")
		})
	}
}

// TestManyRuntimesNoLeaks creates, runs and closes 200 runtimes at once and
// checks that no goroutine outlives them.
func TestManyRuntimesNoLeaks(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	rts, err := startMany(200, manyScript)
	closeMany(rts)
	if err != nil {
		t.Fatal(err)
	}
	// A second wave after the first closed, half of them closed while a
	// timer is still pending, to check Close cancels what is left.
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 50 {
		wg.Go(func() {
			rt, err := runtime.New(runtime.Options{})
			if err != nil {
				errs <- err
				return
			}
			if i%2 == 0 {
				_, err = rt.Eval(context.Background(), "setTimeout(() => {}, 3_600_000), 1")
			} else {
				_, err = rt.Eval(context.Background(), "await Promise.resolve(1)")
			}
			if err != nil {
				errs <- err
			}
			if err := rt.Close(); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	var msgs []string
	for err := range errs {
		msgs = append(msgs, err.Error())
	}
	if len(msgs) > 0 {
		t.Fatalf("%d errors: %s", len(msgs), strings.Join(msgs, "; "))
	}
}
