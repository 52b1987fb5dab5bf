// AES known answers: the GCM spec's test cases 2 and 4 (McGrew and Viega,
// as in NIST's GCM validation), SP 800-38A F.2.1 (CBC) and F.5.1 (CTR),
// RFC 3394 4.1 and 4.6 (AES-KW), RFC 8439 2.8.2 (ChaCha20-Poly1305), through
// crypto.subtle and createCipheriv/createDecipheriv.
const c = require("crypto");
const hex = (b) => Buffer.from(b).toString("hex");
const unhex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
const raw = (k, name, usages) => crypto.subtle.importKey("raw", unhex(k), name, true, usages);
const gcm = [
  ["00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
    "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"],
  ["feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
    "5bc94fbc3221a5db94fae95ae7121a47"],
];
for (const [k, iv, aad, p, ct, tagHex] of gcm) {
  const key = await raw(k, "AES-GCM", ["encrypt", "decrypt"]);
  const alg = { name: "AES-GCM", iv: unhex(iv), additionalData: unhex(aad) };
  const out = hex(await crypto.subtle.encrypt(alg, key, unhex(p)));
  const back = hex(await crypto.subtle.decrypt(alg, key, unhex(ct + tagHex)));
  const ci = c.createCipheriv("aes-128-gcm", unhex(k), unhex(iv));
  ci.setAAD(unhex(aad));
  const nodeCt = ci.update(unhex(p), undefined, "hex") + ci.final("hex");
  const de = c.createDecipheriv("aes-128-gcm", unhex(k), unhex(iv));
  de.setAAD(unhex(aad)).setAuthTag(unhex(tagHex));
  const nodeP = Buffer.concat([de.update(unhex(ct)), de.final()]).toString("hex");
  console.log("gcm", out === ct + tagHex, back === p, nodeCt === ct, ci.getAuthTag().toString("hex") === tagHex, nodeP === p);
  // a flipped tag bit fails
  const bad = unhex(ct + tagHex); bad[bad.length - 1] ^= 1;
  try { await crypto.subtle.decrypt(alg, key, bad); } catch (e) { console.log(" ", e.name); }
  const de2 = c.createDecipheriv("aes-128-gcm", unhex(k), unhex(iv));
  de2.setAAD(unhex(aad)).setAuthTag(bad.slice(-16)); de2.update(unhex(ct));
  try { de2.final(); } catch (e) { console.log(" ", e.message); }
}
// a 96-bit tag
const k96 = await raw(gcm[1][0], "AES-GCM", ["encrypt"]);
console.log(hex(await crypto.subtle.encrypt({ name: "AES-GCM", iv: unhex(gcm[1][1]), tagLength: 96 }, k96, new Uint8Array(0))).length);

const K = "2b7e151628aed2a6abf7158809cf4f3c";
const P = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
// CBC-AES128.Encrypt
const cbcIV = "000102030405060708090a0b0c0d0e0f";
const cbcCT = "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7";
const cbcKey = await raw(K, "AES-CBC", ["encrypt", "decrypt"]);
const cbcOut = hex(await crypto.subtle.encrypt({ name: "AES-CBC", iv: unhex(cbcIV) }, cbcKey, unhex(P)));
const nodeCbc = c.createCipheriv("aes-128-cbc", unhex(K), unhex(cbcIV)).setAutoPadding(false);
console.log("cbc", cbcOut.slice(0, 128) === cbcCT, cbcOut.length, nodeCbc.update(P, "hex", "hex") + nodeCbc.final("hex") === cbcCT,
  hex(await crypto.subtle.decrypt({ name: "AES-CBC", iv: unhex(cbcIV) }, cbcKey, unhex(cbcOut))) === P);
// node's padding, across updates of odd sizes
const parts = ["a", "bcdefghijklmnopq", "r"];
const ce = c.createCipheriv("aes-256-cbc", Buffer.alloc(32, 1), Buffer.alloc(16, 2));
const ct = Buffer.concat([...parts.map((x) => ce.update(x)), ce.final()]);
const dd = c.createDecipheriv("aes-256-cbc", Buffer.alloc(32, 1), Buffer.alloc(16, 2));
console.log(ct.length, Buffer.concat([dd.update(ct.subarray(0, 5)), dd.update(ct.subarray(5)), dd.final()]).toString(),
  hex(await crypto.subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16).fill(2) },
    await crypto.subtle.importKey("raw", new Uint8Array(32).fill(1), "AES-CBC", false, ["encrypt"]), new TextEncoder().encode("abcdefghijklmnopqr"))) === ct.toString("hex"));
for (const f of [
  () => { const d = c.createDecipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); d.update(Buffer.alloc(5)); d.final(); },
  () => { const d = c.createDecipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); d.update(Buffer.alloc(16)); d.final(); },
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.code, e.message); }
}
try { await crypto.subtle.decrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, cbcKey, new Uint8Array(16)); } catch (e) { console.log(e.name); }

