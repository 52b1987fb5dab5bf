// 1M items through a bounded queue, ten producers and ten consumers.
const N = 1_000_000, P = 10;
const q = new asyncio.Queue(100);
async function producer() { for (let i = 0; i < N / P; i++) await q.put(i); }
async function consumer() { let n = 0; for (let i = 0; i < N / P; i++) { await q.get(); n++; } return n; }
const ps = Array.from({ length: P }, () => producer());
const cs = Array.from({ length: P }, () => consumer());
const counts = await asyncio.gather(...ps, ...cs);
console.log("done", counts.slice(P).reduce((a, b) => a + b, 0));
