import { test } from "arun:test";
import assert from "node:assert/strict";

const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));

test("an hour of sleeps", { virtualTime: true, timeout: 7200 }, async () => {
  const t0 = performance.now();
  for (let i = 0; i < 60; i++) await sleep(60);
  assert.equal(Math.round((performance.now() - t0) / 1000), 3600);
});

test("timeout under virtual time", { timeout: 30 }, async () => {
  await sleep(60);
});
