// pipeline, finished, stream/promises, async iteration, Readable.from,
// the web-stream bridges and the array-like helpers.
import stream, { Readable, Writable, Transform, PassThrough, pipeline, finished } from "node:stream";
import { pipeline as pipelineP, finished as finishedP } from "node:stream/promises";

const collect = (out) => new Writable({ objectMode: true, write(c, e, cb) { out.push(String(c)); cb(); } });

// callback pipeline of streams
await new Promise((res) => {
  const out = [];
  pipeline(Readable.from(["a", "b"]), new PassThrough({ objectMode: true }), collect(out), (err) => {
    console.log("cb", err, out.join(""));
    res();
  });
});

// an error in the middle destroys every stream and reaches the callback
await new Promise((res) => {
  const src = Readable.from(["1", "2", "3"]);
  const mid = new Transform({
    objectMode: true,
    transform(c, e, cb) { cb(c === "2" ? new Error("two") : null, c); },
  });
  const dst = collect([]);
  pipeline(src, mid, dst, (err) => {
    console.log("failed", err.message, src.destroyed, mid.destroyed, dst.destroyed);
    res();
  });
});

// the promise form, with async generator functions as transform and sink
const seen = [];
const result = await pipelineP(
  Readable.from([1, 2, 3, 4]),
  async function* (source) { for await (const n of source) if (n % 2 === 0) yield n * 10; },
  async function (source) { for await (const n of source) seen.push(n); return "done"; },
);
console.log("promise", result, seen);

// a generator source
const gen = [];
await pipelineP(function* () { yield "x"; yield "y"; }, collect(gen));
console.log("generator source", gen.join(""));

// aborting a pipeline
const ac = new AbortController();
const never = new Readable({ read() {} });
setTimeout(() => ac.abort(), 5);
try {
  await pipelineP(never, collect([]), { signal: ac.signal });
} catch (err) {
  console.log("aborted", err.name, err.code, never.destroyed);
}

// finished: callback and promise
const w = collect([]);
finished(w, (err) => console.log("finished cb", err));
w.end("z");
await finishedP(w);
console.log("finished promise", w.writableFinished);
const early = new PassThrough();
finished(early, (err) => console.log("premature", err.code));
early.destroy();
await new Promise((res) => setTimeout(res, 1));

// breaking out of for await destroys the stream
const r = Readable.from(["p", "q", "r"]);
for await (const c of r) {
  console.log("first", c);
  break;
}
await new Promise((res) => setTimeout(res, 1));
console.log("destroyed after break", r.destroyed);

// an error while iterating is thrown at the for await
// (in a function: a top-level for await after one that threw rethrows the
// old error under esbuild's lowering, see the README)
await (async () => {
  const errs = new Readable({ read() { this.destroy(new Error("read failed")); } });
  try {
    for await (const c of errs) console.log(c);
  } catch (err) {
    console.log("iteration threw", err.message);
  }
})();

// Readable.from over strings, Buffers, async iterables
console.log((await Readable.from("whole").toArray()).length);
async function* agen() { yield "m"; yield "n"; }
console.log((await Readable.from(agen()).toArray()).join(""));
try { Readable.from(5); } catch (err) { console.log(err.code); }

// helpers
console.log(await Readable.from([1, 2, 3, 4]).map((x) => x * 2).filter((x) => x > 2).toArray());
console.log(await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0));
const each = [];
await Readable.from(["e", "f"]).forEach((x) => each.push(x));
console.log(each.join(""), await Readable.from([1, 2, 3, 4, 5]).drop(1).take(2).toArray());

// web streams: toWeb, fromWeb
const web = Readable.toWeb(Readable.from([Buffer.from("we"), Buffer.from("b")], { objectMode: false }));
const chunks = [];
for await (const c of web) chunks.push(c instanceof Uint8Array ? new TextDecoder().decode(c) : typeof c);
console.log("toWeb", chunks.join(""));
const rs = new ReadableStream({ start(c) { c.enqueue("from"); c.enqueue("Web"); c.close(); } });
console.log("fromWeb", (await Readable.fromWeb(rs, { objectMode: true }).toArray()).join(""));
const sinkOut = [];
const ws = new WritableStream({ write(c) { sinkOut.push(String(c)); } });
const nodeW = Writable.fromWeb(ws);
nodeW.write("to");
nodeW.end("Sink");
await finishedP(nodeW);
console.log("Writable.fromWeb", sinkOut.join(""));
const webW = Writable.toWeb(collect(sinkOut));
const wr = webW.getWriter();
await wr.write("!");
await wr.close();
console.log("Writable.toWeb", sinkOut.join(""));

// the module's shape
console.log(typeof stream, stream.Stream === stream, stream.promises.pipeline === pipelineP,
  typeof stream.addAbortSignal, stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
try { pipeline(Readable.from([]), () => {}); } catch (err) { console.log(err.code); }
try { pipeline(); } catch (err) { console.log(err.code); }
// Output:
// cb undefined ab
// failed two true true true
// promise done [ 20, 40 ]
// generator source xy
// aborted AbortError ABORT_ERR true
// finished cb undefined
// finished promise true
// premature ERR_STREAM_PREMATURE_CLOSE
// first p
// destroyed after break true
// iteration threw read failed
// 1
// mn
// ERR_INVALID_ARG_TYPE
// [ 4, 6, 8 ]
// 6
// ef [ 2, 3 ]
// toWeb web
// fromWeb fromWeb
// Writable.fromWeb toSink
// Writable.toWeb toSink!
// function true true function 16384 16
// ERR_MISSING_ARGS
// ERR_INVALID_ARG_TYPE
