# Seed document 000 (blog post: asyncio fundamentals), "Example with asyncio".
# aiohttp is not in the standard library: localhttp.ClientSession (asyncio
# streams) stands in for aiohttp.ClientSession with the same shape, and a
# local server (localhttp.serve, asyncio.start_server) plays the three APIs
# of api.example.com. URLs are printed without the local server's address.
# Port: scripts/fetch_data_urls.js
import asyncio

import localhttp

API = {
    "/data1": (0.3, '{"id": 1, "name": "alpha", "value": 3.5}'),
    "/data2": (0.1, '{"id": 2, "name": "beta", "value": 7}'),
    "/data3": (0.2, '{"id": 3, "name": "gamma", "value": null}'),
}

async def handler(request):
    if request.path not in API:
        return localhttp.Response("not found", 404)
    delay, body = API[request.path]
    await asyncio.sleep(delay)  # a slow API
    return localhttp.Response(body, headers={"content-type": "application/json"})

async def fetch_data(url):
    async with localhttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()

async def main():
    server = await localhttp.serve(handler)
    base = server.base
    try:
        urls = [base + path for path in API]
        start = asyncio.get_running_loop().time()
        tasks = [fetch_data(url) for url in urls]
        results = await asyncio.gather(*tasks)
        elapsed = asyncio.get_running_loop().time() - start
        for url, data in zip(urls, results):
            print(f"Data from {url[len(base):]}: {data}")
        print(f"3 requests of 0.3 + 0.1 + 0.2 s took {elapsed:.1f}s")
    finally:
        await server.shutdown()

if __name__ == "__main__":
    asyncio.run(main())
