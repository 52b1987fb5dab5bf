package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// watchWriter collects output and closes ready once every line of want has
// been written.
type watchWriter struct {
	mu    sync.Mutex
	b     strings.Builder
	want  []string
	ready chan struct{}
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if w.ready != nil {
		for _, s := range w.want {
			if !strings.Contains(w.b.String(), s) {
				return len(p), nil
			}
		}
		close(w.ready)
		w.ready = nil
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func checkOutput(t *testing.T, out string, want, notWant []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	for _, s := range notWant {
		if strings.Contains(out, s) {
			t.Errorf("output has %q", s)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}

// TestSampleJobs runs the shipped jobs with a short per-job timeout: report
// succeeds, broken fails with its Go cause, poller times out.
func TestSampleJobs(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var out, errb watchWriter
	code := run([]string{"-timeout", "3s", "-rate", "100", "jobs"}, &out, &errb)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (stderr %q)", code, errb.String())
	}
	checkOutput(t, out.String(), []string{
		"[report.ts] 3 users, 525 commits\n",
		"[report.ts] top: linus\n",
		"[broken.js] denied: PermissionDenied (read)\n",
		"[broken.js] beta: true\n",
		"[poller.js] polling\n",
		"--- results\n",
		"\nbroken.js    failed (uncaught exception) at broken.js:15:11: Error: no endpoint \"config/limits\" [host error ENOTFOUND, unknown endpoint: true] (",
		"\npoller.js    timed out (",
		"\nreport.ts    ok (",
	}, []string{"never printed", "stopped after"})
}

// TestCtrlC sends the process SIGINT while two jobs run: one that stops
// when asked (its finally block runs) and one that spins and must be
// interrupted after the grace period.
func TestCtrlC(t *testing.T) {
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Skip(err)
	}
	runtimetest.VerifyNoLeaks(t)
	dir := t.TempDir()
	poller, err := os.ReadFile("jobs/poller.js")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"poller.js":   string(poller),
		"stubborn.js": "import { log } from 'host:api';\nlog('spinning');\nfor (;;) {}\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := &watchWriter{want: []string{"[poller.js] polling", "[stubborn.js] spinning"}, ready: make(chan struct{})}
	ready := out.ready
	done := make(chan int, 1)
	start := time.Now()
	go func() { done <- run([]string{"-timeout", "1m", "-grace", "200ms", "-rate", "100", dir}, out, out) }()
	select {
	case <-ready:
	case code := <-done:
		t.Fatalf("jobs ended before Ctrl-C with status %d:\n%s", code, out.String())
	}
	if err := self.Signal(os.Interrupt); err != nil {
		t.Skipf("cannot signal self: %v", err)
	}
	code := <-done
	if code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("stopping took %v", d)
	}
	checkOutput(t, out.String(), []string{
		"[poller.js] stopped after ",
		"\npoller.js    cancelled (",
		"\nstubborn.js  cancelled (",
	}, nil)
}
