package console

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// The expected strings below were produced by Node.js v20 (util.format,
// util.inspect and the global console) for the very same JavaScript code.

type formatCase struct {
	name, code, want string
}

type inspectCase struct {
	name, code string
	opts       InspectOptions
	want       string
}

func runArgs(t *testing.T, vm *goja.Runtime, code string) []goja.Value {
	t.Helper()
	v, err := vm.RunString(code)
	if err != nil {
		t.Fatalf("eval %q: %v", code, err)
	}
	o := v.(*goja.Object)
	var args []goja.Value
	for _, k := range o.Keys() {
		args = append(args, o.Get(k))
	}
	return args
}

func TestFormatMatchesNode(t *testing.T) {
	for _, tc := range formatCases {
		t.Run(tc.name, func(t *testing.T) {
			vm := goja.New()
			got := Format(vm, runArgs(t, vm, tc.code))
			if got != tc.want {
				t.Errorf("code: %s\n--- got:\n%s\n--- want:\n%s", tc.code, got, tc.want)
			}
		})
	}
}

func TestInspectMatchesNode(t *testing.T) {
	for _, tc := range inspectCases {
		t.Run(tc.name, func(t *testing.T) {
			vm := goja.New()
			v, err := vm.RunString(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			got := Inspect(vm, v, tc.opts)
			if got != tc.want {
				t.Errorf("code: %s\n--- got:\n%q\n--- want:\n%q", tc.code, got, tc.want)
			}
		})
	}
}

func TestConsoleMethodsMatchNode(t *testing.T) {
	vm := goja.New()
	var out, errb strings.Builder
	if err := Install(vm, Options{Stdout: &out, Stderr: &errb}); err != nil {
		t.Fatal(err)
	}
	if _, err := vm.RunString(consoleScript); err != nil {
		t.Fatal(err)
	}
	if out.String() != consoleWantStdout {
		t.Errorf("stdout:\n%s\n--- want:\n%s", out.String(), consoleWantStdout)
	}
	if errb.String() != consoleWantStderr {
		t.Errorf("stderr:\n%s\n--- want:\n%s", errb.String(), consoleWantStderr)
	}
}

func TestConsoleTimeAndTrace(t *testing.T) {
	vm := goja.New()
	var out, errb strings.Builder
	var now time.Duration
	if err := Install(vm, Options{Stdout: &out, Stderr: &errb, Now: func() time.Duration { return now }}); err != nil {
		t.Fatal(err)
	}
	_ = vm.Set("advance", func(ms float64) { now += time.Duration(ms * float64(time.Millisecond)) })
	_, err := vm.RunScript("file.js", `function f() { console.trace('here %d', 1) }
function g() { f() }
g();
console.time(); advance(1.2345); console.timeEnd();
console.time('t'); advance(1500); console.timeLog('t', 'extra', {a: 1});
advance(61000); console.timeEnd('t');
advance(3600000); console.time('h'); advance(3723004); console.timeEnd('h');
console.time('z'); console.timeEnd('z');
console.timeEnd('nope');
`)
	if err != nil {
		t.Fatal(err)
	}
	wantOut := "default: 1.234ms\nt: 1.500s extra { a: 1 }\nt: 1:02.500 (m:ss.mmm)\nh: 1:02:03.004 (h:mm:ss.mmm)\nz: 0ms\n"
	if out.String() != wantOut {
		t.Errorf("stdout %q, want %q", out.String(), wantOut)
	}
	wantErr := "Trace: here 1\n    at f (file.js:1:29)\n    at g (file.js:2:17)\n    at file.js:3:2\n" +
		"Warning: No such label 'nope' for console.timeEnd()\n"
	if errb.String() != wantErr {
		t.Errorf("stderr %q, want %q", errb.String(), wantErr)
	}
}

func TestGojaErrorStacks(t *testing.T) {
	vm := goja.New()
	var out strings.Builder
	if err := Install(vm, Options{Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	_, err := vm.RunScript("file.js", `function mk() { return new Error('boom') }
console.log(mk());
console.log({e: mk()});
try { null.x } catch (e) { console.log(e) }
console.log(new Error('outer', {cause: mk()}));
`)
	if err != nil {
		t.Fatal(err)
	}
	want := `Error: boom
    at mk (file.js:1:24)
    at file.js:2:15
{
  e: Error: boom
      at mk (file.js:1:24)
      at file.js:3:19
}
TypeError: Cannot read property 'x' of undefined
    at file.js:4:12
Error: outer
    at file.js:5:13 {
  [cause]: Error: boom
      at mk (file.js:1:24)
      at file.js:5:42
}
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestCleanStack(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Error: boom\n\tat f (file.js:2:51(9))\n\tat file.js:3:1(20)\n", "Error: boom\n    at f (file.js:2:51)\n    at file.js:3:1"},
		{"Error: boom\n    at f (file.js:2:51(9))", "Error: boom\n    at f (file.js:2:51)"},
		{"Error: x\n\tat native\n\tat g (native)", "Error: x\n    at native\n    at g (native)"},
		{"Error: (12) at 1:2(3)", "Error: (12) at 1:2(3)"},
		{"TypeError: no frames", "TypeError: no frames"},
	}
	for _, tc := range cases {
		if got := CleanStack(tc.in); got != tc.want {
			t.Errorf("CleanStack(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestThrowingCustomInspect(t *testing.T) {
	vm := goja.New()
	var out strings.Builder
	if err := Install(vm, Options{Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	v, err := vm.RunString(`({[Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('nope') }})`)
	if err != nil {
		t.Fatal(err)
	}
	if got := Inspect(vm, v, InspectOptions{}); !strings.Contains(got, "nope") {
		t.Errorf("Inspect = %q, want it to mention the exception", got)
	}
	res, err := vm.RunString(`var caught; try { console.log(globalThis.__v = 1, ({[Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('nope') }})) } catch (e) { caught = e.message } caught`)
	if err != nil {
		t.Fatal(err)
	}
	if res.String() != "nope" {
		t.Errorf("exception not propagated to JS: %v", res)
	}
}

func TestLogFastPath(t *testing.T) {
	vm := goja.New()
	var out strings.Builder
	if err := Install(vm, Options{Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	if _, err := vm.RunString(`console.log('plain %s string'); console.info(''); console.log()`); err != nil {
		t.Fatal(err)
	}
	if want := "plain %s string\n\n\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

var formatCases = []formatCase{
	{"string raw", "['hello']",
		"hello"},
	{"strings raw multi", "['a', 'b', 1]",
		"a b 1"},
	{"number", "[42, -0, 0, 1.5, NaN, -Infinity]",
		"42 -0 0 1.5 NaN -Infinity"},
	{"bigint symbol", "[1n, Symbol('x'), Symbol(), Symbol.iterator]",
		"1n Symbol(x) Symbol() Symbol(Symbol.iterator)"},
	{"undefined null bool", "[undefined, null, true, false]",
		"undefined null true false"},
	{"string in array quotes", "[['a', \"it's\", 'say \"hi\" it\\'s', 'b`${x}\\'\"']]",
		"[ 'a', \"it's\", `say \"hi\" it's`, 'b`${x}\\'\"' ]"},
	{"string escapes", "[['\\n\\t\\x01\\\\', '\\x7f\\u0085', 'é ü 中 😀']]",
		"[ '\\n\\t\\x01\\\\', '\\x7F\\x85', 'é ü 中 😀' ]"},
	{"functions", "[function foo(){}, function(){}, () => 1, async function af(){}, function* gen(){}, class Foo {}, class extends Array {}, class Bar extends Error {}]",
		"[Function: foo] [Function (anonymous)] [Function (anonymous)] [AsyncFunction: af] [GeneratorFunction: gen] [class Foo] [class (anonymous) extends Array] [class Bar extends Error]"},
	{"function with props", "[Object.assign(function f(){}, {a: 1})]",
		"[Function: f] { a: 1 }"},
	{"arrays", "[[1, 2, 3], [], [[1, [2, [3, [4]]]]]]",
		"[ 1, 2, 3 ] [] [ [ 1, [ 2, [Array] ] ] ]"},
	{"array holes", "[[1, , 3], new Array(5), [ , 1, , , 2, , ]]",
		"[ 1, <1 empty item>, 3 ] [ <5 empty items> ] [ <1 empty item>, 1, <2 empty items>, 2, <1 empty item> ]"},
	{"array extra props", "[Object.assign([1, 2], {foo: 'bar'})]",
		"[ 1, 2, foo: 'bar' ]"},
	{"array over 100", "[Array.from({length: 101}, (_, i) => i % 10)]",
		`[
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
  2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
  4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
  6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
  8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
  2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
  4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
  6, 7, 8, 9,
  ... 1 more item
]`},
	{"array grouping numbers", "[Array.from({length: 30}, (_, i) => i)]",
		`[
   0,  1,  2,  3,  4,  5,  6,  7,  8,
   9, 10, 11, 12, 13, 14, 15, 16, 17,
  18, 19, 20, 21, 22, 23, 24, 25, 26,
  27, 28, 29
]`},
	{"array grouping strings", "[Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i).repeat(i % 4 + 1))]",
		`[
  'a', 'bb', 'ccc', 'dddd',
  'e', 'ff', 'ggg', 'hhhh',
  'i', 'jj', 'kkk', 'llll',
  'm', 'nn', 'ooo', 'pppp',
  'q', 'rr', 'sss', 'tttt',
  'u', 'vv', 'www', 'xxxx',
  'y', 'zz'
]`},
	{"array grouping mixed lengths", "[[1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]",
		`[
        1,       22,    333,
     4444,    55555, 666666,
  7777777, 88888888,      1,
        2,        3,      4,
        5,        6,      7,
        8,        9,     10
]`},
	{"array 7 short", "[[1, 2, 3, 4, 5, 6, 7]]",
		`[
  1, 2, 3, 4,
  5, 6, 7
]`},
	{"array of objects", "[[{a: 1, b: 2}, {a: 3, b: 4}, {a: 5, b: 6}]]",
		"[ { a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 } ]"},
	{"objects", "[{a: 1, 'b-c': 2, 3: 'x', _ok: true, $no: 1, 'a b': [1]}]",
		"{ '3': 'x', a: 1, 'b-c': 2, _ok: true, '$no': 1, 'a b': [ 1 ] }"},
	{"empty object", "[{}, Object.create(null), Object.assign(Object.create(null), {a: 1})]",
		"{} [Object: null prototype] {} [Object: null prototype] { a: 1 }"},
	{"symbol keys", "[{[Symbol('x')]: 1, [Symbol.for('y')]: 'z', [Symbol()]: 2}]",
		"{ [Symbol(x)]: 1, [Symbol(y)]: 'z', [Symbol()]: 2 }"},
	{"getters setters", "[{get a() { return 1 }, set b(v) {}, get c() { return 1 }, set c(v) {}}]",
		"{ a: [Getter], b: [Setter], c: [Getter/Setter] }"},
	{"non-enumerable hidden", "[Object.defineProperty({a: 1}, 'hidden', {value: 2, enumerable: false})]",
		"{ a: 1 }"},
	{"class instances", "(() => { class Foo { constructor() { this.x = 1; this.y = 'two' } } class Empty {} return [new Foo(), new Empty(), [new Foo()]] })()",
		"Foo { x: 1, y: 'two' } Empty {} [ Foo { x: 1, y: 'two' } ]"},
	{"nested depth", "[{a: {b: {c: {d: 1}}}, arr: [[[[1]]]], m: {n: {o: new Map([[1, 2]])}}}]",
		`{
  a: { b: { c: [Object] } },
  arr: [ [ [Array] ] ],
  m: { n: { o: [Map] } }
}`},
	{"nested depth class", "(() => { class Foo { constructor() { this.inner = {x: 1} } } return [{a: {b: {c: new Foo()}}}] })()",
		"{ a: { b: { c: [Foo] } } }"},
	{"circular", "(() => { const o = {name: 'o'}; o.self = o; const a = [1]; a.push(a); return [o, a] })()",
		"<ref *1> { name: 'o', self: [Circular *1] } <ref *1> [ 1, [Circular *1] ]"},
	{"circular multiple", "(() => { const a = {}; const b = {a}; a.b = b; b.self = b; return [{a, b}] })()",
		`{
  a: <ref *1> { b: <ref *2> { a: [Circular *1], self: [Circular *2] } },
  b: <ref *2> { a: <ref *1> { b: [Circular *2] }, self: [Circular *2] }
}`},
	{"map set", "[new Map([['a', 1], ['b', {c: 2}]]), new Set([1, 'two', [3]]), new Map(), new Set()]",
		"Map(2) { 'a' => 1, 'b' => { c: 2 } } Set(3) { 1, 'two', [ 3 ] } Map(0) {} Set(0) {}"},
	{"weak", "[new WeakMap(), new WeakSet()]",
		"WeakMap { <items unknown> } WeakSet { <items unknown> }"},
	{"map nested", "[{m: new Map([[{k: 1}, new Set([1])]])}]",
		"{ m: Map(1) { { k: 1 } => Set(1) { 1 } } }"},
	{"date regexp", "[new Date(0), /ab+c/gi, [new Date(1e12)], {re: /x/}]",
		"1970-01-01T00:00:00.000Z /ab+c/gi [ 2001-09-09T01:46:40.000Z ] { re: /x/ }"},
	{"invalid date", "[new Date(NaN)]",
		"Invalid Date"},
	{"boxed", "[new Number(3), new String('x'), new Boolean(false), Object(1n), Object(Symbol('s')), new Number(-0)]",
		"[Number: 3] [String: 'x'] [Boolean: false] [BigInt: 1n] [Symbol: Symbol(s)] [Number: -0]"},
	{"boxed with props", "[Object.assign(new String('ab'), {extra: 1})]",
		"[String: 'ab'] { extra: 1 }"},
	{"typed arrays", "[new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array([1n, -2n]), new Int16Array(0)]",
		"Uint8Array(3) [ 1, 2, 3 ] Float64Array(2) [ 0, 0 ] BigInt64Array(2) [ 1n, -2n ] Int16Array(0) []"},
	{"typed array long", "[new Uint8Array(120)]",
		`Uint8Array(120) [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0,
  ... 20 more items
]`},
	{"array buffer", "[new Uint8Array([1, 2, 255]).buffer, new ArrayBuffer(0)]",
		"ArrayBuffer { [Uint8Contents]: <01 02 ff>, byteLength: 3 } ArrayBuffer { [Uint8Contents]: <>, byteLength: 0 }"},
	{"dataview", "[new DataView(new ArrayBuffer(2))]",
		`DataView {
  byteLength: 2,
  byteOffset: 0,
  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }
}`},
	{"promises", "[Promise.resolve(1), new Promise(() => {}), Promise.resolve({a: [1, 2]})]",
		"Promise { 1 } Promise { <pending> } Promise { { a: [ 1, 2 ] } }"},
	{"promise rejected", "(() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (file.js:1:2)'; const p = Promise.reject(e); p.catch(() => {}); return [p] })()",
		`Promise {
  <rejected> Error: x
      at f (file.js:1:2)
}`},
	{"error no stack", "(() => { const e = new TypeError('bad'); e.stack = undefined; return [e, [e]] })()",
		"[TypeError: bad] [ [TypeError: bad] ]"},
	{"error stack", "(() => { const e = new Error('boom'); e.stack = 'Error: boom\\n    at f (file.js:2:51)\\n    at main (file.js:5:1)'; return [e] })()",
		`Error: boom
    at f (file.js:2:51)
    at main (file.js:5:1)`},
	{"error with props", "(() => { const e = new Error('nope'); e.stack = 'Error: nope\\n    at g (a.js:1:1)'; e.code = 'ENOENT'; e.errno = -2; return [e] })()",
		`Error: nope
    at g (a.js:1:1) {
  code: 'ENOENT',
  errno: -2
}`},
	{"error nested", "(() => { const e = new RangeError('r'); e.stack = 'RangeError: r\\n    at h (b.js:3:4)'; return [{err: e, list: [e]}] })()",
		`{
  err: RangeError: r
      at h (b.js:3:4),
  list: [
    RangeError: r
        at h (b.js:3:4)
  ]
}`},
	{"error cause", "(() => { const c = new Error('inner'); c.stack = 'Error: inner\\n    at i (c.js:1:1)'; const e = new Error('outer', {cause: c}); e.stack = 'Error: outer\\n    at o (c.js:2:2)'; return [e] })()",
		`Error: outer
    at o (c.js:2:2) {
  [cause]: Error: inner
      at i (c.js:1:1)
}`},
	{"error subclass", "(() => { class MyError extends Error {} const e = new MyError('m'); e.stack = 'Error: m\\n    at x (d.js:1:1)'; class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError' } } const n = new NamedError('q'); n.stack = 'NamedError: q\\n    at y (d.js:2:2)'; return [e, n] })()",
		`MyError: m
    at x (d.js:1:1) NamedError: q
    at y (d.js:2:2)`},
	{"custom inspect", "[{[Symbol.for('nodejs.util.inspect.custom')](depth, opts) { return 'CUSTOM d=' + depth }}, {x: {[Symbol.for('nodejs.util.inspect.custom')]() { return {replaced: true} }}}]",
		"CUSTOM d=2 { x: { replaced: true } }"},
	{"custom inspect inspect arg", "[{inner: {[Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) { return 'W<' + inspect({a: [1, 2]}, opts) + '>' }}}]",
		"{ inner: W<{ a: [ 1, 2 ] }> }"},
	{"long object breaks", "[{alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccc', delta: 'dddddddddd'}]",
		`{
  alpha: 'aaaaaaaaaaaaaaaa',
  beta: 'bbbbbbbbbbbbbbbbbb',
  gamma: 'cccccccccccccccc',
  delta: 'dddddddddd'
}`},
	{"object fits 72", "[{a: 'xxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyy', c: 'zzzzzzzzzzz'}]",
		`{
  a: 'xxxxxxxxxxxxxxxxxxxx',
  b: 'yyyyyyyyyyyyyyyyyyyy',
  c: 'zzzzzzzzzzz'
}`},
	{"nested long", "[{level1: {level2: {name: 'some fairly long string value', other: 'another long string value'}}, sibling: [1, 2, 3]}]",
		`{
  level1: {
    level2: {
      name: 'some fairly long string value',
      other: 'another long string value'
    }
  },
  sibling: [ 1, 2, 3 ]
}`},
	{"array of long strings", "[['the quick brown fox jumps', 'over the lazy dog again and', 'again until it gets tired', 'ok']]",
		`[
  'the quick brown fox jumps',
  'over the lazy dog again and',
  'again until it gets tired',
  'ok'
]`},
	{"compact 3 depth", "[{a: {b: {c: {}}}, x: [{y: [{z: 1}]}]}]",
		"{ a: { b: { c: {} } }, x: [ { y: [Array] } ] }"},
	{"long string in object", "[{s: 'line one\\nline two\\nline three is here and it is long enough to split'}]",
		`{
  s: 'line one\nline two\nline three is here and it is long enough to split'
}`},
	{"arguments", "(function () { return [arguments] })(1, 'a')",
		"[Arguments] { '0': 1, '1': 'a' }"},
	{"null proto class-ish", "(() => { const o = Object.create(null); o.x = 1; return [[o]] })()",
		"[ [Object: null prototype] { x: 1 } ]"},
	{"toStringTag", "[{[Symbol.toStringTag]: 'Tagged', a: 1}, (() => { class T { get [Symbol.toStringTag]() { return 'TT' } } return new T() })()]",
		"{ a: 1, [Symbol(Symbol.toStringTag)]: 'Tagged' } T [TT] {}"},
	{"global-ish Math JSON", "[Math, JSON]",
		"Object [Math] {} Object [JSON] {}"},
	{"proxy", "[new Proxy({a: 1}, {}), new Proxy([1, 2], {})]",
		"{ a: 1 } [ 1, 2 ]"},
	{"fmt %s", "['%s and %s', 'a', 42, 'extra']",
		"a and 42 extra"},
	{"fmt %s object", "['%s|%s|%s|%s', {a: {b: 1}}, [1, [2]], null, undefined]",
		"{ a: [Object] }|[ 1, [Array] ]|null|undefined"},
	{"fmt %s custom toString", "(() => { class P { toString() { return 'P!' } } return ['%s', new P()] })()",
		"P!"},
	{"fmt %d %i %f", "['%d %d %i %f %d %i', '42', 1.5, 3.9, '2.5abc', 10n, 'x']",
		"42 1.5 3 2.5 10n NaN"},
	{"fmt %j", "(() => { const o = {a: [1]}; const c = {}; c.c = c; return ['%j %j %j', o, c, 'str'] })()",
		"{\"a\":[1]} [Circular] \"str\""},
	{"fmt %o %O", "['%O | %o', {a: {b: {c: {d: 1}}}}, [1, 'x']]",
		"{ a: { b: { c: [Object] } } } | [ 1, 'x', [length]: 2 ]"},
	{"fmt %c %%", "['%cstyled%% 100%', 'color: red']",
		"styled% 100%"},
	{"fmt missing args", "['%s %d %%', 'only']",
		"only %d %"},
	{"fmt no format in non-first", "[1, '%s', 'x']",
		"1 %s x"},
	{"fmt symbol", "['%s %d', Symbol('q'), Symbol('r')]",
		"Symbol(q) NaN"},
	{"multiline breakLength", "[{arr: Array.from({length: 10}, (_, i) => 'item' + i), obj: {k: 'v'}}]",
		`{
  arr: [
    'item0', 'item1',
    'item2', 'item3',
    'item4', 'item5',
    'item6', 'item7',
    'item8', 'item9'
  ],
  obj: { k: 'v' }
}`},
	{"sparse large", "[Object.assign(new Array(200), {0: 1, 150: 2})]",
		"[ 1, <149 empty items>, 2, <49 empty items> ]"},
	{"array object keys quoting", "[{'__proto__x': 1, 'with\\'quote': 2, 'with\\nnl': 3}]",
		"{ __proto__x: 1, \"with'quote\": 2, 'with\\nnl': 3 }"},
	{"getter on class prototype", "(() => { class G { constructor() { this.a = 1 } get b() { return 2 } } return [new G()] })()",
		"G { a: 1 }"},
	{"set of objects long", "[new Set(Array.from({length: 8}, (_, i) => ({id: i, name: 'n' + i})))]",
		`Set(8) {
  { id: 0, name: 'n0' },
  { id: 1, name: 'n1' },
  { id: 2, name: 'n2' },
  { id: 3, name: 'n3' },
  { id: 4, name: 'n4' },
  { id: 5, name: 'n5' },
  { id: 6, name: 'n6' },
  { id: 7, name: 'n7' }
}`},
	{"map long", "[new Map(Array.from({length: 5}, (_, i) => ['key' + i, {value: i * 100, label: 'label ' + i}])) ]",
		`Map(5) {
  'key0' => { value: 0, label: 'label 0' },
  'key1' => { value: 100, label: 'label 1' },
  'key2' => { value: 200, label: 'label 2' },
  'key3' => { value: 300, label: 'label 3' },
  'key4' => { value: 400, label: 'label 4' }
}`},
	{"number array with negatives", "[[-1, 20, -300, 4000, 5, -6, 70, 800, -9000, 10]]",
		`[
    -1,  20,  -300,
  4000,   5,    -6,
    70, 800, -9000,
    10
]`},
	{"mixed array grouping", "[[1, 'a', 2, 'bb', 3, 'ccc', 4, 'dddd']]",
		`[
  1,    'a',    2,
  'bb', 3,      'ccc',
  4,    'dddd'
]`},
	{"nested grouped array", "[{data: {values: Array.from({length: 20}, (_, i) => i * 3), more: 'x'}}]",
		`{
  data: {
    values: [
       0,  3,  6,  9, 12, 15, 18,
      21, 24, 27, 30, 33, 36, 39,
      42, 45, 48, 51, 54, 57
    ],
    more: 'x'
  }
}`},
	{"%s error", "(() => { const e = new Error('E'); e.stack = 'Error: E\\n    at q (z.js:1:1)'; return ['%s', e] })()",
		`Error: E
    at q (z.js:1:1)`},
	{"long string top-level in array", "[['x'.repeat(90)]]",
		`[
  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
]`},
	{"max string", "[['y'.repeat(10005)].map(s => s.length)]",
		"[ 10005 ]"},
	{"obj with fn and class", "[{fn: function named() {}, arrow: () => {}, K: class K {}}]",
		"{ fn: [Function: named], arrow: [Function: arrow], K: [class K] }"},
	{"number keys order", "[{b: 1, 10: 2, 2: 3, a: 4}]",
		"{ '2': 3, '10': 2, b: 1, a: 4 }"},
	{"unicode key", "[{'ключ': 1, 'emoji😀': 2}]",
		"{ 'ключ': 1, 'emoji😀': 2 }"},
	{"error in array multiple", "(() => { const e = new Error('A'); e.stack = 'Error: A\\n    at a (x.js:1:1)\\n    at b (x.js:2:2)'; return [[e, 1]] })()",
		`[
  Error: A
      at a (x.js:1:1)
      at b (x.js:2:2),
  1
]`},
	{"set nested in array depth", "[[[new Set([[1]])]]]",
		"[ [ Set(1) { [Array] } ] ]"},
	{"frozen weird values", "[[NaN, -0, 0.1, 1e21, 1e-7, 2**53]]",
		"[ NaN, -0, 0.1, 1e+21, 1e-7, 9007199254740992 ]"},
}

