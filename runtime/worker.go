package runtime

// Workers: asyncio.toWorker(file, exportName, ...args) runs an exported
// function of a module on another runtime (its own goja VM and loop) from a
// pool, for CPU-bound work.
//
// Goroutines: the call is parent-side Env.Async work, so each job runs on
// the goroutine Async starts; that goroutine drives the worker runtime's
// loop (Loop.Run) until the function's result settles, then hands the
// encoded result back. Worker runtimes run nothing between jobs and hold
// no goroutine then. Arguments and results cross as strings (a tagged JSON
// encoding of the structured-clone types), never as goja values.

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	goruntime "runtime"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// cloneJS encodes a value of the structured-clone types into a JSON string
// and decodes it back, in another runtime. Tags: u undefined, n special
// number, b bigint, a array, o object, r reference (shared or cyclic), d
// Date, re RegExp, m Map, s Set, ab ArrayBuffer, ta typed array, dv
// DataView, e Error, bx boxed primitive.
const cloneJS = `(function () {
  "use strict";
  const typed = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
  const g = globalThis;
  function cloneError(msg) {
    const e = new Error(msg);
    e.name = "DataCloneError";
    e.code = 25;
    return e;
  }
  function bytes(buf, off, len) {
    return Array.from(new Uint8Array(buf, off, len));
  }
  function encode(value) {
    const seen = new Map();
    let next = 0;
    const walk = (v) => {
      const t = typeof v;
      if (t === "undefined") return { $: "u" };
      if (t === "number") {
        if (Number.isNaN(v)) return { $: "n", v: "NaN" };
        if (v === Infinity) return { $: "n", v: "Infinity" };
        if (v === -Infinity) return { $: "n", v: "-Infinity" };
        if (v === 0 && 1 / v < 0) return { $: "n", v: "-0" };
        return v;
      }
      if (t === "string" || t === "boolean" || v === null) return v;
      if (t === "bigint") return { $: "b", v: v.toString() };
      if (t === "function") throw cloneError((v.name ? "function " + v.name : "function") + " could not be cloned");
      if (t === "symbol") throw cloneError(String(v) + " could not be cloned");
      if (seen.has(v)) return { $: "r", id: seen.get(v) };
      const id = next++;
      seen.set(v, id);
      if (Array.isArray(v)) {
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = walk(v[i]);
        return { $: "a", id, v: out };
      }
      if (v instanceof Date) return { $: "d", id, v: v.getTime() };
      if (v instanceof RegExp) return { $: "re", id, s: v.source, f: v.flags };
      if (v instanceof Map) {
        const out = [];
        for (const [k, x] of v) out.push([walk(k), walk(x)]);
        return { $: "m", id, v: out };
      }
      if (v instanceof Set) {
        const out = [];
        for (const x of v) out.push(walk(x));
        return { $: "s", id, v: out };
      }
      if (v instanceof ArrayBuffer) return { $: "ab", id, v: bytes(v, 0, v.byteLength) };
      if (ArrayBuffer.isView(v)) {
        if (v instanceof DataView) return { $: "dv", id, v: bytes(v.buffer, v.byteOffset, v.byteLength) };
        for (const name of typed) {
          const C = g[name];
          if (C && v instanceof C) return { $: "ta", id, t: name, v: bytes(v.buffer, v.byteOffset, v.byteLength) };
        }
      }
      if (v instanceof Error) {
        const out = { $: "e", id, n: String(v.name), m: String(v.message), s: v.stack === undefined ? undefined : String(v.stack) };
        if (v.code !== undefined && typeof v.code !== "function") out.c = walk(v.code);
        if ("cause" in v) out.cause = walk(v.cause);
        if (v.errors !== undefined) out.errors = walk(v.errors);
        return out;
      }
      if (v instanceof Boolean || v instanceof Number || v instanceof String) return { $: "bx", id, v: walk(v.valueOf()) };
      if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
        throw cloneError("#<" + v.constructor.name + "> could not be cloned");
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && proto !== Object.prototype && typeof v.constructor === "function" &&
          Object.prototype.toString.call(v) !== "[object Object]") {
        throw cloneError("#<" + v.constructor.name + "> could not be cloned");
      }
      const out = {};
      for (const k of Object.keys(v)) out[k] = walk(v[k]);
      return { $: "o", id, v: out };
    };
    return JSON.stringify(walk(value));
  }
  const errorCtors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  function decode(text) {
    const refs = new Map();
    const walk = (x) => {
      if (x === null || typeof x !== "object") return x;
      let out;
      switch (x.$) {
        case "u": return undefined;
        case "n": return x.v === "-0" ? -0 : Number(x.v);
        case "b": return BigInt(x.v);
        case "r": return refs.get(x.id);
        case "a":
          out = new Array(x.v.length);
          refs.set(x.id, out);
          for (let i = 0; i < x.v.length; i++) out[i] = walk(x.v[i]);
          return out;
        case "o":
          out = {};
          refs.set(x.id, out);
          for (const k of Object.keys(x.v)) out[k] = walk(x.v[k]);
          return out;
        case "d": out = new Date(x.v); refs.set(x.id, out); return out;
        case "re": out = new RegExp(x.s, x.f); refs.set(x.id, out); return out;
        case "m":
          out = new Map();
          refs.set(x.id, out);
          for (const [k, v] of x.v) out.set(walk(k), walk(v));
          return out;
        case "s":
          out = new Set();
          refs.set(x.id, out);
          for (const v of x.v) out.add(walk(v));
          return out;
        case "ab": out = new Uint8Array(x.v).buffer; refs.set(x.id, out); return out;
        case "dv": out = new DataView(new Uint8Array(x.v).buffer); refs.set(x.id, out); return out;
        case "ta": {
          const C = g[x.t] || Uint8Array;
          out = new C(new Uint8Array(x.v).buffer);
          refs.set(x.id, out);
          return out;
        }
        case "e": {
          const C = errorCtors[x.n] || Error;
          out = new C(x.m);
          refs.set(x.id, out);
          if (out.name !== x.n) {
            Object.defineProperty(out, "name", { value: x.n, writable: true, configurable: true, enumerable: false });
          }
          if (x.s !== undefined) {
            Object.defineProperty(out, "stack", { value: x.s, writable: true, configurable: true, enumerable: false });
          }
          if ("c" in x) out.code = walk(x.c);
          if ("cause" in x) out.cause = walk(x.cause);
          if ("errors" in x) out.errors = walk(x.errors);
          return out;
        }
        case "bx": {
          const v = walk(x.v);
          out = typeof v === "number" ? new Number(v) : typeof v === "string" ? new String(v) : new Boolean(v);
          refs.set(x.id, out);
          return out;
        }
      }
      return x;
    };
    return walk(JSON.parse(text));
  }
  return { encode, decode };
})()`

