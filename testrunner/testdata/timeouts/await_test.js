const { test } = require("arun:test");
async function waitForSignal(ev) {
  await ev.wait();
}
test("waits on an event", { timeout: 0.05, virtualTime: true }, async () => {
  await waitForSignal(new asyncio.Event());
});
test("sleeps too long", { timeout: 0.05 }, async () => {
  await asyncio.sleep(60);
});
test("awaits a promise nobody settles", { timeout: 0.05 }, async () => {
  await new Promise(() => {});
});
