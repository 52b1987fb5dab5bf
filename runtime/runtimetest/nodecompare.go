package runtimetest

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// CompareWithNode runs every script of dir (see ReadScripts) under the
// node on PATH and compares its stdout with the script's expected output:
// the check that an "// Output:" block is Node's behaviour and not only
// arun's. Scripts whose name contains ".arun." are arun-only and skipped.
// The test is skipped when node is not installed.
func CompareWithNode(t *testing.T, dir string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not on PATH")
	}
	for _, sf := range ReadScripts(t, dir) {
		sf := sf
		if strings.Contains(filepath.Base(sf.Path), ".arun.") || strings.HasSuffix(sf.Path, ".ts") || strings.HasSuffix(sf.Path, ".mts") {
			continue
		}
		t.Run(filepath.Base(sf.Path), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, filepath.Base(sf.Path))
			cmd.Dir = filepath.Dir(sf.Path)
			var stderr Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("node %s: %v\n%s", sf.Path, err, stderr.String())
			}
			got := strings.TrimRight(strings.ReplaceAll(string(out), "\r\n", "\n"), "\n")
			if got != sf.Want {
				t.Errorf("node's output of %s differs from its // Output:\n--- node ---\n%s\n--- want ---\n%s", sf.Path, got, sf.Want)
			}
		})
	}
}
