import { test } from "arun:test";
import assert from "node:assert/strict";
let reached = "";
async function slow() { try { await asyncio.sleep(60); } catch (e) { reached = e.name; throw e; } }
test("createTask(coro()) cancels at the await", { virtualTime: true }, async () => {
  const t = asyncio.createTask(slow());
  await asyncio.sleep(0.1);
  t.cancel();
  let name = "";
  try { await t; } catch (e) { name = e.name; }
  assert.equal(name, "CancelledError");
  assert.equal(reached, "CancelledError"); // the coroutine itself was cancelled at its sleep
  assert.ok(asyncio.getRunningLoop().time() < 1);
});
