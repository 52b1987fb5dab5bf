# Seed document 000's list of loop APIs: run_forever (and stop).
# Port: scripts/event_loop_run_forever.js
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
start = loop.time()
stamp = lambda: f"[{loop.time() - start:.1f}s]"

def tick(n):
    print(f"{stamp()} tick {n}")
    if n < 3:
        loop.call_later(0.5, tick, n + 1)

async def worker():
    await asyncio.sleep(2)
    print(f"{stamp()} worker done, stopping the loop")
    loop.stop()

loop.call_soon(tick, 1)
loop.create_task(worker())
loop.run_forever()
print(f"{stamp()} runForever returned")
loop.close()