var inspectCases = []inspectCase{
	{"colors primitives", "[1, 'a', null, undefined, true, Symbol('s'), 2n, {k: /r/}, new Date(0)]", InspectOptions{Colors: true},
		"[\n  \x1b[33m1\x1b[39m,\n  \x1b[32m'a'\x1b[39m,\n  \x1b[1mnull\x1b[22m,\n  \x1b[90mundefined\x1b[39m,\n  \x1b[33mtrue\x1b[39m,\n  \x1b[32mSymbol(s)\x1b[39m,\n  \x1b[33m2n\x1b[39m,\n  { k: \x1b[31m/r/\x1b[39m },\n  \x1b[35m1970-01-01T00:00:00.000Z\x1b[39m\n]"},
	{"colors nested", "({a: [1, 'x'], f() {}, m: new Map([['k', null]]), c: (() => { const o = {}; o.o = o; return o })()})", InspectOptions{Colors: true},
		"{\n  a: [ \x1b[33m1\x1b[39m, \x1b[32m'x'\x1b[39m ],\n  f: \x1b[36m[Function: f]\x1b[39m,\n  m: Map(1) { \x1b[32m'k'\x1b[39m => \x1b[1mnull\x1b[22m },\n  c: \x1b[36m<ref *1>\x1b[39m { o: \x1b[36m[Circular *1]\x1b[39m }\n}"},
	{"colors grouping", "Array.from({length: 12}, (_, i) => i * 7)", InspectOptions{Colors: true},
		"[\n   \x1b[33m0\x1b[39m,  \x1b[33m7\x1b[39m, \x1b[33m14\x1b[39m, \x1b[33m21\x1b[39m, \x1b[33m28\x1b[39m,\n  \x1b[33m35\x1b[39m, \x1b[33m42\x1b[39m, \x1b[33m49\x1b[39m, \x1b[33m56\x1b[39m, \x1b[33m63\x1b[39m,\n  \x1b[33m70\x1b[39m, \x1b[33m77\x1b[39m\n]"},
	{"depth 1", "({a: {b: {c: 1}}, c: [[1]]})", InspectOptions{Depth: 1},
		"{ a: { b: [Object] }, c: [ [Array] ] }"},
	{"depth unlimited", "({a: {b: {c: {d: {e: {f: 1}}}}}})", InspectOptions{Depth: -1},
		`{
  a: {
    b: {
      c: { d: { e: { f: 1 } } }
    }
  }
}`},
	{"depth 5", "({a: {b: {c: {d: {e: {f: {g: 1}}}}}}})", InspectOptions{Depth: 5},
		`{
  a: {
    b: {
      c: { d: { e: { f: [Object] } } }
    }
  }
}`},
	{"breakLength 40", "({alpha: 1, beta: 'two', gamma: [1, 2, 3], delta: {e: 1}})", InspectOptions{BreakLength: 40},
		`{
  alpha: 1,
  beta: 'two',
  gamma: [ 1, 2, 3 ],
  delta: { e: 1 }
}`},
	{"breakLength Infinity-ish", "({alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccccc'})", InspectOptions{BreakLength: 1000},
		"{ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccccc' }"},
	{"top string quoted", "'it\\'s a string'", InspectOptions{},
		"\"it's a string\""},
	{"long string split", "'first line here\\nsecond line here\\nthird line that is a bit longer than the rest of them'", InspectOptions{},
		`'first line here\n' +
  'second line here\n' +
  'third line that is a bit longer than the rest of them'`},
}

