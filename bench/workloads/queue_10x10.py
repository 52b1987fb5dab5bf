import asyncio
N, P = 1_000_000, 10
async def main():
    q = asyncio.Queue(100)
    async def producer():
        for i in range(N // P):
            await q.put(i)
    async def consumer():
        n = 0
        for _ in range(N // P):
            await q.get()
            n += 1
        return n
    counts = await asyncio.gather(*[producer() for _ in range(P)], *[consumer() for _ in range(P)])
    print("done", sum(counts[P:]))
asyncio.run(main())
