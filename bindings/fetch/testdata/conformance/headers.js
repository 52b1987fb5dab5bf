// Headers conformance: our own cases after web-platform-tests
// fetch/api/headers (headers-basic, header-setcookie, headers-errors,
// headers-normalize, headers-casing, headers-structure).
const { test, assert_equals, assert_true, assert_false, assert_array_equals, assert_throws_js, done } = require("./harness.js");

test(() => { new Headers(); new Headers(undefined); new Headers({}); new Headers([]); }, "empty inits");
for (const bad of [null, 1, "str", true]) test(() => assert_throws_js(TypeError, () => new Headers(bad)), `init ${bad} throws`);

const dict = { a: "1", B: "2", c: null, d: undefined, e: 7, "Content-Type": "text/x" };
test(() => {
  const h = new Headers(Object.entries(dict));
  for (const k in dict) assert_equals(h.get(k), String(dict[k]), k);
  assert_equals(h.get("length"), null, "a sequence is not a record");
}, "sequence init");
test(() => { const h = new Headers(dict); for (const k in dict) assert_equals(h.get(k), String(dict[k]), k); }, "record init");
test(() => { const h = new Headers(new Headers(dict)); for (const k in dict) assert_equals(h.get(k), String(dict[k]), k); }, "Headers init");
test(() => {
  const h = new Headers();
  h[Symbol.iterator] = function* () { yield ["x", "y"]; };
  assert_equals(new Headers(h).get("x"), "y");
}, "Headers with a custom iterator is used as a sequence");
test(() => {
  assert_throws_js(TypeError, () => new Headers([["a", "b", "c"]]));
  assert_throws_js(TypeError, () => new Headers([["a"]]));
  assert_throws_js(TypeError, () => new Headers(["ab"]));
  assert_throws_js(TypeError, () => new Headers([["inv\u0100", "v"]]));
  assert_throws_js(TypeError, () => new Headers([["n", "inv\u0100"]]));
}, "bad sequences throw");
test(() => {
  const h = new Headers();
  for (const fn of [() => h.get("a b"), () => h.has("\u0100"), () => h.delete("("), () => h.set("x:", "v"), () => h.append("", "v"),
    () => h.set("n", "a\nb"), () => h.append("n", "a\rb"), () => h.append("n", "a\0b"), () => h.append("n", "\u0100")]) {
    assert_throws_js(TypeError, fn);
  }
}, "invalid names and values throw");
test(() => {
  const h = new Headers();
  assert_throws_js(TypeError, () => h.append("a"));
  assert_throws_js(TypeError, () => h.get());
  assert_throws_js(TypeError, () => h.set("a"));
}, "missing arguments throw");
test(() => {
  const h = new Headers();
  h.append("X", "  \t padded \r\n ");
  assert_equals(h.get("x"), "padded");
  h.set("y", "\n\tinner  space\t ");
  assert_equals(h.get("y"), "inner  space");
  h.append("z", "");
  assert_equals(h.get("z"), "");
}, "values are normalized (leading and trailing whitespace)");
test(() => {
  const h = new Headers({ "X-Foo": "a" });
  assert_true(h.has("x-foo")); assert_true(h.has("X-FOO"));
  h.append("x-FOO", "b");
  assert_equals(h.get("X-foo"), "a, b");
  h.set("X-FOO", "c");
  assert_equals(h.get("x-foo"), "c");
  h.delete("X-Foo");
  assert_false(h.has("x-foo"));
  assert_equals(h.get("x-foo"), null);
}, "names are case-insensitive");
test(() => {
  const h = new Headers({ name1: "value1", Name2: "value2", name: "value3", "content-Type": "value4", "Content-Typ": "value5", "Content-Types": "value6" });
  assert_array_equals([...h.keys()], ["content-typ", "content-type", "content-types", "name", "name1", "name2"]);
  assert_array_equals([...h.values()], ["value5", "value4", "value6", "value3", "value1", "value2"]);
  assert_array_equals([...h], [["content-typ", "value5"], ["content-type", "value4"], ["content-types", "value6"], ["name", "value3"], ["name1", "value1"], ["name2", "value2"]]);
}, "iteration is sorted by lower-cased name");
test(() => {
  const it = new Headers({ a: "1" }).entries();
  const proto = Object.getPrototypeOf(it);
  assert_equals(Object.getPrototypeOf(proto), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  const d = Object.getOwnPropertyDescriptor(proto, "next");
  assert_true(d.enumerable && d.writable && d.configurable);
  assert_equals(Object.prototype.toString.call(it), "[object Headers Iterator]");
  assert_equals(it.next().value[0], "a");
  assert_true(it.next().done);
  assert_true(it.next().done);
}, "iterator objects");
test(() => {
  const h = new Headers({ b: "2", a: "1" });
  const seen = [];
  h.forEach(function (v, k, container) { assert_equals(container, h); assert_equals(this, seen); seen.push(k + "=" + v); }, seen);
  assert_array_equals(seen, ["a=1", "b=2"]);
  assert_throws_js(TypeError, () => h.forEach());
}, "forEach");
test(() => {
  const h = new Headers({ foo: "2", baz: "1", BAR: "0" });
  const keys = [];
  for (const [k] of h) { keys.push(k); h.delete("foo"); }
  assert_array_equals(keys, ["bar", "baz"]);
}, "iteration skips entries deleted while iterating");
test(() => {
  const h = new Headers({ foo: "2", baz: "1", BAR: "0", quux: "3" });
  const keys = [];
  for (const [k] of h) { keys.push(k); if (k === "baz") h.append("X-yZ", "4"); }
  assert_array_equals(keys, ["bar", "baz", "foo", "quux", "x-yz"]);
}, "iteration reaches entries appended while iterating");
test(() => {
  const h = new Headers({ foo: "2", baz: "1", BAR: "0", quux: "3" });
  const keys = [];
  for (const [k] of h) { keys.push(k); if (k === "baz") h.append("abc", "-1"); }
  assert_array_equals(keys, ["bar", "baz", "baz", "foo", "quux"]);
}, "an entry inserted before the position shifts iteration");
// set-cookie
const cookies = [["set-cookie", "foo=bar"], ["Set-Cookie", "fizz=buzz; domain=example.com"]];
test(() => assert_equals(new Headers(cookies).get("set-cookie"), "foo=bar, fizz=buzz; domain=example.com"), "get combines set-cookie");
test(() => assert_array_equals([...new Headers(cookies)], [["set-cookie", "foo=bar"], ["set-cookie", "fizz=buzz; domain=example.com"]]), "iteration keeps set-cookie apart");
test(() => assert_array_equals([...new Headers([["set-cookie2", "a"], ["Set-Cookie2", "b"]])], [["set-cookie2", "a, b"]]), "set-cookie2 is not special");
test(() => {
  const h = new Headers([["xylophone-header", "1"], ["best-header", "2"], ["set-cookie", "3"], ["a-cool-header", "4"], ["set-cookie", "5"], ["a-cool-header", "6"], ["best-header", "7"]]);
  assert_array_equals([...h], [["a-cool-header", "4, 6"], ["best-header", "2, 7"], ["set-cookie", "3"], ["set-cookie", "5"], ["xylophone-header", "1"]]);
}, "per-name order is kept, names are sorted");
test(() => {
  const h = new Headers([["fizz", "buzz"], ["X-Header", "test"]]);
  const it = h[Symbol.iterator]();
  assert_array_equals(it.next().value, ["fizz", "buzz"]);
  h.append("Set-Cookie", "a=b");
  assert_array_equals(it.next().value, ["set-cookie", "a=b"]);
  h.append("Accept", "text/html");
  assert_array_equals(it.next().value, ["set-cookie", "a=b"]);
  assert_array_equals(it.next().value, ["x-header", "test"]);
  h.append("set-cookie", "c=d");
  assert_array_equals(it.next().value, ["x-header", "test"]);
  assert_true(it.next().done);
}, "iterator follows set-cookie changes");
test(() => { const h = new Headers(cookies); h.set("set-cookie", "x=y"); assert_array_equals([...h], [["set-cookie", "x=y"]]); }, "set replaces every set-cookie");
test(() => { const h = new Headers(cookies); h.delete("SET-cookie"); assert_array_equals([...h], []); }, "delete removes every set-cookie");
test(() => {
  assert_array_equals(new Headers().getSetCookie(), []);
  assert_array_equals(new Headers([["set-cookie", ""]]).getSetCookie(), [""]);
  assert_array_equals(new Headers([["set-cookie", "x"], ["set-cookie", "x"]]).getSetCookie(), ["x", "x"]);
  assert_array_equals(new Headers([["set-cookie2", "x"], ["set-cookie", "y"]]).getSetCookie(), ["y"]);
  assert_array_equals(new Headers([["set-cookie", "z=z"], ["set-cookie", "a=a"]]).getSetCookie(), ["z=z", "a=a"]);
}, "getSetCookie");
test(() => {
  for (const m of ["append", "delete", "get", "has", "set", "forEach", "entries", "keys", "values", "getSetCookie"]) {
    assert_equals(typeof Headers.prototype[m], "function", m);
    assert_true(Object.getOwnPropertyDescriptor(Headers.prototype, m).enumerable, m + " enumerable");
  }
  assert_equals(Headers.prototype[Symbol.iterator], Headers.prototype.entries);
  assert_equals(Object.prototype.toString.call(new Headers()), "[object Headers]");
  assert_equals(Headers.length, 0);
  assert_throws_js(TypeError, () => Headers());
}, "interface structure");
test(() => {
  const h = Response.error().headers;
  assert_throws_js(TypeError, () => h.append("a", "b"));
  assert_throws_js(TypeError, () => h.set("a", "b"));
  assert_throws_js(TypeError, () => h.delete("a"));
  assert_equals(h.get("a"), null);
}, "immutable headers");
test(() => {
  const rec = {};
  Object.defineProperty(rec, "hidden", { value: "x", enumerable: false });
  rec.shown = "y";
  const h = new Headers(rec);
  assert_false(h.has("hidden"));
  assert_equals(h.get("shown"), "y");
}, "records only use enumerable own properties");
test(() => {
  const h = new Headers();
  h.append("a", "\u00ff\u0080");
  assert_equals(h.get("a"), "\u00ff\u0080");
}, "latin-1 values are byte strings");

await done("headers");

// Output:
// headers: 32 passed, 0 failed
