// Response conformance: our own cases after web-platform-tests
// fetch/api/response (response-init-*, response-static-error, -json,
// -redirect, response-consume-empty, response-clone, json,
// response-consume-stream, response-error-from-stream).
const { test, promise_test, assert_equals, assert_true, assert_false, assert_array_equals, assert_throws_js, promise_rejects_js, done } = require("./harness.js");

test(() => {
  const r = new Response();
  assert_equals(r.type, "default"); assert_equals(r.url, ""); assert_false(r.redirected); assert_equals(r.status, 200);
  assert_true(r.ok); assert_equals(r.statusText, ""); assert_equals(r.body, null); assert_false(r.bodyUsed);
  assert_true(r.headers instanceof Headers);
}, "defaults");
test(() => {
  for (const a of ["type", "url", "redirected", "status", "ok", "statusText", "headers", "body", "bodyUsed"]) {
    const d = Object.getOwnPropertyDescriptor(Response.prototype, a);
    assert_true(d !== undefined && typeof d.get === "function" && d.enumerable, a);
  }
  for (const m of ["error", "redirect", "json"]) assert_equals(typeof Response[m], "function", m);
  assert_equals(Object.prototype.toString.call(new Response()), "[object Response]");
  assert_equals(Response.length, 0);
  assert_throws_js(TypeError, () => Response());
}, "interface structure");
test(() => {
  for (const st of [200, 201, 299, 300, 400, 599]) assert_equals(new Response(null, { status: st }).status, st);
  assert_false(new Response(null, { status: 300 }).ok);
  assert_true(new Response(null, { status: 299 }).ok);
  for (const st of [0, 100, 199, 600, 1000]) {
    try { new Response(null, { status: st }); throw new Error("no throw " + st); } catch (e) { assert_true(e instanceof RangeError, "RangeError " + st); }
  }
}, "status range");
test(() => {
  assert_equals(new Response(null, { statusText: "Fine" }).statusText, "Fine");
  assert_throws_js(TypeError, () => new Response(null, { statusText: "\n" }));
  assert_throws_js(TypeError, () => new Response(null, { statusText: "\u0100" }));
}, "statusText");
test(() => {
  for (const st of [204, 205, 304]) {
    assert_throws_js(TypeError, () => new Response("body", { status: st }), "status " + st);
    new Response(null, { status: st });
    new Response(undefined, { status: st });
  }
}, "null body statuses refuse a body");
test(() => {
  assert_equals(new Response("x").headers.get("content-type"), "text/plain;charset=UTF-8");
  assert_equals(new Response("x", { headers: { "Content-Type": "a/b" } }).headers.get("content-type"), "a/b");
  assert_equals(new Response(new Uint8Array(1)).headers.get("content-type"), null);
  assert_equals(new Response(new Blob([], { type: "x/y" })).headers.get("content-type"), "x/y");
  const r = new Response(null, { headers: [["a", "1"], ["A", "2"]] });
  assert_equals(r.headers.get("a"), "1, 2");
  r.headers.set("b", "mutable");
}, "headers and content-type");
test(() => {
  const r = Response.error();
  assert_equals(r.type, "error"); assert_equals(r.status, 0); assert_equals(r.statusText, ""); assert_false(r.ok);
  assert_equals(r.body, null);
  assert_throws_js(TypeError, () => r.headers.set("a", "b"));
}, "Response.error()");
test(() => {
  for (const st of [301, 302, 303, 307, 308]) {
    const r = Response.redirect("http://example.test/a", st);
    assert_equals(r.status, st); assert_equals(r.headers.get("location"), "http://example.test/a"); assert_equals(r.body, null);
  }
  assert_equals(Response.redirect("http://example.test/a").status, 302);
  assert_equals(Response.redirect("http://example.test/a b").headers.get("location"), "http://example.test/a%20b");
  for (const st of [200, 300, 304, 309]) {
    try { Response.redirect("http://example.test/", st); throw new Error("no throw"); } catch (e) { assert_true(e instanceof RangeError, "st " + st); }
  }
  assert_throws_js(TypeError, () => Response.redirect("not a url"));
  assert_throws_js(TypeError, () => Response.redirect("http://example.test/").headers.set("a", "b"));
}, "Response.redirect()");
const jsonInits = [
  [undefined, 200, "", "application/json"], [{ status: 400 }, 400, "", "application/json"], [{ statusText: "foo" }, 200, "foo", "application/json"],
  [{ headers: {} }, 200, "", "application/json"], [{ headers: { "content-type": "foo/bar" } }, 200, "", "foo/bar"],
];
for (const [init, st, text, ct] of jsonInits) {
  promise_test(async () => {
    const r = Response.json("hello world", init);
    assert_equals(r.type, "default"); assert_equals(r.status, st); assert_equals(r.statusText, text);
    assert_equals(r.headers.get("content-type"), ct);
    assert_equals(await r.json(), "hello world");
  }, `Response.json init ${JSON.stringify(init)}`);
}
test(() => {
  for (const st of [204, 205, 304]) assert_throws_js(TypeError, () => Response.json("x", { status: st }));
  assert_throws_js(TypeError, () => Response.json(Symbol("s")));
  assert_throws_js(TypeError, () => Response.json(undefined));
  const a = {}; a.a = a;
  assert_throws_js(TypeError, () => Response.json(a));
  class Custom extends Error {}
  assert_throws_js(Custom, () => Response.json({ get x() { throw new Custom("c"); } }));
}, "Response.json errors");
promise_test(async () => {
  for (const [input, bytes] of [["𝌆", [34, 240, 157, 140, 134, 34]], ["\uDEAD", [34, 92, 117, 100, 101, 97, 100, 34]]]) {
    assert_array_equals(Array.from(new Uint8Array(await Response.json(input).arrayBuffer())), bytes);
  }
}, "Response.json encodes with JSON.stringify and UTF-8");
promise_test(async () => {
  const r = Response.json(null);
  r.headers.set("content-type", "foo/bar");
  assert_equals(r.headers.get("content-type"), "foo/bar");
}, "Response.json headers are mutable");
promise_test(async () => {
  for (const how of ["text", "arrayBuffer", "blob", "bytes"]) {
    const r = new Response();
    const v = await r[how]();
    assert_false(r.bodyUsed);
    if (how === "text") assert_equals(v, "");
    else if (how === "blob") assert_equals(v.size, 0);
    else assert_equals(v.byteLength, 0);
  }
  await promise_rejects_js(SyntaxError, new Response().json());
  await promise_rejects_js(TypeError, new Response().formData());
  const fd = await new Response("", { headers: { "content-type": "application/x-www-form-urlencoded" } }).formData();
  assert_equals([...fd].length, 0);
}, "consuming an empty body");
promise_test(async () => {
  const r = new Response("text body");
  const c = r.clone();
  assert_equals(await c.text(), "text body");
  assert_false(r.bodyUsed);
  assert_equals(await r.text(), "text body");
  assert_throws_js(TypeError, () => r.clone());
  const st = new Response("x", { status: 201, statusText: "Made", headers: { a: "b" } }).clone();
  assert_equals(st.status, 201); assert_equals(st.statusText, "Made"); assert_equals(st.headers.get("a"), "b");
}, "clone");
promise_test(async () => {
  let i = 0;
  const r = new Response(new ReadableStream({ pull(c) { if (i < 3) c.enqueue(new TextEncoder().encode("c" + i++)); else c.close(); } }));
  const c = r.clone();
  assert_equals(await r.text(), "c0c1c2");
  assert_equals(await c.text(), "c0c1c2");
}, "clone of a stream body tees it");
promise_test(async () => {
  const r = new Response("abc");
  const reader = r.body.getReader();
  const parts = [];
  for (;;) { const { done, value } = await reader.read(); if (done) break; parts.push(...value); }
  assert_array_equals(parts, [97, 98, 99]);
  assert_true(r.bodyUsed);
  await promise_rejects_js(TypeError, r.text());
}, "reading body as a stream");
promise_test(async () => {
  const r = new Response("abc");
  r.body.getReader();
  assert_false(r.bodyUsed, "locked is not disturbed");
  await promise_rejects_js(TypeError, r.arrayBuffer());
  assert_throws_js(TypeError, () => r.clone());
}, "locked body");
promise_test(async () => {
  const r = new Response("abc");
  await r.body.cancel();
  assert_true(r.bodyUsed);
}, "a cancelled body is used");
promise_test(async () => {
  const err = new Error("stream broke");
  const r = new Response(new ReadableStream({ pull(c) { c.error(err); } }));
  try { await r.text(); throw new Error("no rejection"); } catch (e) { assert_equals(e, err); }
}, "a stream error reaches text()");
promise_test(async () => {
  async function* gen() { yield "async "; yield new Uint8Array([105, 116]); }
  assert_equals(await new Response(gen()).text(), "async it");
}, "async iterable bodies");
promise_test(async () => {
  const r = new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]));
  assert_equals(await r.text(), "a\uFFFD");
}, "text() strips the BOM and replaces invalid bytes");
promise_test(async () => {
  const fd = new FormData();
  fd.append("a", "1"); fd.append("a", "2"); fd.set("b", "x"); fd.append("c", new Blob(["file"]), "c.txt");
  assert_equals([...fd.keys()].join(), "a,a,b,c");
  assert_equals(fd.get("a"), "1"); assert_equals(fd.getAll("a").join(), "1,2"); assert_true(fd.has("b"));
  fd.delete("a"); assert_false(fd.has("a"));
  assert_true(fd.get("c") instanceof File); assert_equals(fd.get("c").name, "c.txt");
  assert_equals(new FormData().get("x"), null);
  assert_throws_js(TypeError, () => fd.append("x", "y", "z"));
  const r = new Response(fd);
  const back = await r.formData();
  assert_equals(back.get("b"), "x"); assert_equals(await back.get("c").text(), "file");
  fd.set("d", new Blob(["q"]));
  assert_equals(fd.get("d").name, "blob");
}, "FormData");

await done("response");

// Output:
// response: 26 passed, 0 failed