var cloneScript = bindings.NewScript("arun:internal/clone.js", cloneJS)

// cloneCodec is one runtime's encode and decode functions.
type cloneCodec struct {
	encode, decode goja.Callable
}

type cloneKey struct{}

// codec returns r's clone codec, installing it on first use (loop only).
func (r *Runtime) codec() (*cloneCodec, error) {
	if c, ok := r.env.Value(cloneKey{}).(*cloneCodec); ok {
		return c, nil
	}
	v, err := cloneScript.Run(r.vm)
	if err != nil {
		return nil, fmt.Errorf("runtime: clone codec: %w", err)
	}
	obj := v.ToObject(r.vm)
	c := &cloneCodec{}
	c.encode, _ = goja.AssertFunction(obj.Get("encode"))
	c.decode, _ = goja.AssertFunction(obj.Get("decode"))
	r.env.SetValue(cloneKey{}, c)
	return c, nil
}

func (c *cloneCodec) encodeValue(vm *goja.Runtime, v goja.Value) (string, error) {
	s, err := c.encode(goja.Undefined(), v)
	if err != nil {
		return "", err
	}
	return s.String(), nil
}

func (c *cloneCodec) decodeValue(vm *goja.Runtime, s string) (goja.Value, error) {
	return c.decode(goja.Undefined(), vm.ToValue(s))
}

// ErrWorkersClosed is the error of a toWorker call made after the parent
// runtime closed its workers.
var ErrWorkersClosed = errors.New("runtime: workers closed")

