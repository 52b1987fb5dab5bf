// Showcase: a rate-limited API client. The API (a local arun:http server,
// port 0) accepts 5 requests per second and answers 429 Too Many Requests
// with a Retry-After header beyond that. Two clients fetch the same 12 items
// concurrently with asyncio.gather:
//   - an impatient one fires everything at once and relies on retrying
//     after Retry-After;
//   - a polite one takes a slot from a sliding-window RateLimiter (an
//     asyncio.Lock around the bookkeeping, asyncio.sleep for the wait) and
//     never gets a 429.
// Both also cap the requests in flight with an asyncio.Semaphore.
// Run it:  go run ./cmd/arun scripts/rate_limited_client.js
// Python original: scripts/python/rate_limited_client.py

const { serve } = require("arun:http");

const LIMIT = 5; // requests per second the API accepts
const ITEMS = 12;

// An API that counts requests in fixed one-second windows from its start.
function startApi() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const perWindow = new Map();
  return serve({ port: 0, hostname: "127.0.0.1" }, (request) => {
    const elapsed = loop.time() - start;
    const window = Math.floor(elapsed);
    const used = perWindow.get(window) ?? 0;
    if (used >= LIMIT) {
      const retryAfter = Math.ceil(window + 1 - elapsed);
      return new Response("slow down", { status: 429, headers: { "retry-after": String(retryAfter) } });
    }
    perWindow.set(window, used + 1);
    const id = Number(new URL(request.url).pathname.split("/").pop());
    return Response.json({ id, name: `item-${id}` });
  });
}

// At most `rate` acquisitions in any `per` seconds.
class RateLimiter {
  constructor(rate, per) {
    this.rate = rate;
    this.per = per;
    this.starts = [];
    this.lock = new asyncio.Lock();
  }

  acquire() {
    return this.lock.withLock(async () => {
      const loop = asyncio.getRunningLoop();
      if (this.starts.length >= this.rate) {
        const wait = this.starts.shift() + this.per - loop.time();
        if (wait > 0) await asyncio.sleep(wait);
      }
      this.starts.push(loop.time());
    });
  }
}

class ApiClient {
  constructor(base, { limiter = null, maxInFlight = 4, maxAttempts = 5 } = {}) {
    this.base = base;
    this.limiter = limiter;
    this.inFlight = new asyncio.Semaphore(maxInFlight);
    this.maxAttempts = maxAttempts;
    this.rejected = 0;
    this.okAt = []; // loop times of the successful requests
  }

  async getItem(id) {
    for (let attempt = 1; ; attempt++) {
      if (this.limiter) await this.limiter.acquire();
      const response = await this.inFlight.withAcquire(() => fetch(`${this.base}/items/${id}`));
      if (response.status === 429 && attempt < this.maxAttempts) {
        this.rejected++;
        await response.text();
        await asyncio.sleep(Number(response.headers.get("retry-after") ?? 1));
        continue;
      }
      if (!response.ok) throw new Error(`item ${id}: HTTP ${response.status}`);
      this.okAt.push(asyncio.getRunningLoop().time());
      return await response.json();
    }
  }
}

async function runClient(label, options) {
  const server = startApi();
  try {
    const client = new ApiClient(`http://127.0.0.1:${server.addr.port}`, options);
    const loop = asyncio.getRunningLoop();
    const start = loop.time();
    const ids = Array.from({ length: ITEMS }, (_, i) => i + 1);
    const items = await asyncio.gather(...ids.map((id) => client.getItem(id)));
    const elapsed = loop.time() - start;
    const perSecond = [];
    for (const t of client.okAt) {
      const s = Math.floor(t - start);
      perSecond[s] = (perSecond[s] ?? 0) + 1;
    }
    console.log(`${label}: ${items.length} items (${items[0].name} .. ${items.at(-1).name}) in ${elapsed.toFixed(0)} s`); // whole seconds: requests add real milliseconds
    console.log(`  accepted per second: ${Array.from(perSecond, (n) => n ?? 0).join(", ")}`);
    console.log(`  rejected with 429 and retried: ${client.rejected}`);
  } finally {
    await server.shutdown();
  }
}

async function main() {
  await runClient("impatient", {});
  // 20 ms of margin: the API counts its own windows, and a request landing
  // exactly on a window boundary could still be counted in the old one
  await runClient("polite", { limiter: new RateLimiter(LIMIT, 1.02) });
}

asyncio.run(main());

// Output:
// impatient: 12 items (item-1 .. item-12) in 2 s
//   accepted per second: 5, 5, 2
//   rejected with 429 and retried: 9
// polite: 12 items (item-1 .. item-12) in 2 s
//   accepted per second: 5, 5, 2
//   rejected with 429 and retried: 0
