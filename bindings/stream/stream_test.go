package stream_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.mjs under arun: each prints what Node prints
// (its // Output: block was taken from node v20 and is checked against it
// by TestNodeAgrees).
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestNodeAgrees runs the same scripts under node, when it is installed.
func TestNodeAgrees(t *testing.T) { runtimetest.CompareWithNode(t, "testdata") }
