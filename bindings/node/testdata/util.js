// util: the same calls under arun and node.
const util = require("util");
console.log(require("node:util") === util, require("util/types") === util.types, util.TextEncoder === TextEncoder);
console.log(util.format("%s:%d:%i:%f:%j:%o:%O:%%:%c", "a", 42.5, 42.5, "1.5", { a: 1 }, [1], { b: { c: {} } }, "css"), util.format("x", 1, "y", { z: 2 }));
console.log(util.format("%s", { a: { b: { c: 1 } } }), util.format("%d", "0x10"), util.format("%s %s", "only"), util.format(1, 2), util.format());
console.log(util.formatWithOptions({ compact: false }, "v=%O", { a: 1, b: [1, 2] }), util.formatWithOptions({ colors: true }, 1, "s"));
const obj = { b: 2, a: [1, 2, { deep: { deeper: { deepest: 1 } } }], s: "str", m: new Map([[1, { x: 1 }]]), set: new Set([3]), f() {}, d: new Date(0), r: /x/g, n: null, u: undefined, sym: Symbol("s"), big: 10n };
console.log(util.inspect(obj));
console.log(util.inspect(obj, { depth: 0 }), util.inspect(obj, { depth: null, breakLength: Infinity }));
console.log(util.inspect(obj, { compact: false, sorted: true }));
console.log(util.inspect({ b: 1, a: 2, c: 3 }, { sorted: (x, y) => (x < y ? 1 : -1) }), util.inspect("str"), util.inspect([1, 2, 3], { maxArrayLength: 2 }), util.inspect("x".repeat(20), { maxStringLength: 5 }));
console.log(util.inspect(obj, false, 0, false), util.inspect({ a: 1 }, { colors: true }), util.inspect(new Error("boom")).split("\n")[0]);
const circ = { name: "c" }; circ.self = circ;
console.log(util.inspect(circ), util.inspect({ [util.inspect.custom](depth, opts, inspect) { return `custom(${depth},${typeof opts.stylize},${inspect === util.inspect})`; } }));
console.log(util.inspect(Object.create(null)), util.inspect(new (class Foo { constructor() { this.x = 1; } })()), util.inspect(Buffer.from("ab")), util.inspect([Buffer.from("x")]));
console.log(util.inspect.custom === Symbol.for("nodejs.util.inspect.custom"), util.promisify.custom === Symbol.for("nodejs.util.promisify.custom"), util.inspect.defaultOptions.depth);
const t = util.types;
const checks = [
  ["isDate", new Date()], ["isRegExp", /x/], ["isMap", new Map()], ["isSet", new Set()], ["isWeakMap", new WeakMap()], ["isPromise", Promise.resolve()],
  ["isTypedArray", new Uint8Array()], ["isUint8Array", Buffer.alloc(1)], ["isFloat64Array", new Float64Array()], ["isArrayBuffer", new ArrayBuffer(1)],
  ["isDataView", new DataView(new ArrayBuffer(1))], ["isNativeError", new TypeError()], ["isBoxedPrimitive", new Number(1)], ["isNumberObject", Object(1)],
  ["isStringObject", new String("")], ["isAsyncFunction", async () => {}], ["isGeneratorFunction", function* () {}], ["isProxy", new Proxy({}, {})],
  ["isMapIterator", new Map().keys()], ["isSetIterator", new Set().values()], ["isArgumentsObject", (function () { return arguments; })()],
  ["isGeneratorObject", (function* () {})()], ["isArrayBufferView", Buffer.alloc(1)], ["isAnyArrayBuffer", new ArrayBuffer(0)],
];
console.log(checks.map(([f, v]) => `${f}:${t[f](v)}:${t[f]({})}`).join(" "));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ["1"]), util.isDeepStrictEqual(new Set([1]), new Set([1])), util.isDeepStrictEqual(NaN, NaN));
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return `${this.name} speaks`; };
function Dog(name) { Animal.call(this, name); }
util.inherits(Dog, Animal);
console.log(new Dog("rex").speak(), Dog.super_ === Animal, new Dog("d") instanceof Animal);
try { util.inherits(Dog, null); } catch (e) { console.log(e.code, e.message); }
console.log(util.styleText(["bold", "red"], "x", { validateStream: false }) === "\u001b[1m\u001b[31mx\u001b[39m\u001b[22m", util.styleText("green", "y", { validateStream: false }));
try { util.styleText("nope", "x"); } catch (e) { console.log(e.code, e.message.slice(0, 60)); }
console.log(util.stripVTControlCharacters("\u001b[31mred\u001b[39m"), util.toUSVString("a\ud800b"), util.isArray([]), util.isPrimitive(1), util.isFunction(() => {}));
const { parseArgs } = util;
for (const [args, options, extra] of [
  [["-f", "--bar", "b"], { foo: { type: "boolean", short: "f" }, bar: { type: "string" } }],
  [["--nope"], {}], [["--nope"], {}, { allowPositionals: true }], [["--bar"], { bar: { type: "string" } }], [["pos"], {}],
  [["--bar=1", "--bar", "2"], { bar: { type: "string", multiple: true } }],
  [["-abc"], { a: { type: "boolean", short: "a" }, b: { type: "boolean", short: "b" }, c: { type: "string", short: "c" } }],
  [["-abcval"], { a: { type: "boolean", short: "a" }, b: { type: "boolean", short: "b" }, c: { type: "string", short: "c" } }],
  [["--no-x"], { x: { type: "boolean" } }, { allowNegative: true }], [["--x=1"], { x: { type: "boolean" } }],
  [["-f", "x", "--", "--y"], { f: { type: "boolean", short: "f" } }, { allowPositionals: true, tokens: true }],
  [[], { d: { type: "string", default: "dflt" }, m: { type: "string", multiple: true, default: ["a"] } }],
  [["--u", "v"], {}, { strict: false }],
]) {
  try { console.log(JSON.stringify(parseArgs({ args, options, ...extra }))); } catch (e) { console.log(e.code, e.message); }
}
const cb = util.promisify((a, b, done) => setTimeout(() => (a < 0 ? done(new Error("neg")) : done(null, a + b)), 1));
const sleep = util.promisify(setTimeout);
(async () => {
  console.log(await cb(1, 2), await cb(-1, 0).catch((e) => e.message), await sleep(1, "slept"), cb.length, cb.name);
  const custom = function () {}; custom[util.promisify.custom] = () => Promise.resolve("custom!");
  console.log(await util.promisify(custom)(), util.promisify(custom) === custom[util.promisify.custom]);
  await new Promise((res) => util.callbackify(async (x) => x * 2)(21, (err, v) => { console.log("cb", err, v); res(); }));
  await new Promise((res) => util.callbackify(async () => { throw null; })((err) => { console.log("cb", err.code, err.message, err.reason); res(); }));
  await new Promise((res) => util.callbackify(() => Promise.reject(new Error("r")))((err) => { console.log("cb", err.message); res(); }));
  const dep = util.deprecate(() => "called", "old() is deprecated", "DEP_X");
  console.log(dep(), dep());
})();

