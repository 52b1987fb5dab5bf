// Writable: backpressure, drain, finish and close, cork and writev, _final,
// errors.
import { Writable } from "node:stream";

const log = [];
const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) {
    log.push(`write:${chunk}:${enc}:${chunk instanceof Buffer}`);
    setTimeout(cb, 1);
  },
});
w.on("drain", () => log.push("drain"));
w.on("finish", () => log.push("finish"));
w.on("close", () => log.push("close"));
log.push(`ret:${w.write("ab")}`);
log.push(`ret:${w.write("cd")}`);
log.push(`needDrain:${w.writableNeedDrain} length:${w.writableLength}`);
w.end("e", () => log.push("end-cb"));
log.push(`ended:${w.writableEnded} finished:${w.writableFinished}`);
await new Promise((res) => w.on("close", res));
console.log(log.join("\n"));

// decodeStrings: false keeps strings and their encoding
const kept = [];
const s = new Writable({
  decodeStrings: false,
  write(chunk, enc, cb) { kept.push(`${typeof chunk}:${enc}`); cb(); },
});
s.write("x", "latin1");
s.write(Buffer.from("y"));
s.end();
await new Promise((res) => s.on("finish", res));
console.log(kept.join(" "));

// cork gathers writes for _writev
const batches = [];
const v = new Writable({
  writev(chunks, cb) { batches.push(chunks.map((c) => String(c.chunk)).join("+")); cb(); },
  write(chunk, enc, cb) { batches.push(`single:${chunk}`); cb(); },
});
v.cork();
v.write("1");
v.write("2");
v.write("3");
console.log("corked", v.writableCorked);
process.nextTick(() => v.uncork());
v.end("4");
await new Promise((res) => v.on("finish", res));
console.log(batches.join(" "));

// _final runs before 'finish'
const f = [];
const fin = new Writable({
  write(c, e, cb) { f.push("write"); cb(); },
  final(cb) { f.push("final"); setTimeout(() => { f.push("final-done"); cb(); }, 5); },
});
fin.on("prefinish", () => f.push("prefinish"));
fin.on("finish", () => f.push("finish"));
fin.end("z");
await new Promise((res) => fin.on("close", res));
console.log(f.join(","));

// write after end
const after = new Writable({ write(c, e, cb) { cb(); } });
after.on("error", (err) => console.log("error event", err.code));
after.end();
after.write("late", (err) => console.log("write cb", err.code, err.message));
await new Promise((res) => after.on("close", res));

// an error from _write destroys the stream
const failing = new Writable({ write(c, e, cb) { cb(new Error("disk full")); } });
const fe = [];
failing.on("error", (err) => fe.push(`error:${err.message}`));
failing.on("close", () => fe.push(`close destroyed=${failing.destroyed}`));
failing.write("a", (err) => fe.push(`cb:${err.message}`));
await new Promise((res) => failing.on("close", res));
console.log(fe.join(" "));

// invalid chunks throw
try { new Writable({ write() {} }).write(5); } catch (err) { console.log(err.code, err.message); }
try { new Writable({ write() {} }).write(null); } catch (err) { console.log(err.code, err.message); }
try { new Writable({ write() {} }).write("x", "nope"); } catch (err) { console.log(err.code, err.message); }

// objectMode
const objs = [];
const om = new Writable({ objectMode: true, write(o, e, cb) { objs.push(o.n); cb(); } });
om.write({ n: 1 });
om.end({ n: 2 });
await new Promise((res) => om.on("finish", res));
console.log(objs, om.writableObjectMode, om.writableHighWaterMark);
console.log(new Writable() instanceof Writable);
// Output:
// write:ab:buffer:true
// ret:true
// ret:false
// needDrain:true length:4
// ended:true finished:false
// write:cd:buffer:true
// write:e:buffer:true
// end-cb
// finish
// close
// string:latin1 object:buffer
// corked 1
// 1+2+3+4
// write,final,final-done,prefinish,finish
// write cb ERR_STREAM_WRITE_AFTER_END write after end
// error event ERR_STREAM_WRITE_AFTER_END
// cb:disk full error:disk full close destroyed=true
// ERR_INVALID_ARG_TYPE The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)
// ERR_STREAM_NULL_VALUES May not write null values to stream
// ERR_UNKNOWN_ENCODING Unknown encoding: nope
// [ 1, 2 ] true 16
// true
