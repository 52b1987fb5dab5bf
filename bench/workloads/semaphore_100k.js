// 100k tasks acquiring a semaphore of 10 around a yield.
const N = 100_000;
const sem = new asyncio.Semaphore(10);
let done = 0;
async function job() { await sem.withAcquire(async () => { await asyncio.sleep(0); done++; }); }
await asyncio.gather(...Array.from({ length: N }, () => job()));
console.log("done", done);
