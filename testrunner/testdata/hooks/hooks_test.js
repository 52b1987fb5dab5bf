import { test, describe, beforeAll, afterAll, beforeEach, afterEach } from "arun:test";
import assert from "node:assert";

const log = [];
beforeAll(() => log.push("beforeAll"));
afterAll(() => console.log(log.join(",")));
beforeEach(() => log.push("beforeEach"));
afterEach(() => log.push("afterEach"));

test("first", () => log.push("first"));

describe("outer", () => {
  beforeAll(async () => {
    await new Promise((r) => setTimeout(r, 1));
    log.push("outer.beforeAll");
  });
  afterAll(() => log.push("outer.afterAll"));
  beforeEach(() => log.push("outer.beforeEach"));
  afterEach(() => log.push("outer.afterEach"));
  test("second", () => log.push("second"));
});

test("order so far", () => {
  assert.deepStrictEqual(log, [
    "beforeAll",
    "beforeEach", "first", "afterEach",
    "outer.beforeAll",
    "beforeEach", "outer.beforeEach", "second", "outer.afterEach", "afterEach",
    "outer.afterAll",
    "beforeEach",
  ]);
});

describe("broken setup", () => {
  beforeAll(() => { throw new Error("no database"); });
  test("needs the database", () => {});
});
