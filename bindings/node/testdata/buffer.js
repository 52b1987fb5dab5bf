// buffer: Node's Buffer, the same calls under arun and node.
const { Buffer: B, kMaxLength, constants, isUtf8, isAscii, transcode } = require("buffer");
console.log(B === Buffer, require("node:buffer").Buffer === Buffer, kMaxLength, constants.MAX_STRING_LENGTH);
const b = Buffer.from("héllo wörld €😀");
console.log(b, b.length, Buffer.byteLength("héllo wörld €😀"), b instanceof Uint8Array, Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)));
for (const enc of ["utf8", "hex", "base64", "base64url", "latin1", "binary", "ascii", "utf16le", "ucs2"]) {
  const s = b.toString(enc);
  console.log(enc, JSON.stringify(s), Buffer.from(s, enc).equals(b), Buffer.byteLength(s, enc), Buffer.isEncoding(enc));
}
console.log(Buffer.from("QUJD", "base64"), Buffer.from("QU JD!!", "base64"), Buffer.from("QUJ", "base64"), Buffer.from("-_-_", "base64"),
  Buffer.from("abz12", "hex"), Buffer.from("\ud83d\ude00x", "latin1"), Buffer.from("\ud800x"), Buffer.from("é€", "ascii"));
console.log(Buffer.from([1, 2, 300, -1]), Buffer.from(new Uint16Array([1, 258])), Buffer.from(new Uint8Array([5, 6]).buffer, 1),
  Buffer.from({ length: 2, 0: 7, 1: 8 }), Buffer.from(Buffer.from("x")), Buffer.from(new String("str")), Buffer.of(1, 2));
console.log(Buffer.alloc(5), Buffer.alloc(5, "ab"), Buffer.alloc(4, 257), Buffer.alloc(6, "aGk=", "base64"), Buffer.allocUnsafe(3).length);
const c = Buffer.from("abcdef");
const s = c.slice(1, 3);
s[0] = 0x5a;
console.log(c.toString(), s, c.subarray(-2), c.slice(-100, 100).toString(), c.toString("utf8", 2, 4), c.toString(undefined, 4));
console.log(Buffer.compare(Buffer.from("a"), Buffer.from("b")), c.compare(Buffer.from("aZc")), c.compare(Buffer.from("cd"), 0, 2, 2, 4),
  c.equals(Buffer.from("aZcdef")), [Buffer.from("b"), Buffer.from("a"), Buffer.from("ab")].sort(Buffer.compare).map(String));
