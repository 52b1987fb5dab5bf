# Seed document 003's "Queues" (described, no code): a worker pool over an
# asyncio.Queue with task_done()/join(). Fixed durations instead of random
# ones, so the output is deterministic. Port: scripts/queue_workers.js
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def worker(name, queue, stats):
        while True:
            job, seconds = await queue.get()
            try:
                await asyncio.sleep(seconds)
                stats[name] = stats.get(name, 0) + 1
                print(f"{stamp()} {name} finished {job} ({seconds}s)")
            finally:
                queue.task_done()

    queue = asyncio.Queue()
    durations = [1.2, 0.4, 0.9, 0.3, 1.1, 0.6, 0.2, 0.8]
    for i, s in enumerate(durations):
        queue.put_nowait((f"job-{i + 1}", s))
    print(f"{queue.qsize()} jobs queued")

    stats = {}
    workers = [asyncio.create_task(worker(name, queue, stats)) for name in ["w1", "w2", "w3"]]

    await queue.join()
    print(f"{stamp()} all jobs done; queue empty: {str(queue.empty()).lower()}")

    for w in workers:
        w.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print(f"workers cancelled: {str(all(isinstance(o, asyncio.CancelledError) for o in outcomes)).lower()}")
    print(f"jobs per worker: {' '.join(f'{k}={stats[k]}' for k in sorted(stats))}")
    print(f"{sum(durations):.1f}s of work took {loop.time() - start:.1f}s")

asyncio.run(main())
