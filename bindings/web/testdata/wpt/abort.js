// Our own cases modelled on WPT dom/abort (event.any.js, AbortSignal.any).
const { test, eq, ok, throws, run } = require("./harness.js");

test("abort() fires the event synchronously", () => {
  const c = new AbortController(), s = c.signal;
  let state = "begin";
  eq(s.aborted, false);
  s.addEventListener("abort", () => { eq(state, "begin"); state = "aborted"; });
  c.abort();
  eq(state, "aborted"); eq(s.aborted, true);
  c.abort();
});
test("controller.signal is always the same object", () => {
  const c = new AbortController(); const s = c.signal; c.abort(); eq(c.signal, s);
});
test("second abort() does nothing", () => {
  const c = new AbortController(); let n = 0;
  c.signal.onabort = () => n++;
  c.abort(); c.abort(); eq(n, 1);
});
test("handler added after abort is not called", () => {
  const c = new AbortController(); c.abort(); let called = false;
  c.signal.onabort = () => { called = true; }; eq(called, false);
});
test("abort event properties", () => {
  const c = new AbortController(); const s = c.signal; let seen;
  s.onabort = (e) => { seen = e; eq(e.type, "abort"); eq(e.target, s); eq(e.bubbles, false); eq(e.isTrusted, true); };
  c.abort(); ok(seen);
});
test("AbortSignal.abort() returns an aborted signal", () => { eq(AbortSignal.abort().aborted, true); });
test("default reason is an AbortError DOMException", () => {
  const c = new AbortController(); c.abort();
  ok(c.signal.reason instanceof DOMException); eq(c.signal.reason.name, "AbortError"); eq(c.signal.reason.code, 20);
});
test("custom reason", () => {
  const c = new AbortController(); c.abort("why"); eq(c.signal.reason, "why");
  eq(AbortSignal.abort(42).reason, 42);
});
test("throwIfAborted", () => {
  const c = new AbortController(); c.signal.throwIfAborted();
  c.abort("r"); try { c.signal.throwIfAborted(); throw 0; } catch (e) { eq(e, "r"); }
});
test("AbortController brand checks", () => {
  const get = Object.getOwnPropertyDescriptor(AbortController.prototype, "signal").get;
  for (const bad of [null, undefined, 0, "x", Object.create(AbortController.prototype)]) {
    throws(TypeError, () => get.call(bad)); throws(TypeError, () => AbortController.prototype.abort.call(bad));
  }
});
test("AbortSignal brand checks", () => {
  const get = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get;
  for (const bad of [null, undefined, 0, "x", Object.create(AbortSignal.prototype)]) throws(TypeError, () => get.call(bad));
});
test("AbortSignal is not constructible", () => { throws(TypeError, () => new AbortSignal()); });
test("any() with an empty list", () => { eq(AbortSignal.any([]).aborted, false); });
test("any() follows a single signal", () => {
  const c = new AbortController(); const s = AbortSignal.any([c.signal]);
  eq(s.aborted, false); ok("reason" in s); eq(s.reason, undefined); ok(s !== c.signal);
  let fired = false; s.onabort = (e) => { eq(e.target, s); fired = true; };
  c.abort("reason string"); ok(fired); eq(s.aborted, true); eq(s.reason, "reason string");
});
test("any() follows multiple signals", () => {
  for (let i = 0; i < 3; i++) {
    const cs = [0, 1, 2].map(() => new AbortController());
    const s = AbortSignal.any(cs.map((c) => c.signal));
    let fired = false; s.onabort = () => { fired = true; };
    cs[i].abort(); ok(fired); ok(s.reason instanceof DOMException); eq(s.reason.name, "AbortError");
  }
});
test("any() of aborted signals takes the first reason", () => {
  const cs = [0, 1, 2].map(() => new AbortController());
  cs[1].abort("reason 1"); cs[2].abort("reason 2");
  const s = AbortSignal.any(cs.map((c) => c.signal)); eq(s.aborted, true); eq(s.reason, "reason 1");
});
test("any() with the same signal twice", () => {
  const c = new AbortController(); const s = AbortSignal.any([c.signal, c.signal]);
  c.abort("r"); eq(s.reason, "r");
});
test("any() signals are composable", () => {
  for (let i = 0; i < 3; i++) {
    const cs = [0, 1, 2].map(() => new AbortController());
    const s1 = AbortSignal.any([cs[0].signal, cs[1].signal]);
    const s2 = AbortSignal.any([s1, cs[2].signal]);
    let fired = false; s2.onabort = () => { fired = true; };
    cs[i].abort(); ok(fired); eq(s2.aborted, true); eq(s2.reason.name, "AbortError");
  }
});
test("any() through intermediate signals", () => {
  const c = new AbortController();
  let s = AbortSignal.any([c.signal]); s = AbortSignal.any([s]); s = AbortSignal.any([s]);
  let fired = false; s.onabort = () => { fired = true; };
  c.abort("the reason"); ok(fired); eq(s.reason, "the reason");
});
test("any() abort events fire in order", () => {
  const c = new AbortController(); const sigs = [c.signal];
  sigs.push(AbortSignal.any([c.signal])); sigs.push(AbortSignal.any([c.signal]));
  sigs.push(AbortSignal.any([sigs[0]])); sigs.push(AbortSignal.any([sigs[1]]));
  let r = ""; sigs.forEach((s, i) => s.addEventListener("abort", () => { r += i; }));
  c.abort(); eq(r, "01234");
});
test("any() with a timeout signal", async () => {
  const c = new AbortController(); const s = AbortSignal.any([c.signal, AbortSignal.timeout(5)]);
  await new Promise((res) => { s.onabort = res; setTimeout(res, 50); });
  eq(s.aborted, true); eq(s.reason.name, "TimeoutError"); eq(s.reason.code, 23);
});
test("timeout() aborts with TimeoutError", async () => {
  const s = AbortSignal.timeout(10); eq(s.aborted, false);
  await new Promise((r) => setTimeout(r, 20));
  eq(s.aborted, true); ok(s.reason instanceof DOMException); eq(s.reason.name, "TimeoutError");
});
test("listener with signal option is removed on abort", () => {
  const et = new EventTarget(); const c = new AbortController(); let n = 0;
  et.addEventListener("x", () => n++, { signal: c.signal });
  et.dispatchEvent(new Event("x")); c.abort(); et.dispatchEvent(new Event("x")); eq(n, 1);
});
test("listener with an aborted signal is not added", () => {
  const et = new EventTarget(); let n = 0;
  et.addEventListener("x", () => n++, { signal: AbortSignal.abort() });
  et.dispatchEvent(new Event("x")); eq(n, 0);
});
run("dom/abort");
// Output:
// dom/abort: 24/24 passed
