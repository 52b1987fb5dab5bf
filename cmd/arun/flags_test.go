package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestVirtualTimeFlag(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		origin time.Time
		file   string
		err    string
	}{
		{[]string{"--virtual-time", "x.js"}, time.Time{}, "x.js", ""},
		{[]string{"--virtual-time=2024-01-01T00:00:00Z", "x.js"}, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "x.js", ""},
		{[]string{"--virtual-time=2024-03-05T10:00:00.250+02:00", "x.js"}, time.Date(2024, 3, 5, 8, 0, 0, 250e6, time.UTC), "x.js", ""},
		{[]string{"--virtual-time=2024-06-01", "x.js"}, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), "x.js", ""},
		{[]string{"--virtual-time=yesterday", "x.js"}, time.Time{}, "", `--virtual-time: invalid time "yesterday"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var errb bytes.Buffer
			cfg, code, done := parseArgs(tc.args, io.Discard, &errb)
			if tc.err != "" {
				if !done || code != exitUsage || !strings.Contains(errb.String(), tc.err) {
					t.Fatalf("done %v, code %d, stderr %q; want usage error %q", done, code, errb.String(), tc.err)
				}
				return
			}
			if done {
				t.Fatalf("stopped with %d: %s", code, errb.String())
			}
			if !cfg.opts.VirtualTime || !cfg.opts.TimeOrigin.Equal(tc.origin) || cfg.file != tc.file {
				t.Errorf("virtual %v, origin %v, file %q; want origin %v, file %q",
					cfg.opts.VirtualTime, cfg.opts.TimeOrigin, cfg.file, tc.origin, tc.file)
			}
		})
	}
}

func TestTestVirtualTimeFlag(t *testing.T) {
	dir := t.TempDir()
	src := `import { test } from "arun:test";
test("date", async () => {
  await asyncio.sleep(3);
  if (new Date().toISOString() !== "2024-01-01T00:00:03.000Z") throw new Error(new Date().toISOString());
});
`
	if err := os.WriteFile(filepath.Join(dir, "date_test.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := runTests([]string{"--virtual-time=2024-01-01T00:00:00Z", filepath.Join(dir, "date_test.js")}, &out, &errb)
	if code != exitOK || !strings.Contains(out.String(), "1 passed, 0 failed") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
	}
	if code := runTests([]string{"--virtual-time=soon"}, io.Discard, &errb); code != exitUsage {
		t.Errorf("bad time: exit %d, want %d", code, exitUsage)
	}
}
