// 200k event ping-pongs between two tasks.
const N = 200_000;
const ping = new asyncio.Event(), pong = new asyncio.Event();
async function a() { for (let i = 0; i < N; i++) { ping.set(); await pong.wait(); pong.clear(); } }
async function b() { for (let i = 0; i < N; i++) { await ping.wait(); ping.clear(); pong.set(); } }
await asyncio.gather(a(), b());
console.log("done", N);
