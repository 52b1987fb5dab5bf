# Seed document 003 (tutorial: the async/await model), "Handling Exceptions
# in Asynchronous Code". The results list is printed joined (not with
# print(results)) so that Python and JavaScript print the same line.
# Port: scripts/might_fail.js
import asyncio

async def might_fail(delay):
    await asyncio.sleep(delay)
    if delay > 2:
        raise Exception("Something went wrong!")
    return f"Success after {delay} seconds!"

async def main():
    tasks = [might_fail(i) for i in range(4)]
    results = []
    for task in asyncio.as_completed(tasks):
        try:
            result = await task
            results.append(result)
        except Exception as e:
            print(f"An error occurred: {e}")
    print(f"Results: {' | '.join(results)}")

    # the same, with a variation where the delays are not in order
    # (Python 3.13 adds `async for` over as_completed; 3.11 has only `for`)
    order = []
    for task in asyncio.as_completed([might_fail(d) for d in [3.5, 0.5, 2.5, 1.5]]):
        try:
            order.append(await task)
        except Exception as e:
            order.append(f"error ({e})")
    print(f"Completion order: {' | '.join(order)}")


if __name__ == "__main__":
    asyncio.run(main())
