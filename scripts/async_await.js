// Port of seed document 002 (guide: asyncio overview), section 3 "Async and
// Await": async functions await other async functions, and "the await
// keyword pauses execution until the awaited operation finishes ... the
// event loop continues processing other tasks in the meantime" (the code was
// lost in extraction; this is the program described). A heartbeat task keeps
// ticking while main() awaits a chain of simulated lookups.
// Run it:  go run ./cmd/arun scripts/async_await.js
// Python original: scripts/python/async_await.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function getUser(userId) {
  await asyncio.sleep(0.5); // a database query
  return { id: userId, name: `user${userId}` };
}

async function getOrders(user) {
  await asyncio.sleep(1); // a call to another service
  return [`order-${user.id}-1`, `order-${user.id}-2`];
}

async function userSummary(userId) {
  const user = await getUser(userId); // paused here for 0.5 s ...
  console.log(`${stamp()} got ${user.name}`);
  const orders = await getOrders(user); // ... and here for 1 s
  console.log(`${stamp()} got ${orders.length} orders`);
  return `${user.name}: ${orders.join(", ")}`;
}

async function heartbeat() {
  for (let i = 1; ; i++) {
    await asyncio.sleep(0.4);
    console.log(`${stamp()} heartbeat ${i}`);
  }
}

async function main() {
  const beat = asyncio.createTask(heartbeat);
  const summary = await userSummary(7);
  console.log(`${stamp()} ${summary}`);
  beat.cancel();
}

asyncio.run(main());

// Output:
// [0.4s] heartbeat 1
// [0.5s] got user7
// [0.8s] heartbeat 2
// [1.2s] heartbeat 3
// [1.5s] got 2 orders
// [1.5s] user7: order-7-1, order-7-2
