package eventloop_test

import (
	"context"
	"testing"
	"time"

	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// BenchmarkTimers measures inserting and firing timers: each op is one
// timer, b.N of them pending at once (100,000 concurrent timers at -benchtime=100000x).
func BenchmarkTimers(b *testing.B) {
	vm := goja.New()
	loop := eventloop.New(vm, eventloop.Options{VirtualTime: true})
	defer loop.Close()
	fired := 0
	task := func() error { fired++; return nil }
	b.ReportAllocs()
	b.ResetTimer()
	err := loop.Run(context.Background(), func() error {
		for i := 0; i < b.N; i++ {
			loop.SetTimer(time.Duration(i%1000)*time.Millisecond, task)
		}
		return nil
	})
	if err != nil || fired != b.N {
		b.Fatalf("err=%v fired=%d", err, fired)
	}
}

// BenchmarkMacrotaskTurns measures one loop turn that runs a JS callback
// and drains its microtasks: a chain of b.N setImmediate-style tasks each
// resolving a promise.
func BenchmarkMacrotaskTurns(b *testing.B) {
	vm := goja.New()
	loop := eventloop.New(vm, eventloop.Options{VirtualTime: true})
	defer loop.Close()
	n := 0
	var step eventloop.Task
	_ = vm.Set("schedule", func(goja.FunctionCall) goja.Value { loop.Schedule(step); return goja.Undefined() })
	fn, err := vm.RunString(`(function () { Promise.resolve().then(schedule); })`)
	if err != nil {
		b.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	step = func() error {
		n++
		if n >= b.N {
			return nil
		}
		_, err := call(goja.Undefined())
		return err
	}
	b.ReportAllocs()
	b.ResetTimer()
	if err := loop.Run(context.Background(), step); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkMicrotasks measures promise jobs: one await per op.
func BenchmarkMicrotasks(b *testing.B) {
	vm := goja.New()
	loop := eventloop.New(vm, eventloop.Options{VirtualTime: true})
	defer loop.Close()
	fn, err := vm.RunString(`(async function (n) { for (let i = 0; i < n; i++) await null; })`)
	if err != nil {
		b.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	b.ReportAllocs()
	b.ResetTimer()
	err = loop.Run(context.Background(), func() error {
		_, err := call(goja.Undefined(), vm.ToValue(b.N))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}
