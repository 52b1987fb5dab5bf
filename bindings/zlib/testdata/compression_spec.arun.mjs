// Where node 20 departs from the Compression Streams standard, arun follows
// the standard: a codec failure and a chunk that is not a BufferSource are
// TypeErrors (node 20 gives zlib's Error and takes a string); and an
// ArrayBuffer is a chunk (node 20 refuses it).
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
const ab = await through(new CompressionStream("deflate"), [new TextEncoder().encode("ab").buffer]);
console.log(zlib.inflateSync(ab).toString());
try {
  await through(new DecompressionStream("gzip"), [new TextEncoder().encode("garbage garbage")]);
} catch (e) { console.log("corrupt", e.name); }
try {
  await through(new DecompressionStream("deflate"), [zlib.deflateSync("truncated input").subarray(0, 6)]);
} catch (e) { console.log("truncated", e.name); }
try {
  await through(new CompressionStream("gzip"), ["not bytes"]);
} catch (e) { console.log("string chunk", e.name); }
// Output:
// ab
// corrupt TypeError
// truncated TypeError
// string chunk TypeError
