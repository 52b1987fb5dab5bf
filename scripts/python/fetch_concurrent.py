# Seed document 003 (tutorial: the async/await model), "Implementing
# Asynchronous Functions": fetch_url with one shared session. aiohttp is not
# in the standard library: localhttp.ClientSession (asyncio streams) stands
# in for aiohttp.ClientSession, and a local server (localhttp.serve) serves
# three pages instead of example.com, python.org and google.com, with the
# same content and delays as scripts/fetch_concurrent.js (whose author owns
# that port). URLs are printed without the local server's address.
import asyncio

import localhttp

PAGES = {
    "/example": "<!doctype html><html><head><title>Example Domain</title></head><body><h1>Example Domain</h1><p>This domain is for use in illustrative examples in documents.</p></body></html>",
    "/python": "<!doctype html><html><head><title>Welcome to Python.org</title></head><body><p>Python is a programming language that lets you work quickly and integrate systems more effectively.</p></body></html>",
    "/search": "<!doctype html><html><head><title>Search</title></head><body><form action=\"/search\"><input name=\"q\"></form></body></html>",
}

async def handler(request):
    if request.path not in PAGES:
        return localhttp.Response("not found", 404)
    await asyncio.sleep(0.01 * list(PAGES).index(request.path))  # pages answer at different speeds
    return localhttp.Response(PAGES[request.path], headers={"content-type": "text/html; charset=utf-8"})

async def fetch_url(session, url):
    async with session.get(url) as response:
        return await response.text()

async def main():
    server = await localhttp.serve(handler)
    base = server.base
    try:
        async with localhttp.ClientSession() as session:
            urls = [base + path for path in PAGES]
            tasks = [fetch_url(session, url) for url in urls]
            results = await asyncio.gather(*tasks)
            for url, result in zip(urls, results):
                print(f"Content from {url[len(base):]}: {result[:100]}...") #Print first 100 characters
    finally:
        await server.shutdown()

if __name__ == "__main__":
    asyncio.run(main())
