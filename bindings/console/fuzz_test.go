package console_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/arun-js/arun/bindings/console"
	"github.com/dop251/goja"
)

// fuzzValues builds, from a JSON-ish string and a shape bitmask, an object
// holding the parsed value (or the string itself) in the wrappers inspect
// has special cases for.
const fuzzValues = `(function (src, shape) {
  let v;
  try { v = JSON.parse(src); } catch { v = src; }
  const o = {
    v, str: src, arr: [v, , src, [v, [v, [v]]]],
    m: new Map([[src, v], [v, src], [{ k: v }, [v]]]),
    s: new Set([v, src, [v]]),
    d: new Date(typeof v === "number" ? v : src.length * 1e11),
    bad: new Date(NaN),
    sym: Symbol(src), [Symbol(src)]: v,
    big: BigInt(src.length) * 12345678901234567890n,
    err: new RangeError(src),
    fn: function named() {}, arrow: () => v, cls: class K { constructor() { this.v = v; } },
    ta: new Uint8Array([...src].slice(0, 40).map(c => c.charCodeAt(0))),
    buf: new ArrayBuffer(src.length % 64),
    boxed: [new String(src), new Number(src.length), new Boolean(src)],
    p: Promise.resolve(v), rej: Promise.reject(v), pend: new Promise(() => {}),
    neg0: -0, nan: NaN, inf: -Infinity, und: undefined, nul: null,
  };
  o.rej.catch(() => {});
  try { o.re = new RegExp(src, "gu"); } catch { o.re = /x/y; }
  o.err.cause = v;
  o[src] = v;
  if (shape & 1) { o.self = o; o.m.set("self", o); o.s.add(o); }
  if (shape & 2) Object.defineProperty(o, "getter", { get() { throw new Error(src); }, enumerable: true });
  if (shape & 4) o.custom = { [Symbol.for("nodejs.util.inspect.custom")]: (depth, opts) => shape & 64 ? { depth, src } : src };
  if (shape & 8) o.proxy = new Proxy({ v }, { get(t, k) { return k === "v" ? src : t[k]; } });
  if (shape & 16) { const n = Object.create(null); n[src] = v; o.nullProto = n; }
  if (shape & 32) o.inst = new (class Point { constructor() { this.x = v; } })();
  if (shape & 128) o.throwsToString = { toString() { throw new Error("toString"); }, [Symbol.toPrimitive]() { throw new Error("prim"); } };
  // a chain, not a DAG: with unlimited depth a DAG of shared nodes
  // expands exponentially, in Node too
  let deep = v;
  for (let i = 0; i < (shape & 7) * 4; i++) deep = { deep, a: [i] };
  o.deep = deep;
  return o;
})`

// FuzzInspectFormat: Inspect and Format accept any value built from the
// input and any format string, and return valid UTF-8 text without a Go
// panic (JS exceptions thrown by user code, and %j's TypeError for a
// BigInt, are allowed from Format: it runs inside console.log, where they
// propagate to the script, as in Node).
func FuzzInspectFormat(f *testing.F) {
	for _, s := range []struct {
		src, format string
		shape       uint8
		depth       int8
		breakLen    uint8
		colors      bool
	}{
		{`{"a":1,"b":[true,null,"x"]}`, "%s %d %i %f %j %o %O %c %%", 0, 0, 0, false},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28]`, "%o", 1, -1, 20, true},
		{`"a\u0000b\ud800"`, "%s:%s", 255, 3, 1, false},
		{`1e308`, "%d%i%f", 17, 0, 0, true},
		{`not json {`, "%", 2, 1, 80, false},
		{`{"__proto__":{"x":1},"constructor":null}`, "%j %j", 4 | 64, 2, 0, false},
		{`[[[[[[[[[[[[]]]]]]]]]]]]`, "%O", 8, -1, 255, false},
		{`"\u001b[31mred"`, "%c%s%c", 16 | 32, 5, 40, true},
		{``, "", 128, 0, 0, false},
		{`-0`, "%i %d", 128 | 1, 0, 0, false},
	} {
		f.Add(s.src, s.format, s.shape, s.depth, s.breakLen, s.colors)
	}
	f.Fuzz(func(t *testing.T, src, format string, shape uint8, depth int8, breakLen uint8, colors bool) {
		// a JS string is UTF-16: goja keeps the raw bytes of an invalid
		// UTF-8 Go string, which no script can produce
		src, format = strings.ToValidUTF8(src, "\uFFFD"), strings.ToValidUTF8(format, "\uFFFD")
		vm := goja.New()
		build, err := vm.RunString(fuzzValues)
		if err != nil {
			t.Fatal(err)
		}
		fn, _ := goja.AssertFunction(build)
		v, err := fn(goja.Undefined(), vm.ToValue(src), vm.ToValue(int(shape)))
		if err != nil {
			t.Fatalf("building the value of %q: %v", src, err)
		}
		opts := console.InspectOptions{Depth: int(depth) % 8, Colors: colors, BreakLength: int(breakLen)}
		check := func(what, s string) {
			if !utf8.ValidString(s) {
				t.Fatalf("%s of %q (shape %d): invalid UTF-8 %q", what, src, shape, s)
			}
		}
		out := console.Inspect(vm, v, opts)
		if out == "" || !strings.HasPrefix(out, "{") && !strings.HasPrefix(out, "[Inspection threw") && !strings.Contains(out, "{") {
			t.Fatalf("Inspect of %q (shape %d) = %q: not an object", src, shape, out)
		}
		check("Inspect", out)
		obj := v.ToObject(vm)
		for _, k := range obj.Keys() {
			if k == "getter" {
				continue
			}
			check("Inspect ."+k, console.Inspect(vm, obj.Get(k), opts))
		}
		for _, args := range [][]goja.Value{
			{vm.ToValue(format), obj.Get("v"), obj.Get("m"), obj.Get("str"), obj.Get("big")},
			{vm.ToValue(format)},
			{vm.ToValue(format), v, obj.Get("sym"), obj.Get("d"), obj.Get("err")},
			{obj.Get("v"), vm.ToValue(format)},
		} {
			var s string
			if ex := vm.Try(func() { s = console.Format(vm, args) }); ex != nil {
				// %j is JSON.stringify, which throws on a BigInt, as in Node
				bigint := strings.Contains(format, "%j") && strings.Contains(ex.Error(), "BigInt")
				if shape&(2|128) == 0 && !bigint {
					t.Fatalf("Format(%q, value of %q, shape %d) threw %v", format, src, shape, ex)
				}
				continue
			}
			check("Format", s)
		}
	})
}
