const N = 100_000;
const tick = () => new Promise((r) => setImmediate(r));
async function work(i) { await tick(); return i * 2; }
const results = await Promise.all(Array.from({ length: N }, (_, i) => work(i)));
console.log("done", results.length, results[N - 1]);
