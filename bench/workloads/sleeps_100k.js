// 100k tasks, each awaiting a 10 ms sleep, all at once.
const N = 100_000;
await asyncio.gather(...Array.from({ length: N }, () => asyncio.sleep(0.01)));
console.log("done", N);
