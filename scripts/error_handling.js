// Port of seed document 002 (guide: asyncio overview), best practice "Error
// Handling: unhandled exceptions in coroutines can terminate the event loop
// prematurely" (described, no code): the ways to keep one failure from
// taking everything down, or to take everything down on purpose.
//   - try/catch/finally inside the coroutine;
//   - asyncio.wait with FIRST_EXCEPTION, then cancel what is left;
//   - a TaskGroup: the first failure cancels the siblings and the group
//     rejects with an ExceptionGroup of the failures.
// Run it:  go run ./cmd/arun scripts/error_handling.js
// Python original: scripts/python/error_handling.py

const loop = asyncio.getEventLoop();
const start = loop.time();
const stamp = () => `[${(loop.time() - start).toFixed(1)}s]`;

class ServiceError extends Error {
  name = "ServiceError";
}

async function call(service, delay, fail = false) {
  try {
    await asyncio.sleep(delay);
    if (fail) throw new ServiceError(`${service} is down`);
    return `${service} ok`;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${stamp()} ${service} cancelled`);
    throw e;
  } finally {
    console.log(`${stamp()} ${service} cleaned up`);
  }
}

async function main() {
  console.log("-- try/catch inside the coroutine");
  try {
    await call("billing", 0.5, true);
  } catch (e) {
    console.log(`${stamp()} handled ${e.name}: ${e.message}`);
  }

  console.log("-- wait(FIRST_EXCEPTION)");
  const tasks = [
    asyncio.createTask(call("users", 1)),
    asyncio.createTask(call("search", 1.5, true)),
    asyncio.createTask(call("reports", 5)),
  ];
  const [done, pending] = await asyncio.wait(tasks, { returnWhen: asyncio.FIRST_EXCEPTION });
  console.log(`${stamp()} ${done.size} done, ${pending.size} pending`);
  for (const t of tasks) {
    if (done.has(t)) console.log(`  ${t.exception() ? `failed: ${t.exception().message}` : t.result()}`);
  }
  for (const t of pending) t.cancel();
  await asyncio.gather(...pending, { returnExceptions: true });

  console.log("-- TaskGroup");
  try {
    await asyncio.taskGroup(async (tg) => {
      tg.createTask(call("mail", 1));
      tg.createTask(call("sms", 0.5, true));
      tg.createTask(call("push", 3));
    });
  } catch (e) {
    if (!(e instanceof asyncio.ExceptionGroup)) throw e;
    console.log(`${stamp()} group failed with ${e.errors.length} error(s): ${e.errors.map((x) => `${x.name}: ${x.message}`).join("; ")}`);
  }
}

asyncio.run(main());

// Output:
// -- try/catch inside the coroutine
// [0.5s] billing cleaned up
// [0.5s] handled ServiceError: billing is down
// -- wait(FIRST_EXCEPTION)
// [1.5s] users cleaned up
// [2.0s] search cleaned up
// [2.0s] 2 done, 1 pending
//   users ok
//   failed: search is down
// [2.0s] reports cancelled
// [2.0s] reports cleaned up
// -- TaskGroup
// [2.5s] sms cleaned up
// [2.5s] mail cancelled
// [2.5s] mail cleaned up
// [2.5s] push cancelled
// [2.5s] push cleaned up
// [2.5s] group failed with 1 error(s): ServiceError: sms is down
