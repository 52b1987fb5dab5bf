// Port of seed document 000 (blog post: asyncio fundamentals), "Example with
// asyncio": fetch data from several web APIs concurrently, each fetch with
// its own HTTP session (aiohttp.ClientSession there, plain fetch here), all
// gathered with asyncio.gather. Results keep the order of the URLs although
// the first URL answers last. Instead of api.example.com, a local
// arun:http server (port 0: any free port) plays the three APIs, so it runs
// offline. (The other form, one shared session: scripts/fetch_concurrent.js.)
// Run it:  go run ./cmd/arun scripts/fetch_data_urls.js
// Python original: scripts/python/fetch_data_urls.py

const { serve } = require("arun:http");

const api = {
  "/data1": { delay: 0.3, body: '{"id": 1, "name": "alpha", "value": 3.5}' },
  "/data2": { delay: 0.1, body: '{"id": 2, "name": "beta", "value": 7}' },
  "/data3": { delay: 0.2, body: '{"id": 3, "name": "gamma", "value": null}' },
};

const server = serve({ port: 0, hostname: "127.0.0.1" }, async (request) => {
  const entry = api[new URL(request.url).pathname];
  if (!entry) return new Response("not found", { status: 404 });
  await asyncio.sleep(entry.delay); // a slow API
  return new Response(entry.body, { headers: { "content-type": "application/json" } });
});
const base = `http://127.0.0.1:${server.addr.port}`;

async function fetchData(url) {
  const response = await fetch(url);
  return await response.text();
}

async function main() {
  const urls = Object.keys(api).map((path) => base + path);
  const start = performance.now();
  const results = await asyncio.gather(...urls.map((url) => fetchData(url)));
  const elapsed = (performance.now() - start) / 1000;
  urls.forEach((url, i) => console.log(`Data from ${url.slice(base.length)}: ${results[i]}`));
  console.log(`3 requests of 0.3 + 0.1 + 0.2 s took ${elapsed.toFixed(1)}s`);
}

try {
  await asyncio.run(main());
} finally {
  await server.shutdown();
}

// Output:
// Data from /data1: {"id": 1, "name": "alpha", "value": 3.5}
// Data from /data2: {"id": 2, "name": "beta", "value": 7}
// Data from /data3: {"id": 3, "name": "gamma", "value": null}
// 3 requests of 0.3 + 0.1 + 0.2 s took 0.3s
