// Port of seed document 001 (course lesson 12), the exercise: fetch_data(delay)
// simulates a network request with a sleep, and main() runs three of them at
// once with asyncio.gather. Results come back in argument order.
// Run it:  go run ./cmd/arun scripts/fetch_data.js
// Python original: scripts/python/fetch_data.py

async function fetchData(delay) {
  console.log(`Starting fetch with ${delay}s delay...`);
  await asyncio.sleep(delay);
  return `Data fetched after ${delay} seconds`;
}

async function main() {
  const results = await asyncio.gather(fetchData(1), fetchData(2), fetchData(3));
  for (const result of results) console.log(result);
}

asyncio.run(main());

// Output:
// Starting fetch with 1s delay...
// Starting fetch with 2s delay...
// Starting fetch with 3s delay...
// Data fetched after 1 seconds
// Data fetched after 2 seconds
// Data fetched after 3 seconds
