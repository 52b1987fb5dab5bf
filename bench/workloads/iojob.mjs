// The I/O job (issue 30), web form (node, deno, bun, and arun): 3,000
// requests to the loopback server in BENCH_URL (a third of them to /slow,
// which answers after 20 ms), 100 at a time behind a semaphore, a 5 s
// timeout on each, one retry, the results written to the file BENCH_OUT.
// IOJOB_FORM picks the timeout: signal (the default: fetch(u, { signal:
// AbortSignal.timeout(5000) })), any, setTimeout, none.
import { writeFile } from "node:fs/promises";
const url = process.env.BENCH_URL, out = process.env.BENCH_OUT || "iojob.out";
const form = process.env.IOJOB_FORM || "signal", N = 3000, C = 100;

const attempt = {
  none: (u) => fetch(u),
  signal: (u) => fetch(u, { signal: AbortSignal.timeout(5000) }),
  any: (u) => fetch(u, { signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5000)]) }),
  setTimeout: async (u) => {
    const c = new AbortController(), t = setTimeout(() => c.abort(), 5000);
    try { return await fetch(u, { signal: c.signal }); } finally { clearTimeout(t); }
  },
}[form];
if (!attempt) throw new Error(`IOJOB_FORM: no form ${form}`);

// a counting semaphore, its waiters in FIFO order
let free = C, head = 0;
const waiting = [];
const acquire = () => (free > 0 ? (free--, undefined) : new Promise((r) => waiting.push(r)));
const release = () => (head < waiting.length ? waiting[head++]() : free++);

async function get(i) {
  const u = i % 3 === 0 ? `${url}slow?i=${i}` : `${url}?i=${i}`;
  for (let n = 1; ; n++) {
    try {
      const r = await attempt(u);
      return `${i} ${r.status} ${(await r.text()).length}`;
    } catch (e) {
      if (n === 2) return `${i} failed ${e.name}`;
    }
  }
}
async function job(i) {
  await acquire();
  try { return await get(i); } finally { release(); }
}

const lines = await Promise.all(Array.from({ length: N }, (_, i) => job(i)));
await writeFile(out, lines.join("\n") + "\n");
console.log("done", lines.length, form);
