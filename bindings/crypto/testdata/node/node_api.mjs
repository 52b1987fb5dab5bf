// node:crypto's deterministic results and errors; run by node and arun,
// whose outputs must be the same (TestAgainstNode). The keys were made by
// node 20.
import * as c from "node:crypto";
import { Buffer } from "node:buffer";
const RSA = `-----BEGIN PRIVATE KEY-----
MIICeQIBADANBgkqhkiG9w0BAQEFAASCAmMwggJfAgEAAoGBAL9zPU6MCdLbLojz
nVZdt+oycyaJVqCYbmgcXEjDKMLfHJputzDagGS1zeF6rV6taIE5tIeaf8PLThwG
wvoEbUJPXldzqmKyXQxpXtI3QHaay4Qromeo0F2vprb0YiOvtiOKHia++x3ZJGi1
bwzcGJnUk55lkP9zAfyC6EAlEQbhAgMBAAECgYEAg/5vxjfGjhmPe9x6HZF/u3gM
7ATENPTjKeRju8bR04j/r3ml04jR/J1b1Jk/7oagBnhCfzuF2vfQYoJG6xkiOeGy
iIQhE4hOunhPn0R68EIPHuV9nKwUnDo9GHXs0CU9eDhg9W+8P28NffkZAFz6KZIG
HInwGfP5Nl4x0VGcIgECQQD7xW48MgBGSebh0J/pSmVdgKXyFgNEOAsxjdGB75eF
NouPzBX0Oewp/uNGgIGPEZBL4+dDxtPni5b1L4WGdxqPAkEAwqpwhY67Y4ptpfUL
B3eU4etQ33Xl+EJWZai+uMNf02VRsJGf7UiKo9UhURFkMjnD2DCKE/BnK6A4GF9C
NwA/jwJBAKsWq+Vd+Q/KsomrUq+eralPffU3fjrCduDSxZctsGKHAWnTPuv63IBh
RCKpuuD1B4B6u7I0D9Xd5tRw2aTZlQMCQQCUg1HLIySlgYO7vCJI9RtZ7JxLj3f+
miWt8zpmXW/rKH5VNhSMA+75pO2BGsKVauqWMhn1slATwW1qcqpiqcbTAkEAwoEW
zgs9UYQK2ZhdMSpiNe45n30EIkySrfUDd4ncg6v5IUNkpZgSGKgXvPMsufpJU1jl
J45igLes4304kkh+lg==
-----END PRIVATE KEY-----
`;
const EC = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBlcjN4OxmLg6SL90IyC6mDPUJNk+Pv1H5V29rc5pSUUoAoGCCqGSM49
AwEHoUQDQgAEO/mv1eh5vc9LcPLvKZ+XtoPGdGBFJKPyvePWoYE8kgEPTUwPcok4
QhUwyjxy0n/0VNZ1p4hasux6IrDmR5RAZA==
-----END EC PRIVATE KEY-----
`;
const ED = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINZJZjIQA2vi29CnHeV1E5sjnbIHxR7i80L5RBstMvtm
-----END PRIVATE KEY-----
`;
const out = (...a) => console.log(...a);
const t = (what, f) => {
  try {
    const v = f();
    out(what, "ok", v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v);
  } catch (e) {
    out(what, e.name, e.code, e.message);
  }
};
// hashes and encodings
for (const enc of ["hex", "base64", "base64url", "latin1", "binary", undefined]) {
  const d = c.createHash("sha256").update("héllo").digest(enc);
  out("digest", enc, typeof d === "string" ? d.length + " " + d.charCodeAt(3) : Buffer.from(d).toString("hex"));
}
out(c.createHash("SHA512").update(Buffer.from([1, 2, 3])).update(new Uint16Array([7])).digest("hex"));
out(c.createHash("RSA-SHA1").update("x", "latin1").digest("hex"), c.createHash("sha1").update("7869", "hex").digest("hex"));
out(c.createHash("sha256").update("aGk=", "base64").digest("hex"), c.createHash("md5").update("hi", "utf16le").digest("hex"));
out(c.createHmac("sha512", Buffer.from("k")).update("d").digest("base64"));
out(["sha1", "sha256", "sha512", "md5", "sha3-256", "RSA-SHA256"].every((h) => c.getHashes().includes(h)));
for (const h of ["blake2b512", "blake2s256", "ripemd160", "RIPEMD160", "shake128", "shake256", "sha3-384", "sha512-224"]) out(h, c.createHash(h).update("abc").digest("hex"));
out("shake", c.createHash("shake256", { outputLength: 4 }).update("a").digest("hex"), c.createHash("shake128", { outputLength: 40 }).digest("base64"));
{ const h = c.createHash("shake128", { outputLength: 4 }).update("a"); out("shake copy", h.copy({ outputLength: 8 }).digest("hex"), h.digest("hex")); }
t("not xof", () => c.createHash("sha256", { outputLength: 5 }));
t("xof same size", () => c.createHash("sha256", { outputLength: 32 }).update("a").digest("hex"));
t("update bad enc", () => c.createHash("sha1").update("ab", "nope").digest("hex"));
t("update arraybuffer", () => c.createHash("sha1").update(new ArrayBuffer(2)));
t("cipher arraybuffer", () => c.createCipheriv("aes-128-ctr", Buffer.alloc(16), Buffer.alloc(16)).update(new ArrayBuffer(3)));
t("hmac blake", () => c.createHmac("blake2b512", "k").update("d").digest("hex").slice(0, 32));
t("hash unknown", () => c.createHash("foo"));
t("hash twice", () => { const h = c.createHash("sha256"); h.digest(); h.digest(); });
t("update after", () => { const h = c.createHash("sha256"); h.digest(); h.update("x"); });
t("copy after", () => { const h = c.createHash("sha256"); h.digest(); h.copy(); });
t("update number", () => c.createHash("sha256").update(1));
t("hash no name", () => c.createHash());
t("hmac no key", () => c.createHmac("sha256"));
t("hmac unknown", () => c.createHmac("foo", "k"));
t("hmac twice", () => { const h = c.createHmac("sha256", "k"); h.digest(); return h.digest(); });
// random
t("randomBytes -1", () => c.randomBytes(-1));
t("randomBytes x", () => c.randomBytes("x"));
t("randomBytes 1.5", () => c.randomBytes(1.5).length);
t("randomInt order", () => c.randomInt(5, 2));
t("randomInt float", () => c.randomInt(1.5));
t("randomInt range", () => c.randomInt(0, 2 ** 49));
t("randomInt ok", () => { const v = c.randomInt(3, 5); return v === 3 || v === 4; });
t("randomFill offset", () => c.randomFillSync(new Uint8Array(4), 5));
t("randomFill ok", () => c.randomFillSync(Buffer.alloc(4), 2, 1).subarray(0, 2).toString("hex") + c.randomFillSync(new Uint32Array(2)).length);
t("tse length", () => c.timingSafeEqual(Buffer.from("a"), Buffer.from("ab")));
t("tse type", () => c.timingSafeEqual("a", "b"));
t("tse", () => [c.timingSafeEqual(Buffer.from("ab"), new Uint8Array([97, 98])), c.timingSafeEqual(Buffer.from("ab"), Buffer.from("ac"))].join());
// kdfs
t("pbkdf2", () => c.pbkdf2Sync("pw", Buffer.from("salt"), 10, 24, "sha512"));
t("pbkdf2 iter", () => c.pbkdf2Sync("p", "s", 0, 32, "sha256"));
t("pbkdf2 digest", () => c.pbkdf2Sync("p", "s", 1, 32, "foo"));
t("pbkdf2 cb", () => c.pbkdf2("p", "s", 1, 32, "sha256"));
t("pbkdf2 keylen", () => c.pbkdf2Sync("p", "s", 1, -1, "sha256"));
t("scrypt", () => c.scryptSync("pw", "salt", 16, { N: 64, r: 2, p: 3 }));
t("scrypt N", () => c.scryptSync("p", "s", 64, { N: 3 }));
t("scrypt mem", () => c.scryptSync("p", "s", 64, { N: 1 << 20 }));
t("scrypt maxmem", () => c.scryptSync("p", "s", 16, { N: 1 << 15, maxmem: 64 << 20 }).length);
t("hkdf", () => Buffer.from(c.hkdfSync("sha384", "ikm", "salt", "info", 20)));
t("hkdf len", () => c.hkdfSync("sha256", "k", "s", "i", 255 * 32 + 1));
t("hkdf digest", () => c.hkdfSync("nope", "k", "s", "i", 1));
// ciphers
const key = Buffer.alloc(16, 7), iv = Buffer.alloc(16, 9);
for (const alg of ["aes-128-cbc", "aes-128-ctr", "aes-128-ecb"]) {
  const ci = c.createCipheriv(alg, key, alg.endsWith("ecb") ? null : iv);
  const ct = Buffer.concat([ci.update("attack at dawn!!", "utf8"), ci.update(Buffer.from("xyz")), ci.final()]);
  const de = c.createDecipheriv(alg, key, alg.endsWith("ecb") ? null : iv);
  out(alg, ct.toString("hex"), de.update(ct.toString("base64"), "base64", "utf8") + de.final("utf8"));
}
const gk = Buffer.alloc(32, 1), gi = Buffer.alloc(12, 2);
const g = c.createCipheriv("aes-256-gcm", gk, gi, { authTagLength: 12 });
g.setAAD(Buffer.from("aad"));
out("gcm", g.update("secret", "utf8", "hex") + g.final("hex"), g.getAuthTag().toString("hex"));
t("gcm bad tag", () => { const d = c.createDecipheriv("aes-256-gcm", gk, gi); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.alloc(5)); d.final(); });
t("cbc no pad", () => { const x = c.createCipheriv("aes-128-cbc", key, iv); x.setAutoPadding(false); x.update("abc"); x.final(); });
t("cbc final twice", () => { const x = c.createCipheriv("aes-128-cbc", key, iv); x.final(); x.final(); });
t("iv length", () => c.createCipheriv("aes-128-cbc", key, Buffer.alloc(15)));
t("key length", () => c.createCipheriv("aes-256-cbc", key, iv));
t("unknown cipher", () => c.createCipheriv("aes-128-xyz", key, iv));
t("ctr no iv", () => c.createCipheriv("aes-128-ctr", key, null));
t("getAuthTag cbc", () => c.createCipheriv("aes-128-cbc", key, iv).getAuthTag());
t("tag length", () => c.createDecipheriv("aes-128-gcm", key, gi).setAuthTag(Buffer.alloc(3)));
// keys and signatures (deterministic: RSA PKCS #1 v1.5 and Ed25519)
const rsa = c.createPrivateKey(RSA), ec = c.createPrivateKey(EC), ed = c.createPrivateKey({ key: Buffer.from(ED), format: "pem" });
out(rsa.asymmetricKeyType, rsa.asymmetricKeyDetails.modulusLength, rsa.asymmetricKeyDetails.publicExponent, ec.asymmetricKeyDetails.namedCurve, ed.asymmetricKeyType);
out("rsa sig", c.sign("sha256", Buffer.from("msg"), rsa).toString("base64"));
out("rsa sign obj", c.createSign("RSA-SHA512").update("m").update("sg").sign(rsa, "hex").slice(0, 40));
out("ed sig", c.sign(null, Buffer.from("msg"), ed).toString("hex"));
out("spki", c.createPublicKey(rsa).export({ type: "spki", format: "pem" }).split("\n").length, c.createPublicKey(ec).export({ type: "spki", format: "der" }).toString("hex"));
out("pkcs1", c.createPublicKey(rsa).export({ type: "pkcs1", format: "der" }).length, rsa.export({ type: "pkcs8", format: "pem" }) === RSA);
out("jwk", JSON.stringify(c.createPublicKey(ed).export({ format: "jwk" })), Object.keys(rsa.export({ format: "jwk" })).join());
out("ec jwk", JSON.stringify(ec.export({ format: "jwk" })));
out("rsa jwk", c.createHash("sha256").update(JSON.stringify(rsa.export({ format: "jwk" }))).digest("hex"));
const ecSig = c.createSign("sha256").update("hello").sign(ec);
out("ec verify", c.createVerify("sha256").update("hello").verify(c.createPublicKey(ec), ecSig), c.verify("sha256", Buffer.from("hellO"), ec, ecSig),
  c.sign("sha256", Buffer.from("x"), { key: ec, dsaEncoding: "ieee-p1363" }).length);
