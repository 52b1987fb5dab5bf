// RFC 6070 PBKDF2-HMAC-SHA1, RFC 7914 scrypt and RFC 5869 HKDF vectors,
// through node:crypto (sync and callback) and subtle.deriveBits/deriveKey.
const c = require("crypto");
const hex = (b) => Buffer.from(b).toString("hex");
const unhex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
const enc = (s) => new TextEncoder().encode(s);
const pbkdf2 = [
  ["password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"],
  ["password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"],
  ["password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"],
  ["passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"],
  ["pass\0word", "sa\0lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"],
];
for (const [p, s, iter, len, want] of pbkdf2) {
  const sync = c.pbkdf2Sync(p, s, iter, len, "sha1").toString("hex");
  const cb = await new Promise((res, rej) => c.pbkdf2(p, s, iter, len, "sha1", (e, k) => (e ? rej(e) : res(k.toString("hex")))));
  const base = await crypto.subtle.importKey("raw", enc(p), "PBKDF2", false, ["deriveBits"]);
  const bits = hex(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-1", salt: enc(s), iterations: iter }, base, len * 8));
  console.log("pbkdf2", iter, len, sync === want, cb === want, bits === want);
}
const scrypt = [
  ["", "", 16, 1, 1, 64, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"],
  ["password", "NaCl", 1024, 8, 16, 64, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"],
];
for (const [p, s, N, r, par, len, want] of scrypt) {
  const sync = c.scryptSync(p, s, len, { N, r, p: par }).toString("hex");
  const cb = await new Promise((res, rej) => c.scrypt(p, s, len, { cost: N, blockSize: r, parallelization: par }, (e, k) => (e ? rej(e) : res(k.toString("hex")))));
  console.log("scrypt", N, r, par, sync === want, cb === want);
}
const hkdf = [
  // RFC 5869 A.1, A.2 (long inputs) and A.3 (no salt, no info)
  [rep("0b", 22), "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"],
  [range(0x00, 80), range(0x60, 80), range(0xb0, 80), 82, "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"],
  [rep("0b", 22), "", "", 42, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"],
];
function rep(b, n) { return b.repeat(n); }
function range(from, n) { return Array.from({ length: n }, (_, i) => (from + i).toString(16).padStart(2, "0")).join(""); }
for (const [ikm, salt, info, len, want] of hkdf) {
  const sync = hex(c.hkdfSync("sha256", unhex(ikm), unhex(salt), unhex(info), len));
  const cb = await new Promise((res, rej) => c.hkdf("sha256", unhex(ikm), unhex(salt), unhex(info), len, (e, k) => (e ? rej(e) : res(hex(k)))));
  const base = await crypto.subtle.importKey("raw", unhex(ikm), "HKDF", false, ["deriveBits", "deriveKey"]);
  const bits = hex(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: unhex(salt), info: unhex(info) }, base, len * 8));
  console.log("hkdf", len, sync === want, cb === want, bits === want);
}
// deriveKey: an AES-GCM key from a password, used to encrypt
const pw = await crypto.subtle.importKey("raw", enc("hunter2"), { name: "PBKDF2" }, false, ["deriveKey"]);
const aes = await crypto.subtle.deriveKey({ name: "PBKDF2", salt: enc("salt"), iterations: 1000, hash: "SHA-256" }, pw,
  { name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
console.log(aes.algorithm.name, aes.algorithm.length, aes.usages.join(","),
  hex(await crypto.subtle.exportKey("raw", aes)) === c.pbkdf2Sync("hunter2", "salt", 1000, 32, "sha256").toString("hex"));
const mac = await crypto.subtle.deriveKey({ name: "HKDF", salt: new Uint8Array(), info: new Uint8Array(), hash: "SHA-256" },
  await crypto.subtle.importKey("raw", unhex(rep("0b", 22)), "HKDF", false, ["deriveKey"]),
  { name: "HMAC", hash: "SHA-256", length: 128 }, true, ["sign"]);
console.log(mac.algorithm.length, hex(await crypto.subtle.exportKey("raw", mac)));
// errors
for (const f of [
  () => c.pbkdf2Sync("p", "s", 0, 32, "sha256"),
  () => c.pbkdf2Sync("p", "s", 1, 32, "nope"),
  () => c.pbkdf2("p", "s", 1, 32, "sha256"),
  () => c.scryptSync("p", "s", 16, { N: 3 }),
  () => c.scryptSync("p", "s", 16, { N: 32768 }),
  () => c.scryptSync("p", "s", 16, { N: 16, cost: 16 }),
  () => c.hkdfSync("sha256", "k", "s", "i", 255 * 32 + 1),
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const [alg, len] of [[{ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new Uint8Array() }, null],
  [{ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(), iterations: 0 }, 128],
  [{ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new Uint8Array() }, 12]]) {
  const k = await crypto.subtle.importKey("raw", new Uint8Array(8), alg.name, false, ["deriveBits"]);
  try { await crypto.subtle.deriveBits(alg, k, len); console.log("no error"); } catch (e) { console.log(e.name, e instanceof DOMException); }
}
try { await crypto.subtle.importKey("raw", new Uint8Array(8), "PBKDF2", true, ["deriveBits"]); } catch (e) { console.log(e.name); }

// Output:
// pbkdf2 1 20 true true true
// pbkdf2 2 20 true true true
// pbkdf2 4096 20 true true true
// pbkdf2 4096 25 true true true
// pbkdf2 4096 16 true true true
// scrypt 16 1 1 true true
// scrypt 1024 8 16 true true
// hkdf 42 true true true
// hkdf 82 true true true
// hkdf 42 true true true
// AES-GCM 256 encrypt,decrypt true
// 128 8da4e775a563c18f715f802a063c5a31
// RangeError ERR_OUT_OF_RANGE The value of "iterations" is out of range. It must be >= 1 && <= 2147483647. Received 0
// TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: nope
// TypeError ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received undefined
// RangeError ERR_CRYPTO_INVALID_SCRYPT_PARAMS Invalid scrypt params
// RangeError ERR_CRYPTO_INVALID_SCRYPT_PARAMS Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded
// Error ERR_CRYPTO_SCRYPT_INVALID_PARAMETER Invalid scrypt parameter
// RangeError ERR_CRYPTO_INVALID_KEYLEN Invalid key length
// OperationError true
// OperationError true
// OperationError true
// SyntaxError
