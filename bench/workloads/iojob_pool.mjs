// The I/O job (issue 30), worker-pool form (node, deno, bun): 100 workers
// take the next of 3,000 requests to BENCH_URL (a third to /slow: 20 ms)
// until none is left, each request with AbortSignal.timeout(5000) over the
// request and its body, one retry, the results written to BENCH_OUT.
import { writeFile } from "node:fs/promises";
const url = process.env.BENCH_URL, out = process.env.BENCH_OUT || "iojob.out", N = 3000, C = 100;

async function get(i) {
  const u = i % 3 === 0 ? `${url}slow?i=${i}` : `${url}?i=${i}`;
  for (let n = 1; ; n++) {
    try {
      const r = await fetch(u, { signal: AbortSignal.timeout(5000) });
      return `${i} ${r.status} ${(await r.text()).length}`;
    } catch (e) {
      if (n === 2) return `${i} failed ${e.name}`;
    }
  }
}

const lines = new Array(N);
let next = 0;
async function worker() {
  while (next < N) {
    const i = next++;
    lines[i] = await get(i);
  }
}
await Promise.all(Array.from({ length: C }, worker));
await writeFile(out, lines.join("\n") + "\n");
console.log("done", lines.length);
