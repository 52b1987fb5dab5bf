# Seed document 002 (guide: asyncio overview), "Testing Async Code":
# pytest-asyncio is not in the standard library; unittest's
# IsolatedAsyncioTestCase is its stdlib equivalent. The arun port is
# scripts/async_test.js (run with `go run ./cmd/arun test scripts/`),
# written by its own author; this file has no recorded output to compare
# (a test runner's report), run it with:  python3 -m unittest test_async.py
import asyncio
import unittest

async def fetch_data(delay):
    await asyncio.sleep(delay)
    return f"Data fetched after {delay} seconds"

class FetchDataTest(unittest.IsolatedAsyncioTestCase):
    def elapsed(self):
        return round(asyncio.get_running_loop().time() - self.start)

    async def asyncSetUp(self):
        self.start = asyncio.get_running_loop().time()

    async def test_returns_its_data_after_the_delay(self):
        self.assertEqual(await fetch_data(0.2), "Data fetched after 0.2 seconds")

    async def test_gather_runs_the_fetches_concurrently(self):
        results = await asyncio.gather(fetch_data(1), fetch_data(0.5), fetch_data(0.25))
        self.assertEqual(results, ["Data fetched after 1 seconds", "Data fetched after 0.5 seconds",
                                   "Data fetched after 0.25 seconds"])
        self.assertEqual(self.elapsed(), 1)  # not 1.75: they overlap

    async def test_a_slow_fetch_times_out(self):
        with self.assertRaises(asyncio.TimeoutError):
            await asyncio.wait_for(fetch_data(600), 0.5)

if __name__ == "__main__":
    unittest.main()
