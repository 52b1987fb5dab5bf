// One task yielding to the loop a million times.
const N = 1_000_000;
for (let i = 0; i < N; i++) await asyncio.sleep(0);
console.log("done", N);
