// 40k fetches, 50 at a time, against the loopback server in BENCH_URL.
const url = process.env.BENCH_URL, N = 40_000, C = 50;
let next = 0, bytes = 0;
async function worker() { while (next < N) { next++; const t = await (await fetch(url)).text(); bytes += t.length; } }
await Promise.all(Array.from({ length: C }, worker));
console.log("done", N, bytes);
