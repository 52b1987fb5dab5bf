import asyncio
N = 100_000
async def main():
    sem = asyncio.Semaphore(10)
    done = 0
    async def job():
        nonlocal done
        async with sem:
            await asyncio.sleep(0)
            done += 1
    await asyncio.gather(*(job() for _ in range(N)))
    print("done", done)
asyncio.run(main())
