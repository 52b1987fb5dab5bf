package crypto_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.js (known-answer vectors from the RFCs and
// NIST, round trips, error names), each checked against its // Output:.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}
