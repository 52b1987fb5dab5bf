// Port of seed document 000 (blog post: asyncio fundamentals), run_forever
// from its list of loop APIs: the loop runs callbacks and tasks until
// someone calls loop.stop(). Here a callback re-schedules itself three
// times and a task stops the loop when its work is done.
// Python's run_forever blocks; in JavaScript it returns a promise that
// settles when stop() is called.
// Run it:  go run ./cmd/arun scripts/event_loop_run_forever.js
// Python original: scripts/python/event_loop_run_forever.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

function tick(n) {
  console.log(`${stamp()} tick ${n}`);
  if (n < 3) loop.callLater(0.5, tick, n + 1);
}

async function worker() {
  await asyncio.sleep(2);
  console.log(`${stamp()} worker done, stopping the loop`);
  loop.stop();
}

loop.callSoon(tick, 1);
loop.createTask(worker);
await loop.runForever();
console.log(`${stamp()} runForever returned`);

// Output:
// [0.0s] tick 1
// [0.5s] tick 2
// [1.0s] tick 3
// [2.0s] worker done, stopping the loop
// [2.0s] runForever returned
