// The determinism check of virtual time (runtime/virtualtime_test.go runs
// it many times and wants one output; determinism.py is its CPython twin,
// determinism.out what CPython printed in real time). Many timers due at
// the same instants, set from different instants; CPU-bound loops between
// sleeps; nested tasks; a wait on an Event that times out; the clocks.
// Times print with one decimal, which CPython's real-time lateness (a few
// milliseconds) does not change.
// Lines starting with "# " are arun's own (timers and clocks Python's
// asyncio has no twin for) and are left out of the comparison with CPython.
const loop = asyncio.getRunningLoop();
const t0 = loop.time();
const d0 = Date.now();
const p0 = performance.now();
const T = () => (loop.time() - t0).toFixed(1);
const BURN = 1e3; // CPU time (tens of microseconds) for each burn(BURN)

function burn(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i) % 7;
  return x;
}

async function worker(name) {
  await asyncio.sleep(1); // all five due at 1.0
  burn(BURN);
  console.log(`${T()} ${name} woke`);
  await asyncio.sleep(1); // due at 2.0, with the callbacks set at 0 and 0.5
  console.log(`${T()} ${name} done`);
}

async function tree(name, depth) {
  await asyncio.sleep(0.2);
  burn(BURN / 10);
  console.log(`${T()} ${name}`);
  if (depth === 0) return 1;
  const kids = await asyncio.gather(
    asyncio.createTask(tree(name + ".0", depth - 1)),
    asyncio.createTask(tree(name + ".1", depth - 1)),
  );
  return kids[0] + kids[1];
}

async function main() {
  const workers = [];
  for (let i = 0; i < 5; i++) workers.push(asyncio.createTask(worker(`w${i}`)));
  loop.callLater(2, () => console.log(`${T()} callLater(2) set at 0`));
  setTimeout(() => console.log(`# ${T()} setTimeout(2000) set at 0`), 2000);
  const ev = new asyncio.Event();
  const waiter = asyncio.createTask(async () => {
    try {
      await asyncio.waitFor(ev.wait(), 2.5); // alone at 2.5
    } catch (e) {
      console.log(`${T()} event wait timed out: ${e instanceof asyncio.TimeoutError}`);
    }
  });
  await asyncio.sleep(0.5);
  loop.callLater(1.5, () => console.log(`${T()} callLater(1.5) set at 0.5`));
  burn(BURN * 5);
  const leaves = await tree("t", 2);
  console.log(`${T()} tree of ${leaves} leaves`);
  await asyncio.gather(...workers, waiter);
  for (let i = 0; i < 3; i++) {
    burn(BURN);
    await asyncio.sleep(0.1);
  }
  console.log(`${T()} end`);
  console.log(`# loop.time() ${loop.time() - t0}, performance.now() ${performance.now() - p0}, Date.now() ${Date.now() - d0}`);
  console.log(`# ${new Date().toISOString()}`);
}

asyncio.run(main);
