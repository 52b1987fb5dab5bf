import { test } from "arun:test";

test("leaks an interval", () => {
  setInterval(() => {}, 1000);
});

test("clean after the leak", async () => {
  await new Promise((r) => setTimeout(r, 5));
});

test("throws in a timer", async () => {
  setTimeout(() => { throw new Error("boom in timer"); }, 1);
  await new Promise((r) => setTimeout(r, 1000));
});

test("unhandled rejection", async () => {
  Promise.reject(new Error("nobody handles me"));
  await new Promise((r) => setTimeout(r, 1));
});

test("still fine", () => {});
