import { test } from "arun:test";
test("x", () => {
  let = ;
});
