package asyncio_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestSubprocessParity runs the cases of testdata/subprocess_cases.txt and
// compares their output with CPython's for the same programs.
func TestSubprocessParity(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := readCases(t, "testdata/subprocess_cases.txt")
	if len(cases) < 10 {
		t.Errorf("only %d cases", len(cases))
	}
	runParity(t, cases)
}

// childrenOfUs lists the processes whose parent is this test process,
// zombies included (a child never reaped shows as state Z).
func childrenOfUs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc")
	}
	me := strconv.Itoa(os.Getpid())
	var out []string
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[1] == me {
			out = append(out, e.Name()+" "+s[:i+1]+" "+f[0])
		}
	}
	return out
}

// TestSubprocessCancelKillsAndReaps: cancelling the task that awaits a
// child (wait, communicate, waitFor's timeout) kills it, and it is reaped
// before the run ends: no zombie, no goroutine left.
func TestSubprocessCancelKillsAndReaps(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	before := len(childrenOfUs(t))
	for _, tc := range []struct{ name, src string }{
		{"wait cancelled", `
const p = await asyncio.createSubprocessExec("sleep", "60");
console.log(p.pid);
const t = asyncio.createTask(() => p.wait());
await asyncio.sleep(0);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }
console.log(await p.wait());`},
		{"communicate cancelled", `
const { PIPE } = asyncio.subprocess;
const p = await asyncio.createSubprocessShell("echo started; exec sleep 60", { stdout: PIPE, stdin: PIPE });
console.log(p.pid);
const t = asyncio.createTask(() => p.communicate("input"));
await asyncio.sleep(0.05);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }
console.log(await p.wait());`},
		{"waitFor timeout", `
const p = await asyncio.createSubprocessExec("sleep", "60");
console.log(p.pid);
try { await asyncio.waitFor(() => p.wait(), 0.05); } catch (e) { console.log(e.name); }
console.log(await p.wait());`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runtimetest.Run(t, "main.js", tc.src, runtimetest.VirtualOptions())
			if res.Err != nil {
				t.Fatalf("run failed: %v\n%s", res.Err, res.Stderr)
			}
			lines := strings.Fields(res.Stdout)
			if len(lines) != 3 || lines[2] != "-9" || !strings.HasSuffix(lines[1], "Error") {
				t.Fatalf("output %q", res.Stdout)
			}
			pid, _ := strconv.Atoi(lines[0])
			if !runtimetest.PidGone(pid) {
				t.Errorf("child %d still exists (a zombie or running)", pid)
			}
		})
	}
	if after := childrenOfUs(t); len(after) != before {
		t.Errorf("children left: %v", after)
	}
}

// TestSubprocessRunEndKills: a run that ends (here its context is
// cancelled) while a child runs kills the child and reaps it, and Close
// leaves no goroutine behind.
func TestSubprocessRunEndKills(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out, Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for !strings.Contains(out.String(), "\n") {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	err = rt.RunString(ctx, "main.js", `
const { PIPE } = asyncio.subprocess;
const p = await asyncio.createSubprocessExec("sleep", "60", { stdout: PIPE });
console.log(p.pid);
await p.wait();`)
	rt.Close()
	if err == nil {
		t.Fatal("the run was not stopped")
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(out.String()))
	if pid == 0 || !runtimetest.PidGone(pid) {
		t.Errorf("child %q still exists after Close", out.String())
	}
}

// TestSubprocessPermissions: zero-value permissions and grants without
// the program deny, naming the program and the flag; a grant by name
// covers the program by path and by name.
func TestSubprocessPermissions(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
for (const prog of ["echo", "/bin/echo", "sh"]) {
  try {
    const p = await asyncio.createSubprocessExec(prog, "hi", { stdout: asyncio.subprocess.PIPE });
    const [out] = await p.communicate();
    console.log(prog, "ran", out.toString().trim());
  } catch (e) {
    console.log(prog, e.name, e.message);
  }
}`
	for _, tc := range []struct {
		name  string
		perms *runtime.Permissions
		want  string
	}{
		{"none", &runtime.Permissions{}, `echo PermissionDenied permission denied: run access to "echo"; run with --allow-run=echo
/bin/echo PermissionDenied permission denied: run access to "/bin/echo"; run with --allow-run=/bin/echo
sh PermissionDenied permission denied: run access to "sh"; run with --allow-run=sh`},
		{"echo granted", &runtime.Permissions{Run: []string{"echo"}}, `echo ran hi
/bin/echo ran hi
sh PermissionDenied permission denied: run access to "sh"; run with --allow-run=sh`},
		{"all", &runtime.Permissions{RunAll: true}, "echo ran hi\n/bin/echo ran hi\nsh ran"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := runtimetest.VirtualOptions()
			opts.Permissions = tc.perms
			res := runtimetest.Run(t, "main.js", src, opts)
			if res.Err != nil {
				t.Fatalf("run failed: %v\n%s", res.Err, res.Stderr)
			}
			if got := strings.TrimSpace(res.Stdout); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSubprocessShellOnWindows: with process.platform "win32" the shell is
// %COMSPEC% (else cmd.exe), as CPython's; the run permission names it.
func TestSubprocessShellOnWindows(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
Object.defineProperty(process, "platform", { value: "win32" });
for (let i = 0; i < 2; i++) {
  try {
    await asyncio.createSubprocessShell("dir");
  } catch (e) {
    console.log(e.name, e.message);
  }
  delete process.env.COMSPEC;
}`
	opts := runtimetest.VirtualOptions()
	opts.Env = map[string]string{"COMSPEC": `C:\Windows\system32\cmd.exe`}
	opts.Permissions = &runtime.Permissions{EnvAll: true}
	res := runtimetest.Run(t, "main.js", src, opts)
	want := `PermissionDenied permission denied: run access to "C:\\Windows\\system32\\cmd.exe"; run with --allow-run=C:\Windows\system32\cmd.exe
PermissionDenied permission denied: run access to "cmd.exe"; run with --allow-run=cmd.exe`
	if got := strings.TrimSpace(res.Stdout); got != want || res.Err != nil {
		t.Errorf("got\n%s\n%v\nwant\n%s", got, res.Err, want)
	}
}
