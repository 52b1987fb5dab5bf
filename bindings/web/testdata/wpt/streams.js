// Our own cases modelled on WPT streams/readable-streams (general,
// default-reader, tee, async-iterator, from, cancel, bad-underlying-sources,
// count-queuing-strategy-integration) and a few writable/transform/piping ones.
const { test, eq, ok, throws, rejects, arr, run } = require("./harness.js");
const tick = () => new Promise((r) => setTimeout(r, 0));
const collect = async (rs) => { const out = []; for await (const c of rs) out.push(c); return out; };

test("constructs with no arguments or {}, not with null", () => {
  new ReadableStream(); new ReadableStream({}); new ReadableStream(undefined, null); throws(TypeError, () => new ReadableStream(null));
});
test("has the expected methods", () => {
  for (const m of ["cancel", "getReader", "pipeThrough", "pipeTo", "tee", "values"]) eq(typeof ReadableStream.prototype[m], "function", m);
  eq(typeof ReadableStream.prototype[Symbol.asyncIterator], "function"); eq(typeof ReadableStream.from, "function");
});
test("rejects a bad type", () => { throws(TypeError, () => new ReadableStream({ type: "bad" })); });
test("rejects a non-function start", () => { throws(TypeError, () => new ReadableStream({ start: "x" })); });
test("negative or NaN highWaterMark throws RangeError", () => {
  throws(RangeError, () => new ReadableStream({}, { highWaterMark: -1 }));
  throws(RangeError, () => new ReadableStream({}, { highWaterMark: NaN }));
});
test("start is called with the controller synchronously", () => {
  let c; new ReadableStream({ start(ctrl) { c = ctrl; } });
  ok(c); eq(typeof c.enqueue, "function"); eq(c.desiredSize, 1);
});
test("start's this is the source", () => { const src = { start() { ok(this === src); } }; new ReadableStream(src); });
test("start throwing makes the constructor throw", () => {
  const e = new Error("boom"); try { new ReadableStream({ start() { throw e; } }); throw 0; } catch (x) { eq(x, e); }
});
test("pull is not called until start's promise settles", async () => {
  let resolveStart, pulled = false;
  new ReadableStream({ start() { return new Promise((r) => { resolveStart = r; }); }, pull() { pulled = true; } });
  await tick(); eq(pulled, false); resolveStart(); await tick(); eq(pulled, true);
});
test("pull is called while desiredSize > 0 (highWaterMark 4)", async () => {
  let pulls = 0;
  new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 4 });
  await tick(); eq(pulls, 4);
});
test("desiredSize follows enqueue and reads", async () => {
  let c; const rs = new ReadableStream({ start(x) { c = x; } }, { highWaterMark: 2 });
  eq(c.desiredSize, 2); c.enqueue("a"); eq(c.desiredSize, 1); c.enqueue("b"); eq(c.desiredSize, 0); c.enqueue("c"); eq(c.desiredSize, -1);
  const r = rs.getReader(); await r.read(); eq(c.desiredSize, 0); c.close(); eq(c.desiredSize, 0);
});
test("size strategy", async () => {
  let c; new ReadableStream({ start(x) { c = x; } }, { highWaterMark: 10, size: (ch) => ch.length });
  c.enqueue("abcd"); eq(c.desiredSize, 6);
});
test("enqueue after close throws TypeError", () => {
  new ReadableStream({ start(c) { c.close(); throws(TypeError, () => c.enqueue("a")); throws(TypeError, () => c.close()); } });
});
test("reader reads chunks then done", async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
  const r = rs.getReader();
  eq(JSON.stringify(await r.read()), '{"value":"a","done":false}');
  eq((await r.read()).value, "b");
  const last = await r.read(); eq(last.done, true); eq(last.value, undefined);
  await r.closed;
});
test("getReader locks the stream", () => {
  const rs = new ReadableStream(); const r = rs.getReader(); eq(rs.locked, true);
  throws(TypeError, () => rs.getReader()); r.releaseLock(); eq(rs.locked, false); rs.getReader();
});
test("releaseLock rejects pending reads and closed", async () => {
  const rs = new ReadableStream(); const r = rs.getReader(); const p = r.read(); const closed = r.closed;
  r.releaseLock(); await rejects(TypeError, p); await rejects(TypeError, closed); await rejects(TypeError, r.read());
});
test("reader constructor", () => {
  const rs = new ReadableStream(); const r = new ReadableStreamDefaultReader(rs); eq(rs.locked, true);
  throws(TypeError, () => new ReadableStreamDefaultReader({}));
});
test("error() rejects reads and closed", async () => {
  const e = new Error("x"); let c; const rs = new ReadableStream({ start(x) { c = x; } });
  const r = rs.getReader(); const p = r.read(); c.error(e);
  try { await p; throw 0; } catch (x) { eq(x, e); }
  try { await r.closed; throw 0; } catch (x) { eq(x, e); }
  eq(c.desiredSize, null);
});
test("pull rejecting errors the stream", async () => {
  const e = new Error("pull"); const rs = new ReadableStream({ pull() { throw e; } });
  try { await rs.getReader().read(); throw 0; } catch (x) { eq(x, e); }
});
test("cancel calls the source's cancel with the reason and resolves undefined", async () => {
  let got; const rs = new ReadableStream({ cancel(r) { got = r; return "ignored"; } });
  eq(await rs.cancel("why"), undefined); eq(got, "why");
  const r = rs.getReader(); eq((await r.read()).done, true);
});
test("cancel of a locked stream rejects", async () => {
  const rs = new ReadableStream(); rs.getReader(); await rejects(TypeError, rs.cancel());
});
test("cancel discards queued chunks", async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue("a"); } });
  const r = rs.getReader(); await r.cancel(); eq((await r.read()).done, true);
});
test("cancel rejection propagates", async () => {
  const e = new Error("c"); const rs = new ReadableStream({ cancel() { throw e; } });
  try { await rs.cancel(); throw 0; } catch (x) { eq(x, e); }
});
test("backpressure: pull is not called beyond the high-water mark", async () => {
  let pulls = 0; const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, new CountQueuingStrategy({ highWaterMark: 2 }));
  await tick(); eq(pulls, 2); const r = rs.getReader(); await r.read(); await tick(); eq(pulls, 3);
});
test("ByteLengthQueuingStrategy", () => {
  const s = new ByteLengthQueuingStrategy({ highWaterMark: 16 }); eq(s.highWaterMark, 16);
  eq(s.size(new Uint8Array(5)), 5); eq(new CountQueuingStrategy({ highWaterMark: 1 }).size(), 1);
});
test("async iteration", async () => {
  arr(await collect(new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } })), [1, 2]);
});
test("breaking out of for await cancels the stream", async () => {
  let cancelled = false;
  const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
  for await (const x of rs) { eq(x, 1); break; }
  eq(cancelled, true); eq(rs.locked, false);
});
test("values({preventCancel: true}) leaves the stream open", async () => {
  let cancelled = false;
  const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
  for await (const x of rs.values({ preventCancel: true })) break;
  eq(cancelled, false); eq(rs.locked, false);
});
test("async iteration over an errored stream throws", async () => {
  const e = new Error("x"); const rs = new ReadableStream({ start(c) { c.error(e); } });
  try { for await (const x of rs); throw 0; } catch (x) { eq(x, e); }
});
test("from(array)", async () => { arr(await collect(ReadableStream.from([1, 2, 3])), [1, 2, 3]); });
test("from(async iterable)", async () => {
  const it = { [Symbol.asyncIterator]() { let i = 0; return { next: async () => (i < 2 ? { value: i++, done: false } : { done: true }) }; } };
  arr(await collect(ReadableStream.from(it)), [0, 1]);
});
test("from(sync iterable of promises) awaits values", async () => {
  arr(await collect(ReadableStream.from([Promise.resolve("a"), "b"])), ["a", "b"]);
});
test("from(non-iterable) throws TypeError", () => { throws(TypeError, () => ReadableStream.from(1)); throws(TypeError, () => ReadableStream.from({})); });
test("from: cancel calls the iterator's return", async () => {
  let returned; const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return: (v) => { returned = v; return { done: true }; } }; } };
  const rs = ReadableStream.from(it); await rs.cancel("r"); eq(returned, "r");
});
test("tee gives both branches every chunk", async () => {
  const [a, b] = new ReadableStream({ start(c) { c.enqueue("x"); c.enqueue("y"); c.close(); } }).tee();
  arr(await collect(a), ["x", "y"]); arr(await collect(b), ["x", "y"]);
});
test("tee: cancelling both branches cancels the source with both reasons", async () => {
  let reason; const [a, b] = new ReadableStream({ cancel(r) { reason = r; } }).tee();
  const pa = a.cancel("1"); const pb = b.cancel("2"); await pa; await pb; arr(reason, ["1", "2"]);
});
test("tee: an error reaches both branches", async () => {
  const e = new Error("t"); let c; const [a, b] = new ReadableStream({ start(x) { c = x; } }).tee();
  c.error(e);
  try { await a.getReader().read(); throw 0; } catch (x) { eq(x, e); }
  try { await b.getReader().read(); throw 0; } catch (x) { eq(x, e); }
});
test("WritableStream: writes in order, close resolves", async () => {
  const seen = []; const ws = new WritableStream({ write(c) { seen.push(c); }, close() { seen.push("closed"); } });
  const w = ws.getWriter(); w.write(1); w.write(2); await w.close(); arr(seen, [1, 2, "closed"]); await w.closed;
});
test("WritableStream: backpressure and desiredSize", async () => {
  let release; const ws = new WritableStream({ write() { return new Promise((r) => { release = r; }); } }, { highWaterMark: 1 });
  const w = ws.getWriter(); eq(w.desiredSize, 1); const p = w.write("a"); eq(w.desiredSize, 0);
  await tick(); release(); await p; eq(w.desiredSize, 1); await w.ready;
});
test("WritableStream: write after close rejects", async () => {
  const w = new WritableStream().getWriter(); w.close(); await rejects(TypeError, w.write(1));
});
test("WritableStream: abort rejects queued writes and calls the sink's abort", async () => {
  let reason; const ws = new WritableStream({ write() { return new Promise((r) => setTimeout(r, 10)); }, abort(r) { reason = r; } });
  const w = ws.getWriter(); const p1 = w.write(1); const p2 = w.write(2);
  const r1 = p1.then(() => "ok", (e) => "rejected " + e), r2 = p2.then(() => "ok", (e) => "rejected " + e);
  const rc = w.closed.then(() => "ok", (e) => "rejected " + e);
  await tick();
  const ab = w.abort("stop");
  eq(await r1, "ok"); eq(await r2, "rejected stop"); await ab; eq(reason, "stop"); eq(await rc, "rejected stop");
});
test("WritableStream: controller.signal aborts on abort()", async () => {
  let signal; const ws = new WritableStream({ start(c) { signal = c.signal; } });
  await ws.abort("r"); eq(signal.aborted, true); eq(signal.reason, "r");
});
test("TransformStream: identity", async () => {
  const ts = new TransformStream(); const w = ts.writable.getWriter(); w.write("a"); w.close();
  arr(await collect(ts.readable), ["a"]);
});
test("TransformStream: transform and flush", async () => {
  const ts = new TransformStream({ transform(c, ctrl) { ctrl.enqueue(c * 2); }, flush(ctrl) { ctrl.enqueue("end"); } });
  const out = collect(ts.readable); const w = ts.writable.getWriter(); w.write(1); w.write(2); w.close();
  arr(await out, [2, 4, "end"]);
});
test("TransformStream: terminate closes the readable and errors the writable", async () => {
  const ts = new TransformStream({ start(c) { c.terminate(); } });
  eq((await ts.readable.getReader().read()).done, true);
  await rejects(TypeError, ts.writable.getWriter().write(1));
});
test("pipeTo moves every chunk and closes the destination", async () => {
  const seen = []; let closed = false;
  await ReadableStream.from([1, 2, 3]).pipeTo(new WritableStream({ write(c) { seen.push(c); }, close() { closed = true; } }));
  arr(seen, [1, 2, 3]); eq(closed, true);
});
test("pipeTo with preventClose", async () => {
  const ws = new WritableStream(); await ReadableStream.from([1]).pipeTo(ws, { preventClose: true });
  const w = ws.getWriter(); await w.write(2); await w.close();
});
test("pipeTo propagates a source error to the destination", async () => {
  const e = new Error("src"); let aborted;
  const rs = new ReadableStream({ start(c) { c.error(e); } });
  try { await rs.pipeTo(new WritableStream({ abort(r) { aborted = r; } })); throw 0; } catch (x) { eq(x, e); }
  eq(aborted, e);
});
test("pipeTo propagates a destination error back to the source", async () => {
  const e = new Error("dst"); let cancelled;
  const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r; } });
  try { await rs.pipeTo(new WritableStream({ write() { throw e; } })); throw 0; } catch (x) { eq(x, e); }
  eq(cancelled, e);
});
test("pipeTo with an AbortSignal", async () => {
  const ac = new AbortController(); let cancelled;
  const rs = new ReadableStream({ cancel(r) { cancelled = r; } });
  const p = rs.pipeTo(new WritableStream(), { signal: ac.signal }); ac.abort();
  const e = await rejects("AbortError", p); eq(cancelled, e);
});
test("pipeThrough returns the readable side", async () => {
  const ts = new TransformStream({ transform(c, ctrl) { ctrl.enqueue(c + "!"); } });
  eq(ReadableStream.from(["a"]).pipeThrough(ts), ts.readable);
  arr(await collect(ts.readable), ["a!"]);
});
test("byte stream with BYOB reader", async () => {
  const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); } });
  const r = rs.getReader({ mode: "byob" });
  const a = await r.read(new Uint8Array(2)); arr(a.value, [1, 2]);
  const b = await r.read(new Uint8Array(8)); arr(b.value, [3, 4, 5]);
  const c = await r.read(new Uint8Array(8)); eq(c.done, true);
});
test("Blob.stream()", async () => {
  const parts = await collect(new Blob(["ab", "c"]).stream());
  eq(parts.length, 1); ok(parts[0] instanceof Uint8Array); arr(parts[0], [97, 98, 99]);
});
run("streams");
// Output:
// streams: 53/53 passed
