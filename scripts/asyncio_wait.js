// Port of seed document 000 (blog post: asyncio fundamentals), asyncio.wait
// from its list of APIs: wait for the first of several tasks to finish, keep
// waiting on the rest with a timeout, then cancel the stragglers.
// wait resolves to [done, pending], two Sets, as Python's returns two sets.
// Run it:  go run ./cmd/arun scripts/asyncio_wait.js
// Python original: scripts/python/asyncio_wait.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function download(name, seconds) {
  await asyncio.sleep(seconds);
  return `${name} (${seconds}s)`;
}

async function main() {
  const tasks = [["mirror-a", 3], ["mirror-b", 1], ["mirror-c", 2], ["mirror-d", 10]].map(([name, s]) =>
    asyncio.createTask(download(name, s), { name }),
  );

  let [done, pending] = await asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  console.log(`${stamp()} first: ${[...done].map((t) => t.result()).join(", ")}; ${pending.size} still running`);

  [done, pending] = await asyncio.wait(pending, { timeout: 2.5 });
  const names = [...done].map((t) => t.result()).sort();
  console.log(`${stamp()} then: ${names.join(", ")}; ${pending.size} still running`);

  for (const t of pending) {
    t.cancel();
    console.log(`${stamp()} cancelling ${t.getName()}`);
  }
  [done, pending] = await asyncio.wait(pending);
  console.log(`${stamp()} cancelled: ${[...done].every((t) => t.cancelled())}, pending: ${pending.size}`);
}

asyncio.run(main());

// Output:
// [1.0s] first: mirror-b (1s); 3 still running
// [3.5s] then: mirror-a (3s), mirror-c (2s); 1 still running
// [3.5s] cancelling mirror-d
// [3.5s] cancelled: true, pending: 0
