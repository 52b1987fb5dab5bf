// Package runtimetest is the test harness for bindings and scripts: it runs
// a script in a fresh runtime with captured output and checks that nothing
// is left running afterwards.
package runtimetest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"go.uber.org/goleak"
)

// RunTimeout bounds a Run (20 s when zero): a package's tests may raise it
// for scripts whose work is heavy under the race detector on a busy machine.
var RunTimeout time.Duration

// Result is what a script run produced.
type Result struct {
	Stdout, Stderr string
	Err            error
	ExitCode       int
}

// Buffer is a bytes.Buffer safe for concurrent writers: a runtime's output
// written by the loop (and workers) while a test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Run runs src (a module named name, ".js" if empty) in a new runtime with
// virtual time and all permissions unless opts says otherwise, with a 20 s
// safety timeout, closes the runtime and returns what happened. Use
// opts.Dir to resolve relative imports.
func Run(t testing.TB, name, src string, opts runtime.Options) Result {
	t.Helper()
	var out, errb Buffer
	if opts.Stdout == nil {
		opts.Stdout = &out
	}
	if opts.Stderr == nil {
		opts.Stderr = &errb
	}
	if opts.Permissions == nil {
		opts.Permissions = runtime.AllowAll()
	}
	if name == "" {
		name = "test.js"
	}
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatalf("runtime.New: %v", err)
	}
	timeout := RunTimeout
	if timeout == 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err = rt.RunString(ctx, name, src)
	code := rt.ExitCode()
	rt.Close()
	return Result{Stdout: out.String(), Stderr: errb.String(), Err: err, ExitCode: code}
}

// Fuzz runs src (a fuzz target's checks) in a fresh runtime under virtual
// time, with no permissions, output discarded, a 5 s script timeout and
// the given globals (input: the fuzzer's values); any error the script
// throws fails t with input and the script's report.
func Fuzz(t *testing.T, src string, input any, globals map[string]any) {
	t.Helper()
	rt, err := runtime.New(runtime.Options{
		Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true,
		Timeout: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.Set("input", input); err != nil {
		t.Fatal(err)
	}
	for name, v := range globals {
		if err := rt.Set(name, v); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.RunString(ctx, "fuzz.js", src); err != nil {
		var se *runtime.ScriptError
		if errors.As(err, &se) {
			t.Fatalf("input %q: %s\n%s", input, se.Report(), se.Stack)
		}
		t.Fatalf("input %q: %v", input, err)
	}
}

// VirtualOptions is Options with virtual time on.
func VirtualOptions() runtime.Options { return runtime.Options{VirtualTime: true} }

// VerifyNoLeaks fails t if goroutines other than the test's own are left
// running at the end of the test. Call it first in a test.
func VerifyNoLeaks(t *testing.T) {
	t.Helper()
	t.Cleanup(func() { goleak.VerifyNone(t, goleak.IgnoreCurrent()) })
}

var outputRe = regexp.MustCompile(`(?m)^// Output( \(real time\))?:\s*$`)

// ScriptFile is a script with its expected output in trailing comments:
//
//	console.log("hi")
//	// Output:
//	// hi
//
// A script whose point is real time (a busy loop that stalls the loop
// waits on a clock that virtual time holds still) writes
// "// Output (real time):" and runs on real time.
type ScriptFile struct {
	Path, Source, Want string
	RealTime           bool
}

// ReadScripts loads every *.js / *.ts file in dir that has an "// Output:"
// section.
func ReadScripts(t testing.TB, dir string) []ScriptFile {
	t.Helper()
	var out []ScriptFile
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".js" && ext != ".ts" && ext != ".mjs" && ext != ".mts") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		loc := outputRe.FindStringSubmatchIndex(src)
		if loc == nil {
			continue
		}
		var want []string
		for _, line := range strings.Split(src[loc[1]:], "\n") {
			line = strings.TrimRight(line, "\r")
			if !strings.HasPrefix(line, "//") {
				continue
			}
			line = strings.TrimPrefix(line, "//")
			line = strings.TrimPrefix(line, " ")
			want = append(want, line)
		}
		for len(want) > 0 && want[len(want)-1] == "" {
			want = want[:len(want)-1]
		}
		out = append(out, ScriptFile{Path: p, Source: src, Want: strings.Join(want, "\n"), RealTime: loc[2] >= 0})
	}
	return out
}

// RunScripts runs every script of dir (see ReadScripts) as a subtest under
// virtual time (unless it asks for real time) and compares stdout (and, when the script fails, the error
// report) with its expected output.
func RunScripts(t *testing.T, dir string) {
	for _, sf := range ReadScripts(t, dir) {
		sf := sf
		t.Run(filepath.Base(sf.Path), func(t *testing.T) {
			abs, _ := filepath.Abs(sf.Path)
			opts := VirtualOptions()
			opts.VirtualTime = !sf.RealTime
			opts.Dir = filepath.Dir(abs)
			res := Run(t, filepath.Base(sf.Path), sf.Source, opts)
			got := res.Stdout
			if res.Err != nil {
				if se, ok := res.Err.(*runtime.ScriptError); ok {
					got += se.Report()
				} else {
					got += res.Err.Error() + "\n"
				}
			}
			got = strings.TrimRight(got, "\n")
			if got != sf.Want {
				t.Errorf("%s: output mismatch\n--- got ---\n%s\n--- want ---\n%s\n--- stderr ---\n%s", sf.Path, got, sf.Want, res.Stderr)
			}
		})
	}
}
