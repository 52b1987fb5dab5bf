import asyncio
N = 100_000
async def work(i):
    await asyncio.sleep(0)
    return i * 2
async def main():
    results = await asyncio.gather(*(asyncio.create_task(work(i)) for i in range(N)))
    print("done", len(results), results[N - 1])
asyncio.run(main())
