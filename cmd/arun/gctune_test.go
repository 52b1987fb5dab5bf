package main

import (
	"runtime/debug"
	"testing"
)

// TestGCPolicyRespectsGOGC: GOGC in the environment turns the CLI's
// collector policy off; without it the policy starts.
func TestGCPolicyRespectsGOGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	t.Setenv("GOGC", "100")
	if startGCPolicy() {
		t.Fatal("the policy started with GOGC set")
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Fatalf("with GOGC set, the policy changed GOGC to %d", p)
	}
	t.Setenv("GOGC", "")
	t.Setenv("ARUN_MIN_HEAP_MB", "0")
	if !startGCPolicy() {
		t.Fatal("the policy did not start without GOGC")
	}
}