// workerPool is a parent runtime's pool of worker runtimes.
type workerPool struct {
	opts Options
	sem  chan struct{} // one slot per worker that may run at once

	mu     sync.Mutex
	idle   []*Runtime
	closed bool
}

type workerPoolKey struct{}

// installWorkers sets toWorker on the asyncio module's exports of r when
// the module is first loaded. The
// pool has GOMAXPROCS workers (the number of CPUs unless limited), created
// on demand and reused; they share r's options except virtual time (off:
// CPU work takes real time) and stdin (none). If r has no asyncio module,
// nothing is installed.
func installWorkers(env *bindings.Env, r *Runtime) error {
	r.mods.afterInit("asyncio", func(mod goja.Value) error {
		exports, ok := mod.(*goja.Object)
		if !ok {
			return fmt.Errorf("runtime: asyncio exports are not an object")
		}
		p := r.workers()
		return exports.Set("toWorker", func(call goja.FunctionCall) goja.Value {
			return r.toWorker(p, call)
		})
	})
	return nil
}

// workers returns r's pool, creating it.
func (r *Runtime) workers() *workerPool {
	if p, ok := r.env.Value(workerPoolKey{}).(*workerPool); ok {
		return p
	}
	opts := r.opts
	opts.VirtualTime = false
	opts.TimeOrigin = time.Time{} // a worker runs on real time
	opts.Stdin = nil
	opts.Timeout = 0
	opts.Dir = r.dir
	n := goruntime.GOMAXPROCS(0)
	p := &workerPool{opts: opts, sem: make(chan struct{}, n)}
	r.env.SetValue(workerPoolKey{}, p)
	return p
}

// closeWorkers closes r's idle workers and stops the pool: busy ones are
// closed when their job ends (the parent's Close cancels it). Runtime.Close
// calls it.
func (r *Runtime) closeWorkers() {
	p, ok := r.env.Value(workerPoolKey{}).(*workerPool)
	if !ok {
		return
	}
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, w := range idle {
		_ = w.Close()
	}
}

// get takes an idle worker or creates one, waiting for a free slot.
func (p *workerPool) get(ctx context.Context) (*Runtime, error) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.sem
		return nil, ErrWorkersClosed
	}
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return w, nil
	}
	p.mu.Unlock()
	w, err := New(p.opts)
	if err != nil {
		<-p.sem
		return nil, err
	}
	return w, nil
}

// put returns a worker to the pool, or closes it when it must not be reused
// (its job was interrupted) or the pool is closed.
func (p *workerPool) put(w *Runtime, reuse bool) {
	p.mu.Lock()
	if reuse && !p.closed {
		p.idle = append(p.idle, w)
		reuse = true
	} else {
		reuse = false
	}
	p.mu.Unlock()
	if !reuse {
		_ = w.Close()
	}
	<-p.sem
}

// jsError is a rejection whose JS value was built on the loop.
type jsError struct{ v goja.Value }

func (e jsError) Error() string       { return e.v.String() }
func (e jsError) JSValue() goja.Value { return e.v }

// toWorker implements asyncio.toWorker(file, exportName, ...args).
func (r *Runtime) toWorker(p *workerPool, call goja.FunctionCall) goja.Value {
	const what = "asyncio.toWorker"
	env := r.env
	reject := func(err error) goja.Value {
		w := env.NewWaiter(what, nil)
		w.Reject(err)
		return w.Value()
	}
	fileArg, nameArg := call.Argument(0), call.Argument(1)
	if _, ok := fileArg.Export().(string); !ok {
		return reject(bindings.TypeErrorf("The \"file\" argument must be of type string. Received %s", fileArg.String()))
	}
	if _, ok := nameArg.Export().(string); !ok {
		return reject(bindings.TypeErrorf("The \"exportName\" argument must be of type string. Received %s", nameArg.String()))
	}
	file, name := fileArg.String(), nameArg.String()
	if !filepath.IsAbs(file) {
		file = filepath.Join(r.cwd(), file)
	}
	c, err := r.codec()
	if err != nil {
		return reject(err)
	}
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = call.Arguments[2:]
	}
	encoded, err := c.encodeValue(r.vm, r.vm.NewArray(toAny(args)...))
	if err != nil {
		return reject(err)
	}
	// the worker loads modules under the parent's module root (and its
	// read grants, which it shares): the file and what it imports
	roots := r.ld.fs.rootList()
	return env.Async(what+"("+filepath.Base(file)+", "+name+")", func(ctx context.Context) (any, error) {
		w, err := p.get(ctx)
		if err != nil {
			return nil, err
		}
		w.ld.fs.setRoots(roots)
		out, threw, err := w.runJob(ctx, file, name, encoded)
		p.put(w, err == nil && ctx.Err() == nil)
		if err != nil {
			return nil, err
		}
		return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
			v, err := c.decodeValue(vm, out)
			if err != nil {
				return nil, err
			}
			if threw {
				return nil, jsError{v}
			}
			return v, nil
		}), nil
	})
}

