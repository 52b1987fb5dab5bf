// Async generators and for await are lowered for the engine.
async function* countdown(n: number): AsyncGenerator<number> {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 1000));
    yield n--;
  }
}
const start = performance.now();
for await (const n of countdown(3)) console.log("tick", n);
const secs = Math.round((performance.now() - start) / 1000);
console.log(`done after ${secs}s`);
const iterable = { async *[Symbol.asyncIterator]() { yield "a"; yield "b"; } };
const seen: string[] = [];
for await (const x of iterable) seen.push(x);
console.log(seen.join(","));

// Output:
// tick 3
// tick 2
// tick 1
// done after 3s
// a,b
