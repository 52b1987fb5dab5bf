// Port of seed document 001 (course lesson 12), exercise tip "use
// asyncio.create_task() to run coroutines concurrently without immediately
// waiting": tasks start on the next turn of the loop, main() keeps working
// in the meantime, and awaits the results only when it needs them.
// Run it:  go run ./cmd/arun scripts/fetch_data_create_task.js
// Python original: scripts/python/fetch_data_create_task.py

async function fetchData(delay) {
  console.log(`Starting fetch with ${delay}s delay...`);
  await asyncio.sleep(delay);
  return `Data fetched after ${delay} seconds`;
}

async function main() {
  const loop = asyncio.getEventLoop();
  const start = loop.time();
  const elapsed = () => (loop.time() - start).toFixed(1);

  // the function form: the task calls it, so cancel() reaches the sleep
  // The function form: fetchData starts when the task first runs, as in
  // Python. createTask(fetchData(2)) also works (and cancels the same way),
  // but a JS async function runs up to its first await when called, so its
  // "Starting fetch" line would come before main's next two lines.
  const task1 = asyncio.createTask(() => fetchData(2), { name: "fetch-2" });
  const task2 = asyncio.createTask(() => fetchData(1), { name: "fetch-1" });
  console.log(`created ${task1.getName()} and ${task2.getName()}, done: ${task1.done()}`);

  console.log("main does other work while the tasks run");
  await asyncio.sleep(0.5);
  console.log(`[${elapsed()}s] other work finished`);

  const first = await task2;
  console.log(`[${elapsed()}s] ${first}`);
  const second = await task1;
  console.log(`[${elapsed()}s] ${second}`);
  console.log(`task1 done: ${task1.done()}, result(): ${task1.result()}`);

  const slow = asyncio.createTask(() => fetchData(10));
  await asyncio.sleep(1);
  slow.cancel();
  try {
    await slow;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log(`[${elapsed()}s] slow task cancelled: ${slow.cancelled()}`);
  }
}

asyncio.run(main);

// Output:
// created fetch-2 and fetch-1, done: false
// main does other work while the tasks run
// Starting fetch with 2s delay...
// Starting fetch with 1s delay...
// [0.5s] other work finished
// [1.0s] Data fetched after 1 seconds
// [2.0s] Data fetched after 2 seconds
// task1 done: true, result(): Data fetched after 2 seconds
// Starting fetch with 10s delay...
// [3.0s] slow task cancelled: true
