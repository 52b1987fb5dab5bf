// 100k tasks created and gathered; each does a little async work.
const N = 100_000;
async function work(i) { await asyncio.sleep(0); return i * 2; }
const results = await asyncio.gather(...Array.from({ length: N }, (_, i) => asyncio.createTask(() => work(i))));
console.log("done", results.length, results[N - 1]);
