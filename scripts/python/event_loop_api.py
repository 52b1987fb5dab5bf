# Seed document 000's list of loop APIs (get_event_loop, run_until_complete)
# and document 002's "Event Loops" example (code lost in extraction).
# Port: scripts/event_loop_api.js
import asyncio

loop = asyncio.new_event_loop()  # asyncio.get_event_loop() outside a running loop is deprecated
asyncio.set_event_loop(loop)
start = loop.time()
stamp = lambda: f"[{loop.time() - start:.1f}s]"

loop.call_soon(lambda: print(f"{stamp()} callSoon: first thing the loop runs"))
loop.call_later(1, lambda who: print(f"{stamp()} callLater(1): hello, {who}"), "world")
loop.call_at(start + 0.5, lambda: print(f"{stamp()} callAt(start + 0.5)"))
never = loop.call_later(0.7, lambda: print("never printed"))
never.cancel()
print(f"handle cancelled: {str(never.cancelled()).lower()}")

async def main():
    print(f"{stamp()} main starts")
    await asyncio.sleep(1.5)
    print(f"{stamp()} main ends")
    return 42

result = asyncio.get_event_loop().run_until_complete(main())
print(f"{stamp()} runUntilComplete returned {result}")
loop.close()
