import { Queue } from "./queue_lib.mjs";
const N = 1_000_000, P = 10;
const q = new Queue(100);
async function producer() { for (let i = 0; i < N / P; i++) await q.put(i); }
async function consumer() { let n = 0; for (let i = 0; i < N / P; i++) { await q.get(); n++; } return n; }
const counts = await Promise.all([...Array.from({ length: P }, producer), ...Array.from({ length: P }, consumer)]);
console.log("done", counts.slice(P).reduce((a, b) => a + b, 0));
