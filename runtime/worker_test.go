package runtime

import (
	"context"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

// asyncioStandIn is an empty "asyncio" module for runtimes built without
// the real one, so toWorker has somewhere to live.
var asyncioStandIn = bindings.Module{Name: "asyncio", Init: func(env *bindings.Env, m *goja.Object) error { return nil }}

// cancelModule lets a script run code inside a task it can cancel, without
// depending on the asyncio module.
var cancelModule = bindings.Module{Name: "test:task", Init: func(env *bindings.Env, module *goja.Object) error {
	exports := env.VM.NewObject()
	_ = exports.Set("inTask", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(0))
		ref := &bindings.TaskRef{}
		prev := env.SetCurrentTask(ref)
		_, err := fn(goja.Undefined())
		env.RestoreCurrent(prev)
		if err != nil {
			panic(err)
		}
		return env.VM.ToValue(func(c goja.FunctionCall) goja.Value { return env.VM.ToValue(ref.Cancel(c.Argument(0))) })
	})
	return module.Set("exports", exports)
}}

// newParent makes a runtime with workers installed.
func newParent(t testing.TB, dir string, out *syncBuffer, virtual bool) *Runtime {
	t.Helper()
	opts := Options{Dir: dir, Stdout: out, Stderr: out, Permissions: AllowAll(), VirtualTime: virtual,
		Modules: []bindings.Module{cancelModule}}
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.env.Require("asyncio"); err != nil {
		r.Close()
		opts.Modules = append(opts.Modules, asyncioStandIn)
		if r, err = New(opts); err != nil {
			t.Fatal(err)
		}
	}
	if err := installWorkers(r.env, r); err != nil {
		t.Fatal(err)
	}
	return r
}

// runParent runs src in a parent runtime, closes it and returns stdout.
func runParent(t *testing.T, dir, src string) (string, error) {
	t.Helper()
	var out syncBuffer
	r := newParent(t, dir, &out, true)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := r.RunString(ctx, "main.js", `const asyncio = require("asyncio");`+src)
	r.closeWorkers()
	r.Close()
	return out.String(), err
}

const workerModule = `
let calls = 0;
export function add(a, b) { return a + b; }
export function count() { return ++calls; }
export async function later(x) { await new Promise((r) => setTimeout(r, 5)); return x * 2; }
export function echo(v) { return v; }
export function describe(v) {
  return [v.when instanceof Date, v.when.getTime(), v.map instanceof Map, v.map.get("k"), v.set.has(3),
    v.bytes instanceof Uint8Array, v.bytes[1], v.floats instanceof Float64Array, v.floats[0],
    Object.is(v.negZero, -0), Number.isNaN(v.nan), v.big === 12345678901234567890n, v.self === v, v.re.test("ABC")].join();
}
export function fail(msg) { throw new TypeError(msg); }
class QuotaError extends Error { constructor(m) { super(m); this.name = "QuotaError"; this.code = "EQUOTA"; } }
export async function failLater() { await null; throw new QuotaError("over quota"); }
export function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
export function spin() { for (;;) {} }
export function busy(ms) { const end = Date.now() + ms; let n = 0; while (Date.now() < end) n++; return n > 0; }
export function giveFunction() { return () => 1; }
export const notAFunction = 1;
`

func writeWorkerModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "work.js"), []byte(workerModule), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestToWorker(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := writeWorkerModule(t)
	tests := []struct {
		name, src, want string
	}{
		{"call", `console.log(await asyncio.toWorker("work.js", "add", 2, 3));`, "5"},
		{"absolute path", `console.log(await asyncio.toWorker(process.cwd() + "/work.js", "add", "a", "b"));`, "ab"},
		{"async export", `console.log(await asyncio.toWorker("./work.js", "later", 21));`, "42"},
		{"clone types", `const v = {when: new Date(5), map: new Map([["k", [1, 2]]]), set: new Set([3]), bytes: new Uint8Array([1, 2, 3]).subarray(0),
			floats: new Float64Array([1.5]), negZero: -0, nan: NaN, big: 12345678901234567890n, re: /abc/i};
			v.self = v;
			console.log(await asyncio.toWorker("work.js", "describe", v));`, "true,5,true,1,2,true,true,2,true,1.5,true,true,true,true,true"},
		{"result copied", `const v = {a: [1, {b: 2}], u: undefined, d: new Date(7), m: new Map([[1, new Set(["x"])]])};
			const r = await asyncio.toWorker("work.js", "echo", v);
			console.log(r !== v, JSON.stringify(r.a), "u" in r, r.u, r.d.getTime(), [...r.m.get(1)].join());`, "true [1,{\"b\":2}] true undefined 7 x"},
		{"thrown error", `try { await asyncio.toWorker("work.js", "fail", "bad input"); } catch (e) {
			console.log(e instanceof TypeError, e.name, e.message, e.stack.includes("work.js")); }`, "true TypeError bad input true"},
		{"custom error async", `try { await asyncio.toWorker("work.js", "failLater"); } catch (e) {
			console.log(e instanceof Error, e.name, e.message, e.code, e.stack.includes("QuotaError")); }`, "true QuotaError over quota EQUOTA true"},
		{"not a function", `try { await asyncio.toWorker("work.js", "notAFunction"); } catch (e) { console.log(e.name, e.message.includes("notAFunction")); }`, "TypeError true"},
		{"missing module", `try { await asyncio.toWorker("nope.js", "x"); } catch (e) { console.log(e.message.includes("nope.js")); }`, "true"},
		{"uncloneable argument", `const p = asyncio.toWorker("work.js", "echo", () => 1); console.log(p instanceof Promise);
			try { await p; } catch (e) { console.log(e.name); }`, "true\nDataCloneError"},
		{"uncloneable result", `try { await asyncio.toWorker("work.js", "giveFunction"); } catch (e) { console.log(e.name); }`, "DataCloneError"},
		{"bad arguments", `try { await asyncio.toWorker(1, "x"); } catch (e) { console.log(e.name, e.code); }`, "TypeError ERR_INVALID_ARG_TYPE"},
		{"workers reused and module loaded once", `const seen = [];
			for (let i = 0; i < 5; i++) seen.push(await asyncio.toWorker("work.js", "count"));
			console.log(seen.join());`, "1,2,3,4,5"},
		{"concurrent calls", `const rs = await Promise.all(Array.from({length: 8}, (_, i) => asyncio.toWorker("work.js", "fib", 10 + i)));
			console.log(rs.join());`, "55,89,144,233,377,610,987,1597"},
		{"timers keep running", `let ticks = 0; const iv = setInterval(() => ticks++, 10);
			await asyncio.toWorker("work.js", "busy", 200); clearInterval(iv); console.log(ticks >= 5);`, "true"},
		{"cancel interrupts the job", `const { inTask } = require("test:task");
			let p; const cancel = inTask(() => { p = asyncio.toWorker("work.js", "spin"); });
			setTimeout(() => cancel(new Error("stop")), 50);
			try { await p; } catch (e) { console.log(e.message); }
			console.log(await asyncio.toWorker("work.js", "add", 1, 1));`, "stop\n2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runParent(t, dir, tt.src)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if got := strings.TrimSpace(out); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWorkerPoolSize checks that at most GOMAXPROCS workers exist and
// that cancelled ones are replaced.
func TestWorkerPoolSize(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := writeWorkerModule(t)
	var out syncBuffer
	r := newParent(t, dir, &out, false)
	defer r.Close()
	defer r.closeWorkers()
	err := r.RunString(context.Background(), "main.js", `const asyncio = require("asyncio");
		await Promise.all(Array.from({length: 12}, () => asyncio.toWorker("work.js", "busy", 5)));`)
	if err != nil {
		t.Fatal(err)
	}
	p := r.workers()
	p.mu.Lock()
	n := len(p.idle)
	p.mu.Unlock()
	if n < 1 || n > goruntime.GOMAXPROCS(0) {
		t.Errorf("%d idle workers, want 1..%d", n, goruntime.GOMAXPROCS(0))
	}
	if cap(p.sem) != goruntime.GOMAXPROCS(0) {
		t.Errorf("pool size %d", cap(p.sem))
	}
}

// TestWorkerParentCancel: ending the parent's run (its context) interrupts
// running jobs and leaves no goroutine.
func TestWorkerParentCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := writeWorkerModule(t)
	var out syncBuffer
	r := newParent(t, dir, &out, false)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := r.RunString(ctx, "main.js", `const asyncio = require("asyncio"); await Promise.all([asyncio.toWorker("work.js", "spin"), asyncio.toWorker("work.js", "spin")]);`)
	if err == nil {
		t.Fatal("run should fail")
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	r.closeWorkers()
	r.Close()
	// calls after closing fail
	if _, err := r.workers().get(context.Background()); err != ErrWorkersClosed {
		t.Errorf("get after close: %v", err)
	}
}

// BenchmarkWorkers compares four CPU-bound jobs run one after the other on
// the loop with the same four jobs run with toWorker, while an interval
// timer on the loop counts its ticks (reported as ticks/op).
func BenchmarkWorkers(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "work.js"), []byte(workerModule), 0o644); err != nil {
		b.Fatal(err)
	}
	cases := []struct{ name, src string }{
		{"sequential-on-loop", `const { fib } = require("./work.js");
			let ticks = 0; const iv = setInterval(() => ticks++, 5);
			await null; for (let i = 0; i < 4; i++) fib(N);
			clearInterval(iv); globalThis.ticks = ticks;`},
		{"toWorker", `const asyncio = require("asyncio"); let ticks = 0; const iv = setInterval(() => ticks++, 5);
			await Promise.all([0, 1, 2, 3].map(() => asyncio.toWorker("work.js", "fib", N)));
			clearInterval(iv); globalThis.ticks = ticks;`},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var out syncBuffer
			r := newParent(b, dir, &out, false)
			defer r.Close()
			defer r.closeWorkers()
			src := strings.ReplaceAll(c.src, "N", "25")
			// warm up: load the module (and the workers)
			if err := r.RunString(context.Background(), "bench.js", src); err != nil {
				b.Fatal(err)
			}
			ticks := int64(0)
			cpu0, wall0 := cpuTime(), time.Now()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := r.RunString(context.Background(), "bench.js", src); err != nil {
					b.Fatal(err)
				}
				ticks += r.vm.Get("ticks").ToInteger()
			}
			b.ReportMetric(float64(ticks)/float64(b.N), "ticks/op")
			// CPU time over wall time: above 1 means the jobs ran in parallel
			b.ReportMetric((cpuTime()-cpu0).Seconds()/time.Since(wall0).Seconds(), "cpu/wall")
		})
	}
}
