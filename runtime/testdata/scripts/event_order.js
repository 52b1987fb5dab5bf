// Node's order: sync code, nextTick, promise jobs, then timers; an
// immediate queued by a timer runs before the next timer.
setTimeout(() => console.log("timeout 10"), 10);
setTimeout(() => {
  console.log("timeout 0");
  Promise.resolve().then(() => console.log("microtask after timeout 0"));
  setImmediate(() => console.log("immediate"));
}, 0);
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
queueMicrotask(() => console.log("queueMicrotask"));
console.log("sync");
const iv = setInterval(() => {
  console.log("interval");
  clearInterval(iv);
}, 5);

// Output:
// sync
// nextTick
// promise
// queueMicrotask
// timeout 0
// microtask after timeout 0
// immediate
// interval
// timeout 10