// CTR-AES128.Encrypt
const ctr0 = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
const ctrCT = "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee";
const ctrKey = await raw(K, "AES-CTR", ["encrypt", "decrypt"]);
const nodeCtr = c.createCipheriv("aes-128-ctr", unhex(K), unhex(ctr0));
console.log("ctr", hex(await crypto.subtle.encrypt({ name: "AES-CTR", counter: unhex(ctr0), length: 64 }, ctrKey, unhex(P))) === ctrCT,
  nodeCtr.update(unhex(P).subarray(0, 7), undefined, "hex") + nodeCtr.update(unhex(P).subarray(7), undefined, "hex") + nodeCtr.final("hex") === ctrCT);
// the counter wraps within its rightmost `length` bits: the second block
// uses ...ff00, not the next 128-bit value
const top = "ffffffffffffffffffffffffffffffff", wrapped = "ffffffffffffffffffffffffffffff00";
const two = unhex(P).subarray(0, 32);
const ks = (ctr, data) => c.createCipheriv("aes-128-ctr", unhex(K), unhex(ctr)).update(data).toString("hex");
const wantWrap = ks(top, two.subarray(0, 16)) + ks(wrapped, two.subarray(16));
console.log("ctr wrap", hex(await crypto.subtle.encrypt({ name: "AES-CTR", counter: unhex(top), length: 8 }, ctrKey, two)) === wantWrap);
try { await crypto.subtle.encrypt({ name: "AES-CTR", counter: unhex(top), length: 1 }, ctrKey, new Uint8Array(33)); } catch (e) { console.log(e.name); }

// RFC 3394
const kw = [
  ["000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"],
  ["000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
    "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"],
];
for (const [kek, data, want] of kw) {
  const wk = await raw(kek, "AES-KW", ["wrapKey", "unwrapKey"]);
  const inner = await raw(data, "AES-CBC", ["encrypt"]);
  const w = hex(await crypto.subtle.wrapKey("raw", inner, wk, "AES-KW"));
  const back = await crypto.subtle.unwrapKey("raw", unhex(w), wk, "AES-KW", "AES-CBC", true, ["encrypt"]);
  console.log("kw", w === want, hex(await crypto.subtle.exportKey("raw", back)) === data);
  const bad = unhex(want); bad[3] ^= 1;
  try { await crypto.subtle.unwrapKey("raw", bad, wk, "AES-KW", "AES-CBC", true, ["encrypt"]); } catch (e) { console.log(" ", e.name); }
}
// wrapping a JWK with AES-GCM and back
const gk = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]);
const hk = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
const iv = crypto.getRandomValues(new Uint8Array(12));
const wrappedJwk = await crypto.subtle.wrapKey("jwk", hk, gk, { name: "AES-GCM", iv });
const hk2 = await crypto.subtle.unwrapKey("jwk", wrappedJwk, gk, { name: "AES-GCM", iv }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
console.log("jwk wrap", hk2.extractable, hk2.algorithm.hash.name,
  hex(await crypto.subtle.sign("HMAC", hk, new Uint8Array(3))) === hex(await crypto.subtle.sign("HMAC", hk2, new Uint8Array(3))));

// RFC 8439 2.8.2
const ck = c.createCipheriv("chacha20-poly1305", unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"), unhex("070000004041424344454647"), { authTagLength: 16 });
ck.setAAD(unhex("50515253c0c1c2c3c4c5c6c7"));
const chCT = ck.update("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.", "utf8", "hex") + ck.final("hex");
console.log("chacha", chCT === "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116",
  ck.getAuthTag().toString("hex"));
// node errors
for (const f of [
  () => c.createCipheriv("aes-128-gcm", Buffer.alloc(15), Buffer.alloc(12)),
  () => c.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(15)),
  () => c.createCipheriv("aes-128-xyz", Buffer.alloc(16), Buffer.alloc(16)),
  () => c.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12)).getAuthTag(),
  () => { const x = c.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); x.final(); x.update("a"); },
  () => c.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 3 }),
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e.code, e.message); }
}
const info = c.getCipherInfo("aes-256-gcm");
console.log(info.mode, info.keyLength, info.ivLength, info.blockSize, c.getCiphers().includes("aes-128-ctr"));

// Output:
// gcm true true true true true
//   OperationError
//   Unsupported state or unable to authenticate data
// gcm true true true true true
//   OperationError
//   Unsupported state or unable to authenticate data
// 24
// cbc true 160 true true
// 32 abcdefghijklmnopqr true
// ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH error:1C80006B:Provider routines::wrong final block length
// ERR_OSSL_BAD_DECRYPT error:1C800064:Provider routines::bad decrypt
// OperationError
// ctr true true
// ctr wrap true
// OperationError
// kw true true
//   OperationError
// kw true true
//   OperationError
// jwk wrap false SHA-256 true
// chacha true 1ae10b594f09e26a7e902ecbd0600691
// RangeError ERR_CRYPTO_INVALID_KEYLEN Invalid key length
// TypeError ERR_CRYPTO_INVALID_IV Invalid initialization vector
// Error ERR_CRYPTO_UNKNOWN_CIPHER Unknown cipher
// Error ERR_CRYPTO_INVALID_STATE Invalid state for operation getAuthTag
// Error undefined Trying to add data in unsupported state
// TypeError ERR_CRYPTO_INVALID_AUTH_TAG Invalid authentication tag length: 3
// gcm 32 12 1 true
