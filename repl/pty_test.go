package repl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"go.uber.org/goleak"
)

// arunBin is the arun binary the terminal tests drive, built once.
var arunBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "arun-repl-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	arunBin = filepath.Join(dir, "arun")
	gobin := "go"
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if p := filepath.Join(strings.TrimSpace(string(out)), "bin", "go"); fileExists(p) {
			gobin = p
		}
	}
	build := exec.Command(gobin, "build", "-o", arunBin, "github.com/arun-js/arun/cmd/arun")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building arun:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "leaked goroutines:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// expectTimeout bounds every wait for output; generous for a loaded machine.
const expectTimeout = 10 * time.Second

// term is arun running on a pseudo terminal.
type term struct {
	t    *testing.T
	f    *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	buf  bytes.Buffer
	mark int // output before mark has been matched
	read chan struct{}
	eof  chan struct{}
	code int
	done chan struct{}
}

// startTerm runs arun in a 24x120 terminal with env added to a clean
// environment (its own HOME, no colors unless env says otherwise).
func startTerm(t *testing.T, env ...string) *term {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(arunBin)
	cmd.Dir = home
	cmd.Env = append([]string{"GOTRACEBACK=all", "TERM=xterm", "HOME=" + home, "PATH=" + os.Getenv("PATH"),
		"ARUN_REPL_HISTORY=" + filepath.Join(home, ".arun_history")}, env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, f: f, cmd: cmd, read: make(chan struct{}, 1), eof: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(tm.eof)
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			if n > 0 {
				tm.mu.Lock()
				tm.buf.Write(b[:n])
				tm.mu.Unlock()
				select {
				case tm.read <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		defer close(tm.done)
		err := cmd.Wait()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			tm.code = ee.ExitCode()
		}
	}()
	t.Cleanup(func() {
		select {
		case <-tm.done:
		default:
			_ = cmd.Process.Kill()
			<-tm.done
		}
		f.Close()
		<-tm.eof
	})
	tm.expect("> ")
	return tm
}

func (tm *term) send(s string) {
	tm.t.Helper()
	if _, err := tm.f.Write([]byte(s)); err != nil {
		tm.t.Fatalf("writing to the terminal: %v", err)
	}
}

// expect waits until the output after the last match contains s, and moves
// the mark past it.
func (tm *term) expect(s string) {
	tm.t.Helper()
	if out, ok := tm.within(s, expectTimeout); !ok {
		tm.t.Fatalf("no %q within %v; output after the last match:\n%q", s, expectTimeout, out)
	}
}

// within is expect without failing: it reports whether s came within d,
// and the output after the mark.
func (tm *term) within(s string, d time.Duration) (string, bool) {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		tm.mu.Lock()
		out := tm.buf.String()[tm.mark:]
		tm.mu.Unlock()
		if i := strings.Index(out, s); i >= 0 {
			tm.mark += i + len(s)
			return out, true
		}
		select {
		case <-tm.read:
		case <-tm.eof:
			tm.mu.Lock()
			out := tm.buf.String()[tm.mark:]
			tm.mu.Unlock()
			if i := strings.Index(out, s); i >= 0 {
				tm.mark += i + len(s)
				return out, true
			}
			return out, false
		case <-deadline.C:
			return out, false
		}
	}
}

// ctrlCAtPrompt presses Ctrl-C at the prompt until want shows. liner
// prints the prompt before it stops the terminal from turning Ctrl-C into
// SIGINT, so a Ctrl-C sent right after the prompt may be a signal the REPL
// (rightly) ignores; a person never types that fast.
func (tm *term) ctrlCAtPrompt(want string) {
	tm.t.Helper()
	for i := 0; i < 20; i++ {
		tm.send("\x03")
		if _, ok := tm.within(want, 500*time.Millisecond); ok {
			return
		}
	}
	tm.t.Fatalf("Ctrl-C at the prompt: no %q", want)
}

// exited reports whether arun has exited.
func (tm *term) exited() bool {
	select {
	case <-tm.done:
		return true
	default:
		return false
	}
}

