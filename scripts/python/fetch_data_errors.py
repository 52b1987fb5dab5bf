# Seed document 001 (course lesson 12), exercise tip: error handling in
# individual tasks, gather(return_exceptions=True), and plain gather.
# Port: scripts/fetch_data_errors.js
import asyncio

class FetchError(Exception):
    pass

async def fetch_data(delay):
    print(f"Starting fetch with {delay}s delay...")
    await asyncio.sleep(abs(delay))
    if delay < 0:
        raise FetchError(f"request with delay {delay} failed")
    return f"Data fetched after {delay} seconds"

async def each_with_try_except():
    print("-- try/catch per task")
    for delay in [1, -1]:
        try:
            print(await fetch_data(delay))
        except Exception as e:
            print(f"Caught {type(e).__name__}: {e}")

async def collect_with_return_exceptions():
    print("-- gather with returnExceptions")
    results = await asyncio.gather(fetch_data(1), fetch_data(-2), fetch_data(3), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print(f"Failed: {type(r).__name__}: {r}")
        else:
            print(f"OK: {r}")

async def first_error_wins():
    print("-- plain gather")
    try:
        await asyncio.gather(fetch_data(1), fetch_data(-2), fetch_data(3))
    except Exception as e:
        print(f"gather raised {type(e).__name__}: {e}")
    start = asyncio.get_running_loop().time()
    await asyncio.sleep(2)  # the 3 s fetch is still running, and finishes now
    print(f"waited {asyncio.get_running_loop().time() - start:.1f}s more")

async def main():
    await each_with_try_except()
    await collect_with_return_exceptions()
    await first_error_wins()

asyncio.run(main())
