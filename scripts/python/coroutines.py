# Seed document 002 (guide: asyncio overview), "Coroutines" and "async def
# Functions" (code lost in extraction). Port: scripts/coroutines.js
import asyncio

async def greet(name, delay):
    print(f"Hello, {name}!")
    await asyncio.sleep(delay)  # pause here; other coroutines run meanwhile
    print(f"Goodbye, {name}! (after {delay}s)")
    return len(name)

async def countdown(n):
    while n > 0:
        print(f"countdown {n}")
        await asyncio.sleep(0.4)
        n -= 1
    return "liftoff"

async def main():
    print(f"greet is an async function: {str(asyncio.iscoroutinefunction(greet)).lower()}")
    one = await greet("Alice", 1)
    print(f"greet returned {one}")

    results = await asyncio.gather(greet("Bob", 1), greet("Carol", 0.5), countdown(3))
    print(f"results: {', '.join(map(str, results))}")

asyncio.run(main())
