# Seed document 002 (guide: asyncio overview), "Example using a semaphore":
# the document's code was lost, this is the program it describes.
# Port: scripts/semaphore.js
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def job(semaphore, n):
        print(f"{stamp()} job {n} waiting")
        async with semaphore:
            print(f"{stamp()} job {n} running")
            await asyncio.sleep(1)
        print(f"{stamp()} job {n} done")
        return n * n

    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(job(semaphore, n) for n in [1, 2, 3, 4, 5]))
    print(f"{stamp()} results: {', '.join(map(str, results))}")

    await semaphore.acquire()
    try:
        print(f"locked after one acquire: {str(semaphore.locked()).lower()}")
        await semaphore.acquire()
        print(f"locked after two: {str(semaphore.locked()).lower()}")
        semaphore.release()
    finally:
        semaphore.release()

asyncio.run(main())
