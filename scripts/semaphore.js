// Port of seed document 002 (guide: asyncio overview), "Synchronization
// Primitives ... Example using a semaphore" (the code was lost in the
// document's extraction; this is the program it describes): five jobs share
// an asyncio.Semaphore(2), so at most two run at any time.
// Run it:  go run ./cmd/arun scripts/semaphore.js
// Python original: scripts/python/semaphore.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function job(semaphore, n) {
  console.log(`${stamp()} job ${n} waiting`);
  // Python's `async with semaphore:` is withAcquire: acquire, run, release
  await semaphore.withAcquire(async () => {
    console.log(`${stamp()} job ${n} running`);
    await asyncio.sleep(1);
  });
  console.log(`${stamp()} job ${n} done`);
  return n * n;
}

async function main() {
  const semaphore = new asyncio.Semaphore(2);
  const results = await asyncio.gather(...[1, 2, 3, 4, 5].map((n) => job(semaphore, n)));
  console.log(`${stamp()} results: ${results.join(", ")}`);

  // the same by hand: acquire, and release in finally
  await semaphore.acquire();
  try {
    console.log(`locked after one acquire: ${semaphore.locked()}`);
    await semaphore.acquire();
    console.log(`locked after two: ${semaphore.locked()}`);
    semaphore.release();
  } finally {
    semaphore.release();
  }
}

asyncio.run(main());

// Output:
// [0.0s] job 1 waiting
// [0.0s] job 1 running
// [0.0s] job 2 waiting
// [0.0s] job 2 running
// [0.0s] job 3 waiting
// [0.0s] job 4 waiting
// [0.0s] job 5 waiting
// [1.0s] job 1 done
// [1.0s] job 2 done
// [1.0s] job 3 running
// [1.0s] job 4 running
// [2.0s] job 3 done
// [2.0s] job 4 done
// [2.0s] job 5 running
// [3.0s] job 5 done
// [3.0s] results: 1, 4, 9, 16, 25
// locked after one acquire: false
// locked after two: true
