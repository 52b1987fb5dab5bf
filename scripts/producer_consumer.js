// Port of seed document 000 (blog post: asyncio fundamentals), "Another
// Example": a producer puts five items on an asyncio.Queue, one a second, a
// consumer takes them, two seconds each; null marks the end of production.
// Run it:  go run ./cmd/arun scripts/producer_consumer.js
// (about 11 s; with --virtual-time it is instant and prints the same)
// Python original: scripts/python/producer_consumer.py

async function producer(queue) {
  for (let i = 0; i < 5; i++) {
    const data = `Data-${i}`; // simulate producing data
    await queue.put(data);
    console.log(`Produced: ${data}`);
    await asyncio.sleep(1); // a delay before producing the next item
  }
  await queue.put(null); // signal the end of production
}

async function consumer(queue) {
  while (true) {
    const data = await queue.get();
    if (data === null) break; // end of production
    console.log(`Consumed: ${data}`);
    await asyncio.sleep(2); // a delay before consuming the next item
  }
}

async function main() {
  const dataQueue = new asyncio.Queue();
  const producerTask = asyncio.createTask(producer(dataQueue));
  const consumerTask = asyncio.createTask(consumer(dataQueue));
  await asyncio.gather(producerTask, consumerTask);
}

asyncio.run(main());

// Output:
// Produced: Data-0
// Consumed: Data-0
// Produced: Data-1
// Consumed: Data-1
// Produced: Data-2
// Produced: Data-3
// Consumed: Data-2
// Produced: Data-4
// Consumed: Data-3
// Consumed: Data-4
