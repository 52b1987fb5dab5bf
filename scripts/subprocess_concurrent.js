// Running commands concurrently (Python docs: asyncio subprocesses, "run
// several commands in parallel"): a Semaphore(2) lets at most two children
// run at a time, each child's stdout and stderr are collected with
// communicate(), failures are collected instead of thrown, and a command
// that takes too long is cancelled by waitFor, which kills it.
// Run it:  go run ./cmd/arun scripts/subprocess_concurrent.js
// Python original: scripts/python/subprocess_concurrent.py

const { PIPE } = asyncio.subprocess;

// [command, timeout in seconds or null]
const commands = [
  ["echo hello from $0", null],
  ["printf 'one\\ntwo\\nthree\\n' | sort -r", null],
  ["echo to stderr >&2; exit 3", null],
  ["seq 1 100000 | tail -n 1", null],
  ["exec sleep 30", 0.5], // exec: the shell becomes sleep, so killing it ends the command
  ["no-such-command-xyz", null],
];

let running = 0, most = 0;

async function run(sem, [cmd, timeout]) {
  return sem.withAcquire(async () => {
    running++;
    most = Math.max(most, running);
    try {
      const p = await asyncio.createSubprocessShell(cmd, { stdout: PIPE, stderr: PIPE });
      try {
        const [out, err] = await asyncio.waitFor(() => p.communicate(), timeout);
        return { cmd, code: p.returncode, out: out.toString().trim(), err: err.toString().trim() };
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        return { cmd, code: await p.wait(), out: "", err: "timed out, killed" };
      }
    } finally {
      running--;
    }
  });
}

async function main() {
  const sem = new asyncio.Semaphore(2);
  const results = await asyncio.gather(...commands.map((c) => run(sem, c)), { returnExceptions: true });
  for (const r of results) {
    console.log(`$ ${r.cmd}`);
    if (r.out) console.log(`  stdout: ${r.out.split("\n").join(" | ")}`);
    if (r.err) console.log(`  stderr: ${r.err.replace(/^.*: (\d+: )?/, "")}`);
    console.log(`  exit status ${r.code}`);
  }
  console.log(`at most ${most} commands ran at once`);
}

asyncio.run(main);
// Output:
// $ echo hello from $0
//   stdout: hello from /bin/sh
//   exit status 0
// $ printf 'one\ntwo\nthree\n' | sort -r
//   stdout: two | three | one
//   exit status 0
// $ echo to stderr >&2; exit 3
//   stderr: to stderr
//   exit status 3
// $ seq 1 100000 | tail -n 1
//   stdout: 100000
//   exit status 0
// $ exec sleep 30
//   stderr: timed out, killed
//   exit status -9
// $ no-such-command-xyz
//   stderr: not found
//   exit status 127
// at most 2 commands ran at once
