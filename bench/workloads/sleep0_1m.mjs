const N = 1_000_000;
const tick = () => new Promise((r) => setImmediate(r));
for (let i = 0; i < N; i++) await tick();
console.log("done", N);
