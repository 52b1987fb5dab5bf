const { test, describe } = require("arun:test");
describe("math", () => {
  test("adds", () => {});
  test("subtracts", () => {});
});
test("strings", () => { throw new Error("filtered out, must not run"); });
