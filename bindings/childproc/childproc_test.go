package childproc_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.js, whose expected outputs are what Node
// printed for the same scripts (TestOutputsAreNodes checks that).
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestOutputsAreNodes runs testdata/*.js with node, when it is installed,
// and compares with the recorded outputs.
func TestOutputsAreNodes(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	for _, sf := range runtimetest.ReadScripts(t, "testdata") {
		t.Run(filepath.Base(sf.Path), func(t *testing.T) {
			out, err := exec.Command(node, sf.Path).Output()
			if err != nil {
				t.Fatalf("node: %v", err)
			}
			if got := strings.TrimRight(string(out), "\n"); got != sf.Want {
				t.Errorf("node printed\n%s\nrecorded\n%s", got, sf.Want)
			}
		})
	}
}
