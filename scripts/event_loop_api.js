// Port of seed document 000 (blog post: asyncio fundamentals), its list of
// loop APIs (asyncio.get_event_loop(), run_until_complete(coro)), and of
// document 002's "Event Loops ... Example of an event loop" (code lost in
// extraction): schedule plain callbacks on the loop with callSoon, callLater
// and callAt, cancel one through its handle, read the loop's clock, and run
// a coroutine until it completes.
// Python's run_until_complete blocks; in JavaScript it returns a promise to
// await (top-level await makes it read the same).
// Run it:  go run ./cmd/arun scripts/event_loop_api.js
// Python original: scripts/python/event_loop_api.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

loop.callSoon(() => console.log(`${stamp()} callSoon: first thing the loop runs`));
loop.callLater(1, (who) => console.log(`${stamp()} callLater(1): hello, ${who}`), "world");
loop.callAt(start + 0.5, () => console.log(`${stamp()} callAt(start + 0.5)`));
const never = loop.callLater(0.7, () => console.log("never printed"));
never.cancel();
console.log(`handle cancelled: ${never.cancelled()}`);

async function main() {
  console.log(`${stamp()} main starts`);
  await asyncio.sleep(1.5);
  console.log(`${stamp()} main ends`);
  return 42;
}

const result = await loop.runUntilComplete(main);
console.log(`${stamp()} runUntilComplete returned ${result}`);

// Output:
// handle cancelled: true
// [0.0s] callSoon: first thing the loop runs
// [0.0s] main starts
// [0.5s] callAt(start + 0.5)
// [1.0s] callLater(1): hello, world
// [1.5s] main ends
// [1.5s] runUntilComplete returned 42
