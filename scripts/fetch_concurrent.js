// The aiohttp example of the seed documents ("fetching data from multiple
// URLs concurrently"), self-contained: a local arun:http server (port 0
// picks a free port) serves a few pages, main() fetches them all at once
// with asyncio.gather and prints the first 100 characters of each.
const { serve } = require("arun:http");

const pages = {
  "/example": "<!doctype html><html><head><title>Example Domain</title></head><body><h1>Example Domain</h1><p>This domain is for use in illustrative examples in documents.</p></body></html>",
  "/python": "<!doctype html><html><head><title>Welcome to Python.org</title></head><body><p>Python is a programming language that lets you work quickly and integrate systems more effectively.</p></body></html>",
  "/search": "<!doctype html><html><head><title>Search</title></head><body><form action=\"/search\"><input name=\"q\"></form></body></html>",
};

const server = serve({ port: 0, hostname: "127.0.0.1" }, async (req) => {
  const path = new URL(req.url).pathname;
  await asyncio.sleep(0.01 * Object.keys(pages).indexOf(path)); // pages answer at different speeds
  const page = pages[path];
  return page === undefined
    ? new Response("not found", { status: 404 })
    : new Response(page, { headers: { "content-type": "text/html; charset=utf-8" } });
});
const base = `http://127.0.0.1:${server.addr.port}`;

async function fetchUrl(url) {
  const response = await fetch(url);
  return await response.text();
}

async function main() {
  const urls = Object.keys(pages).map((p) => base + p);
  const tasks = urls.map((url) => asyncio.createTask(fetchUrl(url)));
  const results = await asyncio.gather(...tasks);
  urls.forEach((url, i) => {
    console.log(`Content from ${url.slice(base.length)}: ${results[i].slice(0, 100)}...`);
  });
}

try {
  await asyncio.run(main());
} finally {
  await server.shutdown();
}

// Output:
// Content from /example: <!doctype html><html><head><title>Example Domain</title></head><body><h1>Example Domain</h1><p>This ...
// Content from /python: <!doctype html><html><head><title>Welcome to Python.org</title></head><body><p>Python is a programmi...
// Content from /search: <!doctype html><html><head><title>Search</title></head><body><form action="/search"><input name="q">...
