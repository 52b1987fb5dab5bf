import asyncio
N = 100_000
async def main():
    await asyncio.gather(*(asyncio.sleep(0.01) for _ in range(N)))
    print("done", N)
asyncio.run(main())