// Output:
// true true true
// a:42.5:42:1.5:{"a":1}:[ 1, [length]: 1 ]:{ b: { c: {} } }:%: x 1 y { z: 2 }
// { a: [Object] } 16 only %s 1 2 
// v={
//   a: 1,
//   b: [
//     1,
//     2
//   ]
// } [33m1[39m s
// {
//   b: 2,
//   a: [ 1, 2, { deep: [Object] } ],
//   s: 'str',
//   m: Map(1) { 1 => { x: 1 } },
//   set: Set(1) { 3 },
//   f: [Function: f],
//   d: 1970-01-01T00:00:00.000Z,
//   r: /x/g,
//   n: null,
//   u: undefined,
//   sym: Symbol(s),
//   big: 10n
// }
// {
//   b: 2,
//   a: [Array],
//   s: 'str',
//   m: [Map],
//   set: [Set],
//   f: [Function: f],
//   d: 1970-01-01T00:00:00.000Z,
//   r: /x/g,
//   n: null,
//   u: undefined,
//   sym: Symbol(s),
//   big: 10n
// } {
//   b: 2,
//   a: [
//     1,
//     2,
//     { deep: { deeper: { deepest: 1 } } }
//   ],
//   s: 'str',
//   m: Map(1) { 1 => { x: 1 } },
//   set: Set(1) { 3 },
//   f: [Function: f],
//   d: 1970-01-01T00:00:00.000Z,
//   r: /x/g,
//   n: null,
//   u: undefined,
//   sym: Symbol(s),
//   big: 10n
// }
// {
//   a: [
//     1,
//     2,
//     {
//       deep: [Object]
//     }
//   ],
//   b: 2,
//   big: 10n,
//   d: 1970-01-01T00:00:00.000Z,
//   f: [Function: f],
//   m: Map(1) {
//     1 => {
//       x: 1
//     }
//   },
//   n: null,
//   r: /x/g,
//   s: 'str',
//   set: Set(1) {
//     3
//   },
//   sym: Symbol(s),
//   u: undefined
// }
// { c: 3, b: 1, a: 2 } 'str' [ 1, 2, ... 1 more item ] 'xxxxx'... 15 more characters
// {
//   b: 2,
//   a: [Array],
//   s: 'str',
//   m: [Map],
//   set: [Set],
//   f: [Function: f],
//   d: 1970-01-01T00:00:00.000Z,
//   r: /x/g,
//   n: null,
//   u: undefined,
//   sym: Symbol(s),
//   big: 10n
// } { a: [33m1[39m } Error: boom
// <ref *1> { name: 'c', self: [Circular *1] } custom(2,function,true)
// [Object: null prototype] {} Foo { x: 1 } <Buffer 61 62> [ <Buffer 78> ]
// true true 2
// isDate:true:false isRegExp:true:false isMap:true:false isSet:true:false isWeakMap:true:false isPromise:true:false isTypedArray:true:false isUint8Array:true:false isFloat64Array:true:false isArrayBuffer:true:false isDataView:true:false isNativeError:true:false isBoxedPrimitive:true:false isNumberObject:true:false isStringObject:true:false isAsyncFunction:true:false isGeneratorFunction:true:false isProxy:true:false isMapIterator:true:false isSetIterator:true:false isArgumentsObject:true:false isGeneratorObject:true:false isArrayBufferView:true:false isAnyArrayBuffer:true:false
// true false true true
// rex speaks true true
// ERR_INVALID_ARG_TYPE The "superCtor" argument must be of type function. Received null
// true [32my[39m
// ERR_INVALID_ARG_VALUE The argument 'format' must be one of: 'reset', 'bold', 'dim'
// red a�b true true true
// {"values":{"foo":true,"bar":"b"},"positionals":[]}
// ERR_PARSE_ARGS_UNKNOWN_OPTION Unknown option '--nope'
// ERR_PARSE_ARGS_UNKNOWN_OPTION Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--nope"
// ERR_PARSE_ARGS_INVALID_OPTION_VALUE Option '--bar <value>' argument missing
// ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL Unexpected argument 'pos'. This command does not take positional arguments
// {"values":{"bar":["1","2"]},"positionals":[]}
// ERR_PARSE_ARGS_INVALID_OPTION_VALUE Option '-c, --c <value>' argument missing
// {"values":{"a":true,"b":true,"c":"val"},"positionals":[]}
// {"values":{"x":false},"positionals":[]}
// ERR_PARSE_ARGS_INVALID_OPTION_VALUE Option '--x' does not take an argument
// {"values":{"f":true},"positionals":["x","--y"],"tokens":[{"kind":"option","name":"f","rawName":"-f","index":0},{"kind":"positional","index":1,"value":"x"},{"kind":"option-terminator","index":2},{"kind":"positional","index":3,"value":"--y"}]}
// {"values":{"d":"dflt","m":["a"]},"positionals":[]}
// {"values":{"u":true},"positionals":["v"]}
// 3 neg slept 3 
// custom! true
// cb null 42
// cb ERR_FALSY_VALUE_REJECTION Promise was rejected with falsy value null
// cb r
// called called
