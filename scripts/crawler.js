// Showcase: a concurrent web crawler with a bounded worker pool and
// per-request timeouts: the pattern behind seed document 002's "Web
// Scraping" and the documents' concurrent fetches, grown into a program you
// can copy. Three workers share an asyncio.Queue of URLs; every request gets
// asyncio.waitFor with a timeout (the fetch is cancelled, not abandoned);
// links are found with arun:html and followed within the site, each once;
// queue.join() says when the crawl is complete, then the workers are
// cancelled. A local arun:http server (port 0) plays the site, with a slow
// page, a broken link and a link off-site, so it runs offline.
// Run it:  go run ./cmd/arun scripts/crawler.js
// Python original: scripts/python/crawler.py

const { serve } = require("arun:http");
const { parse } = require("arun:html");

const WORKERS = 3;
const TIMEOUT = 0.25; // seconds per request
const MAX_PAGES = 50;

// the site: path -> [seconds to answer, title, links]
const site = {
  "/": [0.05, "Home", ["/docs", "/blog", "/about", "/slow"]],
  "/docs": [0.05, "Docs", ["/docs/intro", "/docs/api", "/missing"]],
  "/docs/intro": [0.02, "Introduction", ["/docs", "/docs/api"]],
  "/docs/api": [0.1, "API reference", ["/docs/api/v2", "/"]],
  "/docs/api/v2": [0.03, "API v2", []],
  "/blog": [0.05, "Blog", ["/blog/1", "/blog/2", "/"]],
  "/blog/1": [0.02, "First post", ["/blog/2", "https://elsewhere.invalid/"]],
  "/blog/2": [0.04, "Second post", ["/blog/1", "/blog"]],
  "/about": [0.01, "About", ["/"]],
  "/slow": [1.0, "Slow page", ["/never-seen"]],
};

function page(title, links) {
  const anchors = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join("");
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><ul>${anchors}</ul></body></html>`;
}

const server = serve({ port: 0, hostname: "127.0.0.1" }, async (request) => {
  const entry = site[new URL(request.url).pathname];
  if (!entry) return new Response("not found", { status: 404 });
  const [seconds, title, links] = entry;
  await asyncio.sleep(seconds);
  return new Response(page(title, links), { headers: { "content-type": "text/html" } });
});
const root = `http://127.0.0.1:${server.addr.port}/`;

async function fetchPage(url) {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
}

async function crawl(start) {
  const queue = new asyncio.Queue();
  const seen = new Set([start]);
  const report = new Map();
  let active = 0, peak = 0;

  async function visit(url) {
    let result;
    try {
      result = await asyncio.waitFor(fetchPage(url), TIMEOUT);
    } catch (e) {
      if (e instanceof asyncio.TimeoutError) return `timed out after ${TIMEOUT}s`;
      return `error: ${e.message}`;
    }
    if (result.status !== 200) return `HTTP ${result.status}`;
    const doc = parse(result.html);
    const links = doc.querySelectorAll("a[href]").map((a) => new URL(a.getAttribute("href"), url).href);
    for (const link of links) {
      if (!link.startsWith(start) || seen.has(link) || seen.size >= MAX_PAGES) continue;
      seen.add(link);
      queue.putNowait(link);
    }
    return `${doc.querySelector("title").textContent} (${links.length} links)`;
  }

  async function worker() {
    for (;;) {
      const url = await queue.get();
      active++;
      peak = Math.max(peak, active);
      try {
        report.set(new URL(url).pathname, await visit(url));
      } finally {
        active--;
        queue.taskDone();
      }
    }
  }

  queue.putNowait(start);
  const workers = Array.from({ length: WORKERS }, (_, i) => asyncio.createTask(worker, { name: `worker-${i + 1}` }));
  await queue.join();
  for (const w of workers) w.cancel();
  await asyncio.gather(...workers, { returnExceptions: true });
  return { report, peak };
}

async function main() {
  const { report, peak } = await crawl(root);
  for (const path of [...report.keys()].sort()) console.log(`${path.padEnd(14)} ${report.get(path)}`);
  const failed = [...report.values()].filter((r) => !r.includes("links")).length;
  console.log(`${report.size} pages visited, ${failed} failed, at most ${peak} requests at a time`);
}

try {
  await asyncio.run(main());
} finally {
  await server.shutdown();
}

// Output:
// /              Home (4 links)
// /about         About (1 links)
// /blog          Blog (3 links)
// /blog/1        First post (2 links)
// /blog/2        Second post (2 links)
// /docs          Docs (3 links)
// /docs/api      API reference (2 links)
// /docs/api/v2   API v2 (0 links)
// /docs/intro    Introduction (2 links)
// /missing       HTTP 404
// /slow          timed out after 0.25s
// 11 pages visited, 2 failed, at most 3 requests at a time
