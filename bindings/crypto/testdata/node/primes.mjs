// checkPrime and generatePrime; run by node and arun (TestAgainstNode).
import * as c from "node:crypto";
import { Buffer } from "node:buffer";
console.log(c.checkPrimeSync(7n), c.checkPrimeSync(Buffer.from([0x0f])), c.checkPrimeSync(Buffer.from([0x0d]), { checks: 5 }),
  c.checkPrimeSync(2n ** 127n - 1n), c.checkPrimeSync(2n ** 128n + 1n), c.checkPrimeSync(new Uint8Array([0])), c.checkPrimeSync(1n));
const p = c.generatePrimeSync(64, { bigint: true });
console.log(typeof p, p.toString(2).length, c.checkPrimeSync(p));
const q = c.generatePrimeSync(32);
console.log(q instanceof ArrayBuffer, q.byteLength, c.checkPrimeSync(q));
const s = c.generatePrimeSync(64, { safe: true, bigint: true });
console.log(s.toString(2).length, c.checkPrimeSync(s), c.checkPrimeSync((s - 1n) / 2n));
for (const f of [() => c.checkPrimeSync(5), () => c.generatePrimeSync(0), () => c.generatePrimeSync(1), () => c.generatePrimeSync(2, { bigint: true }),
  () => c.checkPrimeSync(-5n), () => c.generatePrime(8)]) {
  try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); }
}
await new Promise((res) => c.generatePrime(16, { bigint: true }, (e, p) => { console.log(e, typeof p, c.checkPrimeSync(p)); res(); }));
await new Promise((res) => c.checkPrime(11n, (e, r) => { console.log(e, r); res(); }));
