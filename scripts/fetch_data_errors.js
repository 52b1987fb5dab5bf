// Port of seed document 001 (course lesson 12), exercise tip "add error
// handling to handle exceptions in individual tasks" and the lesson's
// "use return_exceptions=True to collect exceptions instead of stopping on
// the first error". fetchData fails for negative delays.
//   1. try/catch around each awaited call;
//   2. gather(..., {returnExceptions: true}): errors come back as values;
//   3. plain gather: the first error rejects the gather, the other fetches
//      keep running (as in Python) and their results are lost.
// Run it:  go run ./cmd/arun scripts/fetch_data_errors.js
// Python original: scripts/python/fetch_data_errors.py

class FetchError extends Error {
  name = "FetchError";
}

async function fetchData(delay) {
  console.log(`Starting fetch with ${delay}s delay...`);
  await asyncio.sleep(Math.abs(delay));
  if (delay < 0) throw new FetchError(`request with delay ${delay} failed`);
  return `Data fetched after ${delay} seconds`;
}

async function eachWithTryCatch() {
  console.log("-- try/catch per task");
  for (const delay of [1, -1]) {
    try {
      console.log(await fetchData(delay));
    } catch (e) {
      console.log(`Caught ${e.name}: ${e.message}`);
    }
  }
}

async function collectWithReturnExceptions() {
  console.log("-- gather with returnExceptions");
  const results = await asyncio.gather(fetchData(1), fetchData(-2), fetchData(3), { returnExceptions: true });
  for (const r of results) {
    if (r instanceof Error) console.log(`Failed: ${r.name}: ${r.message}`);
    else console.log(`OK: ${r}`);
  }
}

async function firstErrorWins() {
  console.log("-- plain gather");
  try {
    await asyncio.gather(fetchData(1), fetchData(-2), fetchData(3));
  } catch (e) {
    console.log(`gather raised ${e.name}: ${e.message}`);
  }
  const start = asyncio.getEventLoop().time();
  await asyncio.sleep(2); // the 3 s fetch is still running, and finishes now
  console.log(`waited ${(asyncio.getEventLoop().time() - start).toFixed(1)}s more`);
}

async function main() {
  await eachWithTryCatch();
  await collectWithReturnExceptions();
  await firstErrorWins();
}

asyncio.run(main());

// Output:
// -- try/catch per task
// Starting fetch with 1s delay...
// Data fetched after 1 seconds
// Starting fetch with -1s delay...
// Caught FetchError: request with delay -1 failed
// -- gather with returnExceptions
// Starting fetch with 1s delay...
// Starting fetch with -2s delay...
// Starting fetch with 3s delay...
// OK: Data fetched after 1 seconds
// Failed: FetchError: request with delay -2 failed
// OK: Data fetched after 3 seconds
// -- plain gather
// Starting fetch with 1s delay...
// Starting fetch with -2s delay...
// Starting fetch with 3s delay...
// gather raised FetchError: request with delay -2 failed
// waited 2.0s more