// line types a line and waits for its echo.
func (tm *term) line(s string) {
	tm.t.Helper()
	tm.send(s + "\r")
	tm.expect(s)
}

// exitCode waits for arun to exit.
func (tm *term) exitCode() int {
	tm.t.Helper()
	select {
	case <-tm.done:
		return tm.code
	case <-time.After(expectTimeout):
		tm.t.Fatal("arun did not exit")
		return -1
	}
}

func TestTerminalEvaluation(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	tm.line("1 + 2")
	tm.expect("3\r\n> ")
	tm.line("const x = 5")
	tm.expect("undefined\r\n> ")
	tm.line("const x = x * 2")
	tm.expect("undefined\r\n> ")
	tm.line("x")
	tm.expect("10\r\n> ")
	tm.line("_ + 1")
	tm.expect("11\r\n> ")
	// continuation while the parser says the input is incomplete
	tm.line("function add(a, b) {")
	tm.expect("... ")
	tm.line("return a + b")
	tm.expect("... ")
	tm.line("}")
	tm.expect("undefined\r\n> ")
	tm.line("add(40, 2)")
	tm.expect("42\r\n> ")
	tm.line("`one")
	tm.expect("... ")
	tm.line("two`")
	tm.expect("'one\\ntwo'\r\n> ")
	// top-level await
	tm.line(`await asyncio.sleep(0.05, "x")`)
	tm.expect("'x'\r\n> ")
	tm.line("class Point { constructor(public x: number) {} }")
	tm.expect("undefined\r\n> ")
	tm.line("new Point(3)")
	tm.expect("Point { x: 3 }\r\n> ")
	// errors print with their stack, and the REPL goes on
	tm.line("(() => { throw new Error('boom') })()")
	tm.expect("Uncaught Error: boom")
	tm.expect("at ")
	tm.expect("> ")
	tm.line("'still here'")
	tm.expect("'still here'\r\n> ")
	tm.line(".exit")
	if code := tm.exitCode(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestTerminalColors(t *testing.T) {
	t.Parallel()
	tm := startTerm(t)
	tm.line("1 + 2")
	tm.expect("\x1b[33m3\x1b[39m\r\n")
	tm.send("\x04") // Ctrl-D exits
	if code := tm.exitCode(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestTerminalInterrupt(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	tm.line("let n = 0; globalThis.iv = setInterval(() => n++, 10); 'started'")
	tm.expect("'started'\r\n> ")
	// Ctrl-C during a busy loop
	tm.line("console.log('spinning'); while (true) {}")
	tm.expect("spinning")
	tm.send("\x03")
	tm.expect("Interrupted")
	tm.expect("> ")
	// the loop and its interval went on
	tm.line("const before = n; await asyncio.sleep(0.1); n > before")
	tm.expect("true\r\n> ")
	// Ctrl-C during a pending await
	tm.line("console.log('waiting'); await new Promise(() => {})")
	tm.expect("waiting")
	tm.send("\x03")
	tm.expect("Interrupted")
	tm.expect("> ")
	tm.line("clearInterval(iv); 'ok'")
	tm.expect("'ok'\r\n> ")
	// Ctrl-C twice on an empty line exits
	tm.ctrlCAtPrompt("press Ctrl+C again")
	tm.expect("> ")
	for i := 0; i < 20 && !tm.exited(); i++ {
		tm.send("\x03")
		time.Sleep(200 * time.Millisecond)
	}
	if code := tm.exitCode(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestTerminalBackgroundOutput(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	tm.line("let ticks = 0; globalThis.iv = setInterval(() => console.log('tick ' + ++ticks), 100); 0")
	tm.expect("0\r\n> ")
	// type part of a line while the interval prints
	tm.send("12")
	tm.expect("12")
	tm.expect("\r\x1b[Ktick ")
	// the prompt and the text typed so far are drawn again below the output
	tm.expect("> 12")
	tm.send("3\r")
	tm.expect("123\r\n")
	tm.line("clearInterval(iv)")
	tm.expect("undefined\r\n> ")
	// a background task's output too
	tm.line("asyncio.createTask(async () => { await asyncio.sleep(0.1); console.log('from task') }); 'created'")
	tm.expect("'created'\r\n> ")
	tm.expect("from task\r\n")
	tm.expect("> ")
	// process.exit from the background ends the REPL with its status
	tm.line("setTimeout(() => process.exit(7), 50); 'later'")
	if code := tm.exitCode(); code != 7 {
		t.Errorf("exit status %d, want 7", code)
	}
}

func TestTerminalHistory(t *testing.T) {
	t.Parallel()
	hist := filepath.Join(t.TempDir(), "history")
	tm := startTerm(t, "NO_COLOR=1", "ARUN_REPL_HISTORY="+hist)
	tm.line("const remembered = 41 + 1")
	tm.expect("undefined\r\n> ")
	tm.line(".exit")
	if code := tm.exitCode(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	b, err := os.ReadFile(hist)
	if err != nil || !strings.Contains(string(b), "const remembered = 41 + 1\n") {
		t.Fatalf("history file: %q, %v", b, err)
	}

	tm = startTerm(t, "NO_COLOR=1", "ARUN_REPL_HISTORY="+hist)
	tm.send("\x1b[A") // up: .exit
	tm.expect(".exit")
	tm.send("\x1b[A") // up: the declaration
	tm.expect("const remembered = 41 + 1")
	tm.send("\r")
	tm.expect("undefined\r\n> ")
	tm.line("remembered")
	tm.expect("42\r\n> ")
}

func TestTerminalCompletion(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	tm.send("await asyncio.sle\t")
	tm.expect("await asyncio.sleep")
	tm.send("(0.01, 'done')\r")
	tm.expect("'done'\r\n> ")
	tm.send(`require("fs/p` + "\t")
	tm.expect(`require("fs/promises`)
	tm.send(`").readFile.name` + "\r")
	tm.expect("'readFile'\r\n> ")
	tm.send("globalTh\t")
	tm.expect("globalThis")
	tm.send(" === this\r")
	tm.expect("true\r\n> ")
}

func TestTerminalCommands(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	tm.line(".help")
	tm.expect(".tasks")
	tm.expect("> ")
	tm.line("asyncio.createTask(async () => { await asyncio.sleep(60) }, {name: 'napper'}); 0")
	tm.expect("0\r\n> ")
	tm.line(".tasks")
	tm.expect("napper")
	tm.expect("sleep(60)")
	tm.expect("> ")
	tm.line(".editor")
	tm.expect("editor mode")
	tm.send("const e1 = 20\r")
	tm.send("e1 + 22\r")
	tm.send("\x04")
	tm.expect("42\r\n> ")
	tm.line(".save saved.js")
	tm.expect("Session saved to: saved.js")
	tm.expect("> ")
	tm.line(".load saved.js")
	tm.expect("42\r\n> ")
	tm.line("process.exit(3)")
	if code := tm.exitCode(); code != 3 {
		t.Errorf("exit status %d, want 3", code)
	}
}

// TestTerminalLongLine: a line longer than the terminal is wide wraps
// (liner's multi-line mode) instead of scrolling sideways, so the whole
// input stays on the screen, and in the scrollback once it is run. In
// single-line mode liner draws only the window around the cursor.
func TestTerminalLongLine(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "NO_COLOR=1")
	var b strings.Builder
	sum := 0
	for i := 0; b.Len() < 250; i++ {
		fmt.Fprintf(&b, "%d + ", i)
		sum += i
	}
	long := b.String() + "0"
	tm.send(long + "\r")
	tm.expect("> " + long)
	tm.expect(fmt.Sprintf("\r\n%d\r\n> ", sum))
	// editing in the middle of a wrapped line redraws it whole
	tm.send(long)
	tm.expect(long)
	tm.send(strings.Repeat("\x1b[D", 130) + "7")
	at := len(long) - 130
	tm.expect("> " + long[:at] + "7" + long[at:])
	tm.send("\x03")
	tm.expect("> ")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
