// A job that never ends on its own: it polls until the host stops it
// (the per-job timeout, or Ctrl-C). On Ctrl-C its finally block runs.
import { call, log } from "host:api";

let polls = 0;
try {
  for (;;) {
    await call("ping");
    if (++polls === 1) log("polling");
    await asyncio.sleep(0.2);
  }
} finally {
  log(`stopped after ${polls} polls`);
}
