// SHA-256 of 100 MB through createHash and subtle.digest, best of 5: run
// by node and by arun to compare (README, Crypto). Not a test.
import { createHash } from "node:crypto";
const data = new Uint8Array(100 << 20);
for (let i = 0; i < data.length; i += 4096) data[i] = i & 255;
const best = {};
for (let r = 0; r < 5; r++) {
  let t = performance.now();
  const a = createHash("sha256").update(data).digest("hex");
  const ch = performance.now() - t;
  t = performance.now();
  const b = await crypto.subtle.digest("SHA-256", data);
  const sd = performance.now() - t;
  best.createHash = Math.min(best.createHash ?? 1e9, ch);
  best.digest = Math.min(best.digest ?? 1e9, sd);
}
console.log(`createHash ${best.createHash.toFixed(1)} ms (${(100 / best.createHash * 1000).toFixed(0)} MB/s), subtle.digest ${best.digest.toFixed(1)} ms (${(100 / best.digest * 1000).toFixed(0)} MB/s)`);
