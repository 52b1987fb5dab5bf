const EventEmitter = require("events");
const { once, on } = require("node:events");
const e = new EventEmitter();
e.on("x", (a, b) => console.log(`x ${a} ${b}`));
e.prependListener("x", () => console.log("first"));
e.once("x", () => console.log("once"));
console.log(`${e.emit("x", 1, 2)} ${e.emit("x", 3, 4)} ${e.emit("nope")} ${e.listenerCount("x")} ${e.eventNames().join()}`);
try { e.emit("error", new Error("bad")); } catch (err) { console.log(`caught ${err.message}`); }
try { e.emit("error", "boom"); } catch (err) { console.log(`${err.code} ${err.message}`); }
e.on("removeListener", (name) => console.log(`removed ${name}`));
const f = () => {};
e.on("y", f).off("y", f);
console.log(`${e.listeners("y").length}`);
e.removeAllListeners("removeListener");
function Legacy() { EventEmitter.call(this); }
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
const l = new Legacy(); l.on("z", (v) => console.log(`legacy ${v}`)); l.emit("z", 7);
setTimeout(() => e.emit("ready", 42), 10);
const [v] = await once(e, "ready");
console.log(`ready ${v}`);
setTimeout(() => e.emit("error", new Error("late")), 10);
try { await once(e, "never"); } catch (err) { console.log(`once rejected: ${err.message}`); }
const ac = new AbortController();
setTimeout(() => ac.abort(), 10);
try { await once(e, "never", { signal: ac.signal }); } catch (err) { console.log(`${err.name} ${err.code}`); }
const et = new EventTarget();
setTimeout(() => et.dispatchEvent(new Event("ping")), 5);
const [ev] = await once(et, "ping");
console.log(`event ${ev.type}`);
setTimeout(() => { e.emit("tick", 1); e.emit("tick", 2); }, 5);
let n = 0;
for await (const [t] of on(e, "tick")) { console.log(`tick ${t}`); if (++n === 2) break; }
console.log(`${e.listenerCount("tick")}`);
// Output:
// first
// x 1 2
// once
// first
// x 3 4
// true true false 2 x
// caught bad
// ERR_UNHANDLED_ERROR Unhandled error. ('boom')
// removed y
// 0
// legacy 7
// ready 42
// once rejected: late
// AbortError ABORT_ERR
// event ping
// tick 1
// tick 2
// 0
