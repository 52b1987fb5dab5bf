// Asymmetric known answers: RFC 8032 Ed25519 (tests 1 and 2), RFC 7748
// X25519 (6.1), RFC 6979 A.2.5 (an ECDSA P-256 signature to verify), RFC
// 5903 8.1 (ECDH P-256); round trips for ECDSA, RSA (PKCS #1 v1.5, PSS,
// OAEP) and every key format.
const c = require("crypto");
const hex = (b) => Buffer.from(b).toString("hex");
const unhex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
const b64u = (h) => btoa(String.fromCharCode(...unhex(h))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const { subtle } = crypto;

// Ed25519
for (const [d, x, msg, sig] of [
  ["9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"],
  ["4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"],
]) {
  const priv = await subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", d: b64u(d), x: b64u(x) }, "Ed25519", true, ["sign"]);
  const pub = await subtle.importKey("raw", unhex(x), { name: "Ed25519" }, true, ["verify"]);
  const s = hex(await subtle.sign("Ed25519", priv, unhex(msg)));
  const np = c.createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: b64u(d), x: b64u(x) }, format: "jwk" });
  console.log("ed25519", s === sig, await subtle.verify("Ed25519", pub, unhex(sig), unhex(msg)),
    c.sign(null, unhex(msg), np).toString("hex") === sig, c.verify(null, unhex(msg), c.createPublicKey(np), unhex(sig)),
    await subtle.verify("Ed25519", pub, unhex(sig), unhex(msg + "00")));
}

// X25519
const alice = ["77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"];
const bob = ["5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"];
const xPriv = await subtle.importKey("jwk", { kty: "OKP", crv: "X25519", d: b64u(alice[0]), x: b64u(alice[1]) }, "X25519", false, ["deriveBits"]);
const xPub = await subtle.importKey("raw", unhex(bob[1]), "X25519", true, []);
const shared = hex(await subtle.deriveBits({ name: "X25519", public: xPub }, xPriv, 256));
const nodeShared = c.diffieHellman({
  privateKey: c.createPrivateKey({ key: { kty: "OKP", crv: "X25519", d: b64u(bob[0]), x: b64u(bob[1]) }, format: "jwk" }),
  publicKey: c.createPublicKey({ key: { kty: "OKP", crv: "X25519", x: b64u(alice[1]) }, format: "jwk" }),
}).toString("hex");
console.log("x25519", shared, shared === nodeShared);

// ECDSA P-256, SHA-256, "sample" (RFC 6979 A.2.5)
const ecJwk = { kty: "EC", crv: "P-256",
  x: b64u("60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"),
  y: b64u("7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299") };
const sample = new TextEncoder().encode("sample");
const rs = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
const ecPub = await subtle.importKey("jwk", ecJwk, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
console.log("ecdsa", await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ecPub, unhex(rs), sample),
  await subtle.verify({ name: "ECDSA", hash: "SHA-384" }, ecPub, unhex(rs), sample),
  c.verify("sha256", sample, { key: c.createPublicKey({ key: ecJwk, format: "jwk" }), dsaEncoding: "ieee-p1363" }, unhex(rs)));
const ecPriv = await subtle.importKey("jwk", { ...ecJwk, d: b64u("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721") },
  { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]);
const ecSig = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, ecPriv, sample);
console.log(" ", ecSig.byteLength, await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ecPub, ecSig, sample));

// ECDH P-256 (RFC 5903 8.1)
const ecdhImport = (x, y, d) => subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: b64u(x), y: b64u(y), ...(d ? { d: b64u(d) } : {}) },
  { name: "ECDH", namedCurve: "P-256" }, true, d ? ["deriveBits"] : []);
const ei = await ecdhImport("dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180", "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3",
  "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433");
const er = await ecdhImport("d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63", "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab");
console.log("ecdh", hex(await subtle.deriveBits({ name: "ECDH", public: er }, ei, null)));
console.log(" ", hex(await subtle.deriveBits({ name: "ECDH", public: er }, ei, 12)));

