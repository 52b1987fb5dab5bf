// Transform, PassThrough, Duplex, pipe with backpressure, and subclassing
// in both styles.
import { Transform, PassThrough, Duplex, Readable, Writable } from "node:stream";


// a line splitter: transform and flush
const lines = new Transform({
  readableObjectMode: true,
  transform(chunk, enc, cb) {
    this.rest = (this.rest || "") + chunk;
    const parts = this.rest.split("\n");
    this.rest = parts.pop();
    for (const p of parts) this.push(p);
    cb();
  },
  flush(cb) { cb(null, this.rest || null); },
});
const got = [];
lines.on("data", (l) => got.push(l));
lines.write("one\ntw");
lines.write("o\nthree");
lines.end();
await new Promise((res) => lines.on("end", res));
console.log(got);

// pipe a fast source into a slow sink: the source pauses on backpressure
let reads = 0;
const src = new Readable({
  highWaterMark: 2,
  read() {
    reads++;
    this.push(reads <= 10 ? String(reads % 10) : null);
  },
});
const sink = [];
let maxBuffered = 0;
const slow = new Writable({
  highWaterMark: 2,
  write(c, e, cb) {
    sink.push(String(c));
    maxBuffered = Math.max(maxBuffered, this.writableLength);
    setTimeout(cb, 2);
  },
});
src.on("pause", () => { src.pauses = (src.pauses || 0) + 1; });
src.pipe(new PassThrough({ highWaterMark: 2 })).pipe(slow);
await new Promise((res) => slow.on("finish", res));
console.log(sink.join(""), maxBuffered <= 4, src.pauses > 0);

// a Duplex with independent sides; allowHalfOpen false ends the writable
const dx = new Duplex({
  allowHalfOpen: false,
  read() { this.push("r"); this.push(null); },
  write(c, e, cb) { cb(); },
});
const dev = [];
dx.on("end", () => dev.push("end"));
dx.on("finish", () => dev.push("finish"));
dx.on("close", () => dev.push("close"));
dx.resume();
await new Promise((res) => dx.on("close", res));
console.log(dev.join(","), dx instanceof Writable, dx instanceof Readable, dx.writableEnded);

// ES class subclass
class Upper extends Transform {
  _transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); }
}
const u = new Upper();
const up = [];
u.on("data", (c) => up.push(String(c)));
u.end("shout");
await new Promise((res) => u.on("end", res));
console.log(up.join(""), u instanceof Transform, u instanceof Duplex);

// legacy subclass: a prototype chain and Readable.call(this)
function Counter(max) {
  Readable.call(this, { objectMode: true });
  this.i = 0;
  this.max = max;
}
Object.setPrototypeOf(Counter.prototype, Readable.prototype); // what util.inherits does
Counter.prototype._read = function () {
  this.push(this.i < this.max ? this.i++ : null);
};
const legacy = [];
for await (const x of new Counter(4)) legacy.push(x);
console.log(legacy.join(""));

// PassThrough keeps chunks as they are; a transform error destroys
const pt = new PassThrough();
pt.end(Buffer.from("pass"));
console.log(String(pt.read()));
const broken = new Transform({ transform(c, e, cb) { cb(new Error("bad chunk")); } });
broken.on("error", (err) => console.log("error", err.message, broken.destroyed));
broken.write("x");
await new Promise((res) => broken.on("close", res));

// unpipe stops the flow
const a = new PassThrough();
const b = new PassThrough();
const bs = [];
b.on("data", (c) => bs.push(String(c)));
a.pipe(b);
a.write("1");
await new Promise((res) => setTimeout(res, 1));
a.unpipe(b);
a.write("2");
await new Promise((res) => setTimeout(res, 1));
console.log(bs.join(""), a.isPaused());
// Output:
// [ 'one', 'two', 'three' ]
// 1234567890 true true
// end,finish,close true true true
// SHOUT true true
// 0123
// pass
// error bad chunk true
// 1 true
