package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// arunIn runs the arun binary in dir and returns its exit code and
// everything it printed.
func arunIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(arunBin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatal("arun hung")
	}
	return cmd.ProcessState.ExitCode(), out.String()
}

// TestSandboxEscapes runs every escape attempt of runtimetest.Escapes
// through the CLI, as a main module, in a worker and as a test file
// (`arun test`), with --sandbox: each must fail with PermissionDenied naming
// --allow-read=PATH and print nothing of the secret. As controls, the
// same attempts print the secret with --allow-read of the outside folder
// and without any permission flag (the CLI allows everything).
func TestSandboxEscapes(t *testing.T) {
	for _, e := range runtimetest.Escapes() {
		t.Run(e.Name, func(t *testing.T) {
			sb := e.Setup(t)
			runs := [][]string{{"--sandbox", "main.js"}, {"--sandbox", "--allow-net", "--allow-env", "--allow-write", "main.js"}}
			if !e.NotDenied {
				runs = append(runs, []string{"--sandbox", "worker_main.js"}, []string{"test", "--sandbox", "x_test.js"})
			}
			for _, args := range runs {
				code, out := arunIn(t, sb.Root, args...)
				if strings.Contains(out, sb.Marker) {
					t.Errorf("arun %v leaked the secret:\n%s", args, out)
				}
				if e.NotDenied {
					continue
				}
				if code == 0 || !strings.Contains(out, "PermissionDenied") || !strings.Contains(out, "--allow-read="+sb.Outside) {
					t.Errorf("arun %v: exit %d, want a PermissionDenied naming --allow-read=%s:\n%s", args, code, sb.Outside, out)
				}
			}
			for _, args := range [][]string{{"--sandbox", "--allow-read=" + sb.Outside, "main.js"}, {"main.js"}} {
				if _, out := arunIn(t, sb.Root, args...); !strings.Contains(out, sb.Marker) {
					t.Errorf("control arun %v does not show the secret (the case tests nothing):\n%s", args, out)
				}
			}
		})
	}
}

// TestSandboxStaticImportPosition: a denied static import is reported at
// the importing line with that line's code frame, exit status 2 (a load
// error), and a denied dynamic import is a catchable PermissionDenied.
func TestSandboxStaticImportPosition(t *testing.T) {
	sb := runtimetest.Escape{}.Setup(t)
	runtimetest.WriteFile(t, sb.Root, "lib/a.js", "export const x = 1;\nimport s from \"../../outside/secret.txt\" with { type: \"text\" };\nexport default s;\n")
	runtimetest.WriteFile(t, sb.Root, "m.js", "import a from \"./lib/a.js\";\nconsole.log(a);\n")
	code, out := arunIn(t, sb.Root, "--sandbox", "m.js")
	for _, want := range []string{"lib/a.js:2:15\n", "   2 | import s from \"../../outside/secret.txt\"", "PermissionDenied: permission denied: read access to \"" + sb.Outside + "/secret.txt\"; run with --allow-read=" + sb.Outside + "/secret.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code != exitUsage || strings.Contains(out, sb.Marker) {
		t.Errorf("exit %d (want %d), output:\n%s", code, exitUsage, out)
	}

	runtimetest.WriteFile(t, sb.Root, "d.js", "try { await import(\"../outside/secret.json\"); } catch (e) { console.log(e.name, e.code); }\n")
	if code, out := arunIn(t, sb.Root, "--sandbox", "d.js"); code != 0 || out != "PermissionDenied ERR_ACCESS_DENIED\n" {
		t.Errorf("caught dynamic import: exit %d, %q", code, out)
	}
}
