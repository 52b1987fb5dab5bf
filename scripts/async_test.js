// A test of async code with arun's test runner, on virtual time: the
// minutes of sleeps below take milliseconds. Run it with
//
//   go run ./cmd/arun test scripts/
//
// fetchData is the documents' fetch_data(delay): a fetch simulated by a
// sleep (asyncio times are seconds).
import { test, describe, beforeEach } from "arun:test";
import assert from "node:assert/strict";

async function fetchData(delay) {
  await asyncio.sleep(delay);
  return `Data fetched after ${delay} seconds`;
}

// The option virtualTime: true runs this file on virtual time (the clock
// jumps to the next timer whenever nothing else can run). Test timeouts
// (default 5 s) count on the same clock.
describe("fetchData", { virtualTime: true }, () => {
  let start;
  beforeEach(() => {
    start = performance.now();
  });
  const elapsed = () => Math.round((performance.now() - start) / 1000);

  test("returns its data after the delay", async () => {
    assert.equal(await fetchData(2), "Data fetched after 2 seconds");
    assert.equal(elapsed(), 2);
  });

  test("gather runs the fetches concurrently", async () => {
    const results = await asyncio.gather(fetchData(1), fetchData(2), fetchData(3));
    assert.deepEqual(results, [
      "Data fetched after 1 seconds",
      "Data fetched after 2 seconds",
      "Data fetched after 3 seconds",
    ]);
    assert.equal(elapsed(), 3); // not 6: they overlap
  });

  test("a slow fetch times out", { timeout: 60 }, async () => {
    await assert.rejects(asyncio.waitFor(fetchData(600), 30), asyncio.TimeoutError);
    assert.equal(elapsed(), 30); // ten minutes of fetch, stopped at 30 s
  });

  test("a test of an hour takes no time", { timeout: 7200 }, async () => {
    for (let i = 0; i < 60; i++) await fetchData(60);
    assert.equal(elapsed(), 3600);
  });
});
