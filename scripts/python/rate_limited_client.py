# Showcase: a rate-limited API client. aiohttp is not in the standard
# library: localhttp (asyncio streams) stands in for it, and a local server
# (localhttp.serve) plays the API. Port: scripts/rate_limited_client.js
import asyncio
import json
import math

import localhttp

LIMIT = 5  # requests per second the API accepts
ITEMS = 12

async def start_api():
    """An API that counts requests in fixed one-second windows from its start."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    per_window = {}

    async def handler(request):
        elapsed = loop.time() - start
        window = math.floor(elapsed)
        used = per_window.get(window, 0)
        if used >= LIMIT:
            retry_after = math.ceil(window + 1 - elapsed)
            return localhttp.Response("slow down", 429, {"retry-after": str(retry_after)})
        per_window[window] = used + 1
        item_id = int(request.path.rsplit("/", 1)[-1])
        return localhttp.Response(json.dumps({"id": item_id, "name": f"item-{item_id}"}),
                                  headers={"content-type": "application/json"})

    return await localhttp.serve(handler)

class RateLimiter:
    """At most `rate` acquisitions in any `per` seconds."""

    def __init__(self, rate, per):
        self.rate, self.per = rate, per
        self.starts = []
        self.lock = asyncio.Lock()

    async def acquire(self):
        async with self.lock:
            loop = asyncio.get_running_loop()
            if len(self.starts) >= self.rate:
                wait = self.starts.pop(0) + self.per - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            self.starts.append(loop.time())

class ApiClient:
    def __init__(self, base, limiter=None, max_in_flight=4, max_attempts=5):
        self.base = base
        self.limiter = limiter
        self.in_flight = asyncio.Semaphore(max_in_flight)
        self.max_attempts = max_attempts
        self.rejected = 0
        self.ok_at = []
        self.session = localhttp.ClientSession()

    async def get_item(self, item_id):
        attempt = 0
        while True:
            attempt += 1
            if self.limiter:
                await self.limiter.acquire()
            async with self.in_flight:
                response = await self.session.get(f"{self.base}/items/{item_id}")
            if response.status == 429 and attempt < self.max_attempts:
                self.rejected += 1
                await asyncio.sleep(int(response.headers.get("retry-after", 1)))
                continue
            if not response.ok:
                raise Exception(f"item {item_id}: HTTP {response.status}")
            self.ok_at.append(asyncio.get_running_loop().time())
            return await response.json()

async def run_client(label, limiter=None):
    server = await start_api()
    try:
        client = ApiClient(server.base, limiter)
        loop = asyncio.get_running_loop()
        start = loop.time()
        items = await asyncio.gather(*(client.get_item(i) for i in range(1, ITEMS + 1)))
        elapsed = loop.time() - start
        per_second = {}
        for t in client.ok_at:
            s = math.floor(t - start)
            per_second[s] = per_second.get(s, 0) + 1
        counts = [per_second.get(s, 0) for s in range(max(per_second) + 1)]
        print(f"{label}: {len(items)} items ({items[0]['name']} .. {items[-1]['name']}) in {elapsed:.0f} s")  # whole seconds: requests add real milliseconds
        print(f"  accepted per second: {', '.join(map(str, counts))}")
        print(f"  rejected with 429 and retried: {client.rejected}")
    finally:
        await server.shutdown()

async def main():
    await run_client("impatient")
    # 20 ms of margin: a request landing exactly on the API's window
    # boundary could still be counted in the old window
    await run_client("polite", RateLimiter(LIMIT, 1.02))

asyncio.run(main())
