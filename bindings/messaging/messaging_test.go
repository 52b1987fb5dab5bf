package messaging_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.mjs; their // Output: is node v20's.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestNodeAgrees runs the same scripts under node, when it is installed.
func TestNodeAgrees(t *testing.T) { runtimetest.CompareWithNode(t, "testdata") }
