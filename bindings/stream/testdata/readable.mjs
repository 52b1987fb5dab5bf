// Readable: push, flowing and paused modes, the order of events, encodings.
import { Readable } from "node:stream";

const log = [];
const r = new Readable({ read() {} });
r.on("data", (c) => log.push(`data:${c}`));
r.on("end", () => log.push("end"));
r.on("close", () => log.push("close"));
log.push(`push:${r.push("a")}`);
r.push("b");
r.push(null);
log.push(`sync:${r.readableFlowing}`);
await new Promise((res) => r.on("close", res));
console.log(log.join(" "));

// paused mode: 'readable' and read(n)
const p = new Readable({ read() {} });
p.push("hello ");
p.push("world");
p.push(null);
const parts = [];
p.on("readable", () => {
  let c;
  while ((c = p.read(3)) !== null) parts.push(String(c));
});
await new Promise((res) => p.on("end", res));
console.log(parts.join("|"), p.readableEnded, p.readableLength);

// _read is called as the consumer asks, with the high water mark
let n = 0;
const counter = new Readable({
  highWaterMark: 4,
  read(size) {
    n++;
    this.push(n <= 3 ? `${n}${size}` : null);
  },
});
const got = [];
for await (const c of counter) got.push(String(c));
console.log(got.join(","), n);

// object mode and its high water mark
const o = new Readable({ objectMode: true, read() {} });
const rets = [];
for (let i = 0; i < 17; i++) rets.push(o.push({ i }));
console.log(o.readableHighWaterMark, o.readableLength, rets.indexOf(false), o.readableObjectMode);

// setEncoding keeps a character split across chunks whole
const e = new Readable({ read() {} });
e.setEncoding("utf8");
const euro = Buffer.from("€");
e.push(euro.subarray(0, 1));
e.push(euro.subarray(1));
e.push(null);
const texts = [];
e.on("data", (s) => texts.push(`${typeof s}:${s}`));
await new Promise((res) => e.on("end", res));
console.log(texts.join(" "), e.readableEncoding);

// hex decoding, and unshift
const h = new Readable({ read() {} });
h.setEncoding("hex");
h.push(Buffer.from([1, 2, 255]));
h.push(null);
h.once("readable", () => {
  const first = h.read(2);
  h.unshift(first);
  console.log(first, h.read());
});
await new Promise((res) => h.on("end", res));

// errors
const bad = new Readable({ read() {} });
bad.push(null);
bad.on("error", (err) => console.log(err.code, err.message));
bad.push("late");
await new Promise((res) => bad.on("close", res));
const typ = new Readable({ read() {} });
typ.on("error", (err) => console.log(err.code));
typ.push(42);
await new Promise((res) => typ.on("close", res));
const noRead = new Readable();
noRead.on("error", (err) => console.log(err.code, err.message));
noRead.resume();
await new Promise((res) => noRead.on("close", res));

// destroy with an error: 'error' then 'close', destroyed and errored set
const d = new Readable({ read() {} });
const ev = [];
d.on("error", (err) => ev.push(`error:${err.message}`));
d.on("close", () => ev.push("close"));
d.destroy(new Error("boom"));
console.log(d.destroyed, d.errored.message);
await new Promise((res) => d.on("close", res));
console.log(ev.join(" "));

// pause and resume
const pr = Readable.from(["1", "2", "3"]);
const seen = [];
pr.on("data", (c) => {
  seen.push(c);
  if (c === "1") {
    pr.pause();
    console.log("paused", pr.isPaused());
    setTimeout(() => pr.resume(), 10);
  }
});
await new Promise((res) => pr.on("end", res));
console.log(seen.join(""));

// construct runs before the first _read
const order = [];
const c = new Readable({
  construct(cb) { order.push("construct"); setTimeout(cb, 5); },
  read() { order.push("read"); this.push(null); },
});
c.resume();
await new Promise((res) => c.on("end", res));
console.log(order.join(","));
// Output:
// push:true sync:true data:a data:b end close
// hel|lo |wor|ld true 0
// 14,24,34 4
// 16 17 15 true
// string:€ utf8
// 01 303102ff
// ERR_STREAM_PUSH_AFTER_EOF stream.push() after EOF
// ERR_INVALID_ARG_TYPE
// ERR_METHOD_NOT_IMPLEMENTED The _read() method is not implemented
// true boom
// error:boom close
// paused true
// 123
// construct,read
