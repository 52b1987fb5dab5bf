// The I/O job (issue 30), worker-pool form: 100 tasks take the next of
// 3,000 requests to BENCH_URL (a third to /slow: 20 ms) until none is
// left, each request under asyncio.timeout(5), one retry, the results
// written to the file BENCH_OUT.
const fs = require("fs/promises");
const url = process.env.BENCH_URL, out = process.env.BENCH_OUT || "iojob.out", N = 3000, C = 100;

async function get(i) {
  const u = i % 3 === 0 ? `${url}slow?i=${i}` : `${url}?i=${i}`;
  for (let n = 1; ; n++) {
    try {
      return await asyncio.timeout(5, async () => {
        const r = await fetch(u);
        return `${i} ${r.status} ${(await r.text()).length}`;
      });
    } catch (e) {
      if (n === 2) return `${i} failed ${e.name}`;
    }
  }
}

async function main() {
  const lines = new Array(N);
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      lines[i] = await get(i);
    }
  };
  await asyncio.gather(...Array.from({ length: C }, () => worker()));
  await fs.writeFile(out, lines.join("\n") + "\n");
  console.log("done", lines.length);
}
asyncio.run(main());
