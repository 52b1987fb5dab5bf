const { test, describe } = require("arun:test");
test("not this one", () => { throw new Error("must not run"); });
test.only("this one", () => {});
describe.only("this group", () => {
  test("runs too", () => {});
});
