import { test } from "arun:test";
import { strictEqual } from "node:assert";

interface Pair {
  a: number;
  b: number;
}

function add(p: Pair): number {
  return p.a + p.b;
}

test("adds typed pairs", () => {
  strictEqual(add({ a: 2, b: 2 }), 4);
});

test("reports TS positions", () => {
  const p: Pair = { a: 1, b: 1 };
  strictEqual(add(p), 3);
});
