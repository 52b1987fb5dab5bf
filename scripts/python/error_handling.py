# Seed document 002 (guide: asyncio overview), best practice "Error
# Handling" (described, no code). Port: scripts/error_handling.js
import asyncio

class ServiceError(Exception):
    pass

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def call(service, delay, fail=False):
        try:
            await asyncio.sleep(delay)
            if fail:
                raise ServiceError(f"{service} is down")
            return f"{service} ok"
        except asyncio.CancelledError:
            print(f"{stamp()} {service} cancelled")
            raise
        finally:
            print(f"{stamp()} {service} cleaned up")

    print("-- try/catch inside the coroutine")
    try:
        await call("billing", 0.5, True)
    except ServiceError as e:
        print(f"{stamp()} handled {type(e).__name__}: {e}")

    print("-- wait(FIRST_EXCEPTION)")
    tasks = [
        asyncio.create_task(call("users", 1)),
        asyncio.create_task(call("search", 1.5, True)),
        asyncio.create_task(call("reports", 5)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{stamp()} {len(done)} done, {len(pending)} pending")
    for t in tasks:
        if t in done:
            print(f"  {'failed: ' + str(t.exception()) if t.exception() else t.result()}")
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)

    print("-- TaskGroup")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(call("mail", 1))
            tg.create_task(call("sms", 0.5, True))
            tg.create_task(call("push", 3))
    except ExceptionGroup as e:
        errors = "; ".join(f"{type(x).__name__}: {x}" for x in e.exceptions)
        print(f"{stamp()} group failed with {len(e.exceptions)} error(s): {errors}")

asyncio.run(main())
