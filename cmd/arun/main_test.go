package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var arunBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "arun-cli")
	if err != nil {
		panic(err)
	}
	arunBin = filepath.Join(dir, "arun")
	if out, err := exec.Command("go", "build", "-o", arunBin, ".").CombinedOutput(); err != nil {
		panic("building arun: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitPaths(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "ok.ts", "const n: number = 1; console.log('ok', n, process.argv.slice(2).join(','));")
	writeFile(t, dir, "throw.js", "function f() {\n  throw new Error('boom');\n}\nf();\n")
	writeFile(t, dir, "reject.js", "Promise.reject(new Error('nobody listens'));\n")
	writeFile(t, dir, "syntax.js", "let x = {;\n")
	writeFile(t, dir, "deadlock.js", "await new Promise(() => {});\n")
	writeFile(t, dir, "exit.js", "process.exit(42);\n")
	writeFile(t, dir, "spin.js", "while (true) {}\n")
	writeFile(t, dir, "sleep.js", "await new Promise((r) => setTimeout(r, 3600e3)); console.log('an hour later');\n")

	cases := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string   // exact, if non-empty
		stderr []string // substrings
	}{
		{"runs a file with args", []string{"ok.ts", "a", "b"}, "", 0, "ok 1 a,b\n", nil},
		{"eval", []string{"-e", "console.log(await Promise.resolve(6 * 7))"}, "", 0, "42\n", nil},
		{"piped stdin", []string{}, "console.log('from stdin')", 0, "from stdin\n", nil},
		{"dash reads stdin", []string{"-"}, "console.log(typeof process.argv)", 0, "object\n", nil},
		{"version", []string{"--version"}, "", 0, "", nil},
		{"help", []string{"--help"}, "", 0, "", nil},
		{"uncaught exception", []string{"throw.js"}, "", 1, "", []string{"throw.js:2:9", "Uncaught Error: boom", "at f (throw.js:2:9)"}},
		{"unhandled rejection", []string{"reject.js"}, "", 1, "", []string{"Uncaught (in promise) Error: nobody listens"}},
		{"unhandled rejection warn", []string{"--unhandled-rejections=warn", "reject.js"}, "", 0, "", []string{"warning:"}},
		{"syntax error", []string{"syntax.js"}, "", 2, "", []string{"syntax.js:1:10", "let x = {;", "SyntaxError"}},
		{"missing file", []string{"nope.js"}, "", 2, "", []string{"cannot read nope.js"}},
		{"unknown flag", []string{"--bogus", "ok.ts"}, "", 2, "", []string{"unknown flag --bogus"}},
		{"bad timeout", []string{"--timeout", "soon", "ok.ts"}, "", 2, "", []string{"invalid duration"}},
		{"deadlock", []string{"deadlock.js"}, "", 1, "", []string{"deadlock"}},
		{"process.exit", []string{"exit.js"}, "", 42, "", nil},
		{"timeout", []string{"--timeout", "100ms", "spin.js"}, "", 124, "", []string{"timed out"}},
		{"timeout in a long native call", []string{"--timeout", "200ms", "-e", "const a = []; a.length = 2 ** 32 - 1; a.indexOf(1)"}, "", 124, "", []string{"did not stop"}},
		{"max memory", []string{"--max-memory", "64M", "-e", "const a = []; for (;;) a.push('x'.repeat(1000))"}, "", 134, "",
			[]string{"arun: script exceeded --max-memory 64 MiB (live heap "}},
		{"max memory in timers", []string{"--max-memory=64MiB", "-e", "const a = []; setInterval(() => { for (let i = 0; i < 1e4; i++) a.push({ i }) }, 1)"}, "", 134, "",
			[]string{"exceeded --max-memory 64 MiB"}},
		{"max memory in a long native call", []string{"--max-memory", "64M", "-e", "const a = []; a.length = 2 ** 32 - 1; a.fill(0)"}, "", 134, "",
			[]string{"did not stop", "exceeded the memory limit of 64 MiB"}},
		{"max memory not reached", []string{"--max-memory", "1G", "-e", "const a = []; for (let i = 0; i < 1e5; i++) a.push('x'.repeat(100)); console.log(a.length)"}, "", 0, "100000\n", nil},
		{"bad max memory", []string{"--max-memory", "lots", "-e", "1"}, "", 2, "", []string{"--max-memory: invalid size \"lots\""}},
		{"max memory without a unit", []string{"--max-memory", "512", "-e", "1"}, "", 2, "", []string{"below 1 MiB"}},
		{"string past Node's limit", []string{"-e", "'x'.repeat(2 ** 30)"}, "", 1, "", []string{"Uncaught RangeError: Invalid string length"}},
		{"virtual time", []string{"--virtual-time", "sleep.js"}, "", 0, "an hour later\n", nil},
		{"location", []string{"--location", "https://example.test/app/", "-e", "console.log(location.href, location.origin, new Request('api?q=1').url, Object.isFrozen(location))"}, "", 0,
			"https://example.test/app/ https://example.test https://example.test/app/api?q=1 true\n", nil},
		{"sandbox denies running programs", []string{"--sandbox", "-e", "require('child_process').execSync('echo hi')"}, "", 1, "",
			[]string{`permission denied: run access to "/bin/sh"; run with --allow-run=/bin/sh`}},
		{"allow-run grants a program", []string{"--sandbox", "--allow-run=echo", "-e", "const p = await asyncio.createSubprocessExec('echo', 'ran', { stdout: asyncio.subprocess.PIPE }); console.log(String((await p.communicate())[0]).trim())"}, "", 0, "ran\n", nil},
		{"allow-run names the programs", []string{"--allow-run=echo", "-e", "require('child_process').spawnSync('ls')"}, "", 1, "",
			[]string{`permission denied: run access to "ls"; run with --allow-run=ls`}},
		{"bad location", []string{"--location=ftp://x/", "-e", "1"}, "", 1, "", []string{"location must be an http or https URL"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(arunBin, tc.args...)
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(tc.stdin)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("arun hung")
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			if tc.stdout != "" && out.String() != tc.stdout {
				t.Errorf("stdout = %q, want %q", out.String(), tc.stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
		})
	}
}

func TestSignals(t *testing.T) {
	dir := t.TempDir()
	// a runtime awaitable: the cancellation is thrown where main awaits it
	writeFile(t, dir, "wait.js", `
		import { setTimeout as sleep } from "timers/promises";
		console.log("ready");
		try {
			await sleep(60e3);
		} finally {
			console.log("finally ran");
		}`)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			cmd := exec.Command(arunBin, "wait.js")
			cmd.Dir = dir
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, 6)
			if _, err := io.ReadFull(stdout, buf); err != nil || string(buf) != "ready\n" {
				t.Fatalf("read %q, %v", buf, err)
			}
			_ = cmd.Process.Signal(tc.sig)
			rest := make(chan []byte, 1)
			go func() { b, _ := io.ReadAll(stdout); rest <- b }()
			var out []byte
			select {
			case out = <-rest:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("did not exit on signal")
			}
			_ = cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit code %d, want %d", code, tc.code)
			}
			if !strings.Contains(string(out), "finally ran") {
				t.Errorf("finally block did not run; stdout %q", out)
			}
		})
	}
}

