const tp = require("timers/promises");
const t0 = performance.now();
// virtual time; real execution time adds a few ms, so print 100 ms steps
const ms = () => Math.floor((performance.now() - t0) / 100) * 100;
console.log(`${await tp.setTimeout(1000, "val")} ${ms()}`);
const ac = new AbortController();
setTimeout(() => ac.abort("why"), 50);
try { await tp.setTimeout(1000, "v", { signal: ac.signal }); } catch (err) { console.log(`${err.name} ${err.code} ${err.cause} ${ms()}`); }
try { await tp.setTimeout(10, "v", { signal: AbortSignal.abort() }); } catch (err) { console.log(`pre-aborted ${err.name}`); }
let n = 0;
for await (const x of tp.setInterval(100, "tick")) { console.log(`${x} ${n} ${ms()}`); if (++n === 3) break; }
const ac2 = new AbortController();
setTimeout(() => ac2.abort(), 250);
try { for await (const x of tp.setInterval(100, "t", { signal: ac2.signal })) console.log(`${x} ${ms()}`); } catch (err) { console.log(`interval ${err.name} ${ms()}`); }
console.log(await tp.setImmediate("imm"));
await tp.scheduler.wait(10);
const sig = AbortSignal.timeout(200);
sig.onabort = () => console.log(`timeout ${sig.reason.name} ${ms()}`);
await tp.setTimeout(300);
// an unreferenced timer does not keep the process alive
tp.setTimeout(100000, null, { ref: false }).then(() => console.log("never"));
AbortSignal.timeout(100000).onabort = () => console.log("never");
console.log(`end ${ms()}`);
// Output:
// val 1000
// AbortError ABORT_ERR why 1000
// pre-aborted AbortError
// tick 0 1100
// tick 1 1200
// tick 2 1300
// t 1400
// t 1500
// interval AbortError 1600
// imm
// timeout TimeoutError 1800
// end 1900
