# Seed document 001 (course lesson 12), "Common Pitfalls", and document
# 002's "Avoiding Blocking Calls". Port: scripts/pitfalls.js
import asyncio
import time

async def fetch_data(delay):
    await asyncio.sleep(delay)
    return f"Data fetched after {delay} seconds"

async def forgotten_await():
    print("-- 1. forgetting await")
    wrong = fetch_data(1)  # no await: a coroutine object
    print(f"without await, a string? {str(isinstance(wrong, str)).lower()}")
    right = await wrong
    print(f"with await: {right}")

async def blocking_the_loop():
    print("-- 2. blocking the event loop")
    loop = asyncio.get_running_loop()
    last = loop.time()
    longest_gap = 0

    async def tick():
        nonlocal last, longest_gap
        while True:
            await asyncio.sleep(0.05)
            longest_gap = max(longest_gap, loop.time() - last)
            last = loop.time()

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.2)
    print(f"ticks on time while main awaits: {str(longest_gap < 0.3).lower()}")
    time.sleep(0.3)  # the mistake
    await asyncio.sleep(0.2)
    print(f"ticks stalled by the blocking call: {str(longest_gap >= 0.3).lower()}")
    ticker.cancel()

async def silent_failure():
    print("-- 3. exceptions nobody looks at")

    async def background_job():
        await asyncio.sleep(0.1)
        raise Exception("disk full")

    task = asyncio.create_task(background_job())

    def report(t):
        if not t.cancelled() and t.exception():
            print(f"background job failed: {t.exception()}")

    task.add_done_callback(report)
    await asyncio.sleep(0.5)
    print(f"main carried on; task done: {str(task.done()).lower()}")

async def main():
    await forgotten_await()
    await blocking_the_loop()
    await silent_failure()

asyncio.run(main())
