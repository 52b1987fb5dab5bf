// node:crypto's ECDH class; run by node and arun (TestAgainstNode).
import * as c from "node:crypto";
const a = c.createECDH("prime256v1"), b = c.createECDH("prime256v1");
const ak = a.generateKeys(), bk = b.generateKeys("hex", "compressed");
console.log(ak.length, bk.length, a.computeSecret(bk, "hex").equals(b.computeSecret(ak)));
// a fixed private key (RFC 5903 8.1's i)
const f = c.createECDH("prime256v1");
f.setPrivateKey("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433", "hex");
console.log(f.getPublicKey("hex"), f.getPublicKey("base64", "compressed"), f.getPrivateKey().length);
console.log(f.computeSecret("04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf6356fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab", "hex", "hex"));
console.log(c.ECDH.convertKey(f.getPublicKey(), "prime256v1", undefined, "hex", "compressed"));
const e384 = c.createECDH("secp384r1"); e384.generateKeys();
console.log(e384.getPublicKey().length, e384.getPublicKey(null, "compressed").length);
for (const g of [() => c.createECDH("nope"), () => f.computeSecret(Buffer.alloc(65)), () => c.createECDH("prime256v1").getPublicKey(), () => f.getPublicKey("hex", "weird")]) {
  try { g(); console.log("no error"); } catch (e) { console.log(e.name, e.code, e.message); }
}
