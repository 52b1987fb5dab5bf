// A first arun script: TypeScript, top-level await and timers, no setup.
// Run it:  go run ./cmd/arun scripts/hello.ts
interface Job { name: string; seconds: number }

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));

async function run(job: Job): Promise<string> {
  console.log(`start ${job.name}`);
  await sleep(job.seconds);
  console.log(`done  ${job.name} after ${job.seconds}s`);
  return job.name.toUpperCase();
}

const t0 = performance.now();
const results = await Promise.all([
  run({ name: "tea", seconds: 0.3 }),
  run({ name: "toast", seconds: 0.1 }),
  run({ name: "eggs", seconds: 0.2 }),
]);
console.log(results, `in ${((performance.now() - t0) / 1000).toFixed(1)}s, not 0.6s`);

// Output:
// start tea
// start toast
// start eggs
// done  toast after 0.1s
// done  eggs after 0.2s
// done  tea after 0.3s
// [ 'TEA', 'TOAST', 'EGGS' ] in 0.3s, not 0.6s
