package scripts_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

var (
	record   = flag.Bool("record", false, "re-record scripts/python/*.out by running the Python originals with python3 (needs python3 and loopback network)")
	realTime = flag.Bool("realtime", false, "with -record: run the Python programs in real time instead of on python/virtualtime.py's virtual-time loop")
)

// TestScripts runs every script of this folder that ends with "// Output:"
// lines under virtual time and compares what it prints with those lines.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, ".")
}

// TestPythonOutputs checks, for every pair X.js (or X.ts) + python/X.py,
// that the expected output of the JS port is what CPython printed for the
// original, as recorded in python/X.out. With -record it first re-runs the
// Python programs (concurrently, in real time) and rewrites the .out files.
func TestPythonOutputs(t *testing.T) {
	pairs := pythonPairs(t)
	if len(pairs) == 0 {
		t.Fatal("no scripts/python/*.py with a port in scripts/")
	}
	if *record {
		recordOutputs(t, pairs)
	}
	scripts := map[string]runtimetest.ScriptFile{}
	for _, sf := range runtimetest.ReadScripts(t, ".") {
		scripts[filepath.Base(sf.Path)] = sf
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			sf, ok := scripts[filepath.Base(p.script)]
			if !ok {
				t.Fatalf("%s has no // Output: block", p.script)
			}
			b, err := os.ReadFile(p.out)
			if err != nil {
				t.Fatalf("%v (record it: go test ./scripts -run TestPythonOutputs -args -record)", err)
			}
			want := strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
			if sf.Want != want {
				t.Errorf("%s: expected output differs from Python's (%s)\n--- %s ---\n%s\n--- python ---\n%s",
					p.script, p.out, p.script, sf.Want, want)
			}
		})
	}
}

type pair struct{ name, script, py, out string }

// pythonPairs lists python/X.py files that have a port X.js or X.ts here
// (helpers such as python/localserver.py have none).
func pythonPairs(t *testing.T) []pair {
	t.Helper()
	pys, err := filepath.Glob(filepath.Join("python", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pys)
	var out []pair
	for _, py := range pys {
		name := strings.TrimSuffix(filepath.Base(py), ".py")
		for _, ext := range []string{".js", ".ts"} {
			if _, err := os.Stat(name + ext); err == nil {
				out = append(out, pair{name: name, script: name + ext, py: py, out: strings.TrimSuffix(py, ".py") + ".out"})
				break
			}
		}
	}
	return out
}

// recordOutputs runs every Python original with python3 (in the python
// folder, so local imports resolve) and stores its stdout in X.out. Unless
// -realtime is given, each runs on a virtual-time loop (python
// virtualtime.py X.py): the same program, with timers that fire at once,
// so the times it prints do not depend on how busy the machine is.
func recordOutputs(t *testing.T, pairs []pair) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("-record needs python3: %v", err)
	}
	// One at a time: a loaded CPU delays timers (in real time, and in the
	// CPU time the virtual clock counts), which can reorder timers that
	// are due at nearly the same time.
	var wg sync.WaitGroup
	slots := make(chan struct{}, 1)
	for _, p := range pairs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			args := []string{"virtualtime.py", filepath.Base(p.py)}
			if *realTime {
				args = args[1:]
			}
			cmd := exec.CommandContext(ctx, py, args...)
			cmd.Dir = "python"
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("python3 %s: %v\n%s", p.py, err, stderr.String())
				return
			}
			if err := os.WriteFile(p.out, stdout.Bytes(), 0o644); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
}

// TestAsyncTestRunsDirectly: scripts/async_test.js run as a plain script
// (go run ./cmd/arun scripts/async_test.js, on real time as the CLI starts
// it) runs its tests on the virtual time they ask for, and they pass.
func TestAsyncTestRunsDirectly(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src, err := os.ReadFile("async_test.js")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(".")
	res := runtimetest.Run(t, "async_test.js", string(src), runtime.Options{Dir: abs})
	if res.Err != nil || res.ExitCode != 0 || !strings.HasSuffix(res.Stdout, "4 passed, 0 failed\n") {
		t.Errorf("err %v, exit %d\nstdout:\n%s\nstderr:\n%s", res.Err, res.ExitCode, res.Stdout, res.Stderr)
	}
}
