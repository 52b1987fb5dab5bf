# Showcase: a concurrent crawler with a bounded worker pool and per-request
# timeouts. aiohttp and beautifulsoup4 are not in the standard library:
# localhttp (asyncio streams) stands in for aiohttp and html.parser for
# BeautifulSoup; a local server (localhttp.serve) plays the site.
# Port: scripts/crawler.js
import asyncio
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import localhttp

WORKERS = 3
TIMEOUT = 0.25  # seconds per request
MAX_PAGES = 50

SITE = {
    "/": (0.05, "Home", ["/docs", "/blog", "/about", "/slow"]),
    "/docs": (0.05, "Docs", ["/docs/intro", "/docs/api", "/missing"]),
    "/docs/intro": (0.02, "Introduction", ["/docs", "/docs/api"]),
    "/docs/api": (0.1, "API reference", ["/docs/api/v2", "/"]),
    "/docs/api/v2": (0.03, "API v2", []),
    "/blog": (0.05, "Blog", ["/blog/1", "/blog/2", "/"]),
    "/blog/1": (0.02, "First post", ["/blog/2", "https://elsewhere.invalid/"]),
    "/blog/2": (0.04, "Second post", ["/blog/1", "/blog"]),
    "/about": (0.01, "About", ["/"]),
    "/slow": (1.0, "Slow page", ["/never-seen"]),
}

def page(title, links):
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return f"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1><ul>{anchors}</ul></body></html>"

async def handler(request):
    if request.path not in SITE:
        return localhttp.Response("not found", 404)
    seconds, title, links = SITE[request.path]
    await asyncio.sleep(seconds)
    return localhttp.Response(page(title, links), headers={"content-type": "text/html"})

class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.title, self._in_title = [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

async def fetch_page(session, url):
    async with session.get(url) as response:
        return response.status, await response.text()

async def crawl(session, start):
    queue = asyncio.Queue()
    seen = {start}
    report = {}
    active = peak = 0

    async def visit(url):
        try:
            status, html = await asyncio.wait_for(fetch_page(session, url), TIMEOUT)
        except asyncio.TimeoutError:
            return f"timed out after {TIMEOUT}s"
        except Exception as e:
            return f"error: {e}"
        if status != 200:
            return f"HTTP {status}"
        parser = LinkParser()
        parser.feed(html)
        links = [urljoin(url, href) for href in parser.links]
        for link in links:
            if not link.startswith(start) or link in seen or len(seen) >= MAX_PAGES:
                continue
            seen.add(link)
            queue.put_nowait(link)
        return f"{parser.title} ({len(links)} links)"

    async def worker():
        nonlocal active, peak
        while True:
            url = await queue.get()
            active += 1
            peak = max(peak, active)
            try:
                report[urlsplit(url).path] = await visit(url)
            finally:
                active -= 1
                queue.task_done()

    queue.put_nowait(start)
    workers = [asyncio.create_task(worker(), name=f"worker-{i + 1}") for i in range(WORKERS)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return report, peak

async def main():
    server = await localhttp.serve(handler)
    try:
        async with localhttp.ClientSession() as session:
            report, peak = await crawl(session, server.base + "/")
        for path in sorted(report):
            print(f"{path:<14} {report[path]}")
        failed = sum(1 for r in report.values() if "links" not in r)
        print(f"{len(report)} pages visited, {failed} failed, at most {peak} requests at a time")
    finally:
        await server.shutdown()

asyncio.run(main())
