# Seed document 001 (course lesson 12), exercise tip: asyncio.wait_for()
# timeouts, and asyncio.timeout() around a block (Python 3.11+).
# Port: scripts/fetch_data_wait_for.js
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def fetch_data(delay):
        print(f"{stamp()} Starting fetch with {delay}s delay...")
        try:
            await asyncio.sleep(delay)
            return f"Data fetched after {delay} seconds"
        except asyncio.CancelledError:
            print(f"{stamp()} fetch with {delay}s delay cancelled")
            raise

    data = await asyncio.wait_for(fetch_data(1), 2)
    print(f"{stamp()} {data}")

    try:
        await asyncio.wait_for(fetch_data(5), 2)
    except asyncio.TimeoutError as e:
        print(f"{stamp()} timed out: {type(e).__name__}")

    for timeout in [0.5, 1, 2]:
        try:
            data = await asyncio.wait_for(fetch_data(1.5), timeout)
            print(f"{stamp()} got it with timeout {timeout}: {data}")
            break
        except asyncio.TimeoutError:
            print(f"{stamp()} timeout {timeout} too short, retrying")

    try:
        async with asyncio.timeout(2.5):
            for _ in range(3):
                data = await fetch_data(1)
                print(f"{stamp()} {data}")
    except TimeoutError:
        print(f"{stamp()} the block took longer than 2.5s")

asyncio.run(main())
