// zlib: the four forms of every codec, data made by node decoded here, and
// Node's errors.
import zlib from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable, Writable } from "node:stream";

const text = "hello hello hello hello, zlib! ".repeat(50);
const pairs = [
  ["gzip", "gunzip"], ["deflate", "inflate"], ["deflateRaw", "inflateRaw"], ["brotliCompress", "brotliDecompress"],
  ["gzip", "unzip"], ["deflate", "unzip"],
];
// sync
for (const [c, d] of pairs) {
  const z = zlib[c + "Sync"](text);
  console.log(c, d, z.length < text.length, zlib[d + "Sync"](z).toString() === text, z instanceof Buffer);
}
// callback
for (const [c, d] of pairs.slice(0, 4)) {
  await new Promise((res) => zlib[c](Buffer.from(text), (err, z) => {
    zlib[d](z, (err2, back) => { console.log("cb", c, err, err2, back.toString() === text); res(); });
  }));
}
// options
console.log(zlib.gzipSync(text, { level: 0 }).length > text.length, zlib.gzipSync(text, { level: 9 }).length < 100);
console.log(zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length < 100);
const gz = zlib.gzipSync("x");
console.log(gz[0], gz[1], gz[2], gz[3], gz[9]);

// data compressed by node/zlib (fixed bytes) decodes here
const fromNode = {
  gzip: "H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==",
  deflate: "eJzLSM3JyQcABiwCFQ==",
  deflateRaw: "y0jNyckHAA==",
  brotli: "CwKAaGVsbG8D",
};
console.log(zlib.gunzipSync(Buffer.from(fromNode.gzip, "base64")).toString(),
  zlib.inflateSync(Buffer.from(fromNode.deflate, "base64")).toString(),
  zlib.inflateRawSync(Buffer.from(fromNode.deflateRaw, "base64")).toString(),
  zlib.brotliDecompressSync(Buffer.from(fromNode.brotli, "base64")).toString(),
  zlib.unzipSync(Buffer.from(fromNode.gzip, "base64")).toString());
// two gzip members in a row are one stream
console.log(zlib.gunzipSync(Buffer.concat([zlib.gzipSync("ab"), zlib.gzipSync("cd")])).toString());

// errors
for (const [name, input] of [["gunzipSync", "not gzip"], ["inflateSync", "not zlib data"], ["gunzipSync", zlib.gzipSync(text).subarray(0, 30)]]) {
  try { zlib[name](input); } catch (e) { console.log(name, e.code, e.errno, e.message); }
}
const bad = Buffer.from(zlib.gzipSync("check me"));
bad[bad.length - 8] ^= 1;
try { zlib.gunzipSync(bad); } catch (e) { console.log("checksum", e.code, e.message); }
await new Promise((res) => zlib.gunzip("nope", (e) => { console.log("cb error", e.code); res(); }));
try { zlib.gzipSync(42); } catch (e) { console.log(e.code); }
try { zlib.gzipSync("x", { level: 10 }); } catch (e) { console.log(e.code, e.message); }
try { zlib.gzip("x"); } catch (e) { console.log(e.code); }
try { zlib.inflateSync(zlib.deflateSync(text), { maxOutputLength: 10 }); } catch (e) { console.log(e.code, e.name); }

// streams
const big = Buffer.alloc(200000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 8)) & 0xff;
for (const [c, d] of [["Gzip", "Gunzip"], ["Deflate", "Inflate"], ["DeflateRaw", "InflateRaw"], ["BrotliCompress", "BrotliDecompress"]]) {
  const parts = [];
  const chunks = [];
  for (let i = 0; i < big.length; i += 30000) chunks.push(big.subarray(i, i + 30000));
  await pipeline(Readable.from(chunks), zlib["create" + c](), zlib["create" + d](),
    new Writable({ write(ch, e, cb) { parts.push(ch); cb(); } }));
  const back = Buffer.concat(parts);
  console.log("stream", c, d, back.length, back.equals(big), zlib["create" + c]() instanceof zlib[c]);
}
// a gzip stream decoded by the one-shot form, and bytesWritten
const g = zlib.createGzip();
const out = [];
g.on("data", (ch) => out.push(ch));
g.write("stream ");
g.end("data");
await new Promise((res) => g.on("end", res));
console.log(zlib.gunzipSync(Buffer.concat(out)).toString(), g.bytesWritten);
// a corrupt stream errors
const gun = zlib.createGunzip();
gun.on("error", (e) => console.log("stream error", e.code, e.message));
gun.end(Buffer.from("definitely not gzip"));
await new Promise((res) => gun.on("close", res));
// a truncated one too
const trunc = zlib.createInflate();
trunc.on("error", (e) => console.log("truncated", e.code, e.message));
trunc.resume();
trunc.end(zlib.deflateSync(text).subarray(0, 10));
await new Promise((res) => trunc.on("close", res));
console.log(zlib.crc32("hello"), zlib.crc32("world", zlib.crc32("hello ")) === zlib.crc32("hello world"));
// Output:
// gzip gunzip true true true
// deflate inflate true true true
// deflateRaw inflateRaw true true true
// brotliCompress brotliDecompress true true true
// gzip unzip true true true
// deflate unzip true true true
// cb gzip null null true
// cb deflate null null true
// cb deflateRaw null null true
// cb brotliCompress null null true
// true true
// true
// 31 139 8 0 3
// hello hello hello hello hello
// abcd
// gunzipSync Z_DATA_ERROR -3 incorrect header check
// inflateSync Z_DATA_ERROR -3 incorrect header check
// gunzipSync Z_BUF_ERROR -5 unexpected end of file
// checksum Z_DATA_ERROR incorrect data check
// cb error Z_DATA_ERROR
// ERR_INVALID_ARG_TYPE
// ERR_OUT_OF_RANGE The value of "options.level" is out of range. It must be >= -1 and <= 9. Received 10
// ERR_INVALID_ARG_TYPE
// ERR_BUFFER_TOO_LARGE RangeError
// stream Gzip Gunzip 200000 true true
// stream Deflate Inflate 200000 true true
// stream DeflateRaw InflateRaw 200000 true true
// stream BrotliCompress BrotliDecompress 200000 true true
// stream data 11
// stream error Z_DATA_ERROR incorrect header check
// truncated Z_BUF_ERROR unexpected end of file
// 907060870 true
