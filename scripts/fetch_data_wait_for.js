// Port of seed document 001 (course lesson 12), exercise tip "experiment
// with asyncio.wait_for() to add timeouts to async operations": a fetch
// that beats its timeout, one that does not (the inner fetch is cancelled,
// its finally block runs, and waitFor rejects with asyncio.TimeoutError),
// a retry with growing timeouts, and asyncio.timeout around a whole block.
// Run it:  go run ./cmd/arun scripts/fetch_data_wait_for.js
// Python original: scripts/python/fetch_data_wait_for.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

async function fetchData(delay) {
  console.log(`${stamp()} Starting fetch with ${delay}s delay...`);
  try {
    await asyncio.sleep(delay);
    return `Data fetched after ${delay} seconds`;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${stamp()} fetch with ${delay}s delay cancelled`);
    throw e;
  }
}

async function main() {
  const data = await asyncio.waitFor(fetchData(1), 2);
  console.log(`${stamp()} ${data}`);

  try {
    await asyncio.waitFor(fetchData(5), 2);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`${stamp()} timed out: ${e.name}`);
  }

  for (const timeout of [0.5, 1, 2]) {
    try {
      const data = await asyncio.waitFor(fetchData(1.5), timeout);
      console.log(`${stamp()} got it with timeout ${timeout}: ${data}`);
      break;
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      console.log(`${stamp()} timeout ${timeout} too short, retrying`);
    }
  }

  try {
    await asyncio.timeout(2.5, async () => {
      for (let i = 0; i < 3; i++) {
        const data = await fetchData(1);
        console.log(`${stamp()} ${data}`);
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`${stamp()} the block took longer than 2.5s`);
  }
}

asyncio.run(main());

// Output:
// [0.0s] Starting fetch with 1s delay...
// [1.0s] Data fetched after 1 seconds
// [1.0s] Starting fetch with 5s delay...
// [3.0s] fetch with 5s delay cancelled
// [3.0s] timed out: TimeoutError
// [3.0s] Starting fetch with 1.5s delay...
// [3.5s] fetch with 1.5s delay cancelled
// [3.5s] timeout 0.5 too short, retrying
// [3.5s] Starting fetch with 1.5s delay...
// [4.5s] fetch with 1.5s delay cancelled
// [4.5s] timeout 1 too short, retrying
// [4.5s] Starting fetch with 1.5s delay...
// [6.0s] got it with timeout 2: Data fetched after 1.5 seconds
// [6.0s] Starting fetch with 1s delay...
// [7.0s] Data fetched after 1 seconds
// [7.0s] Starting fetch with 1s delay...
// [8.0s] Data fetched after 1 seconds
// [8.0s] Starting fetch with 1s delay...
// [8.5s] fetch with 1s delay cancelled
// [8.5s] the block took longer than 2.5s
