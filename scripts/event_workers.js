// Port of seed document 003 (tutorial: the async/await model), "Working
// with Asyncio Events": worker2 waits on an asyncio.Event until worker1 sets
// it after two seconds.
// Run it:  go run ./cmd/arun scripts/event_workers.js
// Python original: scripts/python/event_workers.py

async function worker1(event) {
  console.log("Worker 1 starting");
  await asyncio.sleep(2);
  console.log("Worker 1 finishing");
  event.set(); // signal completion
}

async function worker2(event) {
  console.log("Worker 2 starting");
  await event.wait(); // wait for the signal
  console.log("Worker 2 finishing");
}

async function main() {
  const event = new asyncio.Event();
  await asyncio.gather(worker1(event), worker2(event));
}

asyncio.run(main());

// Output:
// Worker 1 starting
// Worker 2 starting
// Worker 1 finishing
// Worker 2 finishing