// cwd is the parent's process.cwd().
func (r *Runtime) cwd() string {
	if p, ok := r.vm.Get("process").(*goja.Object); ok {
		if fn, ok := goja.AssertFunction(p.Get("cwd")); ok {
			if v, err := fn(p); err == nil {
				return v.String()
			}
		}
	}
	return r.dir
}

func toAny(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// runJob runs exportName of file with the encoded arguments on w (called
// from a goroutine that owns w for the job). It returns the encoded result,
// or the encoded thrown value with threw set; err is for failures that are
// not the function's (cancellation, a crash of the worker's loop).
func (w *Runtime) runJob(ctx context.Context, file, exportName, args string) (out string, threw bool, err error) {
	settled := false
	finish := func(v goja.Value, isErr bool) {
		if settled {
			return
		}
		c, cerr := w.codec()
		if cerr != nil {
			err = cerr
			settled = true
			w.loop.Stop(nil)
			return
		}
		s, eerr := c.encodeValue(w.vm, v)
		if eerr != nil {
			var ex *goja.Exception
			if errors.As(eerr, &ex) {
				s, eerr = c.encodeValue(w.vm, ex.Value())
				isErr = true
			}
			if eerr != nil {
				err = eerr
			}
		}
		out, threw, settled = s, isErr, true
		w.loop.Stop(nil)
	}
	// thrown reports a failure of the job as the job's exception: what the
	// function threw, or a load error of its module converted to JS.
	thrown := func(e error) error {
		var ex *goja.Exception
		if errors.As(e, &ex) {
			finish(ex.Value(), true)
			return nil
		}
		finish(w.env.ToJSError(e), true)
		return nil
	}
	runErr := w.loop.Run(ctx, func() error {
		mod, err := w.ld.require(filepath.Dir(file), file)
		if err != nil {
			return thrown(err)
		}
		c, err := w.codec()
		if err != nil {
			return err
		}
		fnv := goja.Undefined()
		if obj, ok := mod.(*goja.Object); ok {
			fnv = obj.Get(exportName)
		}
		fn, ok := goja.AssertFunction(fnv)
		if !ok {
			return thrown(bindings.TypeErrorf("%s has no exported function %q", file, exportName))
		}
		argv, err := c.decodeValue(w.vm, args)
		if err != nil {
			return thrown(err)
		}
		var list []goja.Value
		_ = w.vm.ExportTo(argv, &list)
		res, err := fn(goja.Undefined(), list...)
		if err != nil {
			return thrown(err)
		}
		if _, ok := res.Export().(*goja.Promise); ok {
			obj := res.ToObject(w.vm)
			then, _ := goja.AssertFunction(obj.Get("then"))
			onOK := w.vm.ToValue(func(c goja.FunctionCall) goja.Value { finish(c.Argument(0), false); return goja.Undefined() })
			onErr := w.vm.ToValue(func(c goja.FunctionCall) goja.Value { finish(c.Argument(0), true); return goja.Undefined() })
			_, err := then(obj, onOK, onErr)
			return err
		}
		finish(res, false)
		return nil
	})
	if ctx.Err() != nil {
		return "", false, context.Cause(ctx)
	}
	if err != nil {
		return "", false, err
	}
	if !settled {
		if runErr != nil {
			return "", false, fmt.Errorf("runtime: worker: %w", runErr)
		}
		return "", false, fmt.Errorf("runtime: worker: %s's %s never settled (its promise is pending and nothing is left to run)", filepath.Base(file), exportName)
	}
	return out, threw, nil
}
