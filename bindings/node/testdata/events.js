// events completed: captureRejections, once, on, Node's EventEmitter.
const EventEmitter = require("events");
const { once, on, captureRejectionSymbol } = EventEmitter;
console.log(require("node:events") === EventEmitter, EventEmitter.EventEmitter === EventEmitter, EventEmitter.captureRejections, typeof captureRejectionSymbol);
(async () => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on("error", (e) => console.log("error event:", e.message));
  ee.on("job", async (n) => { throw new Error(`job ${n} failed`); });
  ee.emit("job", 1);
  await new Promise((r) => setTimeout(r, 1));
  const ee2 = new EventEmitter({ captureRejections: true });
  ee2[captureRejectionSymbol] = (err, type, ...args) => console.log("rejection symbol:", err.message, type, args);
  ee2.on("x", async () => { throw new Error("boom"); });
  ee2.emit("x", "a", "b");
  await new Promise((r) => setTimeout(r, 1));
  EventEmitter.captureRejections = true;
  const ee3 = new EventEmitter();
  ee3.on("error", (e) => console.log("default capture:", e.message));
  ee3.on("y", () => Promise.reject(new Error("rej")));
  ee3.emit("y");
  await new Promise((r) => setTimeout(r, 1));
  EventEmitter.captureRejections = false;
  try { new EventEmitter({ captureRejections: 1 }); } catch (e) { console.log(e.code); }
  const e4 = new EventEmitter();
  setTimeout(() => e4.emit("ready", 1, 2), 1);
  console.log("once:", await once(e4, "ready"));
  setTimeout(() => e4.emit("error", new Error("bad")), 1);
  console.log("once error:", await once(e4, "ready").catch((e) => e.message));
  const e5 = new EventEmitter();
  setTimeout(() => { e5.emit("d", 1); e5.emit("d", 2); e5.emit("end"); }, 1);
  const got = [];
  const ac = new AbortController();
  e5.once("end", () => ac.abort());
  try { for await (const [v] of on(e5, "d", { signal: ac.signal })) got.push(v); } catch (e) { console.log("on ended:", e.name, got); }
  class My extends EventEmitter {}
  const m = new My();
  m.once("z", function () { console.log("once listener this ok:", this === m); });
  console.log(m.emit("z"), m.emit("z"), m.listenerCount("z"), m.eventNames(), EventEmitter.listenerCount(m, "z"));
})();

// Output:
// true true false symbol
// error event: job 1 failed
// rejection symbol: boom x [ 'a', 'b' ]
// default capture: rej
// ERR_INVALID_ARG_TYPE
// once: [ 1, 2 ]
// once error: bad
// on ended: AbortError [ 1, 2 ]
// once listener this ok: true
// true false 0 [] 0
