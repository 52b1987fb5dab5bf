# Seed document 002 (guide: asyncio overview), "Tasks and Futures" (code
# lost in extraction) and document 003's "Futures".
# Port: scripts/tasks_futures.js
import asyncio

async def compute(x):
    await asyncio.sleep(1)
    return x * 2

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"
    b = lambda v: str(v).lower()

    task = asyncio.create_task(compute(21), name="compute")
    task.add_done_callback(lambda t: print(f"{stamp()} callback: {t.get_name()} finished with {t.result()}"))
    print(f"{stamp()} task done? {b(task.done())}")
    value = await task
    print(f"{stamp()} task result: {value}, done? {b(task.done())}")

    future = loop.create_future()
    loop.call_later(0.5, future.set_result, "the answer")
    print(f"{stamp()} waiting for the future...")
    answer = await future
    print(f"{stamp()} future result: {answer}")

    failing = asyncio.Future()
    loop.call_later(0.5, failing.set_exception, ValueError("out of range"))
    try:
        await failing
    except ValueError as e:
        # JavaScript's RangeError plays the part of ValueError
        print(f"{stamp()} future raised RangeError: {e}")
        print(f"exception() is the same error: {b(failing.exception() is e)}")

    try:
        future.set_result("again")
    except asyncio.InvalidStateError as e:
        print(f"setting it twice: {type(e).__name__}")

    never = loop.create_future()
    never.cancel()
    print(f"cancelled: {b(never.cancelled())}, done: {b(never.done())}")
    try:
        await never
    except asyncio.CancelledError as e:
        print(f"awaiting it raises {type(e).__name__}")

    tasks = [asyncio.create_task(asyncio.sleep(n, f"slept {n}")) for n in [3, 1, 2]]
    results = await asyncio.gather(*tasks)
    print(f"{stamp()} {', '.join(results)}")

asyncio.run(main())
