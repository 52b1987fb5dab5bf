package readline_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.mjs; their // Output: is node v20's.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestNodeAgrees runs the same scripts under node, when it is installed.
func TestNodeAgrees(t *testing.T) { runtimetest.CompareWithNode(t, "testdata") }

// TestStdin reads the host's stdin: for await over its lines, and a
// question answered from it.
func TestStdin(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	opts := runtimetest.VirtualOptions()
	opts.Stdin = strings.NewReader("first\nsecond\r\nthird")
	res := runtimetest.Run(t, "", `const readline = require("readline/promises");
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
for await (const line of rl) console.log("line:", line);
console.log("closed", rl.closed);`, opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if want := "line: first\nline: second\nline: third\nclosed true\n"; res.Stdout != want {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
	opts.Stdin = strings.NewReader("Ada\n")
	res = runtimetest.Run(t, "", `const rl = require("readline/promises").createInterface({ output: process.stdout });
console.log("q:", await rl.question("who? "));
rl.close();`, opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if want := "who? q: Ada\n"; res.Stdout != want {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
}

// blockingReader gives one line and then blocks until closed, as a
// terminal does.
type blockingReader struct {
	first bool
	done  chan struct{}
}

func (b *blockingReader) Read(p []byte) (int, error) {
	if !b.first {
		b.first = true
		return copy(p, "hello\n"), nil
	}
	<-b.done
	return 0, io.EOF
}

// TestClosedDoesNotHold: an interface over a stdin that never ends holds
// the run only until it is closed (as in Node, where stdin is unref'd when
// paused); without close, the run waits for input (here: until its
// timeout).
func TestClosedDoesNotHold(t *testing.T) {
	br := &blockingReader{done: make(chan struct{})}
	defer close(br.done)
	opts := runtime.Options{Stdin: br, Timeout: 5 * time.Second}
	start := time.Now()
	res := runtimetest.Run(t, "", `const rl = require("readline").createInterface({});
rl.on("line", (l) => { console.log("got", l); rl.close(); });`, opts)
	if res.Err != nil || res.Stdout != "got hello\n" {
		t.Fatalf("got %q, %v", res.Stdout, res.Err)
	}
	if time.Since(start) > 4*time.Second {
		t.Errorf("the closed interface held the run until its timeout")
	}
	opts.Timeout = 200 * time.Millisecond
	br2 := &blockingReader{done: make(chan struct{})}
	defer close(br2.done)
	opts.Stdin = br2
	res = runtimetest.Run(t, "", `require("readline").createInterface({}).on("line", (l) => console.log("got", l));`, opts)
	if res.Err == nil {
		t.Errorf("an open interface over stdin did not keep the run alive (out %q)", res.Stdout)
	}
}
