package wpt_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/arun-js/arun/wpt"
)

// harness finds testharness.js: $ARUN_TESTHARNESS, or wpt-runner's copy
// fetched once with npm into the user cache (.ci/run sets the variable).
func harness(t *testing.T) string {
	t.Helper()
	h, err := wpt.DefaultHarness(os.Getenv, "")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return h
}

// The runner on arun's own testharness-format files (testdata/runner):
// statuses, META scripts, the shell global, relative fetch, timeouts and
// load failures.
func TestRunner(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	opts := wpt.Options{Root: "testdata", Harness: harness(t), Timeout: 2 * time.Second}
	cases := []struct {
		file, harness string
		pass, total   int
		message       string // a part of the harness message
		failing       []string
	}{
		{"runner/basic.any.js", "OK", 5, 6, "", []string{"a failing assertion fails"}},
		{"runner/uncaught.any.js", "ERROR", 1, 1, "boom at load", nil},
		{"runner/timeout.any.js", "TIMEOUT", 1, 1, "timed out", nil},
		{"runner/syntax.any.js", "ERROR", 0, 0, "/runner/syntax.any.js:2:", nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			if c.file == "runner/timeout.any.js" {
				o := opts
				o.Timeout = 100 * time.Millisecond // long: x4
				f := wpt.RunFile(context.Background(), o, c.file)
				check(t, f, c.harness, c.pass, c.total, c.message, c.failing)
				return
			}
			f := wpt.RunFile(context.Background(), opts, c.file)
			check(t, f, c.harness, c.pass, c.total, c.message, c.failing)
		})
	}
}

func check(t *testing.T, f wpt.File, harness string, pass, total int, message string, failing []string) {
	t.Helper()
	if f.Harness != harness || f.Passed() != pass || len(f.Tests) != total || !strings.Contains(f.Message, message) {
		t.Errorf("%s: harness %s %q, %d/%d passed; want %s %q, %d/%d\n%+v", f.Path, f.Harness, f.Message, f.Passed(), len(f.Tests), harness, message, pass, total, f.Tests)
	}
	for _, name := range failing {
		for _, tt := range f.Tests {
			if tt.Name == name && tt.Status == "PASS" {
				t.Errorf("%s passed, want a failure", name)
			}
		}
	}
}

func TestParseMeta(t *testing.T) {
	m := wpt.ParseMeta("fetch/api/x.any.js", "// META: global=window,worker\n// META: script=../resources/utils.js\n// META: script=/common/get-host-info.sub.js?pipe=sub\n// META: timeout=long\n// a comment\n\ntest(() => {});\n// META: script=ignored.js\n")
	if strings.Join(m.Scripts, " ") != "fetch/resources/utils.js common/get-host-info.sub.js" || !m.Long {
		t.Errorf("%+v", m)
	}
}
