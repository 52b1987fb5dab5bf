// Concurrent downloads with a bounded number in flight: an
// asyncio.Semaphore lets at most 2 of 5 downloads run at once, each one
// streams its body with for await and reports progress (every 25%) on
// stderr as bytes arrive; stdout gets the summary, in a stable order.
// A local arun:http server (port 0) serves the files in chunks.
const { serve } = require("arun:http");

const CHUNK = 16 * 1024;
const files = { "a.bin": 48 * 1024, "b.bin": 32 * 1024, "c.bin": 64 * 1024, "d.bin": 16 * 1024, "e.bin": 40 * 1024 };

const server = serve({ port: 0, hostname: "127.0.0.1" }, (req) => {
  const name = new URL(req.url).pathname.slice(1);
  const size = files[name];
  if (size === undefined) return new Response("no such file", { status: 404 });
  let sent = 0;
  const body = new ReadableStream({
    async pull(controller) {
      await asyncio.sleep(0.005); // a slow disk
      const n = Math.min(CHUNK, size - sent);
      controller.enqueue(new Uint8Array(n).fill(name.charCodeAt(0)));
      sent += n;
      if (sent >= size) controller.close();
    },
  });
  return new Response(body, { headers: { "content-length": String(size), "content-type": "application/octet-stream" } });
});
const base = `http://127.0.0.1:${server.addr.port}`;

const limit = new asyncio.Semaphore(2);
let inFlight = 0, peak = 0;

async function download(name) {
  return limit.withAcquire(async () => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      const response = await fetch(`${base}/${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      const total = Number(response.headers.get("content-length"));
      let received = 0, reported = 0;
      for await (const chunk of response.body) {
        received += chunk.length;
        while (reported < 100 && (100 * received) / total >= reported + 25) {
          reported += 25;
          console.error(`${name}: ${reported}% (${received}/${total} bytes)`);
        }
      }
      return { name, received };
    } finally {
      inFlight--;
    }
  });
}

async function main() {
  const names = Object.keys(files);
  const results = await asyncio.gather(...names.map((n) => asyncio.createTask(download(n))));
  for (const r of results) console.log(`${r.name}: ${r.received} bytes`);
  const total = results.reduce((a, r) => a + r.received, 0);
  console.log(`downloaded ${names.length} files, ${total} bytes, at most ${peak} at a time`);
  let missing;
  try {
    await download("missing.bin");
  } catch (e) {
    missing = e.message;
  }
  console.log(`error: ${missing}`);
}

try {
  await asyncio.run(main());
} finally {
  await server.shutdown();
}

// Output:
// a.bin: 49152 bytes
// b.bin: 32768 bytes
// c.bin: 65536 bytes
// d.bin: 16384 bytes
// e.bin: 40960 bytes
// downloaded 5 files, 204800 bytes, at most 2 at a time
// error: missing.bin: HTTP 404
