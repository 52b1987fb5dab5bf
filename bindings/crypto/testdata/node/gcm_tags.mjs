// AES-GCM with tags of 32 to 128 bits (node:crypto and subtle), against
// node (TestAgainstNode); the tags are prefixes of the GCM spec test case 4.
import * as c from "node:crypto";
const key = Buffer.from("feffe9928665731c6d6a8f9467308308", "hex"), iv = Buffer.from("cafebabefacedbaddecaf888", "hex");
const aad = Buffer.from("feedfacedeadbeeffeedfacedeadbeefabaddad2", "hex");
const pt = Buffer.from("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39", "hex");
for (const t of [4, 8, 12, 13, 14, 15, 16]) {
  const e = c.createCipheriv("aes-128-gcm", key, iv, { authTagLength: t }); e.setAAD(aad);
  const ct = Buffer.concat([e.update(pt), e.final()]); const tag = e.getAuthTag();
  const d = c.createDecipheriv("aes-128-gcm", key, iv, { authTagLength: t }); d.setAAD(aad); d.setAuthTag(tag);
  const back = Buffer.concat([d.update(ct), d.final()]);
  const bad = Buffer.from(tag); bad[0] ^= 1;
  const d2 = c.createDecipheriv("aes-128-gcm", key, iv, { authTagLength: t }); d2.setAAD(aad); d2.setAuthTag(bad); d2.update(ct);
  let err = "none"; try { d2.final(); } catch (x) { err = x.message; }
  const k = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
  let web = "-";
  if ([4, 8, 12, 13, 14, 15, 16].includes(t)) {
    const alg = { name: "AES-GCM", iv, additionalData: aad, tagLength: t * 8 };
    const w = Buffer.from(await crypto.subtle.encrypt(alg, k, pt));
    const wb = Buffer.from(await crypto.subtle.decrypt(alg, k, w));
    const wbad = Buffer.from(w); wbad[wbad.length - 1] ^= 1;
    let we = "none"; try { await crypto.subtle.decrypt(alg, k, wbad); } catch (x) { we = x.name; }
    web = `${w.subarray(-t).toString("hex")} ${wb.equals(pt)} ${we}`;
  }
  console.log(t, tag.toString("hex"), back.equals(pt), err, web);
}
// a 128-bit IV, short tag: encrypt works
const e = c.createCipheriv("aes-128-gcm", key, Buffer.alloc(16, 1), { authTagLength: 8 }); e.final();
console.log(e.getAuthTag().length);
