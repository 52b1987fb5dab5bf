// Fetches every user concurrently and logs a summary. The calls run in
// parallel, but the host's rate limiter paces them.
import { call, log } from "host:api";

interface Stats {
  commits: number;
}

const names: string[] = await call("users");
const stats: Stats[] = await asyncio.gather(...names.map((name) => call(`users/${name}`)));
const total = stats.reduce((sum, s) => sum + s.commits, 0);
log(`${names.length} users, ${total} commits`);
console.log("top:", names[stats.indexOf(stats.reduce((a, b) => (a.commits >= b.commits ? a : b)))]);
