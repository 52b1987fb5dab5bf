const N = 100_000;
// waiters is a FIFO with a head index: Array.prototype.shift is O(n) in some
// engines (goja), which would measure the array rather than the promises
class Semaphore {
  constructor(n) { this.n = n; this.waiters = []; this.head = 0; }
  async acquire() { if (this.n > 0) { this.n--; return; } await new Promise((r) => this.waiters.push(r)); }
  release() {
    if (this.head < this.waiters.length) {
      const w = this.waiters[this.head]; this.waiters[this.head++] = undefined;
      if (this.head === this.waiters.length) { this.waiters = []; this.head = 0; }
      w();
    } else this.n++;
  }
}
const sem = new Semaphore(10);
const tick = () => new Promise((r) => setImmediate(r));
let done = 0;
async function job() { await sem.acquire(); try { await tick(); done++; } finally { sem.release(); } }
await Promise.all(Array.from({ length: N }, job));
console.log("done", done);
