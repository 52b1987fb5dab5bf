# Seed document 002 (guide: asyncio overview), section 3 "Async and Await"
# (code lost in extraction). Port: scripts/async_await.js
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamp = lambda: f"[{loop.time() - start:.1f}s]"

    async def get_user(user_id):
        await asyncio.sleep(0.5)  # a database query
        return {"id": user_id, "name": f"user{user_id}"}

    async def get_orders(user):
        await asyncio.sleep(1)  # a call to another service
        return [f"order-{user['id']}-1", f"order-{user['id']}-2"]

    async def user_summary(user_id):
        user = await get_user(user_id)
        print(f"{stamp()} got {user['name']}")
        orders = await get_orders(user)
        print(f"{stamp()} got {len(orders)} orders")
        return f"{user['name']}: {', '.join(orders)}"

    async def heartbeat():
        i = 1
        while True:
            await asyncio.sleep(0.4)
            print(f"{stamp()} heartbeat {i}")
            i += 1

    beat = asyncio.create_task(heartbeat())
    summary = await user_summary(7)
    print(f"{stamp()} {summary}")
    beat.cancel()

asyncio.run(main())
