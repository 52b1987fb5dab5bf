package childproc_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.js, whose expected outputs are what Node
// printed for the same scripts (TestOutputsAreNodes checks that).
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestOutputsAreNodes runs testdata/*.js with node, when it is installed,
// and compares with the recorded outputs.
func TestOutputsAreNodes(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	for _, sf := range runtimetest.ReadScripts(t, "testdata") {
		t.Run(filepath.Base(sf.Path), func(t *testing.T) {
			out, err := exec.Command(node, sf.Path).Output()
			if err != nil {
				t.Fatalf("node: %v", err)
			}
			if got := strings.TrimRight(string(out), "\n"); got != sf.Want {
				t.Errorf("node printed\n%s\nrecorded\n%s", got, sf.Want)
			}
		})
	}
}

// TestAbortKillsAndReaps: an aborted signal, a timeout and the end of the
// run each kill the child, which is reaped: no zombie, no goroutine left.
func TestAbortKillsAndReaps(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	for _, tc := range []struct{ name, src, want string }{
		{"spawn signal", `
const ac = new AbortController();
const c = spawn("sleep", ["60"], { signal: ac.signal });
console.log(c.pid);
c.on("error", (e) => console.log(e.name));
c.on("close", (code, sig) => console.log(code, sig));
setTimeout(() => ac.abort(), 10);`, "AbortError\nnull SIGTERM"},
		{"execFile promisified signal", `
const ac = new AbortController();
const p = execFile[Symbol.for("nodejs.util.promisify.custom")]("sleep", ["60"], { signal: ac.signal });
console.log(p.child.pid);
setTimeout(() => ac.abort(), 10);
try { await p; } catch (e) { console.log(e.name); }
await new Promise((res) => p.child.on("close", (code, sig) => { console.log(code, sig); res(); }));`, "AbortError\nnull SIGTERM"},
		{"exec timeout", `
const c = exec("exec sleep 60", { timeout: 20, killSignal: "SIGKILL" }, (e) => console.log(e.killed, e.signal));
console.log(c.pid);`, "true SIGKILL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `const { spawn, exec, execFile } = require("child_process");` + tc.src
			res := runtimetest.Run(t, "main.mjs", src, runtime.Options{})
			if res.Err != nil {
				t.Fatalf("run failed: %v\n%s", res.Err, res.Stderr)
			}
			pidText, rest, _ := strings.Cut(res.Stdout, "\n")
			if got := strings.TrimSpace(rest); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			pid, _ := strconv.Atoi(pidText)
			if pid == 0 || !runtimetest.PidGone(pid) {
				t.Errorf("child %q still exists", pidText)
			}
		})
	}
}

// TestRunEndKills: a child still running when the run is stopped is
// killed and reaped by the time Close returns.
func TestRunEndKills(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Permissions: runtime.AllowAll(), Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	err = rt.RunString(context.Background(), "main.js", `
const c = require("child_process").spawn("sleep", ["60"]);
c.stdout.on("data", () => {});
console.log(c.pid);`)
	rt.Close()
	if err == nil {
		t.Fatal("the run was not stopped")
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(out.String()))
	if pid == 0 || !runtimetest.PidGone(pid) {
		t.Errorf("child %q still exists after Close", out.String())
	}
}

// TestPermissions: without the run permission spawn and the Sync
// functions throw at once, naming the program and the flag; zero-value
// Options grant nothing.
func TestPermissions(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
const cp = require("child_process");
for (const f of [() => cp.spawn("ls"), () => cp.execSync("ls"), () => cp.execFileSync("/bin/ls"), () => cp.exec("ls", () => {})]) {
  try { f(); console.log("ran"); } catch (e) { console.log(e.name, e.code, e.message); }
}`
	want := `PermissionDenied ERR_ACCESS_DENIED permission denied: run access to "ls"; run with --allow-run=ls
PermissionDenied ERR_ACCESS_DENIED permission denied: run access to "/bin/sh"; run with --allow-run=/bin/sh
PermissionDenied ERR_ACCESS_DENIED permission denied: run access to "/bin/ls"; run with --allow-run=/bin/ls
PermissionDenied ERR_ACCESS_DENIED permission denied: run access to "/bin/sh"; run with --allow-run=/bin/sh`
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.RunString(context.Background(), "main.js", src); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(out.String()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	opts := runtime.Options{}
	opts.Permissions = &runtime.Permissions{Run: []string{"ls"}}
	res := runtimetest.Run(t, "main.js", src, opts)
	if got := strings.Count(res.Stdout, "ran"); got != 2 {
		t.Errorf("with --allow-run=ls: %s", res.Stdout)
	}
}

// TestWindowsShell: with process.platform "win32" the shell option runs
// %ComSpec% (else cmd.exe) as /d /s /c "command", verbatim, as Node's; a
// shell named by the script that is not cmd gets -c. (The program does not
// exist here: spawning it fails with ENOENT after the arguments are set.)
func TestWindowsShell(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
Object.defineProperty(process, "platform", { value: "win32" });
const cp = require("child_process");
for (const shell of [true, "pwsh"]) {
  const c = cp.spawn("echo", ["hi there"], { shell });
  console.log(JSON.stringify(c.spawnargs));
  await new Promise((res) => c.on("error", (e) => { console.log(e.code); res(); }));
}
delete process.env.ComSpec;
try { cp.execSync("dir"); } catch (e) { console.log(e.code, e.message); }`
	want := `["C:\\Windows\\system32\\cmd.exe","/d","/s","/c","\"echo hi there\""]
ENOENT
["pwsh","-c","echo hi there"]
ENOENT
ERR_ACCESS_DENIED permission denied: run access to "cmd.exe"; run with --allow-run=cmd.exe`
	opts := runtime.Options{Env: map[string]string{"ComSpec": `C:\Windows\system32\cmd.exe`}}
	opts.Permissions = &runtime.Permissions{EnvAll: true, Run: []string{`C:\Windows\system32\cmd.exe`, "pwsh"}}
	res := runtimetest.Run(t, "main.js", src, opts)
	if got := strings.TrimSpace(res.Stdout); got != want || res.Err != nil {
		t.Errorf("got\n%s\n%v\nwant\n%s", got, res.Err, want)
	}
}
