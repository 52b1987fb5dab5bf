package repl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/trace"
	"go.uber.org/goleak"
)

func TestTraceCommand(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := t.TempDir()
	var stdout, stderr syncBuffer
	code := Run(Options{
		Runtime: runtime.Options{Dir: dir, Permissions: runtime.AllowAll(), VirtualTime: true},
		Stdin: strings.NewReader(`.trace on t.json
.trace on u.json
await asyncio.createTask(asyncio.sleep(1), { name: "bg" })
.trace off
.trace off
.trace sideways
await asyncio.createTask(asyncio.sleep(2), { name: "untraced" })
.trace on t.html
await asyncio.createTask(asyncio.sleep(3), { name: "at-exit" })
`),
		Stdout: &stdout,
		Stderr: &stderr,
	})
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"a trace is already being recorded to", "no trace is being recorded", "usage: .trace on FILE"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "Timeline written to") {
		t.Errorf("stdout %s", stdout.String())
	}
	// lanes: name -> await names on it
	lanes := func(f trace.File) map[string][]string {
		names := map[int]string{}
		for _, e := range f.TraceEvents {
			if e.Ph == "M" && e.Name == "thread_name" {
				names[e.Tid] = e.Args["name"].(string)
			}
		}
		m := map[string][]string{}
		for _, e := range f.TraceEvents {
			if e.Ph == "X" && e.Cat == "await" {
				m[names[e.Tid]] = append(m[names[e.Tid]], e.Name)
			}
		}
		return m
	}
	data, err := os.ReadFile(filepath.Join(dir, "t.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f trace.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("t.json: %v\n%s", err, data)
	}
	if l := lanes(f); len(l["bg"]) != 1 || l["bg"][0] != "sleep(1)" || l["untraced"] != nil {
		t.Errorf("t.json lanes %v", l)
	}
	// turned on and never off: written when the REPL ends
	data, err = os.ReadFile(filepath.Join(dir, "t.html"))
	if err != nil {
		t.Fatal(err)
	}
	if f, err = trace.ExtractHTML(data); err != nil {
		t.Fatal(err)
	}
	if l := lanes(f); len(l["at-exit"]) != 1 || l["at-exit"][0] != "sleep(3)" {
		t.Errorf("t.html lanes %v", l)
	}
}
