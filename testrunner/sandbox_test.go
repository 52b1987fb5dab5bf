package testrunner_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/arun-js/arun/testrunner"
)

// runSandboxed runs the test file x_test.js of sb with perms and returns
// the reporter's output and the summary.
func runSandboxed(t *testing.T, sb runtimetest.Sandbox, perms *runtime.Permissions) (string, testrunner.Summary) {
	t.Helper()
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sum, err := testrunner.Run(ctx, testrunner.Config{
		Paths: []string{filepath.Join(sb.Root, "x_test.js")}, Dir: sb.Root,
		Reporter: testrunner.Spec(&out), Permissions: perms,
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), sum
}

// TestSandboxEscapes runs every escape attempt as a test file with nothing
// granted: the file fails with PermissionDenied and nothing of the secret
// shows; with the outside folder granted the secret does show (the case
// tests something).
func TestSandboxEscapes(t *testing.T) {
	for _, e := range runtimetest.Escapes() {
		if e.NotDenied {
			continue
		}
		t.Run(e.Name, func(t *testing.T) {
			sb := e.Setup(t)
			out, sum := runSandboxed(t, sb, &runtime.Permissions{})
			if strings.Contains(out, sb.Marker) {
				t.Errorf("the secret leaked:\n%s", out)
			}
			if sum.OK() || !strings.Contains(out, "PermissionDenied") || !strings.Contains(out, "--allow-read="+sb.Outside) {
				t.Errorf("want a failed PermissionDenied naming the flag:\n%s", out)
			}
			if out, _ := runSandboxed(t, sb, &runtime.Permissions{Read: []string{sb.Outside}}); !strings.Contains(out, sb.Marker) {
				t.Errorf("with the grant the secret does not show:\n%s", out)
			}
		})
	}
}

// TestSandboxProjectRoot: a test file loads the code it tests from the
// run's directory (the project), not only from its own folder.
func TestSandboxProjectRoot(t *testing.T) {
	sb := runtimetest.Escape{}.Setup(t)
	runtimetest.WriteFile(t, sb.Root, "src/lib.js", `export const two = () => 2;`)
	runtimetest.WriteFile(t, sb.Root, "test/lib_test.js", `import { test } from "arun:test";
import assert from "node:assert";
import { two } from "../src/lib.js";
test("two", () => assert.equal(two(), 2));
`)
	var out bytes.Buffer
	sum, err := testrunner.Run(context.Background(), testrunner.Config{
		Paths: []string{filepath.Join(sb.Root, "test")}, Dir: sb.Root,
		Reporter: testrunner.Spec(&out), Permissions: &runtime.Permissions{},
	})
	if err != nil || !sum.OK() || sum.Passed != 1 {
		t.Errorf("err %v, summary %+v:\n%s", err, sum, out.String())
	}
}
