// The I/O job (issue 30), asyncio form: 3,000 requests to the loopback
// server in BENCH_URL (a third of them to /slow, which answers after
// 20 ms), 100 at a time behind a Semaphore, a 5 s timeout on each, one
// retry, the results written to the file BENCH_OUT. IOJOB_FORM picks the
// timeout: waitFor (the default: asyncio.waitFor(fetch(u), 5)), timeout
// (asyncio.timeout(5, ...)), signal (fetch(u, { signal:
// AbortSignal.timeout(5000) })), any (AbortSignal.any of a controller's
// signal and a timeout), setTimeout (an AbortController aborted by a
// setTimeout that is cleared), none.
const fs = require("fs/promises");
const url = process.env.BENCH_URL, out = process.env.BENCH_OUT || "iojob.out";
const form = process.env.IOJOB_FORM || "waitFor", N = 3000;

const attempt = {
  none: (u) => fetch(u),
  waitFor: (u) => asyncio.waitFor(fetch(u), 5),
  timeout: (u) => asyncio.timeout(5, () => fetch(u)),
  signal: (u) => fetch(u, { signal: AbortSignal.timeout(5000) }),
  any: (u) => fetch(u, { signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5000)]) }),
  setTimeout: async (u) => {
    const c = new AbortController(), t = setTimeout(() => c.abort(), 5000);
    try { return await fetch(u, { signal: c.signal }); } finally { clearTimeout(t); }
  },
}[form];
if (!attempt) throw new Error(`IOJOB_FORM: no form ${form}`);

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

async function main() {
  const sem = new asyncio.Semaphore(100);
  const lines = await asyncio.gather(...Array.from({ length: N }, (_, i) => sem.withAcquire(() => get(i))));
  await fs.writeFile(out, lines.join("\n") + "\n");
  console.log("done", lines.length, form);
}
asyncio.run(main());
