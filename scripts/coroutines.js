// Port of seed document 002 (guide: asyncio overview), "Coroutines" and
// "async def Functions" (code lost in extraction; this is the program the
// text describes): coroutines pause at await and resume later, and while one
// is paused the others run. Calling an async function starts it; its result
// is what you get by awaiting the returned promise.
// Run it:  go run ./cmd/arun scripts/coroutines.js
// Python original: scripts/python/coroutines.py

async function greet(name, delay) {
  console.log(`Hello, ${name}!`);
  await asyncio.sleep(delay); // pause here; other coroutines run meanwhile
  console.log(`Goodbye, ${name}! (after ${delay}s)`);
  return name.length;
}

async function countdown(n) {
  while (n > 0) {
    console.log(`countdown ${n}`);
    await asyncio.sleep(0.4);
    n--;
  }
  return "liftoff";
}

async function main() {
  console.log(`greet is an async function: ${asyncio.iscoroutinefunction(greet)}`);
  const one = await greet("Alice", 1); // run one coroutine to completion
  console.log(`greet returned ${one}`);

  // several at once: they interleave at their awaits
  const results = await asyncio.gather(greet("Bob", 1), greet("Carol", 0.5), countdown(3));
  console.log(`results: ${results.join(", ")}`);
}

asyncio.run(main());

// Output:
// greet is an async function: true
// Hello, Alice!
// Goodbye, Alice! (after 1s)
// greet returned 5
// Hello, Bob!
// Hello, Carol!
// countdown 3
// countdown 2
// Goodbye, Carol! (after 0.5s)
// countdown 1
// Goodbye, Bob! (after 1s)
// results: 3, 5, liftoff
