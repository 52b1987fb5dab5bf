// exec and execFile: callbacks, errors, timeout, maxBuffer, encoding,
// AbortSignal, and the util.promisify forms
const cp = require("child_process");
const promisify = require("util").promisify || ((f) => f[Symbol.for("nodejs.util.promisify.custom")]);

const step = (fn) => new Promise((resolve) => fn(resolve));
const show = (e) => e && JSON.stringify({ name: e.name, message: e.message, code: e.code, killed: e.killed, signal: e.signal, cmd: e.cmd });

(async () => {
  await step((done) => cp.exec("echo out; echo err >&2", (e, so, se) => { console.log("ok:", e, JSON.stringify(so), JSON.stringify(se)); done(); }));
  await step((done) => cp.exec("echo out; echo err >&2; exit 2", (e, so, se) => { console.log("fail:", show(e), JSON.stringify(so), JSON.stringify(se)); done(); }));
  await step((done) => cp.exec("sleep 5", { timeout: 50 }, (e) => { console.log("timeout:", show(e)); done(); }));
  await step((done) => cp.exec("head -c 5000 /dev/zero", { maxBuffer: 100 }, (e, so) => { console.log("maxBuffer:", show(e), so.length); done(); }));
  await step((done) => cp.execFile("printf", ["%s", "héllo"], { encoding: "buffer" }, (e, so) => { console.log("buffer:", so instanceof Buffer, so.length, so.toString()); done(); }));
  await step((done) => cp.execFile("printf", ["abc"], { encoding: "hex" }, (e, so) => { console.log("hex:", so); done(); }));
  await step((done) => cp.execFile("no-such-program-xyz", ["x"], (e, so, se) => { console.log("enoent:", show(e), e.errno, e.syscall, e.path, JSON.stringify(so), JSON.stringify(se)); done(); }));
  await step((done) => cp.execFile("sh", ["-c", "kill -9 $$"], (e) => { console.log("signalled:", show(e)); done(); }));
  const ac = new AbortController();
  await step((done) => {
    cp.execFile("sleep", ["30"], { signal: ac.signal }, (e) => { console.log("aborted:", show(e)); done(); });
    setTimeout(() => ac.abort(), 20);
  });
  await step((done) => cp.exec("echo never", { signal: AbortSignal.abort() }, (e) => { console.log("pre-aborted:", show(e)); done(); }));

  const exec = promisify(cp.exec), execFile = promisify(cp.execFile);
  console.log("promisify:", JSON.stringify(await exec("echo p; echo q >&2")));
  const p = execFile("sh", ["-c", "echo x; exit 1"]);
  console.log("has child:", typeof p.child.pid);
  try { await p; } catch (e) { console.log("rejected:", show(e), JSON.stringify(e.stdout), JSON.stringify(e.stderr)); }
})();
// Output:
// ok: null "out\n" "err\n"
// fail: {"name":"Error","message":"Command failed: echo out; echo err >&2; exit 2\nerr\n","code":2,"killed":false,"signal":null,"cmd":"echo out; echo err >&2; exit 2"} "out\n" "err\n"
// timeout: {"name":"Error","message":"Command failed: sleep 5\n","code":null,"killed":true,"signal":"SIGTERM","cmd":"sleep 5"}
// maxBuffer: {"name":"RangeError","message":"stdout maxBuffer length exceeded","code":"ERR_CHILD_PROCESS_STDIO_MAXBUFFER","cmd":"head -c 5000 /dev/zero"} 100
// buffer: true 6 héllo
// hex: 616263
// enoent: {"name":"Error","message":"spawn no-such-program-xyz ENOENT","code":"ENOENT","cmd":"no-such-program-xyz x"} -2 spawn no-such-program-xyz no-such-program-xyz "" ""
// signalled: {"name":"Error","message":"Command failed: sh -c kill -9 $$\n","code":null,"killed":false,"signal":"SIGKILL","cmd":"sh -c kill -9 $$"}
// aborted: {"name":"AbortError","message":"The operation was aborted","code":"ABORT_ERR","cmd":"sleep 30"}
// pre-aborted: {"name":"AbortError","message":"The operation was aborted","code":"ABORT_ERR","cmd":"echo never"}
// promisify: {"stdout":"p\n","stderr":"q\n"}
// has child: number
// rejected: {"name":"Error","message":"Command failed: sh -c echo x; exit 1\n","code":1,"killed":false,"signal":null,"cmd":"sh -c echo x; exit 1"} "x\n" ""
