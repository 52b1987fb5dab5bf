import asyncio
N = 1_000_000
async def main():
    for _ in range(N):
        await asyncio.sleep(0)
    print("done", N)
asyncio.run(main())
