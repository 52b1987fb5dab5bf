const N = 200_000;
class Event {
  constructor() { this.flag = false; this.waiters = []; }
  set() { this.flag = true; const w = this.waiters; this.waiters = []; for (const r of w) r(); }
  clear() { this.flag = false; }
  async wait() { if (this.flag) return; await new Promise((r) => this.waiters.push(r)); }
}
const ping = new Event(), pong = new Event();
async function a() { for (let i = 0; i < N; i++) { ping.set(); await pong.wait(); pong.clear(); } }
async function b() { for (let i = 0; i < N; i++) { await ping.wait(); ping.clear(); pong.set(); } }
await Promise.all([a(), b()]);
console.log("done", N);
