import asyncio
N = 1_000_000
async def main():
    q = asyncio.Queue(100)
    async def producer():
        for i in range(N):
            await q.put(i)
    async def consumer():
        s = 0
        for _ in range(N):
            s += await q.get()
        return s
    _, s = await asyncio.gather(producer(), consumer())
    print("done", s)
asyncio.run(main())
