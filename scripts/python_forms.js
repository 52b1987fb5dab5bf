// python_forms.js: the README's asyncio example, written as Python writes it:
// coroutine calls handed to createTask and waitFor, which cancel them at their
// pending await (scripts/python/python_forms.py is the original).
async function worker(name, queue) {
  for (;;) {
    const delay = await queue.get();
    await asyncio.sleep(delay);
    queue.taskDone();
    console.log(`${name} slept ${delay}s`);
  }
}
async function main() {
  const queue = new asyncio.Queue();
  for (const d of [0.3, 0.1, 0.2]) queue.putNowait(d);
  const tasks = [1, 2].map((i) => asyncio.createTask(worker(`worker-${i}`, queue)));
  await queue.join();
  tasks.forEach((t) => t.cancel());             // each worker stops at its await
  await asyncio.gather(...tasks, { returnExceptions: true });
  try { await asyncio.waitFor(asyncio.sleep(60), 0.5); }
  catch (e) { console.log(e.name); }            // TimeoutError, and the sleep is gone
}
asyncio.run(main());

// Output:
// worker-2 slept 0.1s
// worker-1 slept 0.3s
// worker-2 slept 0.2s
// TimeoutError