// ARUN_CPUPROFILE and ARUN_JSPROFILE write pprof files (gzipped protobuf)
// when the script ends, also through process.exit; the JS profile names the
// script's own functions. ARUN_TRACE writes a Go execution trace.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "hot.js", `
function hotLoop() { let s = 0; const end = Date.now() + 300; while (Date.now() < end) s += Math.sqrt(s + 1); return s; }
hotLoop();
process.exit(3);
`)
	cpu, js, tr := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "js.prof"), filepath.Join(dir, "run.trace")
	cmd := exec.Command(arunBin, "hot.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ARUN_CPUPROFILE="+cpu, "ARUN_JSPROFILE="+js, "ARUN_TRACE="+tr)
	out, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 3 {
		t.Fatalf("exit code %d, want 3\n%s", code, out)
	}
	for _, p := range []string{cpu, js} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			t.Fatalf("%s: %v", p, err)
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %d bytes, %v", p, len(data), err)
		}
		if p == js && !bytes.Contains(data, []byte("hotLoop")) {
			t.Errorf("the JS profile does not name hotLoop")
		}
	}
	if data, err := os.ReadFile(tr); err != nil || !bytes.HasPrefix(data, []byte("go 1.")) {
		t.Errorf("trace: %d bytes, %v (want a Go execution trace)", len(data), err)
	}

	// a file that cannot be created is reported, and the script still runs
	cmd = exec.Command(arunBin, "-e", "console.log('ran')")
	cmd.Env = append(os.Environ(), "ARUN_JSPROFILE="+filepath.Join(dir, "no", "such", "dir", "p"))
	out, _ = cmd.CombinedOutput()
	if !strings.Contains(string(out), "ARUN_JSPROFILE") || !strings.Contains(string(out), "ran") {
		t.Errorf("output %q", out)
	}
}

// A second signal exits at once with that signal's status, even while the
// script's cleanup still runs (here: forever).
func TestSecondSignal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "stuck.js", `
		import { setTimeout as sleep } from "timers/promises";
		console.log("ready");
		try {
			await sleep(60e3);
		} finally {
			console.log("cleaning");
			for (;;) {}
		}`)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			cmd := exec.Command(arunBin, "stuck.js")
			cmd.Dir = dir
			var errb bytes.Buffer
			cmd.Stderr = &errb
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, len("ready\n"))
			if _, err := io.ReadFull(stdout, buf); err != nil || string(buf) != "ready\n" {
				t.Fatalf("read %q, %v", buf, err)
			}
			_ = cmd.Process.Signal(tc.sig)
			buf = make([]byte, len("cleaning\n"))
			if _, err := io.ReadFull(stdout, buf); err != nil || string(buf) != "cleaning\n" {
				t.Fatalf("read %q, %v", buf, err)
			}
			_ = cmd.Process.Signal(tc.sig)
			done := make(chan struct{})
			go func() { _, _ = io.ReadAll(stdout); close(done) }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("did not exit on the second signal")
			}
			_ = cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tc.code, errb.String())
			}
			// exited on the second signal, not through the grace period's interrupt
			if strings.Contains(errb.String(), "did not stop") {
				t.Errorf("stderr: %s", errb.String())
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		err  string
	}{
		{"512M", 512 << 20, ""},
		{"2G", 2 << 30, ""},
		{"100MB", 100 << 20, ""},
		{"1.5GiB", 3 << 29, ""},
		{"64mib", 64 << 20, ""},
		{"2048K", 2 << 20, ""},
		{"1t", 1 << 40, ""},
		{"1048576", 1 << 20, ""},
		{" 3 G ", 3 << 30, ""},
		{"512", 0, "below 1 MiB"},
		{"0", 0, "below 1 MiB"},
		{"-1G", 0, "below 1 MiB"},
		{"", 0, "invalid size"},
		{"G", 0, "invalid size"},
		{"12X", 0, "invalid size"},
		{"NaNM", 0, "invalid size"},
		{"1e30G", 0, "too large"},
	} {
		got, err := parseSize(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("parseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("parseSize(%q) = %d, %v; want an error with %q", tc.in, got, err, tc.err)
		}
	}
}
