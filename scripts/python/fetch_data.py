# Seed document 001 (course lesson 12), the exercise, as given.
# Port: scripts/fetch_data.js
import asyncio
import time

async def fetch_data(delay):
    print(f"Starting fetch with {delay}s delay...")
    await asyncio.sleep(delay)
    return f"Data fetched after {delay} seconds"

async def main():
    tasks = [fetch_data(1), fetch_data(2), fetch_data(3)]
    results = await asyncio.gather(*tasks)
    for result in results:
        print(result)

asyncio.run(main())
