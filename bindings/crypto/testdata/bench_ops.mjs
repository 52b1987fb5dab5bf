// Per-operation cost of common node:crypto calls: run by node and by arun
// to compare (README, Crypto). Not a test.
import * as c from "node:crypto";
const time = (label, n, f) => { const t = performance.now(); for (let i = 0; i < n; i++) f(); const d = performance.now() - t; console.log(label, (d / n * 1000).toFixed(0), "us"); };
let t = performance.now();
const rsa = c.generateKeyPairSync("rsa", { modulusLength: 2048 });
console.log("rsa2048 keygen", (performance.now() - t).toFixed(0), "ms");
const ec = c.generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = c.generateKeyPairSync("ed25519");
const m = Buffer.from("message");
const rs = c.sign("sha256", m, rsa.privateKey), es = c.sign("sha256", m, ec.privateKey), eds = c.sign(null, m, ed.privateKey);
time("rsa sign", 200, () => c.sign("sha256", m, rsa.privateKey));
time("rsa verify", 2000, () => c.verify("sha256", m, rsa.publicKey, rs));
time("ecdsa sign", 2000, () => c.sign("sha256", m, ec.privateKey));
time("ecdsa verify", 2000, () => c.verify("sha256", m, ec.publicKey, es));
time("ed25519 sign", 2000, () => c.sign(null, m, ed.privateKey));
time("ed25519 verify", 2000, () => c.verify(null, m, ed.publicKey, eds));
time("pbkdf2 100k", 3, () => c.pbkdf2Sync("p", "s", 100000, 32, "sha256"));
time("scrypt default", 5, () => c.scryptSync("p", "s", 32));
const k = c.randomBytes(32), iv = c.randomBytes(12), big = Buffer.alloc(64 << 20);
time("aes-256-gcm 64MB", 2, () => { const x = c.createCipheriv("aes-256-gcm", k, iv); x.update(big); x.final(); });
