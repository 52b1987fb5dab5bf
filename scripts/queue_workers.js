// Port of seed document 003 (tutorial: the async/await model), "Queues:
// efficiently manage tasks and data flow between coroutines" (described, no
// code): a pool of three workers drains a queue of jobs; queue.join() waits
// until every job is marked done with taskDone(), then the workers are
// cancelled. Job durations are a fixed list, so the output is deterministic.
// Run it:  go run ./cmd/arun scripts/queue_workers.js
// Python original: scripts/python/queue_workers.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function worker(name, queue, stats) {
  for (;;) {
    const [job, seconds] = await queue.get();
    try {
      await asyncio.sleep(seconds);
      stats[name] = (stats[name] ?? 0) + 1;
      console.log(`${stamp()} ${name} finished ${job} (${seconds}s)`);
    } finally {
      queue.taskDone();
    }
  }
}

async function main() {
  const queue = new asyncio.Queue();
  const durations = [1.2, 0.4, 0.9, 0.3, 1.1, 0.6, 0.2, 0.8];
  durations.forEach((s, i) => queue.putNowait([`job-${i + 1}`, s]));
  console.log(`${queue.qsize()} jobs queued`);

  const stats = {};
  const workers = ["w1", "w2", "w3"].map((name) => asyncio.createTask(worker(name, queue, stats)));

  await queue.join(); // every job taken and marked done
  console.log(`${stamp()} all jobs done; queue empty: ${queue.empty()}`);

  for (const w of workers) w.cancel();
  const outcomes = await asyncio.gather(...workers, { returnExceptions: true });
  console.log(`workers cancelled: ${outcomes.every((o) => o instanceof asyncio.CancelledError)}`);
  console.log(`jobs per worker: ${Object.keys(stats).sort().map((k) => `${k}=${stats[k]}`).join(" ")}`);
  const total = durations.reduce((a, b) => a + b, 0);
  console.log(`${total.toFixed(1)}s of work took ${(loop.time() - start).toFixed(1)}s`);
}

asyncio.run(main());

// Output:
// 8 jobs queued
// [0.4s] w2 finished job-2 (0.4s)
// [0.7s] w2 finished job-4 (0.3s)
// [0.9s] w3 finished job-3 (0.9s)
// [1.2s] w1 finished job-1 (1.2s)
// [1.4s] w1 finished job-7 (0.2s)
// [1.5s] w3 finished job-6 (0.6s)
// [1.8s] w2 finished job-5 (1.1s)
// [2.2s] w1 finished job-8 (0.8s)
// [2.2s] all jobs done; queue empty: true
// workers cancelled: true
// jobs per worker: w1=3 w2=3 w3=2
// 5.5s of work took 2.2s
