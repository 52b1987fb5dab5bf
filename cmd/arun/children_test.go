//go:build unix

package main

import (
	"bufio"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// childScript starts a shell that counts the SIGINTs it gets and ends
// (status 5) a little after the first, then waits for it.
const childScript = `
const p = await asyncio.createSubprocessShell(
  "n=0; trap 'n=$((n+1)); echo INT $n' INT; echo ready; " +
  "while [ $n -eq 0 ]; do sleep 0.02; done; sleep 0.3; exit 5");
try {
  await p.wait();
} finally {
  console.log("cancelled, child", p.returncode === null ? "still running" : p.returncode);
}`

// waitOutput reads r until want has appeared (or r ends) and returns what
// it read.
func waitOutput(t *testing.T, r io.Reader, want string) string {
	t.Helper()
	var b strings.Builder
	br := bufio.NewReader(r)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !strings.Contains(b.String(), want) {
			line, err := br.ReadString('\n')
			b.WriteString(line)
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("no %q within 10 s; read %q", want, b.String())
	}
	return b.String()
}

// TestSIGINTForwarded: a SIGINT sent to arun alone (no terminal: arun is
// in a session of its own) is forwarded to its children, once, and the
// child is given the time to end on its own (its "INT 1" is printed after
// arun's main task was cancelled).
func TestSIGINTForwarded(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "child.js", childScript)
	cmd := exec.Command(arunBin, "child.js")
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitOutput(t, stdout, "ready\n")
	_ = cmd.Process.Signal(syscall.SIGINT)
	all := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(stdout); all <- b }()
	var rest []byte
	select {
	case rest = <-all:
	case <-time.After(10 * time.Second):
		t.Fatal("arun did not exit")
	}
	_ = cmd.Wait()
	out := string(rest)
	if !strings.Contains(out, "INT 1\n") || strings.Contains(out, "INT 2") {
		t.Errorf("the child did not get exactly one SIGINT: %q", out)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupt {
		t.Errorf("exit code %d, want %d", code, exitInterrupt)
	}
}

// TestSIGINTFromTerminal: Ctrl-C on arun's terminal reaches the child
// through the process group; arun does not send it a second one.
func TestSIGINTFromTerminal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "child.js", childScript)
	cmd := exec.Command(arunBin, "child.js")
	cmd.Dir = dir
	tty, err := pty.Start(cmd) // a new session with the pty as its controlling terminal
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer tty.Close()
	defer cmd.Process.Kill()
	waitOutput(t, tty, "ready")
	if _, err := tty.Write([]byte{3}); err != nil { // Ctrl-C
		t.Fatal(err)
	}
	// everything until the terminal closes (arun and the child are gone)
	all := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(tty); all <- b }()
	var out string
	select {
	case b := <-all:
		out = string(b)
	case <-time.After(10 * time.Second):
		t.Fatal("arun did not exit")
	}
	_ = cmd.Wait()
	if !strings.Contains(out, "INT 1") || strings.Contains(out, "INT 2") {
		t.Errorf("the child did not get exactly one SIGINT: %q", out)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupt {
		t.Errorf("exit code %d, want %d", code, exitInterrupt)
	}
}
