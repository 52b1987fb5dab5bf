// Showcase: a pipeline of queues with backpressure and graceful shutdown.
//   source --(queue, 5 slots)--> 2 parsers --(queue, 5 slots)--> batch writer
// The source makes 10 records a second, the parsers manage about 6.7: the
// first queue fills up and queue.put() makes the source wait (backpressure)
// instead of letting memory grow. Ctrl-C cancels the main task (as in
// Python's asyncio.run); main catches the CancelledError and shuts down in
// order: stop the source, queue.shutdown() so the parsers finish what is
// queued and stop, then the same for the writer, which flushes its last
// batch. Nothing produced is lost.
// Without Ctrl-C the demo cancels itself after a few seconds by the same
// path (loop.callLater(..., () => mainTask.cancel())).
// Run it:  go run ./cmd/arun scripts/pipeline.js [SECONDS]   (default 3.04)
// Python original: scripts/python/pipeline.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;
const DEMO_SECONDS = Number(process.argv[2] ?? 3.04);

const stats = { produced: 0, parsed: 0, written: 0, batches: 0, sourceWaited: 0 };

async function source(out) {
  for (let i = 1; ; i++) {
    const waitStart = loop.time();
    await out.put(`event ${i}`); // waits while the queue is full
    stats.sourceWaited += loop.time() - waitStart;
    stats.produced++;
    await asyncio.sleep(0.1);
  }
}

async function parser(input, out) {
  for await (const record of input) { // ends when input is shut down and empty
    await asyncio.sleep(0.3); // parsing is the slow stage
    await out.put(record.toUpperCase());
    stats.parsed++;
  }
}

async function writer(input, batchSize = 4) {
  let batch = [];
  const flush = async () => {
    await asyncio.sleep(0.25); // one write per batch
    stats.written += batch.length;
    stats.batches++;
    batch = [];
  };
  for await (const record of input) {
    batch.push(record);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length) await flush(); // the last, partial batch
}

async function monitor(a, b) {
  await asyncio.sleep(0.52); // off the stages' 0.05 s grid, so no ties
  for (;;) {
    const { produced, parsed, written } = stats;
    console.log(`${stamp()} produced ${produced}, parsed ${parsed}, written ${written}; queues ${a.qsize()}/${a.maxsize} ${b.qsize()}/${b.maxsize}`);
    await asyncio.sleep(1);
  }
}

async function main() {
  const raw = new asyncio.Queue(5);
  const parsed = new asyncio.Queue(5);
  const parsers = [1, 2].map((n) => asyncio.createTask(() => parser(raw, parsed), { name: `parser-${n}` }));
  const sink = asyncio.createTask(() => writer(parsed), { name: "writer" });
  const watch = asyncio.createTask(() => monitor(raw, parsed), { name: "monitor" });
  const producer = asyncio.createTask(() => source(raw), { name: "source" });

  const mainTask = asyncio.currentTask();
  loop.callLater(DEMO_SECONDS, () => mainTask.cancel("demo over")); // what Ctrl-C does
  try {
    await producer; // runs until cancelled
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log(`${stamp()} cancelled: shutting down gracefully`);
  }
  watch.cancel();
  producer.cancel(); // already cancelled with main; harmless
  console.log(`${stamp()} source stopped after ${stats.produced} records (waited ${stats.sourceWaited.toFixed(1)}s for space)`);
  raw.shutdown(); // parsers drain what is queued, then their loops end
  await asyncio.gather(...parsers);
  console.log(`${stamp()} parsers done: ${stats.parsed} parsed`);
  parsed.shutdown();
  await sink;
  console.log(`${stamp()} writer done: ${stats.written} written in ${stats.batches} batches`);
  console.log(stats.produced === stats.written ? "nothing lost" : `LOST ${stats.produced - stats.written} records`);
}

// The function form: main runs inside run()'s task from its first line, so
// its currentTask() above is that task. With asyncio.run(main()), main's code
// before its first await would run before the task exists.
asyncio.run(main);

// Output:
// [0.5s] produced 6, parsed 2, written 0; queues 2/5 0/5
// [1.5s] produced 16, parsed 9, written 4; queues 5/5 1/5
// [2.5s] produced 23, parsed 16, written 12; queues 5/5 0/5
// [3.0s] cancelled: shutting down gracefully
// [3.0s] source stopped after 26 records (waited 0.5s for space)
// [4.0s] parsers done: 26 parsed
// [4.3s] writer done: 26 written in 7 batches
// nothing lost
