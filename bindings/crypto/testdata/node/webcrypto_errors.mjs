// Web Crypto's errors and CryptoKey's shape; run by node and arun, whose
// outputs must be the same (TestAgainstNode).
const { subtle } = globalThis.crypto;
const out = (...a) => console.log(...a);
async function t(what, f) {
  try {
    const p = f();
    const isPromise = p instanceof Promise;
    const v = await p;
    out(what, "ok", isPromise, typeof v);
  } catch (e) {
    out(what, e.name, e instanceof DOMException ? "DOMException" : e.constructor.name);
  }
}
const aes = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
const hmac = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["verify"]);
const p256 = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
const p384 = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, true, ["deriveBits"]);
const kdf = await subtle.importKey("raw", new Uint8Array(16), "HKDF", false, ["deriveBits"]);
await t("digest unknown", () => subtle.digest("SHA-3", new Uint8Array()));
await t("digest not bytes", () => subtle.digest("SHA-256", "abc"));
await t("digest no name", () => subtle.digest({}, new Uint8Array()));
await t("digest case", () => subtle.digest("sHa-1", new Uint8Array()));
await t("aes length", () => subtle.generateKey({ name: "AES-CBC", length: 100 }, true, ["encrypt"]));
await t("aes usage", () => subtle.generateKey({ name: "AES-CBC", length: 128 }, true, ["sign"]));
await t("aes no usages", () => subtle.generateKey({ name: "AES-CBC", length: 128 }, true, []));
await t("bad usage string", () => subtle.generateKey({ name: "AES-CBC", length: 128 }, true, ["fly"]));
await t("ec no usages", () => subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]));
await t("ec curve", () => subtle.generateKey({ name: "ECDSA", namedCurve: "P-255" }, true, ["sign"]));
await t("ec curve missing", () => subtle.generateKey({ name: "ECDSA" }, true, ["sign"]));
await t("rsa exponent 1", () => subtle.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1]), hash: "SHA-256" }, true, []));
await t("rsa exponent 3 no usages", () => subtle.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: "SHA-256" }, true, ["verify"]));
await t("raw aes size", () => subtle.importKey("raw", new Uint8Array(15), "AES-GCM", true, ["encrypt"]));
await t("spki aes", () => subtle.importKey("spki", new Uint8Array(16), "AES-GCM", true, ["encrypt"]));
await t("bad format", () => subtle.importKey("pem", new Uint8Array(16), "AES-GCM", true, ["encrypt"]));
await t("bad spki", () => subtle.importKey("spki", new Uint8Array(16), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]));
await t("jwk kty", () => subtle.importKey("jwk", { kty: "EC", k: "AAAAAAAAAAAAAAAAAAAAAA" }, "AES-GCM", true, ["encrypt"]));
await t("jwk ext", () => subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", ext: false }, "AES-GCM", true, ["encrypt"]));
await t("jwk key_ops", () => subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", key_ops: ["decrypt"] }, "AES-GCM", true, ["encrypt"]));
await t("jwk alg", () => subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A256GCM" }, "AES-GCM", true, ["encrypt"]));
await t("kdf extractable", () => subtle.importKey("raw", new Uint8Array(16), "PBKDF2", true, ["deriveBits"]));
await t("hmac empty", () => subtle.importKey("raw", new Uint8Array(0), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]));
await t("export not extractable", () => subtle.exportKey("raw", aes));
await t("export kdf", () => subtle.exportKey("raw", kdf));
await t("export spki secret", () => subtle.exportKey("spki", hmac));
await t("export pkcs8 public", () => subtle.exportKey("pkcs8", p256.publicKey));
await t("sign no usage", () => subtle.sign("HMAC", hmac, new Uint8Array()));
await t("sign wrong alg", () => subtle.sign({ name: "ECDSA", hash: "SHA-256" }, hmac, new Uint8Array()));
await t("sign no key", () => subtle.sign("HMAC", {}, new Uint8Array()));
await t("encrypt unknown", () => subtle.encrypt({ name: "AES-KW" }, aes, new Uint8Array()));
await t("cbc iv", () => subtle.encrypt({ name: "AES-GCM" }, aes, new Uint8Array()));
await t("gcm tag", () => subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 100 }, aes, new Uint8Array()));
await t("ecdh curves", () => subtle.deriveBits({ name: "ECDH", public: p384.publicKey }, p256.privateKey, 128));
await t("ecdh private as public", () => subtle.deriveBits({ name: "ECDH", public: p384.privateKey }, p384.privateKey, 128));
await t("ecdh too long", () => subtle.deriveBits({ name: "ECDH", public: p256.publicKey }, p256.privateKey, 512));
await t("hkdf no length", () => subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new Uint8Array() }, kdf, null));
await t("too few args", () => subtle.encrypt({ name: "AES-GCM" }, aes));
for (const [what, f] of [
  ["float array", () => crypto.getRandomValues(new Float32Array(2))],
  ["too big", () => crypto.getRandomValues(new Uint8Array(65537))],
  ["data view", () => crypto.getRandomValues(new DataView(new ArrayBuffer(2)))],
  ["max size", () => crypto.getRandomValues(new Uint32Array(16384)).length],
  ["new CryptoKey", () => new CryptoKey()],
]) {
  try { out(what, "ok", f()); } catch (e) { out(what, e.name, e instanceof DOMException ? e.code : e.constructor.name); }
}
out(Object.prototype.toString.call(hmac), Object.prototype.toString.call(subtle), Object.prototype.toString.call(crypto));
out(hmac instanceof CryptoKey, hmac.algorithm === hmac.algorithm, hmac.usages === hmac.usages, hmac.type, hmac.extractable);
out(Object.keys(Object.getOwnPropertyDescriptors(CryptoKey.prototype)).sort().join());
out(JSON.stringify(p256.publicKey.algorithm), p256.publicKey.usages.length, p256.publicKey.extractable);
out(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
