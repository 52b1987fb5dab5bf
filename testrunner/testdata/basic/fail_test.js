const { test } = require("arun:test");
const assert = require("assert");

test("deep diff", () => {
  assert.deepStrictEqual({ name: "arun", tags: ["a", "b"], n: 1 }, { name: "arun", tags: ["a", "c"], n: 1 });
});

test("leaks a timer", () => {
  setTimeout(() => {}, 60000);
});

test("times out", { timeout: 0.05 }, async () => {
  await new Promise(() => {});
});

test.skip("skipped", () => {});
test.todo("later");
