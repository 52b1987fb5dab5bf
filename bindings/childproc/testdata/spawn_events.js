// spawn: the ChildProcess's events, its streams and how it ended
const { spawn } = require("child_process");

function run(file, args, opts) {
  return new Promise((resolve) => {
    const c = spawn(file, args, opts);
    const seen = [];
    let out = "", err = "";
    if (c.stdout) c.stdout.on("data", (b) => (out += b));
    if (c.stderr) c.stderr.on("data", (b) => (err += b));
    c.on("spawn", () => seen.push("spawn"));
    c.on("error", (e) => seen.push(`error ${e.message} ${e.code} ${e.errno} ${e.syscall} ${e.path} ${JSON.stringify(e.spawnargs)}`));
    c.on("exit", (code, sig) => seen.push(`exit ${code} ${sig}`));
    c.on("close", (code, sig) => {
      seen.push(`close ${code} ${sig}`);
      resolve({ c, seen, out, err });
    });
  });
}

(async () => {
  let r = await run("sh", ["-c", "echo out; echo err >&2; exit 3"]);
  console.log(r.seen.join(" | "), JSON.stringify(r.out), JSON.stringify(r.err), r.c.exitCode, r.c.signalCode, r.c.pid > 0);
  console.log(r.c.spawnfile, JSON.stringify(r.c.spawnargs));
  r = await run("no-such-program-xyz", ["a"]);
  console.log(r.seen.join(" | "), r.c.pid, typeof r.c.stdout);
  r = await run("echo", ["$HOME", "a  b"], { shell: true, env: { HOME: "/somewhere" } });
  console.log(JSON.stringify(r.out), JSON.stringify(r.c.spawnargs));
  r = await run("pwd", [], { cwd: "/", stdio: ["ignore", "pipe", "inherit"] });
  console.log(JSON.stringify(r.out), r.c.stdin, r.c.stderr);
  const k = spawn("sleep", ["30"]);
  k.on("exit", (code, sig) => console.log("killed:", code, sig, k.killed, k.exitCode, k.signalCode));
  console.log("kill returns", k.kill());
  await new Promise((res) => k.on("close", res));
  console.log("kill after exit", k.kill());
  const t = spawn("sleep", ["30"], { timeout: 50, killSignal: "SIGKILL" });
  await new Promise((res) => t.on("exit", (code, sig) => { console.log("timeout:", code, sig); res(); }));
  try { spawn("sleep", ["0.1"]).kill("SIGNOPE"); } catch (e) { console.log(e.code, e.message); }
  try { spawn(42); } catch (e) { console.log(e.code, e.message); }
})();
// Output:
// spawn | exit 3 null | close 3 null "out\n" "err\n" 3 null true
// sh ["sh","-c","echo out; echo err >&2; exit 3"]
// error spawn no-such-program-xyz ENOENT ENOENT -2 spawn no-such-program-xyz no-such-program-xyz ["a"] | close -2 null undefined object
// "/somewhere a b\n" ["/bin/sh","-c","echo $HOME a  b"]
// "/\n" null null
// kill returns true
// killed: null SIGTERM true null SIGTERM
// kill after exit false
// timeout: null SIGKILL
// ERR_UNKNOWN_SIGNAL Unknown signal: SIGNOPE
// ERR_INVALID_ARG_TYPE The "file" argument must be of type string. Received type number (42)
