package node_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs each testdata script under arun and compares its output
// with the expected output it carries, which is Node 20's (TestMatchesNode
// checks that against node itself).
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestMatchesNode runs the same scripts under node, when it is installed,
// and checks that node prints the expected output too: the expectations are
// Node's behaviour, not arun's.
func TestMatchesNode(t *testing.T) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	for _, sf := range runtimetest.ReadScripts(t, "testdata") {
		t.Run(filepath.Base(sf.Path), func(t *testing.T) {
			cmd := exec.Command(nodeBin, filepath.Base(sf.Path))
			cmd.Dir = filepath.Dir(sf.Path)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("node %s: %v", sf.Path, err)
			}
			if got := strings.TrimRight(string(out), "\n"); got != sf.Want {
				t.Errorf("node's output differs from the expected output of %s:\n--- node ---\n%s\n--- want ---\n%s", sf.Path, got, sf.Want)
			}
		})
	}
}
