import { test, describe } from "arun:test";
import assert from "node:assert/strict";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function fetchData(delay) {
  await sleep(delay * 1000);
  return `Data fetched after ${delay} seconds`;
}

test("sync math", () => {
  assert.strictEqual(1 + 1, 2);
});

test("async fetchData", async () => {
  assert.equal(await fetchData(0.01), "Data fetched after 0.01 seconds");
});

describe("group", () => {
  test("inner", () => {
    console.log("hello from inner");
    assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] });
  });
});
