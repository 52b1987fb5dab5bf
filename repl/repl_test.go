package repl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"go.uber.org/goleak"
)

// syncBuffer is output the loop and the test may both touch.
type syncBuffer = runtimetest.Buffer

// runPlain runs the REPL over input (no terminal) and returns its status
// and output.
func runPlain(t *testing.T, dir, input string) (int, string, string) {
	t.Helper()
	var stdout, stderr syncBuffer
	code := Run(Options{
		Runtime: runtime.Options{Dir: dir, Permissions: runtime.AllowAll()},
		Stdin:   strings.NewReader(input),
		Stdout:  &stdout,
		Stderr:  &stderr,
	})
	return code, stdout.String(), stderr.String()
}

func TestPlainREPL(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lib.js"), []byte("const loaded = 'from file'\nloaded.length"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		input  string
		code   int
		stdout []string // in order
		stderr []string
	}{
		{
			name:   "values and persistence",
			input:  "1 + 2\nconst x = 5\nconst x = 6\nx * 2\n_ + 1\n'str'\n",
			stdout: []string{"> 3\n", "> undefined\n", "> undefined\n", "> 12\n", "> 13\n", "> 'str'\n", "> "},
		},
		{
			name:   "continuation",
			input:  "function f() {\n  return 7\n}\nf()\n`a\nb`\n",
			stdout: []string{"> ... ... undefined\n", "> 7\n", "> ... 'a\\nb'\n"},
		},
		{
			name:   "break leaves a multi-line input",
			input:  "if (true) {\n.break\n'after'\n",
			stdout: []string{"> ... > 'after'\n"},
		},
		{
			name:   "top-level await",
			input:  "await asyncio.sleep(0.01, 'x')\nconst v = await Promise.resolve(3)\nv\n",
			stdout: []string{"> 'x'\n", "> undefined\n", "> 3\n"},
		},
		{
			name:   "errors and the REPL goes on",
			input:  "throw new Error('boom')\nlet 1x\n'next'\n",
			stdout: []string{"'next'"},
			stderr: []string{"Uncaught Error: boom\n    at REPL1:", "let 1x", "Uncaught SyntaxError:"},
		},
		{
			name:   "help and unknown command",
			input:  ".help\n.nope\n.5 + 1\n",
			stdout: []string{".exit", ".tasks", "> 1.5\n"},
			stderr: []string{"Invalid REPL keyword"},
		},
		{
			name:   "save and load",
			input:  "const saved = 1\nsaved + 1\n.save out.js\n.load lib.js\nloaded\n",
			stdout: []string{"Session saved to: out.js", "> 9\n", "> 'from file'\n"},
		},
		{
			name:  "exit",
			input: ".exit\n'not reached'\n",
		},
		{
			name:  "process.exit",
			input: "process.exit(3)\n'not reached'\n",
			code:  3,
		},
		{
			name:   "tasks",
			input:  ".tasks\nasyncio.createTask(async () => { await asyncio.sleep(100) }, {name: 'sleeper'}); 0\n.tasks\n",
			stdout: []string{"no tasks are waiting", "sleeper", "sleep(100)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runPlain(t, dir, tt.input)
			if code != tt.code {
				t.Errorf("status %d, want %d", code, tt.code)
			}
			checkInOrder(t, "stdout", stdout, tt.stdout)
			checkInOrder(t, "stderr", stderr, tt.stderr)
			if strings.Contains(stdout, "not reached") {
				t.Errorf("input after exit was evaluated:\n%s", stdout)
			}
		})
	}
	saved, err := os.ReadFile(filepath.Join(dir, "out.js"))
	if err != nil || string(saved) != "const saved = 1\nsaved + 1\n" {
		t.Errorf(".save wrote %q, %v", saved, err)
	}
}

func checkInOrder(t *testing.T, what, got string, want []string) {
	t.Helper()
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s lacks %q (in order):\n%s", what, w, got)
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestComplete(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	sess, err := rt.StartSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	r := &repl{rt: rt, sess: sess}
	if _, err := sess.Eval(context.Background(), "const myObject = {alpha: 1, alps: 2, beta: {gamma: 3}}", nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line       string
		head, tail string
		want       []string // all of these among the completions
		exact      bool     // and nothing else
	}{
		{line: "asyncio.sle", head: "asyncio.", want: []string{"sleep"}, exact: true},
		{line: "x = asyncio.sle", head: "x = asyncio.", want: []string{"sleep"}, exact: true},
		{line: "myObj", head: "", want: []string{"myObject"}, exact: true},
		{line: "myObject.al", head: "myObject.", want: []string{"alpha", "alps"}, exact: true},
		{line: "myObject.beta.g", head: "myObject.beta.", want: []string{"gamma"}, exact: true},
		{line: "myObject.alpha.toFi", head: "myObject.alpha.", want: []string{"toFixed"}, exact: true},
		{line: "myObject.", head: "myObject.", want: []string{"alpha", "beta", "hasOwnProperty"}},
		{line: "globalTh", head: "", want: []string{"globalThis"}, exact: true},
		{line: "setTim", head: "", want: []string{"setTimeout"}, exact: true},
		{line: "cons", head: "", want: []string{"console", "const", "constructor"}, exact: true},
		{line: `require("fs/p`, head: `require("`, want: []string{"fs/promises"}, exact: true},
		{line: `require('arun:h`, head: `require('`, want: []string{"arun:html", "arun:http"}},
		{line: "nothing.here", head: "nothing.", want: nil, exact: true},
		{line: "'str'.len", head: "'str'.len", want: nil, exact: true},
	}
	for _, tt := range tests {
		head, got, tail := r.complete(tt.line, len([]rune(tt.line)))
		if head != tt.head || tail != tt.tail {
			t.Errorf("complete(%q): head %q tail %q, want %q %q", tt.line, head, tail, tt.head, tt.tail)
		}
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("complete(%q) = %v, lacks %q", tt.line, got, w)
			}
		}
		if tt.exact && len(got) != len(tt.want) {
			t.Errorf("complete(%q) = %v, want exactly %v", tt.line, got, tt.want)
		}
	}
	// the cursor in the middle: the tail is kept
	head, got, tail := r.complete("myObject.be + 1", len("myObject.be"))
	if head != "myObject." || tail != " + 1" || len(got) != 1 || got[0] != "beta" {
		t.Errorf("mid-line completion: %q %v %q", head, got, tail)
	}
}

func TestIsCommand(t *testing.T) {
	for line, want := range map[string]bool{
		".exit": true, "  .help ": true, ".load x.js": true,
		".5": false, ".": false, "a.b": false, "": false, "..": false,
	} {
		if got := isCommand(line); got != want {
			t.Errorf("isCommand(%q) = %v, want %v", line, got, want)
		}
	}
}