// generated pairs: usages split between the keys, export and re-import
for (const [alg, usages, signAlg] of [
  [{ name: "ECDSA", namedCurve: "P-384" }, ["sign", "verify"], { name: "ECDSA", hash: "SHA-384" }],
  [{ name: "ECDSA", namedCurve: "P-521" }, ["sign", "verify"], { name: "ECDSA", hash: "SHA-512" }],
  [{ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, ["sign", "verify"], "RSASSA-PKCS1-v1_5"],
  [{ name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, ["sign", "verify"], { name: "RSA-PSS", saltLength: 32 }],
  [{ name: "Ed25519" }, ["sign", "verify"], "Ed25519"],
]) {
  const { publicKey, privateKey } = await subtle.generateKey(alg, true, usages);
  const msg = new Uint8Array([1, 2, 3]);
  const sig = await subtle.sign(signAlg, privateKey, msg);
  const back = [];
  for (const [fmt, key] of [["spki", publicKey], ["jwk", publicKey], ["pkcs8", privateKey], ["jwk", privateKey]]) {
    const data = await subtle.exportKey(fmt, key);
    const k = await subtle.importKey(fmt, data, alg, true, key.type === "public" ? ["verify"] : ["sign"]);
    back.push(k.type === "public" ? await subtle.verify(signAlg, k, sig, msg) : await subtle.verify(signAlg, publicKey, await subtle.sign(signAlg, k, msg), msg));
  }
  console.log(alg.name, alg.namedCurve || alg.modulusLength || "", publicKey.usages.join(), privateKey.usages.join(), publicKey.extractable,
    await subtle.verify(signAlg, publicKey, sig, msg), back.join(), await subtle.verify(signAlg, publicKey, sig, new Uint8Array([1, 2])));
}
// RSA-OAEP with a label; a public key's jwk
const oaep = await subtle.generateKey({ name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
const label = new Uint8Array([9]);
const oct = await subtle.encrypt({ name: "RSA-OAEP", label }, oaep.publicKey, new TextEncoder().encode("hi"));
console.log("oaep", oct.byteLength, new TextDecoder().decode(await subtle.decrypt({ name: "RSA-OAEP", label }, oaep.privateKey, oct)),
  oaep.publicKey.usages.join(), oaep.privateKey.usages.join());
try { await subtle.decrypt({ name: "RSA-OAEP" }, oaep.privateKey, oct); } catch (e) { console.log(" ", e.name); }
const pj = await subtle.exportKey("jwk", oaep.publicKey);
console.log(" ", pj.kty, pj.alg, pj.e, pj.key_ops.join(), Object.keys(pj).sort().join());
const a = oaep.publicKey.algorithm;
console.log(" ", a.name, a.modulusLength, a.publicExponent, a.hash.name);

// node: PEM round trips between KeyObject forms
const rsa = c.generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = rsa.privateKey.export({ type: "pkcs1", format: "pem" });
const der = rsa.publicKey.export({ type: "spki", format: "der" });
const again = c.createPrivateKey(pem);
console.log("node", pem.split("\n")[0], again.equals(rsa.privateKey), c.createPublicKey({ key: der, format: "der", type: "spki" }).equals(rsa.publicKey),
  c.createPublicKey(again).equals(rsa.publicKey), again.asymmetricKeyType, rsa.publicKey.asymmetricKeyDetails.modulusLength);
const pss = c.sign("sha256", Buffer.from("x"), { key: rsa.privateKey, padding: c.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
console.log(" ", c.verify("sha256", Buffer.from("x"), { key: rsa.publicKey, padding: c.constants.RSA_PKCS1_PSS_PADDING }, pss),
  c.verify("sha256", Buffer.from("x"), rsa.publicKey, pss));
const ec = c.generateKeyPairSync("ec", { namedCurve: "secp384r1" });
console.log(" ", ec.privateKey.export({ type: "sec1", format: "pem" }).split("\n")[0], ec.publicKey.asymmetricKeyDetails.namedCurve,
  c.createPrivateKey(ec.privateKey.export({ type: "sec1", format: "der" }).toString("base64") && { key: ec.privateKey.export({ type: "sec1", format: "der" }), format: "der", type: "sec1" }).equals(ec.privateKey));
const ck = c.KeyObject.from(ecPriv);
console.log(" ", ck.type, ck.asymmetricKeyType, ck.asymmetricKeyDetails.namedCurve, JSON.stringify(ck.export({ format: "jwk" })).length);

// Output:
// ed25519 true true true true false
// ed25519 true true true true false
// x25519 4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742 true
// ecdsa true false true
//   64 true
// ecdh d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de
//   d680
// ECDSA P-384 verify sign true true true,true,true,true false
// ECDSA P-521 verify sign true true true,true,true,true false
// RSASSA-PKCS1-v1_5 2048 verify sign true true true,true,true,true false
// RSA-PSS 2048 verify sign true true true,true,true,true false
// Ed25519  verify sign true true true,true,true,true false
// oaep 256 hi encrypt,wrapKey decrypt,unwrapKey
//   OperationError
//   RSA RSA-OAEP-256 AQAB encrypt,wrapKey alg,e,ext,key_ops,kty,n
//   RSA-OAEP 2048 Uint8Array(3) [ 1, 0, 1 ] SHA-256
// node -----BEGIN RSA PRIVATE KEY----- true true true rsa 2048
//   true false
//   -----BEGIN EC PRIVATE KEY----- secp384r1 true
//   private ec prime256v1 176
