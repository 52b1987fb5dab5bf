// Async file I/O (seed document 002, "File I/O"): disk work runs off the
// event loop, so other tasks keep running while files are written and read.
// The program writes a log file, reads it back, processes it line by line
// with readLines, writes one file per log level concurrently, prints the
// counts, and removes its temporary directory.
const fs = require("fs/promises");

async function main() {
  const dir = await fs.mkdtemp("file-io-");
  try {
    const log = `${dir}/events.log`;
    const lines = [];
    for (let i = 1; i <= 120; i++) {
      const level = i % 10 === 0 ? "ERROR" : i % 4 === 0 ? "WARN" : "INFO";
      lines.push(`${level} request ${i} took ${(i * 7) % 50} ms`);
    }
    await fs.writeFile(log, lines.join("\n") + "\n");
    console.log(`wrote ${(await fs.stat(log)).size} bytes`);

    const text = await fs.readFile(log, "utf8");
    console.log(`read back ${text.split("\n").length - 1} lines, same content: ${text === lines.join("\n") + "\n"}`);

    const byLevel = new Map();
    let total = 0;
    let slow = 0;
    const file = await fs.open(log);
    for await (const line of file.readLines()) {
      const [level, , , , ms] = line.split(" ");
      if (!byLevel.has(level)) byLevel.set(level, []);
      byLevel.get(level).push(line);
      total++;
      if (Number(ms) >= 40) slow++;
    }
    await file.close();
    console.log(`processed ${total} lines, ${slow} slow requests`);
    for (const [level, group] of byLevel) console.log(`  ${level}: ${group.length}`);

    // one file per level, written concurrently
    await asyncio.gather(...[...byLevel].map(([level, group]) => fs.writeFile(`${dir}/${level}.log`, group.join("\n") + "\n")));
    const names = (await fs.readdir(dir)).sort();
    const sizes = await asyncio.gather(...names.map(async (name) => `${name} ${(await fs.stat(`${dir}/${name}`)).size}`));
    console.log(`files: ${sizes.join(", ")}`);

    await fs.appendFile(`${dir}/ERROR.log`, "ERROR request 121 took 99 ms\n");
    const errors = (await fs.readFile(`${dir}/ERROR.log`, "utf8")).trimEnd().split("\n");
    console.log(`errors after append: ${errors.length}, last: ${errors.at(-1)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log(`cleaned up: ${!require("fs").existsSync(dir)}`);
}

asyncio.run(main());

// Output:
// wrote 3241 bytes
// read back 120 lines, same content: true
// processed 120 lines, 25 slow requests
//   INFO: 84
//   WARN: 24
//   ERROR: 12
// files: ERROR.log 337, INFO.log 2259, WARN.log 645, events.log 3241
// errors after append: 13, last: ERROR request 121 took 99 ms
// cleaned up: true
