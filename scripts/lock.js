// Port of seed documents 002 ("Synchronization Primitives: locks") and 003
// ("Locks and Semaphores: control access to shared resources"): ten tasks
// each add 1 to a shared balance with a read, an await, and a write. Without
// a lock, every task reads the same old value and updates are lost; with an
// asyncio.Lock around the read-modify-write, the total is right.
// Run it:  go run ./cmd/arun scripts/lock.js
// Python original: scripts/python/lock.py

class Account {
  balance = 0;

  async deposit(amount) {
    const current = this.balance; // read
    await asyncio.sleep(0.1); // e.g. a database round trip
    this.balance = current + amount; // write
  }
}

async function main() {
  const unsafe = new Account();
  await asyncio.gather(...Array.from({ length: 10 }, () => unsafe.deposit(1)));
  console.log(`without a lock: balance ${unsafe.balance} (expected 10)`);

  const safe = new Account();
  const lock = new asyncio.Lock();
  await asyncio.gather(...Array.from({ length: 10 }, () => lock.withLock(() => safe.deposit(1))));
  console.log(`with a lock:    balance ${safe.balance} (expected 10)`);

  const loop = asyncio.getEventLoop();
  const start = loop.time();
  const holder = asyncio.createTask(() =>
    lock.withLock(async () => {
      console.log("holder: got the lock");
      await asyncio.sleep(1);
      console.log("holder: releasing");
    }),
  );
  await asyncio.sleep(0);
  console.log(`main: locked=${lock.locked()}, waiting for it`);
  await lock.acquire();
  try {
    console.log(`main: got the lock after ${(loop.time() - start).toFixed(1)}s`);
  } finally {
    lock.release();
  }
  await holder;
}

asyncio.run(main());

// Output:
// without a lock: balance 1 (expected 10)
// with a lock:    balance 10 (expected 10)
// holder: got the lock
// main: locked=true, waiting for it
// holder: releasing
// main: got the lock after 1.0s