const consoleScript = `console.table([{a: 1, b: 'x'}, {a: 2, c: true}]);
console.table([[1, 2], [3, 4, 5]]);
console.table({r1: {c1: 1}, r2: {c2: [1, 2, 3, 4]}});
console.table([1, 'two', {three: 3}]);
console.table(new Map([['k', {v: 1}], ['k2', 2]]));
console.table(new Set(['a', 'b']));
console.table([{a: 1, b: 2}, {a: 3, b: 4}], ['b']);
console.table('not tabular');
console.table([{name: '中文', v: 1}]);
console.group('G1');
console.log('inside\nmultiline');
console.group();
console.info({a: 1, b: [1, 2]});
console.groupEnd();
console.groupCollapsed('G2');
console.debug('deep');
console.groupEnd();
console.groupEnd();
console.log('out');
console.count();
console.count();
console.count('x');
console.countReset();
console.count();
console.dir({a: {b: {c: {d: 1}}}}, {depth: 0});
console.dir('str');
console.dir({[Symbol.for('nodejs.util.inspect.custom')]() { return 'custom' }, z: 1});
console.error('err %d', 5);
console.warn({w: 1});
console.assert(true, 'no');
console.assert(false, 'bad %s', 'thing');
console.assert(false);
console.assert(0, {o: 1});
`

