# CPython twin of determinism.js (without its "# " lines); determinism.out
# is what CPython 3.12 printed in real time:
#   python3 determinism.py > determinism.out
import asyncio

BURN = 5000


def burn(n):
    x = 0
    for i in range(int(n)):
        x = (x + i) % 7
    return x


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    def T():
        return f"{loop.time() - t0:.1f}"

    async def worker(name):
        await asyncio.sleep(1)
        burn(BURN)
        print(f"{T()} {name} woke")
        await asyncio.sleep(1)
        print(f"{T()} {name} done")

    async def tree(name, depth):
        await asyncio.sleep(0.2)
        burn(BURN / 10)
        print(f"{T()} {name}")
        if depth == 0:
            return 1
        kids = await asyncio.gather(
            asyncio.create_task(tree(name + ".0", depth - 1)),
            asyncio.create_task(tree(name + ".1", depth - 1)),
        )
        return kids[0] + kids[1]

    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(5)]
    loop.call_later(2, lambda: print(f"{T()} callLater(2) set at 0"))
    ev = asyncio.Event()

    async def wait_event():
        try:
            await asyncio.wait_for(ev.wait(), 2.5)
        except asyncio.TimeoutError:
            print(f"{T()} event wait timed out: true")

    waiter = asyncio.create_task(wait_event())
    await asyncio.sleep(0.5)
    loop.call_later(1.5, lambda: print(f"{T()} callLater(1.5) set at 0.5"))
    burn(BURN * 5)
    leaves = await tree("t", 2)
    print(f"{T()} tree of {leaves} leaves")
    await asyncio.gather(*workers, waiter)
    for _ in range(3):
        burn(BURN)
        await asyncio.sleep(0.1)
    print(f"{T()} end")


asyncio.run(main())
