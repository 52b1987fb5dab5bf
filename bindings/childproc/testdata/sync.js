// spawnSync, execSync, execFileSync
const cp = require("child_process");

let r = cp.spawnSync("sh", ["-c", "cat; echo err >&2; exit 1"], { input: "in put" });
console.log(r.status, r.signal, JSON.stringify(r.stdout.toString()), JSON.stringify(r.stderr.toString()), r.output.length, r.output[0], r.pid > 0, r.error);
r = cp.spawnSync("printf", ["a\\nb"], { encoding: "utf8" });
console.log(JSON.stringify(r.stdout), JSON.stringify(r.output));
r = cp.spawnSync("no-such-program-xyz");
console.log(r.status, r.signal, r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, JSON.stringify(r.error.spawnargs), r.pid, r.stdout);
r = cp.spawnSync("sleep", ["5"], { timeout: 50 });
console.log(r.status, r.signal, r.error.code, r.error.message);
r = cp.spawnSync("head", ["-c", "5000", "/dev/zero"], { maxBuffer: 100 });
console.log("maxBuffer:", r.error && r.error.code);
r = cp.spawnSync("sh", ["-c", "kill -15 $$"]);
console.log(r.status, r.signal);

console.log(JSON.stringify(cp.execSync("echo sync").toString()), JSON.stringify(cp.execSync("echo $X", { encoding: "utf8", env: { X: "from env" } })));
console.log(JSON.stringify(cp.execFileSync("echo", ["a", "b"], { encoding: "utf8" })));
console.log(JSON.stringify(cp.execFileSync("pwd", { cwd: "/", encoding: "utf8" })));
try {
  cp.execSync("echo o; echo e >&2; exit 5", { stdio: "pipe" });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal, JSON.stringify(e.stdout.toString()), JSON.stringify(e.stderr.toString()), e.output.length);
}
try {
  cp.execFileSync("no-such-program-xyz");
} catch (e) {
  console.log(e.message, e.code, e.status);
}
console.log(JSON.stringify(cp.execSync("cat", { input: "piped" }).toString()));
// Output:
// 1 null "in put" "err\n" 3 null true undefined
// "a\nb" [null,"a\nb",""]
// null null spawnSync no-such-program-xyz ENOENT ENOENT -2 spawnSync no-such-program-xyz no-such-program-xyz [] 0 null
// null SIGTERM ETIMEDOUT spawnSync sleep ETIMEDOUT
// maxBuffer: ENOBUFS
// null SIGTERM
// "sync\n" "from env\n"
// "a b\n"
// "/\n"
// "Command failed: echo o; echo e >&2; exit 5\ne\n" 5 null "o\n" "e\n" 3
// spawnSync no-such-program-xyz ENOENT ENOENT null
// "piped"
