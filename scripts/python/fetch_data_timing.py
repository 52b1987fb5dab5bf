# Seed document 001 (course lesson 12), exercise tip: sequential vs
# concurrent execution. Times come from the loop's clock (loop.time()), which
# a virtual-time loop advances, as arun's performance.now().
# Port: scripts/fetch_data_timing.js
import asyncio

async def fetch_data(delay):
    print(f"Starting fetch with {delay}s delay...")
    await asyncio.sleep(delay)
    return f"Data fetched after {delay} seconds"

async def sequential():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = []
    for delay in [1, 2, 3]:
        results.append(await fetch_data(delay))
    print(f"Sequential: {len(results)} results in {loop.time() - start:.1f}s")

async def concurrent():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(fetch_data(1), fetch_data(2), fetch_data(3))
    print(f"Concurrent: {len(results)} results in {loop.time() - start:.1f}s")

async def main():
    await sequential()
    await concurrent()

asyncio.run(main())
