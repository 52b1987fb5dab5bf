// Soak workload: 10,000 asyncio tasks in sleep loops plus hundreds of
// fetches in flight against a loopback arun:http server, for a duration,
// then a clean stop. Run by bench/soak (go run ./bench/soak), or directly:
//   arun bench/soak/soak.js [seconds=60] [tasks=10000] [fetchers=200]
const { serve } = require("arun:http");

const seconds = Number(process.argv[2] ?? 60);
const nTasks = Number(process.argv[3] ?? 10000);
const nFetchers = Number(process.argv[4] ?? 200);

const server = serve({ port: 0, hostname: "127.0.0.1" }, async (req) => {
  const n = Number(new URL(req.url).searchParams.get("n") ?? 0);
  if (n % 10 === 0) await asyncio.sleep(0.005); // some slow responses
  return new Response(JSON.stringify({ n, pad: "x".repeat(n % 512) }), {
    headers: { "content-type": "application/json" },
  });
});
const base = `http://127.0.0.1:${server.addr.port}/`;

let stopping = false;
let sleeps = 0, requests = 0, failures = 0, lastError = "";

async function sleeper(i) {
  let x = 0;
  while (!stopping) {
    await asyncio.sleep(0.05 + (i % 50) / 100); // 50..540 ms
    x++;
  }
  sleeps += x;
}

async function fetcher(i) {
  let n = i;
  while (!stopping) {
    try {
      const r = await fetch(base + "?n=" + n, { signal: AbortSignal.timeout(10000) });
      const body = await r.json();
      if (body.n !== n) throw new Error("wrong body");
      requests++;
    } catch (e) {
      failures++;
      lastError = `${e.name}: ${e.message}${e.cause ? " (" + e.cause.code + ")" : ""}`;
      await asyncio.sleep(0.05);
    }
    n += nFetchers;
  }
}

const t0 = performance.now();
const tasks = [];
for (let i = 0; i < nTasks; i++) tasks.push(asyncio.createTask(() => sleeper(i)));
for (let i = 0; i < nFetchers; i++) tasks.push(asyncio.createTask(() => fetcher(i)));

// progress line every 10 s (the driver shows it next to the RSS samples)
const progress = setInterval(() => {
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(`progress t=${s}s tasks=${asyncio.allTasks().size} requests=${requests} failures=${failures}`);
}, 10000);

await asyncio.sleep(seconds);
stopping = true;
clearInterval(progress);
await asyncio.gather(...tasks);
await server.shutdown();
const elapsed = (performance.now() - t0) / 1000;
console.log(`done elapsed=${elapsed.toFixed(1)}s sleeps=${sleeps} requests=${requests} ` +
  `req/s=${(requests / elapsed).toFixed(0)} failures=${failures}${lastError ? " last=" + JSON.stringify(lastError) : ""}`);
if (failures > requests / 100) process.exitCode = 1;
