package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/arun-js/arun/wpt"
)

// The command on the wpt package's own testharness-format files, under
// arun and (when node is installed) under Node: the per-file lines, the
// folder and total lines, and -v's list of what failed.
func TestRun(t *testing.T) {
	h, err := wpt.DefaultHarness(os.Getenv, "")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	args := []string{"-root", "../../wpt/testdata", "-harness", h, "-timeout", "500ms", "-v"}
	_, nodeErr := exec.LookPath("node")
	if nodeErr == nil {
		args = append(args, "-node")
	}
	args = append(args, "runner/basic.any.js", "runner/uncaught.any.js")
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	got := out.String()
	want := []string{
		"runner/basic.any.js", "arun    5/6    OK",
		"FAIL a failing assertion fails: assert_equals: one is two",
		"runner/uncaught.any.js", "ERROR", "harness: uncaught while loading: Error: boom at load",
		"all                                        2 files  arun     6/7",
	}
	if nodeErr == nil {
		want = append(want, "node    5/6    OK", "node     6/7")
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}

	// usage errors
	if code := run(nil, &out, &errb); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
}
