const N = 100_000;
class Semaphore {
  constructor(n) { this.n = n; this.waiters = []; }
  async acquire() { if (this.n > 0) { this.n--; return; } await new Promise((r) => this.waiters.push(r)); }
  release() { const w = this.waiters.shift(); if (w) w(); else this.n++; }
}
const sem = new Semaphore(10);
const tick = () => new Promise((r) => setImmediate(r));
let done = 0;
async function job() { await sem.acquire(); try { await tick(); done++; } finally { sem.release(); } }
await Promise.all(Array.from({ length: N }, job));
console.log("done", done);
