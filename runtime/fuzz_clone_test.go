package runtime_test

import (
	"math"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// fuzzCloneScript clones a value built from the fuzzed JSON (or the raw
// string when it is not JSON) inside Map, Set, Date, typed array, Error and
// cyclic wrappers, and checks that the clone is a deep, distinct copy with
// the same shape. A nesting too deep for the engine may throw a RangeError,
// as in browsers; nothing else may fail.
const fuzzCloneScript = `
const { src, n, shape } = input;
let v;
try { v = JSON.parse(src); } catch { v = src; }
const o = {
  v, src,
  m: new Map([[src, v], [n, [v]], [{ k: src }, new Set([v])]]),
  s: new Set([v, src, n]),
  d: new Date(n), arr: [v, , v],
  ta: new Float64Array([n, -0, NaN]), u8: new Uint8Array([...src].slice(0, 64).map(c => c.charCodeAt(0) & 255)),
  err: new TypeError(src), boxed: new String(src), num: new Number(n),
};
o.err.cause = v;
try { o.re = new RegExp(src, "g"); } catch {}
if (shape & 1) { o.self = o; o.m.set(o, o.s); o.s.add(o); }
if (shape & 2) { o.shared = [v, v]; o.twice = [o.m, o.m]; }
if (shape & 4) o.nullProto = Object.assign(Object.create(null), { [src]: v });
if (shape & 8) o.view = new DataView(o.u8.buffer, 0, o.u8.length);

const same = (a, b, seen = new Map()) => {
  if (typeof a !== typeof b) return false;
  if (a === null || typeof a !== "object") return Object.is(a, b);
  if (a === b) return false; // a clone must not share objects with its source
  if (seen.has(a)) return seen.get(a) === b;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) && !(Object.getPrototypeOf(a) === null && Object.getPrototypeOf(b) === Object.prototype)) return false;
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    const ea = [...a], eb = [...b];
    return ea.every(([k, x], i) => same(k, eb[i][0], seen) && same(x, eb[i][1], seen));
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    const ea = [...a], eb = [...b];
    return ea.every((x, i) => same(x, eb[i], seen));
  }
  if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((c, i) => c === y[i]);
  }
  if (a instanceof Error) {
    if (a.name !== b.name || a.message !== b.message) return false;
    return !("cause" in a) || same(a.cause, b.cause, seen);
  }
  if (a instanceof String || a instanceof Number) return Object.is(a.valueOf(), b.valueOf());
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length || Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== b.length)) return false;
  return ka.every((k, i) => kb[i] === k && same(a[k], b[k], seen));
};

let c;
try {
  c = structuredClone(o);
} catch (e) {
  if (!(e instanceof RangeError)) throw e;
}
if (c !== undefined) {
  let ok;
  try { ok = same(o, c); } catch (e) { if (!(e instanceof RangeError)) throw e; ok = true; }
  if (!ok) throw new Error("clone differs from its source: " + JSON.stringify(src));
  if ((shape & 1) && (c.self !== c || c.m.get(c) !== c.s || !c.s.has(c))) throw new Error("cycle not preserved");
  if ((shape & 2) && (c.shared[0] !== c.shared[1] && typeof v === "object" && v !== null)) throw new Error("shared reference split");
  if ((shape & 2) && c.twice[0] !== c.twice[1]) throw new Error("shared Map split");
}
for (const bad of [() => {}, Symbol(src), new WeakMap(), Promise.resolve()]) {
  try { structuredClone({ v, bad }); throw new Error("cloned a " + typeof bad); }
  catch (e) { if (e.name !== "DataCloneError") throw e; }
}
`

// FuzzStructuredClone: structuredClone copies any JSON value in Map, Set,
// Date and cyclic wrappers faithfully, and rejects uncloneable values with
// a DataCloneError, never panicking or hanging.
func FuzzStructuredClone(f *testing.F) {
	for _, s := range []struct {
		src   string
		n     float64
		shape uint8
	}{
		{`{"a":1,"b":[true,null,"x"],"c":{"d":{}}}`, 0, 0},
		{`[1,2,[3,[4,[5]]]]`, 1.5e12, 1},
		{`"\ud800"`, -1, 2},
		{`{"__proto__":{"polluted":1}}`, 8.64e15 + 1, 4},
		{`not json`, 1e308, 15},
		{`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`, math.Copysign(0, -1), 3},
		{`{"":"","0":0,"length":-1}`, 0, 8},
		{`1e400`, -8.64e15, 1 | 4},
		{`(?<x>a)|[`, 42, 2 | 8},
	} {
		f.Add(s.src, s.n, s.shape)
	}
	f.Fuzz(func(t *testing.T, src string, n float64, shape uint8) {
		runtimetest.Fuzz(t, fuzzCloneScript, map[string]any{"src": src, "n": n, "shape": int(shape)}, nil)
	})
}