const consoleWantStdout = `┌─────────┬───┬─────┬──────┐
│ (index) │ a │ b   │ c    │
├─────────┼───┼─────┼──────┤
│ 0       │ 1 │ 'x' │      │
│ 1       │ 2 │     │ true │
└─────────┴───┴─────┴──────┘
┌─────────┬───┬───┬───┐
│ (index) │ 0 │ 1 │ 2 │
├─────────┼───┼───┼───┤
│ 0       │ 1 │ 2 │   │
│ 1       │ 3 │ 4 │ 5 │
└─────────┴───┴───┴───┘
┌─────────┬────┬──────────────────────────────┐
│ (index) │ c1 │ c2                           │
├─────────┼────┼──────────────────────────────┤
│ r1      │ 1  │                              │
│ r2      │    │ [ 1, 2, 3, ... 1 more item ] │
└─────────┴────┴──────────────────────────────┘
┌─────────┬───────┬────────┐
│ (index) │ three │ Values │
├─────────┼───────┼────────┤
│ 0       │       │ 1      │
│ 1       │       │ 'two'  │
│ 2       │ 3     │        │
└─────────┴───────┴────────┘
┌───────────────────┬──────┬──────────┐
│ (iteration index) │ Key  │ Values   │
├───────────────────┼──────┼──────────┤
│ 0                 │ 'k'  │ { v: 1 } │
│ 1                 │ 'k2' │ 2        │
└───────────────────┴──────┴──────────┘
┌───────────────────┬────────┐
│ (iteration index) │ Values │
├───────────────────┼────────┤
│ 0                 │ 'a'    │
│ 1                 │ 'b'    │
└───────────────────┴────────┘
┌─────────┬───┐
│ (index) │ b │
├─────────┼───┤
│ 0       │ 2 │
│ 1       │ 4 │
└─────────┴───┘
not tabular
┌─────────┬────────┬───┐
│ (index) │ name   │ v │
├─────────┼────────┼───┤
│ 0       │ '中文' │ 1 │
└─────────┴────────┴───┘
G1
  inside
  multiline
    { a: 1, b: [ 1, 2 ] }
  G2
    deep
out
default: 1
default: 2
x: 1
default: 1
{ a: [Object] }
'str'
{
  z: 1,
  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]
}
`

const consoleWantStderr = `err 5
{ w: 1 }
Assertion failed: bad thing
Assertion failed
Assertion failed: [object Object]
`
