# Showcase: a pipeline of queues with backpressure and graceful shutdown on
# Ctrl-C (asyncio.run cancels the main task on SIGINT). Python 3.11 has no
# Queue.shutdown() (3.13 does): an end marker per consumer does the same.
# Port: scripts/pipeline.js
import asyncio
import sys

DEMO_SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 3.04
DONE = object()  # end marker, Queue.shutdown() before Python 3.13

stats = {"produced": 0, "parsed": 0, "written": 0, "batches": 0, "source_waited": 0.0}

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def source(out):
        i = 1
        while True:
            wait_start = loop.time()
            await out.put(f"event {i}")  # waits while the queue is full
            stats["source_waited"] += loop.time() - wait_start
            stats["produced"] += 1
            await asyncio.sleep(0.1)
            i += 1

    async def parser(inp, out):
        while (record := await inp.get()) is not DONE:
            await asyncio.sleep(0.3)  # parsing is the slow stage
            await out.put(record.upper())
            stats["parsed"] += 1

    async def writer(inp, batch_size=4):
        batch = []

        async def flush():
            await asyncio.sleep(0.25)  # one write per batch
            stats["written"] += len(batch)
            stats["batches"] += 1
            batch.clear()

        while (record := await inp.get()) is not DONE:
            batch.append(record)
            if len(batch) == batch_size:
                await flush()
        if batch:
            await flush()  # the last, partial batch

    async def monitor(a, b):
        await asyncio.sleep(0.52)  # off the stages' 0.05 s grid, so no ties
        while True:
            print(f"{stamp()} produced {stats['produced']}, parsed {stats['parsed']}, written {stats['written']}; "
                  f"queues {a.qsize()}/{a.maxsize} {b.qsize()}/{b.maxsize}")
            await asyncio.sleep(1)

    raw = asyncio.Queue(5)
    parsed = asyncio.Queue(5)
    parsers = [asyncio.create_task(parser(raw, parsed), name=f"parser-{n}") for n in [1, 2]]
    sink = asyncio.create_task(writer(parsed), name="writer")
    watch = asyncio.create_task(monitor(raw, parsed), name="monitor")
    producer = asyncio.create_task(source(raw), name="source")

    main_task = asyncio.current_task()
    loop.call_later(DEMO_SECONDS, main_task.cancel)  # what Ctrl-C does
    try:
        await producer  # runs until cancelled
    except asyncio.CancelledError:
        main_task.uncancel()
        print(f"{stamp()} cancelled: shutting down gracefully")
    watch.cancel()
    producer.cancel()
    print(f"{stamp()} source stopped after {stats['produced']} records (waited {stats['source_waited']:.1f}s for space)")
    for _ in parsers:
        await raw.put(DONE)
    await asyncio.gather(*parsers)
    print(f"{stamp()} parsers done: {stats['parsed']} parsed")
    await parsed.put(DONE)
    await sink
    print(f"{stamp()} writer done: {stats['written']} written in {stats['batches']} batches")
    print("nothing lost" if stats["produced"] == stats["written"] else f"LOST {stats['produced'] - stats['written']} records")

asyncio.run(main())
