import asyncio
N = 200_000
async def main():
    ping, pong = asyncio.Event(), asyncio.Event()
    async def a():
        for _ in range(N):
            ping.set(); await pong.wait(); pong.clear()
    async def b():
        for _ in range(N):
            await ping.wait(); ping.clear(); pong.set()
    await asyncio.gather(a(), b())
    print("done", N)
asyncio.run(main())
