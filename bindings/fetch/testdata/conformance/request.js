// Request conformance: our own cases after web-platform-tests
// fetch/api/request (request-structure, request-error, request-init-*,
// request-consume, request-consume-empty, request-disturbed, request-clone,
// request-init-stream, request-constructor-init-body-override).
const { test, promise_test, assert_equals, assert_true, assert_false, assert_throws_js, promise_rejects_js, done } = require("./harness.js");
const URL0 = "http://example.test/path?q#frag";

test(() => {
  const r = new Request(URL0);
  assert_equals(r.method, "GET"); assert_equals(r.url, URL0); assert_equals(r.destination, "");
  assert_equals(r.referrer, "about:client"); assert_equals(r.referrerPolicy, ""); assert_equals(r.mode, "cors");
  assert_equals(r.credentials, "same-origin"); assert_equals(r.cache, "default"); assert_equals(r.redirect, "follow");
  assert_equals(r.integrity, ""); assert_equals(r.keepalive, false); assert_equals(r.isReloadNavigation, false);
  assert_equals(r.isHistoryNavigation, false); assert_equals(r.duplex, "half"); assert_equals(r.body, null);
  assert_equals(r.bodyUsed, false); assert_true(r.headers instanceof Headers);
  assert_true(r.signal instanceof AbortSignal); assert_false(r.signal.aborted);
}, "default attributes");
test(() => {
  for (const a of ["method", "url", "headers", "destination", "referrer", "referrerPolicy", "mode", "credentials", "cache",
    "redirect", "integrity", "keepalive", "signal", "body", "bodyUsed", "duplex"]) {
    const d = Object.getOwnPropertyDescriptor(Request.prototype, a);
    assert_true(d !== undefined && typeof d.get === "function" && d.set === undefined && d.enumerable, a);
  }
  for (const m of ["clone", "arrayBuffer", "blob", "bytes", "formData", "json", "text"]) assert_equals(typeof Request.prototype[m], "function", m);
  assert_equals(Object.prototype.toString.call(new Request(URL0)), "[object Request]");
  assert_equals(Request.length, 1);
  assert_throws_js(TypeError, () => Request(URL0));
  assert_throws_js(TypeError, () => new Request());
}, "interface structure");
const bad = [
  ["http://:not a valid URL"], ["http://user:pass@test.url"], ["relative/url"],
  [URL0, { window: "http://test.url" }], [URL0, { mode: "navigate" }], [URL0, { referrer: "http://:not a valid URL" }],
  [URL0, { method: "IN VALID" }], [URL0, { method: "TRACE" }], [URL0, { method: "connect" }], [URL0, { method: "track" }],
  [URL0, { mode: "no-cors", method: "PUT" }], [URL0, { mode: "cors", cache: "only-if-cached" }],
  [URL0, { cache: "only-if-cached", mode: "no-cors" }], [URL0, { method: "\u0100" }],
  [URL0, { method: "GET", body: "x" }], [URL0, { method: "HEAD", body: "x" }], [URL0, { signal: {} }],
  [URL0, { headers: [["a"]] }], [URL0, { body: "x", method: "POST", duplex: "full" }], [URL0, 1],
  ...["referrerPolicy", "mode", "credentials", "cache", "redirect"].map((k) => [URL0, { [k]: "BAD" }]),
];
for (const args of bad) test(() => assert_throws_js(TypeError, () => new Request(...args)), `bad args ${JSON.stringify(args)}`);
test(() => { new Request(URL0, { cache: "only-if-cached", mode: "same-origin" }); }, "only-if-cached with same-origin");
test(() => {
  for (const [m, want] of [["get", "GET"], ["post", "POST"], ["delete", "DELETE"], ["head", "HEAD"], ["options", "OPTIONS"], ["put", "PUT"], ["patch", "patch"], ["PaTcH", "PaTcH"], ["custom", "custom"]]) {
    assert_equals(new Request(URL0, { method: m }).method, want, m);
  }
}, "method normalization");
test(() => {
  const init = new Request(URL0, { headers: [["Content-Type", "potato"]] });
  assert_equals(new Request(init).headers.get("content-type"), "potato");
  assert_false(new Request(init, { headers: new Headers([]) }).headers.has("content-type"));
}, "headers come from the input request unless init has some");
test(() => {
  const a = new Request(URL0, { headers: [["Content-Type-Extra", "potato"]], body: "plate", method: "POST" });
  assert_equals(new Request(a).headers.get("content-type"), "text/plain;charset=UTF-8");
  const b = new Request(URL0, { headers: [["Content-Type", "potato"]], body: "plate", method: "POST" });
  assert_equals(new Request(b).headers.get("content-type"), "potato");
}, "content-type from the body unless given");
test(() => {
  const types = [
    ["text", "text/plain;charset=UTF-8"], [new URLSearchParams("a=b"), "application/x-www-form-urlencoded;charset=UTF-8"],
    [new Blob(["x"], { type: "image/png" }), "image/png"], [new Blob(["x"]), null], [new Uint8Array(2), null], [new ArrayBuffer(2), null],
  ];
  for (const [body, ct] of types) assert_equals(new Request(URL0, { method: "POST", body }).headers.get("content-type"), ct, String(body));
  assert_true(new Request(URL0, { method: "POST", body: new FormData() }).headers.get("content-type").startsWith("multipart/form-data; boundary="));
}, "content types of body kinds");
test(() => {
  const r = new Request(URL0, { method: "POST", body: "abc", headers: { a: "1" }, redirect: "manual", referrer: "", mode: "same-origin", credentials: "omit", cache: "no-store", integrity: "sha256-x", keepalive: true });
  const r2 = new Request(r);
  for (const k of ["method", "url", "redirect", "referrer", "mode", "credentials", "cache", "integrity", "keepalive"]) assert_equals(r2[k], r[k], k);
  assert_equals(r2.headers.get("a"), "1");
  assert_true(r.bodyUsed, "the input's body moved");
  assert_throws_js(TypeError, () => new Request(r));
}, "copying a request moves its body");
test(() => {
  const r = new Request(URL0, { method: "POST", body: "abc" });
  const r2 = new Request(r, { body: "override" });
  assert_false(r.bodyUsed, "init body leaves the input alone");
  assert_equals(r2.method, "POST");
}, "init body overrides the input body");
test(() => {
  const r = new Request(URL0, { referrer: "http://example.test/ref" });
  assert_equals(r.referrer, "http://example.test/ref");
  assert_equals(new Request(URL0, { referrer: "" }).referrer, "");
  assert_equals(new Request(URL0, { referrer: "about:client" }).referrer, "about:client");
}, "referrer");
test(() => {
  const ac = new AbortController();
  const r = new Request(URL0, { signal: ac.signal });
  ac.abort();
  assert_true(r.signal.aborted);
  new Request(URL0, { signal: null });
}, "signal");
promise_test(async () => {
  const ac = new AbortController();
  const r = new Request(URL0, { signal: ac.signal });
  const c = r.clone();
  ac.abort("why");
  assert_true(c.signal.aborted);
  assert_equals(c.signal.reason, "why");
}, "clone follows the signal");
const bodies = [
  ["string", "héllo", "héllo"], ["Uint8Array", new Uint8Array([104, 105]), "hi"], ["ArrayBuffer", new Uint8Array([104, 105]).buffer, "hi"],
  ["DataView", new DataView(new Uint8Array([0, 104, 105]).buffer, 1), "hi"], ["Blob", new Blob(["b", "lob"]), "blob"],
  ["URLSearchParams", new URLSearchParams({ a: "1", b: "x y" }), "a=1&b=x+y"],
];
for (const [name, body, text] of bodies) {
  promise_test(async () => {
    const r = new Request(URL0, { method: "POST", body });
    assert_equals(await r.text(), text);
    assert_true(r.bodyUsed);
    await promise_rejects_js(TypeError, r.text());
  }, `consume ${name} body once`);
}
promise_test(async () => {
  const r = new Request(URL0, { method: "POST", body: '{"a":[1,2]}' });
  assert_equals(JSON.stringify(await r.json()), '{"a":[1,2]}');
  const b = await new Request(URL0, { method: "POST", body: "xyz", headers: { "content-type": "Text/X" } }).blob();
  assert_equals(b.type, "text/x"); assert_equals(b.size, 3);
  const ab = await new Request(URL0, { method: "POST", body: "xyz" }).arrayBuffer();
  assert_true(ab instanceof ArrayBuffer); assert_equals(ab.byteLength, 3);
  const u = await new Request(URL0, { method: "POST", body: "xyz" }).bytes();
  assert_true(u instanceof Uint8Array); assert_equals(u[2], 122);
}, "json, blob, arrayBuffer, bytes");
promise_test(async () => {
  await promise_rejects_js(SyntaxError, new Request(URL0, { method: "POST", body: "{bad" }).json());
  await promise_rejects_js(SyntaxError, new Request(URL0).json());
}, "bad JSON rejects with SyntaxError");
promise_test(async () => {
  const r = new Request(URL0);
  assert_equals(await r.text(), "");
  assert_false(r.bodyUsed, "a null body is never used");
  assert_equals((await new Request(URL0).arrayBuffer()).byteLength, 0);
  assert_equals((await new Request(URL0).blob()).size, 0);
  await promise_rejects_js(TypeError, new Request(URL0).formData());
  assert_equals((await new Request(URL0, { method: "POST", body: "" }).text()), "");
}, "empty bodies");
promise_test(async () => {
  const fd = new FormData();
  fd.append("name", "value");
  fd.append("file", new Blob(["content"], { type: "text/plain" }), "f.txt");
  const r = new Request(URL0, { method: "POST", body: fd });
  const back = await r.formData();
  assert_equals(back.get("name"), "value");
  assert_equals(back.get("file").name, "f.txt");
  assert_equals(await back.get("file").text(), "content");
  const u = await new Request(URL0, { method: "POST", body: new URLSearchParams("a=1&a=2&b=%20") }).formData();
  assert_equals(u.getAll("a").join(), "1,2"); assert_equals(u.get("b"), " ");
}, "formData round trips");
promise_test(async () => {
  const r = new Request(URL0, { method: "POST", body: "cloned" });
  const c = r.clone();
  assert_equals(await r.text(), "cloned");
  assert_equals(await c.text(), "cloned");
  assert_throws_js(TypeError, () => r.clone());
}, "clone");
promise_test(async () => {
  const r = new Request(URL0, { method: "POST", body: "streamed" });
  const reader = r.body.getReader();
  assert_true(r.body.locked);
  await promise_rejects_js(TypeError, r.text(), "locked");
  const chunk = await reader.read();
  assert_equals(new TextDecoder().decode(chunk.value), "streamed");
  assert_true(r.bodyUsed);
}, "a locked or read body is unusable");
promise_test(async () => {
  const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("from ")); c.enqueue(new TextEncoder().encode("stream")); c.close(); } });
  assert_throws_js(TypeError, () => new Request(URL0, { method: "POST", body: stream }), "duplex required");
  const r = new Request(URL0, { method: "POST", body: stream, duplex: "half" });
  assert_equals(r.body, stream);
  assert_equals(await r.text(), "from stream");
  const locked = new ReadableStream();
  locked.getReader();
  assert_throws_js(TypeError, () => new Request(URL0, { method: "POST", body: locked, duplex: "half" }));
  assert_throws_js(TypeError, () => new Request(URL0, { method: "POST", body: new ReadableStream(), duplex: "half", keepalive: true }));
}, "ReadableStream bodies");
promise_test(async () => {
  const r = new Request(URL0, { method: "POST", body: new ReadableStream({ start(c) { c.enqueue("not bytes"); c.close(); } }), duplex: "half" });
  await promise_rejects_js(TypeError, r.text());
}, "non-byte chunks reject");
promise_test(async () => {
  await promise_rejects_js(TypeError, Request.prototype.text.call({}));
}, "illegal invocation");

await done("request");

// Output:
// request: 52 passed, 0 failed
