import asyncio

async def worker(name, queue):
    while True:
        delay = await queue.get()
        await asyncio.sleep(delay)
        queue.task_done()
        print(f"{name} slept {delay}s")

async def main():
    queue = asyncio.Queue()
    for d in [0.3, 0.1, 0.2]:
        queue.put_nowait(d)
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in [1, 2]]
    await queue.join()
    for t in tasks:
        t.cancel()  # each worker stops at its await
    await asyncio.gather(*tasks, return_exceptions=True)
    try:
        await asyncio.wait_for(asyncio.sleep(60), 0.5)
    except asyncio.TimeoutError as e:
        print(type(e).__name__)

asyncio.run(main())
