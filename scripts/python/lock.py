# Seed documents 002 and 003: locks protect a shared resource (described,
# no code in the documents). Port: scripts/lock.js
import asyncio

class Account:
    def __init__(self):
        self.balance = 0

    async def deposit(self, amount):
        current = self.balance  # read
        await asyncio.sleep(0.1)  # e.g. a database round trip
        self.balance = current + amount  # write

async def main():
    unsafe = Account()
    await asyncio.gather(*(unsafe.deposit(1) for _ in range(10)))
    print(f"without a lock: balance {unsafe.balance} (expected 10)")

    safe = Account()
    lock = asyncio.Lock()

    async def locked_deposit(amount):
        async with lock:
            await safe.deposit(amount)

    await asyncio.gather(*(locked_deposit(1) for _ in range(10)))
    print(f"with a lock:    balance {safe.balance} (expected 10)")

    loop = asyncio.get_running_loop()
    start = loop.time()

    async def hold():
        async with lock:
            print("holder: got the lock")
            await asyncio.sleep(1)
            print("holder: releasing")

    holder = asyncio.create_task(hold())
    await asyncio.sleep(0)
    print(f"main: locked={str(lock.locked()).lower()}, waiting for it")
    await lock.acquire()
    try:
        print(f"main: got the lock after {loop.time() - start:.1f}s")
    finally:
        lock.release()
    await holder

asyncio.run(main())