const enc = c.publicEncrypt(c.createPublicKey(rsa), Buffer.from("hi"));
out("oaep", enc.length, c.privateDecrypt(rsa, enc).toString(), c.publicEncrypt({ key: rsa, padding: c.constants.RSA_PKCS1_PADDING }, Buffer.from("yo")).length);
t("pkcs1 decrypt", () => c.privateDecrypt({ key: rsa, padding: c.constants.RSA_PKCS1_PADDING }, enc));
t("ed createSign", () => c.createSign("SHA256").update("x").sign(ed));
t("bad pem", () => c.createPrivateKey("nope"));
t("jwk not object", () => c.createPublicKey({ key: "x", format: "jwk" }));
t("public as private", () => c.createPrivateKey(c.createPublicKey(ed)));
t("ec no curve", () => c.generateKeyPairSync("ec", {}));
t("ec curve", () => c.generateKeyPairSync("ec", { namedCurve: "nope" }));
t("aes length", () => c.generateKeySync("aes", { length: 100 }));
t("secret", () => c.createSecretKey("abc").symmetricKeySize + " " + c.createSecretKey("abc").export().toString() + " " + JSON.stringify(c.createSecretKey("abc").export({ format: "jwk" })));
t("secret equals", () => c.createSecretKey("abc").equals(c.createSecretKey(Buffer.from("abc"))) + " " + c.createSecretKey("abc").equals(c.createSecretKey("abd")));
const pair = c.generateKeyPairSync("x25519");
out("x25519", pair.publicKey.asymmetricKeyType, c.diffieHellman({ privateKey: pair.privateKey, publicKey: pair.publicKey }).length);
out("curves", c.getCurves().includes("prime256v1"), typeof c.webcrypto.subtle.digest, c.subtle === c.webcrypto.subtle, c.webcrypto === globalThis.crypto);
out(c.constants.RSA_PKCS1_PSS_PADDING, c.constants.RSA_PSS_SALTLEN_DIGEST);
