// Web scraping (seed document 002, "Web Scraping"): fetch several pages
// concurrently and parse them, the program the document describes with
// aiohttp and beautifulsoup4. A local arun:http server stands in for the web
// (three HTML pages, deliberately sloppy as real pages are); the pages are
// fetched at once with asyncio.gather, parsed with arun:html, and each
// page's title and links are printed. The server is shut down at the end.
const { serve } = require("arun:http");
const { parse } = require("arun:html");

const pages = {
  "/": `<!DOCTYPE html>
<html><head><title>Home | Example</title></head>
<body><h1>Welcome</h1>
<nav><a href="/about">About us</a> | <a href=/blog>Blog</a></nav>
<p>Elsewhere: <a href="https://example.com/" rel=external>Example</a>
</body></html>`,
  "/about": `<html><head><title>About</title>
<body><p>We scrape politely.<p>Write to <a href="mailto:team@example.com">the team</a>
or go <a href="/">home</a>`,
  "/blog": `<title>Blog &amp; News</title>
<ul class=posts><li><a href="/blog/1">First post</a><li><a href="/blog/2">Second   post</a><li>Draft (no link)</ul>`,
};

function handler(request) {
  const body = pages[new URL(request.url).pathname];
  if (body === undefined) return new Response("not found", { status: 404 });
  return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } });
}

async function scrape(base, path) {
  const response = await fetch(base + path);
  const doc = parse(await response.text());
  const links = doc.querySelectorAll("a[href]").map((a) => ({
    text: a.textContent.replace(/\s+/g, " ").trim(),
    href: a.getAttribute("href"),
  }));
  return { path, status: response.status, title: doc.title, links };
}

async function main() {
  const server = serve({ port: 0, hostname: "127.0.0.1" }, handler);
  const base = `http://127.0.0.1:${server.addr.port}`;
  try {
    const results = await asyncio.gather(...Object.keys(pages).map((path) => scrape(base, path)));
    for (const page of results) {
      console.log(`${page.path} [${page.status}] ${page.title} (${page.links.length} links)`);
      for (const link of page.links) console.log(`  ${link.text} -> ${link.href}`);
    }
  } finally {
    await server.shutdown();
    await server.finished;
  }
  console.log("server closed");
}

asyncio.run(main());

// Output:
// / [200] Home | Example (3 links)
//   About us -> /about
//   Blog -> /blog
//   Example -> https://example.com/
// /about [200] About (2 links)
//   the team -> mailto:team@example.com
//   home -> /
// /blog [200] Blog & News (2 links)
//   First post -> /blog/1
//   Second post -> /blog/2
// server closed
