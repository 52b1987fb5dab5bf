// Port of seed document 001 (course lesson 12), "Common Pitfalls", and of
// document 002's best practice "Avoiding Blocking Calls":
//   1. forgetting to await: you get a pending promise (Python: a coroutine
//      object), not the result;
//   2. blocking the event loop with synchronous work: every other task
//      stalls until it returns (here a busy loop of 0.3 s, the JavaScript
//      equivalent of Python's time.sleep(0.3));
//   3. exceptions in tasks nobody awaits fail silently: keep a reference,
//      and await it or observe it with a done callback.
// (Using async for CPU-bound work is scripts/cpu_bound.js.)
// Run it:  go run ./cmd/arun scripts/pitfalls.js
// Real time only: part 2 is about the real time a blocking call takes, and
// under --virtual-time the clock does not move while code runs, so the busy
// loop below, which waits for the clock, would never end.
// Python original: scripts/python/pitfalls.py

async function fetchData(delay) {
  await asyncio.sleep(delay);
  return `Data fetched after ${delay} seconds`;
}

function blockingSleep(seconds) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end); // holds the loop: nothing else runs
}

async function forgottenAwait() {
  console.log("-- 1. forgetting await");
  const wrong = fetchData(1); // no await
  console.log(`without await, a string? ${typeof wrong === "string"}`);
  const right = await wrong;
  console.log(`with await: ${right}`);
}

async function blockingTheLoop() {
  console.log("-- 2. blocking the event loop");
  const loop = asyncio.getEventLoop();
  let last = loop.time();
  let longestGap = 0;
  const ticker = asyncio.createTask(async () => {
    for (;;) {
      await asyncio.sleep(0.05);
      longestGap = Math.max(longestGap, loop.time() - last);
      last = loop.time();
    }
  });
  await asyncio.sleep(0.2);
  // (no tick late by as much as the blocking call below, on a busy machine too)
  console.log(`ticks on time while main awaits: ${longestGap < 0.3}`);
  blockingSleep(0.3); // the mistake
  await asyncio.sleep(0.2);
  console.log(`ticks stalled by the blocking call: ${longestGap >= 0.3}`);
  ticker.cancel();
}

async function silentFailure() {
  console.log("-- 3. exceptions nobody looks at");
  async function backgroundJob() {
    await asyncio.sleep(0.1);
    throw new Error("disk full");
  }
  const task = asyncio.createTask(backgroundJob);
  task.addDoneCallback((t) => {
    if (!t.cancelled() && t.exception()) console.log(`background job failed: ${t.exception().message}`);
  });
  await asyncio.sleep(0.5);
  console.log(`main carried on; task done: ${task.done()}`);
}

async function main() {
  await forgottenAwait();
  await blockingTheLoop();
  await silentFailure();
}

asyncio.run(main());

// Output (real time):
// -- 1. forgetting await
// without await, a string? false
// with await: Data fetched after 1 seconds
// -- 2. blocking the event loop
// ticks on time while main awaits: true
// ticks stalled by the blocking call: true
// -- 3. exceptions nobody looks at
// background job failed: disk full
// main carried on; task done: true
