package runtime_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// timeStamps masks Event.timeStamp, the one value that differs between runs.
var timeStamps = regexp.MustCompile(`timeStamp: [0-9.]+`)

func maskTimeStamps(s string) string { return timeStamps.ReplaceAllString(s, "timeStamp: N") }

// TestInspectWebClasses: console.log shows Response, Request, Headers,
// URLSearchParams (and its iterators), FormData, Blob, File, AbortSignal,
// AbortController, Event, TextEncoder, TextDecoder, ReadableStream and URL
// as node v20 does, nested and with the depth used up. testdata/inspect/
// web.golden is node's output of web.js (timeStamps masked); before, each
// printed as its bare class name ("Response {}").
func TestInspectWebClasses(t *testing.T) {
	dir, _ := filepath.Abs("testdata/inspect")
	src, err := os.ReadFile(filepath.Join(dir, "web.js"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "web.golden"))
	if err != nil {
		t.Fatal(err)
	}
	opts := runtimetest.VirtualOptions()
	opts.Dir = dir
	res := runtimetest.Run(t, "web.js", string(src), opts)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	if got := maskTimeStamps(res.Stdout); got != string(want) {
		t.Errorf("arun's output differs from web.golden:\n%s", lineDiff(got, string(want)))
	}
}

// TestInspectWebGoldenIsNode: web.golden is what node prints (run when a
// node v20 is on PATH, as on the machine that wrote it).
func TestInspectWebGoldenIsNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH")
	}
	ver, err := exec.Command(node, "--version").Output()
	if err != nil || !bytes.HasPrefix(ver, []byte("v20.")) {
		t.Skipf("node %s is not v20, which web.golden is from", strings.TrimSpace(string(ver)))
	}
	dir, _ := filepath.Abs("testdata/inspect")
	cmd := exec.Command(node, "web.js")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node web.js: %v", err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "web.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if got := maskTimeStamps(string(out)); got != string(want) {
		t.Errorf("node's output differs from web.golden (regenerate it with node web.js):\n%s", lineDiff(got, string(want)))
	}
}

// lineDiff shows the first lines where got and want differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d:\n  got  %s\n  want %s\n", i+1, gl, wl)
			if shown++; shown == 10 {
				break
			}
		}
	}
	return b.String()
}
