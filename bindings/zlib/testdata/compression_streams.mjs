// CompressionStream and DecompressionStream (the Compression Streams
// standard) and their interplay with zlib.
import zlib from "node:zlib";

async function collect(readable) {
  const parts = [];
  for await (const c of readable) parts.push(c);
  return Buffer.concat(parts);
}
async function through(stream, chunks) {
  const w = stream.writable.getWriter();
  const out = collect(stream.readable);
  out.catch(() => {}); // the writes report the error
  for (const c of chunks) await w.write(c);
  await w.close();
  return out;
}
const text = new TextEncoder().encode("compress me, ".repeat(100));
for (const format of ["gzip", "deflate", "deflate-raw"]) {
  const z = await through(new CompressionStream(format), [text.subarray(0, 500), text.subarray(500)]);
  const back = await through(new DecompressionStream(format), [z.subarray(0, 7), z.subarray(7)]);
  const viaZlib = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, "deflate-raw": zlib.inflateRawSync }[format](z);
  console.log(format, z.length < text.length, Buffer.from(back).equals(Buffer.from(text)), viaZlib.length);
}
// bytes from zlib, through pipeThrough
const gz = zlib.gzipSync("piped through");
const rs = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(gz)); c.close(); } });
console.log((await collect(rs.pipeThrough(new DecompressionStream("gzip")))).toString());
// a DataView is a chunk too (and so is an ArrayBuffer, which node 20 refuses)
const ab = await through(new CompressionStream("deflate"), [new TextEncoder().encode("ab"), new DataView(new TextEncoder().encode("cd").buffer)]);
console.log(zlib.inflateSync(ab).toString());
// errors are TypeErrors
for (const bad of ["brotli", "GZIP", undefined]) {
  try { new CompressionStream(bad); } catch (e) { console.log("format", String(bad), e.name); }
}
try { new DecompressionStream(); } catch (e) { console.log("no format", e.name); }
console.log(Object.prototype.toString.call(new CompressionStream("gzip")), typeof new DecompressionStream("gzip").readable.getReader);
// Output:
// gzip true true 1300
// deflate true true 1300
// deflate-raw true true 1300
// piped through
// abcd
// format brotli TypeError
// format GZIP TypeError
// format undefined TypeError
// no format TypeError
// [object CompressionStream] function
