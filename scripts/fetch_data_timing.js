// Port of seed document 001 (course lesson 12), exercise tip "compare
// sequential vs concurrent execution to see the performance difference":
// the same three fetch_data calls, awaited one after the other (1+2+3 = 6 s),
// then together with asyncio.gather (max = 3 s).
// Run it:  go run ./cmd/arun scripts/fetch_data_timing.js
// (add --virtual-time to skip the waiting; the times printed stay the same)
// Python original: scripts/python/fetch_data_timing.py

async function fetchData(delay) {
  console.log(`Starting fetch with ${delay}s delay...`);
  await asyncio.sleep(delay);
  return `Data fetched after ${delay} seconds`;
}

const elapsedSince = (start) => (performance.now() / 1000 - start).toFixed(1);

async function sequential() {
  const start = performance.now() / 1000;
  const results = [];
  for (const delay of [1, 2, 3]) results.push(await fetchData(delay));
  console.log(`Sequential: ${results.length} results in ${elapsedSince(start)}s`);
}

async function concurrent() {
  const start = performance.now() / 1000;
  const results = await asyncio.gather(fetchData(1), fetchData(2), fetchData(3));
  console.log(`Concurrent: ${results.length} results in ${elapsedSince(start)}s`);
}

async function main() {
  await sequential();
  await concurrent();
}

asyncio.run(main());

// Output:
// Starting fetch with 1s delay...
// Starting fetch with 2s delay...
// Starting fetch with 3s delay...
// Sequential: 3 results in 6.0s
// Starting fetch with 1s delay...
// Starting fetch with 2s delay...
// Starting fetch with 3s delay...
// Concurrent: 3 results in 3.0s
