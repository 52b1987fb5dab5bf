// 10k sequential fetches against the loopback server in BENCH_URL.
const url = process.env.BENCH_URL, N = 10_000;
let bytes = 0;
for (let i = 0; i < N; i++) bytes += (await (await fetch(url)).text()).length;
console.log("done", N, bytes);
