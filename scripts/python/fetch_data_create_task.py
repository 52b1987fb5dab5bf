# Seed document 001 (course lesson 12), exercise tip: asyncio.create_task().
# Port: scripts/fetch_data_create_task.js
import asyncio

async def fetch_data(delay):
    print(f"Starting fetch with {delay}s delay...")
    await asyncio.sleep(delay)
    return f"Data fetched after {delay} seconds"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    elapsed = lambda: f"{loop.time() - start:.1f}"

    task1 = asyncio.create_task(fetch_data(2), name="fetch-2")
    task2 = asyncio.create_task(fetch_data(1), name="fetch-1")
    print(f"created {task1.get_name()} and {task2.get_name()}, done: {str(task1.done()).lower()}")

    print("main does other work while the tasks run")
    await asyncio.sleep(0.5)
    print(f"[{elapsed()}s] other work finished")

    first = await task2
    print(f"[{elapsed()}s] {first}")
    second = await task1
    print(f"[{elapsed()}s] {second}")
    print(f"task1 done: {str(task1.done()).lower()}, result(): {task1.result()}")

    slow = asyncio.create_task(fetch_data(10))
    await asyncio.sleep(1)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print(f"[{elapsed()}s] slow task cancelled: {str(slow.cancelled()).lower()}")

asyncio.run(main())
