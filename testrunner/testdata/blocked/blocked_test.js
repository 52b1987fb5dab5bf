import { test } from "arun:test";
test("before", () => {});
test("spins forever", { timeout: 0.2 }, () => {
  for (;;) {}
});
test("after", () => {});
