const N = 100_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await Promise.all(Array.from({ length: N }, () => sleep(10)));
console.log("done", N);
