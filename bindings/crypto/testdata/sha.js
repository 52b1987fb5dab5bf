// FIPS 180-4 / NIST example values through subtle.digest and createHash.
const { createHash } = require("node:crypto");
const hex = (b) => Buffer.from(b).toString("hex");
const enc = (s) => new TextEncoder().encode(s);
const vectors = [
  ["SHA-1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"],
  ["SHA-256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ["SHA-384", "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"],
  ["SHA-512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"],
  ["SHA-256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["SHA-256", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ["SHA-1", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"],
];
for (const [alg, msg, want] of vectors) {
  const got = hex(await crypto.subtle.digest(alg, enc(msg)));
  const node = createHash(alg.replace("-", "")).update(msg).digest("hex");
  console.log(alg, JSON.stringify(msg).slice(0, 12), got === want, node === want);
}
// one million "a", in pieces and at once; and from a DataView
const million = "a".repeat(1e6);
const h = createHash("sha256");
for (let i = 0; i < 10; i++) h.update(million.slice(i * 1e5, (i + 1) * 1e5));
const want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
console.log(h.digest("hex") === want, hex(await crypto.subtle.digest({ name: "sha-256" }, new DataView(enc(million).buffer))) === want);
// SHA-3 and SHA-512/256 (node:crypto only)
console.log(createHash("sha3-256").update("abc").digest("hex"));
console.log(createHash("sha512-256").update("abc").digest("hex"));
console.log(createHash("md5").update("").digest("hex"));
// copy() forks the state; outputs in several encodings
const base = createHash("sha1").update("ab");
const fork = base.copy().update("c");
console.log(base.digest("base64"), fork.digest("hex") === vectors[0][2]);
console.log(createHash("sha256").update("68656c6c6f", "hex").digest("base64url"));
console.log(require("crypto").hash("sha1", "abc"));

// Output:
// SHA-1 "abc" true true
// SHA-256 "abc" true true
// SHA-384 "abc" true true
// SHA-512 "abc" true true
// SHA-256 "" true true
// SHA-256 "abcdbcdecde true true
// SHA-1 "abcdbcdecde true true
// true true
// 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532
// 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23
// d41d8cd98f00b204e9800998ecf8427e
// 2iNhTgJGmg18e9G9q1ycR0sZBNw= true
// LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ
// a9993e364706816aba3e25717850c26c9cd0d89d
