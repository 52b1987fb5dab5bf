// readline over streams: line events, for await, question in both forms,
// prompts written to the output, line endings split across chunks.
import readline from "node:readline";
import * as rlp from "node:readline/promises";
import { Readable, PassThrough, Writable } from "node:stream";

// 'line' and 'close' over a stream of chunks that split lines and "\r\n"
const lines = [];
const rl = readline.createInterface({ input: Readable.from(["one\ntw", "o\r", "\nthree\rfour\r\n", "é", "tail"]) });
rl.on("line", (l) => lines.push(l));
await new Promise((res) => rl.on("close", res));
console.log(JSON.stringify(lines));

// Buffers, with a multi-byte character cut in two
const euro = Buffer.from("€uro\n");
const rb = readline.createInterface({ input: Readable.from([euro.subarray(0, 2), euro.subarray(2)], { objectMode: false }) });
for await (const l of rb) console.log("buffer line", l);

// for await of lines, and break closes the interface
const big = Readable.from(Array.from({ length: 5 }, (_, i) => `row ${i}\n`));
const it = readline.createInterface({ input: big, crlfDelay: Infinity });
let count = 0;
for await (const l of it) {
  count++;
  if (l === "row 2") break;
}
console.log("rows", count, it.closed);

// question (callback) writes the query to output and takes the next line
const out = [];
const output = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
const input = new PassThrough();
const q = readline.createInterface({ input, output });
const nextLine = new Promise((res) => q.once("line", res));
const answered = new Promise((res) => q.question("name? ", res));
input.write("Ada\nnext\n");
console.log("answer", await answered, "then line", await nextLine);
q.close();
console.log(JSON.stringify(out.join("")), q.closed);

// readline/promises
const input2 = new PassThrough();
const p = rlp.createInterface({ input: input2, output });
setTimeout(() => input2.write("42\n"), 5);
console.log("promise answer", await p.question("number? "));
const ac = new AbortController();
setTimeout(() => ac.abort(), 5);
try {
  await p.question("never? ", { signal: ac.signal });
} catch (e) {
  console.log(e.name, e.code);
}
p.setPrompt("$ ");
p.prompt();
console.log(JSON.stringify(out.slice(-1)[0]), p.getPrompt());
p.close();
const closed = await p.question("x").catch((e) => e.code);
console.log(closed);

// pause and resume events
const pr = readline.createInterface({ input: new PassThrough() });
const ev = [];
pr.on("pause", () => ev.push("pause"));
pr.on("resume", () => ev.push("resume"));
pr.pause();
pr.resume();
pr.close();
console.log(ev.join(","));
// Output:
// ["one","two","three","four","étail"]
// buffer line €uro
// rows 3 true
// answer Ada then line next
// "name? " true
// promise answer 42
// AbortError ABORT_ERR
// "$ " $ 
// ERR_USE_AFTER_CLOSE
// pause,resume,pause
