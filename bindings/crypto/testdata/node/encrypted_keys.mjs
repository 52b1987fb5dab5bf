// Encrypted private keys: node 20 made certs/encrypted_keys.json (PKCS #8
// PBES2 as PEM and DER, RFC 1423 PEM for PKCS #1 and SEC 1); both runtimes
// must read them alike (TestAgainstNode), and read back what they write.
import * as c from "node:crypto";
import { readFileSync } from "node:fs";
import { Buffer } from "node:buffer";
const keys = JSON.parse(readFileSync(new URL("certs/encrypted_keys.json", import.meta.url), "utf8"));
const t = (what, f) => { try { console.log(what, "ok", f()); } catch (e) { console.log(what, e.name, e.code, e.message); } };
t("pkcs8 pem", () => c.createPrivateKey({ key: keys.p8, passphrase: "top secret" }).export({ format: "jwk" }).n === keys.jwk);
t("pkcs8 der", () => c.createPrivateKey({ key: Buffer.from(keys.p8der, "base64"), format: "der", type: "pkcs8", passphrase: "pw" }).export({ format: "jwk" }).n === keys.jwk);
t("pkcs1 pem", () => c.createPrivateKey({ key: keys.p1, passphrase: Buffer.from("top secret") }).export({ format: "jwk" }).n === keys.jwk);
t("sec1 pem", () => c.createPrivateKey({ key: keys.sec1, passphrase: "x" }).export({ format: "jwk" }).d === keys.ecjwk);
t("public from encrypted", () => c.createPublicKey({ key: keys.sec1, passphrase: "x" }).asymmetricKeyType);
t("no passphrase", () => c.createPrivateKey(keys.p8));
t("no passphrase pkcs1", () => c.createPrivateKey(keys.p1));
t("wrong passphrase", () => c.createPrivateKey({ key: keys.p8, passphrase: "nope" }));
t("wrong passphrase pkcs1", () => c.createPrivateKey({ key: keys.p1, passphrase: "nope" }));
const { privateKey } = c.generateKeyPairSync("ec", { namedCurve: "P-384" });
for (const [type, format, cipher] of [["pkcs8", "pem", "aes-256-cbc"], ["pkcs8", "der", "aes-192-cbc"], ["sec1", "pem", "aes-128-cbc"]]) {
  const enc = privateKey.export({ type, format, cipher, passphrase: "s3cret" });
  const head = format === "pem" ? enc.split("\n")[0] : "der";
  const back = c.createPrivateKey({ key: enc, format, type, passphrase: "s3cret" });
  console.log("round trip", type, format, cipher, head, back.equals(privateKey));
}
t("export no passphrase", () => privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc" }));
const pair = c.generateKeyPairSync("rsa", { modulusLength: 1024, privateKeyEncoding: { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "top secret" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const sig = c.sign("sha256", Buffer.from("m"), { key: pair.privateKey, passphrase: "top secret" });
console.log("generateKeyPair encrypted", pair.privateKey.split("\n")[0], c.verify("sha256", Buffer.from("m"), pair.publicKey, sig));
