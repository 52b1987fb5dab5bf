// Port of seed document 003 (tutorial: the async/await model), "Handling
// Exceptions in Asynchronous Code": four tasks, the one that sleeps longer
// than 2 s fails; asyncio.asCompleted hands them back in completion order
// and each error is caught on its own, so one failure does not stop the rest.
// (The document's might_fail is deterministic already: it fails on delay > 2,
// no randomness is involved.)
// Run it:  go run ./cmd/arun scripts/might_fail.js
// Python original: scripts/python/might_fail.py

async function mightFail(delay) {
  await asyncio.sleep(delay);
  if (delay > 2) throw new Error("Something went wrong!");
  return `Success after ${delay} seconds!`;
}

async function main() {
  const tasks = [0, 1, 2, 3].map((i) => mightFail(i));
  const results = [];
  for (const task of asyncio.asCompleted(tasks)) {
    try {
      results.push(await task);
    } catch (e) {
      console.log(`An error occurred: ${e.message}`);
    }
  }
  console.log(`Results: ${results.join(" | ")}`);

  // the same, with for await and a variation where the delays are not in order
  const order = [];
  for await (const task of asyncio.asCompleted([3.5, 0.5, 2.5, 1.5].map((d) => mightFail(d)))) {
    try {
      order.push(await task);
    } catch (e) {
      order.push(`error (${e.message})`);
    }
  }
  console.log(`Completion order: ${order.join(" | ")}`);
}

asyncio.run(main());

// Output:
// An error occurred: Something went wrong!
// Results: Success after 0 seconds! | Success after 1 seconds! | Success after 2 seconds!
// Completion order: Success after 0.5 seconds! | Success after 1.5 seconds! | error (Something went wrong!) | error (Something went wrong!)
