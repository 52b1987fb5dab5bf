# Seed document 000's list of APIs: asyncio.wait. Port: scripts/asyncio_wait.js
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def download(name, seconds):
        await asyncio.sleep(seconds)
        return f"{name} ({seconds}s)"

    tasks = [asyncio.create_task(download(name, s), name=name)
             for name, s in [("mirror-a", 3), ("mirror-b", 1), ("mirror-c", 2), ("mirror-d", 10)]]

    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{stamp()} first: {', '.join(t.result() for t in done)}; {len(pending)} still running")

    done, pending = await asyncio.wait(pending, timeout=2.5)
    names = sorted(t.result() for t in done)
    print(f"{stamp()} then: {', '.join(names)}; {len(pending)} still running")

    for t in pending:
        t.cancel()
        print(f"{stamp()} cancelling {t.get_name()}")
    done, pending = await asyncio.wait(pending)
    print(f"{stamp()} cancelled: {str(all(t.cancelled() for t in done)).lower()}, pending: {len(pending)}")

asyncio.run(main())
