# Seed document 000 (blog post: asyncio fundamentals), "Another Example",
# as given. Port: scripts/producer_consumer.js
import asyncio

async def producer(queue):
    for i in range(5):
        # Simulate producing data
        data = f"Data-{i}"
        # Enqueue the produced data
        await queue.put(data)
        print(f"Produced: {data}")
        # Introduce a delay before producing the next item
        await asyncio.sleep(1)
    # Signal the end of production by adding None to the queue
    await queue.put(None)

async def consumer(queue):
    while True:
        # Dequeue the next item
        data = await queue.get()
        if data is None:
            # End of production signal received, break from the loop
            break
        # Simulate consuming data
        print(f"Consumed: {data}")
        # Introduce a delay before consuming the next item
        await asyncio.sleep(2)

async def main():
    # Create an asyncio.Queue to facilitate communication between producer and consumer
    data_queue = asyncio.Queue()
    # Create tasks for the producer and consumer coroutines
    producer_task = asyncio.create_task(producer(data_queue))
    consumer_task = asyncio.create_task(consumer(data_queue))
    # Use asyncio.gather to run both tasks concurrently
    await asyncio.gather(producer_task, consumer_task)

if __name__ == "__main__":
    # Run the main coroutine using asyncio.run
    asyncio.run(main())
