// A job with two mistakes. The first is caught: jobs may only read their
// own directory. The second is not: the host reports where it happened and
// sees its own Go error as the cause.
import { readFile } from "node:fs/promises";
import { call, log } from "host:api";

try {
  await readFile("/etc/hostname", "utf8");
} catch (e) {
  log(`denied: ${e.name} (${e.permission})`);
}

const flags = await call("config/flags");
log(`beta: ${flags.beta}`);
await call("config/limits"); // no such endpoint: the job fails here
log("never printed");
