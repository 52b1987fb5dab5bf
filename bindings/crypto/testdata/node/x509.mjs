// node:crypto's X509Certificate on certificates made by openssl 3 (certs/:
// an EC P-256 root, an RSA leaf with SANs, key and extended key usages and
// AIA, a self-signed Ed25519 one); run by node and arun (TestAgainstNode).
import { X509Certificate, createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
const dir = new URL("certs/", import.meta.url);
const read = (f) => readFileSync(new URL(f, dir));
const ca = new X509Certificate(read("ca.pem")), leaf = new X509Certificate(read("leaf.pem")), ed = new X509Certificate(read("ed.pem").toString());
for (const c of [ca, leaf, ed]) {
  console.log(JSON.stringify({ subject: c.subject, issuer: c.issuer, san: c.subjectAltName, info: c.infoAccess, validFrom: c.validFrom, validTo: c.validTo,
    fp: c.fingerprint, fp256: c.fingerprint256, fp512: c.fingerprint512.length, serial: c.serialNumber, ca: c.ca, keyUsage: c.keyUsage,
    pk: c.publicKey.asymmetricKeyType, raw: c.raw.length, pem: c.toString() === c.toJSON() && c.toString().startsWith("-----BEGIN CERTIFICATE-----") }));
}
console.log(leaf.verify(ca.publicKey), leaf.verify(leaf.publicKey), ed.verify(ed.publicKey), leaf.checkIssued(ca), ca.checkIssued(leaf), ca.checkIssued(ca));
console.log(leaf.checkHost("www.example.com"), leaf.checkHost("WWW.EXAMPLE.COM"), leaf.checkHost("a.example.org"), leaf.checkHost("b.a.example.org"),
  leaf.checkHost("example.org"), leaf.checkHost("a.example.org", { wildcards: false }), ed.checkHost("ed only"), ed.checkHost("ed only", { subject: "never" }));
console.log(leaf.checkIP("127.0.0.1"), leaf.checkIP("::1"), leaf.checkIP("0:0::1"), leaf.checkIP("10.0.0.1"), leaf.checkEmail("admin@example.com"), leaf.checkEmail("ADMIN@example.com"),
  ed.checkEmail("me@example.net"), ed.checkEmail("me@example.net", { subject: "never" }));
console.log(leaf.checkPrivateKey(createPrivateKey(read("leaf.key"))), leaf.checkPrivateKey(createPrivateKey(read("ca.key"))), leaf.issuerCertificate);
console.log(leaf.publicKey.asymmetricKeyDetails.modulusLength, ca.publicKey.asymmetricKeyDetails.namedCurve);
for (const f of [() => new X509Certificate("nope"), () => new X509Certificate(42), () => leaf.verify(createPrivateKey(read("leaf.key")))]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e.code); }
}
