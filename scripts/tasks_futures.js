// Port of seed document 002 (guide: asyncio overview), "Tasks and Futures"
// (code lost in extraction; this is the program described) and of document
// 003's "Futures: represent the result of an asynchronous operation, allowing
// for flexible handling of completion and exceptions".
// A Future is a placeholder filled in later by someone else; a Task runs a
// coroutine and is itself a Future of its result.
// Run it:  go run ./cmd/arun scripts/tasks_futures.js
// Python original: scripts/python/tasks_futures.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function compute(x) {
  await asyncio.sleep(1);
  return x * 2;
}

async function main() {
  // a Task: scheduled now, runs concurrently, awaited later
  const task = asyncio.createTask(compute(21), { name: "compute" });
  task.addDoneCallback((t) => console.log(`${stamp()} callback: ${t.getName()} finished with ${t.result()}`));
  console.log(`${stamp()} task done? ${task.done()}`);
  const value = await task;
  console.log(`${stamp()} task result: ${value}, done? ${task.done()}`);

  // a Future, resolved by a timer callback
  const future = loop.createFuture();
  loop.callLater(0.5, () => future.setResult("the answer"));
  console.log(`${stamp()} waiting for the future...`);
  const answer = await future;
  console.log(`${stamp()} future result: ${answer}`);

  // a Future that fails
  const failing = new asyncio.Future();
  loop.callLater(0.5, () => failing.setException(new RangeError("out of range")));
  try {
    await failing;
  } catch (e) {
    console.log(`${stamp()} future raised ${e.name}: ${e.message}`);
    console.log(`exception() is the same error: ${failing.exception() === e}`);
  }

  // a Future can be set only once
  try {
    future.setResult("again");
  } catch (e) {
    console.log(`setting it twice: ${e.name}`);
  }

  // a cancelled Future
  const never = loop.createFuture();
  never.cancel();
  console.log(`cancelled: ${never.cancelled()}, done: ${never.done()}`);
  try {
    await never;
  } catch (e) {
    console.log(`awaiting it raises ${e.name}`);
  }

  // many tasks gathered; their results keep the order of the tasks
  const tasks = [3, 1, 2].map((n) => asyncio.createTask(asyncio.sleep(n, `slept ${n}`)));
  const results = await asyncio.gather(...tasks);
  console.log(`${stamp()} ${results.join(", ")}`);
}

asyncio.run(main());

// Output:
// [0.0s] task done? false
// [1.0s] callback: compute finished with 42
// [1.0s] task result: 42, done? true
// [1.0s] waiting for the future...
// [1.5s] future result: the answer
// [2.0s] future raised RangeError: out of range
// exception() is the same error: true
// setting it twice: InvalidStateError
// cancelled: true, done: true
// awaiting it raises CancelledError
// [5.0s] slept 3, slept 1, slept 2
