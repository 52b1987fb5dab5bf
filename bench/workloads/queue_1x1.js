// 1M items through a bounded queue, one producer and one consumer.
const N = 1_000_000;
const q = new asyncio.Queue(100);
async function producer() { for (let i = 0; i < N; i++) await q.put(i); }
async function consumer() { let sum = 0; for (let i = 0; i < N; i++) sum += await q.get(); return sum; }
const [, sum] = await asyncio.gather(producer(), consumer());
console.log("done", sum);
