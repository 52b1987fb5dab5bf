package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/trace"
)

const traceScript = `
async function job(i) { await asyncio.sleep(i); }
async function main() {
  const v = asyncio.createTask(asyncio.sleep(100), { name: "victim" });
  await asyncio.gather(...[1, 2, 3].map((i) => asyncio.createTask(job(i), { name: "job" + i })));
  v.cancel("stop");
  await asyncio.sleep(0);
}
await asyncio.run(main());
`

// checkTrace: the three jobs' sleeps overlap and the victim is cancelled.
func checkTrace(t *testing.T, f trace.File) {
	t.Helper()
	names := map[int]string{}
	for _, e := range f.TraceEvents {
		if e.Ph == "M" && e.Name == "thread_name" {
			names[e.Tid] = e.Args["name"].(string)
		}
	}
	var sleeps []trace.Event
	cancelled := false
	for _, e := range f.TraceEvents {
		if e.Ph == "X" && e.Cat == "await" && strings.HasPrefix(names[e.Tid], "job") {
			sleeps = append(sleeps, e)
		}
		if e.Ph == "i" && e.Name == "cancel" && names[e.Tid] == "victim" && e.Ts == 3e6 {
			cancelled = true
		}
	}
	if len(sleeps) != 3 {
		t.Fatalf("job awaits: %+v", sleeps)
	}
	for _, s := range sleeps {
		if s.Ts != 0 || *s.Dur < 1e6 {
			t.Errorf("sleep %+v does not run from the start", s)
		}
	}
	if !cancelled {
		t.Errorf("no cancellation of the victim at 3s in %v", names)
	}
}

func TestTraceFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "g.js", traceScript)
	for _, name := range []string{"t.json", "t.html"} {
		cmd := exec.Command(arunBin, "--virtual-time", "--trace", name, "g.js")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var f trace.File
		if strings.HasSuffix(name, ".json") {
			err = json.Unmarshal(data, &f)
		} else {
			// self-contained: no URL to load anything from
			for _, ref := range []string{"src=", "href=", "http://", "https://", "@import"} {
				if bytes.Contains(data, []byte(ref)) {
					t.Errorf("the page refers to something outside it: %q", ref)
				}
			}
			f, err = trace.ExtractHTML(data)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkTrace(t, f)
	}

	cmd := exec.Command(arunBin, "--trace", "t.txt", "g.js")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != exitUsage || !strings.Contains(string(out), "--trace t.txt") {
		t.Errorf("bad --trace file: exit %d, %s", cmd.ProcessState.ExitCode(), out)
	}
}

func TestTestTraceFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a_test.js", `import { test } from "arun:test";
test("gather", async () => {
  await asyncio.gather(...[1, 2].map((i) => asyncio.createTask(asyncio.sleep(i), { name: "a" + i })));
});
`)
	writeFile(t, dir, "b_test.js", `import { test } from "arun:test";
test("cancel", async () => {
  const v = asyncio.createTask(asyncio.sleep(100), { name: "victim" });
  await asyncio.sleep(1);
  v.cancel();
  await asyncio.sleep(0);
});
`)
	for _, name := range []string{"t.json", "t.html"} {
		cmd := exec.Command(arunBin, "test", "--virtual-time", "--jobs", "2", "--trace", name)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var f trace.File
		if strings.HasSuffix(name, ".json") {
			err = json.Unmarshal(data, &f)
		} else {
			f, err = trace.ExtractHTML(data)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// a process per file, in file order; each file's tasks in its own
		procs := map[int]string{}
		lanes := map[string]int{} // task name -> pid
		cancelPid := 0
		for _, e := range f.TraceEvents {
			switch {
			case e.Ph == "M" && e.Name == "process_name":
				procs[e.Pid] = e.Args["name"].(string)
			case e.Ph == "M" && e.Name == "thread_name":
				lanes[e.Args["name"].(string)] = e.Pid
			case e.Ph == "i" && e.Name == "cancel":
				cancelPid = e.Pid
			}
		}
		if procs[1] != "a_test.js" || procs[2] != "b_test.js" {
			t.Errorf("%s: processes %v", name, procs)
		}
		if lanes["a1"] != 1 || lanes["a2"] != 1 || lanes["victim"] != 2 || cancelPid != 2 {
			t.Errorf("%s: lanes %v, cancel in process %d", name, lanes, cancelPid)
		}
	}
}
