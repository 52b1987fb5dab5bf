// os, process and timers: the parts that are the same on every machine.
const os = require("os");
console.log(require("node:os") === os, os.EOL === "\n", os.devNull, os.platform() === process.platform, os.arch() === process.arch, os.endianness());
console.log(typeof os.hostname(), os.type(), typeof os.release(), os.cpus().length > 0, os.totalmem() > os.freemem(), os.freemem() > 0);
console.log(os.availableParallelism() >= 1, os.loadavg().length, os.uptime() > 0, typeof os.homedir(), os.tmpdir() !== "", typeof os.userInfo().username);
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.signals.SIGKILL, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_HIGH);
console.log(Object.values(os.networkInterfaces()).flat().some((i) => i.internal && i.family === "IPv4" && i.address === "127.0.0.1"));
const proc = require("process");
console.log(proc === process, require("node:process") === globalThis.process, typeof process.on, typeof process.emitWarning, typeof process.hrtime.bigint());
console.log(process.on("custom", (x) => console.log("custom event", x)) === process, process.emit("custom", 1), process.listenerCount("custom"));
const [s] = process.hrtime(); const d = process.hrtime([s, 0]);
console.log(d.length, typeof process.memoryUsage().heapUsed, Array.isArray(process.execArgv));
const timers = require("timers");
console.log(require("node:timers") === timers, timers.setTimeout === setTimeout, timers.promises === require("timers/promises"));
timers.setImmediate(() => {
  console.log("immediate fired");
  timers.setTimeout(async () => {
    console.log("timeout fired");
    console.log("promise", await timers.promises.setTimeout(2, "v"));
    console.log("promisified immediate", await require("util").promisify(setImmediate)("im"));
  }, 1);
});

// Output:
// true true /dev/null true true LE
// string Linux string true true true
// true 3 true string true string
// 2 15 9 2 -14
// true
// true true function function bigint
// custom event 1
// true true 1
// 2 number true
// true true true
// immediate fired
// timeout fired
// promise v
// promisified immediate im