const t = Buffer.alloc(8, ".");
console.log(c.copy(t, 2, 1, 4), t.toString(), c.copy(t, 6), t.toString());
console.log(Buffer.concat([Buffer.from("ab"), new Uint8Array([99]), Buffer.from("de")]).toString(), Buffer.concat([Buffer.from("abc")], 2), Buffer.concat([]).length);
console.log(c.indexOf("c"), c.indexOf(0x64), c.indexOf(Buffer.from("ef")), c.indexOf("z"), c.lastIndexOf("d"), c.includes("cd"), c.indexOf("", 2), c.indexOf("c", -4));
const w = Buffer.alloc(10);
console.log(w.write("héllo", 1), w, w.write("abc", 8, "latin1"), w, w.write("€", 9), w.write("6869", "hex"), w);
console.log(JSON.stringify(Buffer.from("hi")), Buffer.from(JSON.parse(JSON.stringify(Buffer.from("hi")))));
const n = Buffer.alloc(16);
n.writeUInt16LE(0x1234, 0); n.writeUInt16BE(0x1234, 2); n.writeInt32LE(-2, 4); n.writeUInt32BE(0xdeadbeef, 8); n.writeInt8(-1, 12);
n.writeUIntBE(0x010203, 13, 3);
console.log(n, n.readUInt16LE(0), n.readUint16BE(2), n.readInt32LE(4), n.readUInt32BE(8).toString(16), n.readInt8(12), n.readUIntBE(13, 3), n.readIntLE(13, 3));
const f = Buffer.alloc(16);
f.writeDoubleLE(Math.PI); f.writeFloatBE(1.5, 8); f.writeBigInt64LE(-5n, 8);
console.log(f.readDoubleLE(0), f.readBigInt64LE(8), f.readBigUInt64LE(8), f.writeUInt8(255, 15));
for (const bad of [() => n.readUInt16LE(15), () => n.readUInt16LE(1.5), () => n.writeUInt16LE(70000), () => Buffer.alloc(1).readUInt16LE(),
  () => n.readUInt8("1"), () => Buffer.from("x", "nope"), () => Buffer.from(5), () => Buffer.alloc(-1), () => n.writeInt8(200),
  () => n.writeUInt32LE(2 ** 33), () => Buffer.from("abc").swap16(), () => n.writeUIntLE(1, 0, 7)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(Buffer.from("abcd").swap16().toString(), Buffer.from("abcdefgh").swap32().toString(), Buffer.from("abcdefgh").swap64().toString());
console.log(isUtf8(Buffer.from("é")), isUtf8(Buffer.from([0xff])), isAscii(Buffer.from("a")), isAscii(Buffer.from("é")),
  transcode(Buffer.from("€a"), "utf8", "latin1"), transcode(Buffer.from("hi"), "utf8", "utf16le"));
console.log(Buffer.from("x").toJSON(), Buffer.from("abc").reverse().toString(), Buffer.from("ab").map((x) => x + 1), [...Buffer.from("hi").entries()]);
console.log(Buffer.from("x".repeat(60)), new Buffer(3), Buffer("ab"), Buffer.from("ab").fill("xyz"), Buffer.alloc(3).fill(1.7), Buffer.from("hello").fill("a", 1, 3));
console.log(Buffer.from("héllo").hexSlice(1, 3), Buffer.from("héllo").latin1Slice(0, 2), Buffer.from("\ud83d").toString());

// Output:
// true true 4294967296 536870888
// <Buffer 68 c3 a9 6c 6c 6f 20 77 c3 b6 72 6c 64 20 e2 82 ac f0 9f 98 80> 21 21 true true false
// utf8 "héllo wörld €😀" true 21 true
// hex "68c3a96c6c6f2077c3b6726c6420e282acf09f9880" true 21 true
// base64 "aMOpbGxvIHfDtnJsZCDigqzwn5iA" true 21 true
// base64url "aMOpbGxvIHfDtnJsZCDigqzwn5iA" true 21 true
// latin1 "hÃ©llo wÃ¶rld â¬ð" true 21 true
// binary "hÃ©llo wÃ¶rld â¬ð" true 21 true
// ascii "hC)llo wC6rld b\u0002,p\u001f\u0018\u0000" false 21 true
// utf16le "써沩潬眠뛃汲⁤苢颟" false 20 true
// ucs2 "써沩潬眠뛃汲⁤苢颟" false 20 true
// <Buffer 41 42 43> <Buffer 41 42 43> <Buffer 41 42> <Buffer fb ff bf> <Buffer ab> <Buffer 3d 00 78> <Buffer ef bf bd 78> <Buffer e9 ac>
// <Buffer 01 02 2c ff> <Buffer 01 02> <Buffer 06> <Buffer 07 08> <Buffer 78> <Buffer 73 74 72> <Buffer 01 02>
// <Buffer 00 00 00 00 00> <Buffer 61 62 61 62 61> <Buffer 01 01 01 01> <Buffer 68 69 68 69 68 69> 3
// aZcdef <Buffer 5a 63> <Buffer 65 66> aZcdef cd ef
// -1 1 0 true [ 'a', 'ab', 'b' ]
// 3 ..Zcd... 2 ..Zcd.aZ
// abcde <Buffer 61 62> 0
// 2 3 4 -1 3 true 2 2
// 6 <Buffer 68 69 c3 a9 6c 6c 6f 00 61 62> 2 <Buffer 68 69 c3 a9 6c 6c 6f 00 61 62> 0 2 <Buffer 68 69 c3 a9 6c 6c 6f 00 61 62>
// {"type":"Buffer","data":[104,105]} <Buffer 68 69>
// <Buffer 34 12 12 34 fe ff ff ff de ad be ef ff 01 02 03> 4660 4660 -2 deadbeef -1 66051 197121
// 3.141592653589793 -5n 18446744073709551611n 16
// RangeError ERR_OUT_OF_RANGE The value of "offset" is out of range. It must be >= 0 and <= 14. Received 15
// RangeError ERR_OUT_OF_RANGE The value of "offset" is out of range. It must be an integer. Received 1.5
// RangeError ERR_OUT_OF_RANGE The value of "value" is out of range. It must be >= 0 and <= 65535. Received 70000
// RangeError ERR_BUFFER_OUT_OF_BOUNDS Attempt to access memory outside buffer bounds
// TypeError ERR_INVALID_ARG_TYPE The "offset" argument must be of type number. Received type string ('1')
// TypeError ERR_UNKNOWN_ENCODING Unknown encoding: nope
// TypeError ERR_INVALID_ARG_TYPE The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type number (5)
// RangeError ERR_OUT_OF_RANGE The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1
// RangeError ERR_OUT_OF_RANGE The value of "value" is out of range. It must be >= -128 and <= 127. Received 200
// RangeError ERR_OUT_OF_RANGE The value of "value" is out of range. It must be >= 0 and <= 4294967295. Received 8_589_934_592
// RangeError ERR_INVALID_BUFFER_SIZE Buffer size must be a multiple of 16-bits
// RangeError ERR_OUT_OF_RANGE The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received 7
// badc dcbahgfe hgfedcba
// true false true false <Buffer 3f 61> <Buffer 68 00 69 00>
// { type: 'Buffer', data: [ 120 ] } cba <Buffer 62 63> [ [ 0, 104 ], [ 1, 105 ] ]
// <Buffer 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 ... 10 more bytes> <Buffer 00 00 00> <Buffer 61 62> <Buffer 78 79> <Buffer 01 01 01> <Buffer 68 61 61 6c 6f>
// c3a9 hÃ �
