package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/arun-js/arun/trace"
)

// runTraced runs src on virtual time with a trace and returns the trace.
func runTraced(t *testing.T, src string) trace.File {
	t.Helper()
	var buf, out bytes.Buffer
	r, err := New(Options{VirtualTime: true, Trace: &buf, Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.RunString(context.Background(), "main.js", src); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	var f trace.File
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("trace is not JSON: %v\n%s", err, buf.String())
	}
	return f
}

// tracks maps task names (thread_name metadata) to tids.
func tracks(f trace.File) map[string]int {
	m := map[string]int{}
	for _, e := range f.TraceEvents {
		if e.Ph == "M" && e.Name == "thread_name" {
			m[e.Args["name"].(string)] = e.Tid
		}
	}
	return m
}

func traceSlices(f trace.File, cat string, tid int) []trace.Event {
	var out []trace.Event
	for _, e := range f.TraceEvents {
		if e.Ph == "X" && e.Cat == cat && e.Tid == tid {
			out = append(out, e)
		}
	}
	return out
}

func TestTraceGatherOverlaps(t *testing.T) {
	f := runTraced(t, `
async function job(i) { await asyncio.sleep(i); return i; }
async function main() {
  const tasks = [1, 2, 3].map((i) => asyncio.createTask(job(i), { name: "job" + i }));
  await asyncio.gather(...tasks);
}
await asyncio.run(main());
`)
	tr := tracks(f)
	var sleeps []trace.Event
	for i, name := range []string{"job1", "job2", "job3"} {
		tid, ok := tr[name]
		if !ok {
			t.Fatalf("no track %s in %v", name, tr)
		}
		if n := len(traceSlices(f, "task", tid)); n != 1 {
			t.Fatalf("%s: %d task slices", name, n)
		}
		aw := traceSlices(f, "await", tid)
		if len(aw) != 1 || aw[0].Name != "sleep("+string(rune('1'+i))+")" {
			t.Fatalf("%s: awaits %+v", name, aw)
		}
		if site, _ := aw[0].Args["site"].(string); site != "main.js:2" {
			t.Errorf("%s: site %q", name, site)
		}
		sleeps = append(sleeps, aw[0])
	}
	// all three wait at once: each starts before the others end
	for i, a := range sleeps {
		for j, b := range sleeps {
			if i != j && !(a.Ts < b.Ts+*b.Dur && b.Ts < a.Ts+*a.Dur) {
				t.Errorf("awaits %d and %d do not overlap: %+v %+v", i, j, a, b)
			}
		}
		if want := float64(i+1) * 1e6; *a.Dur != want {
			t.Errorf("sleep %d lasted %vµs of virtual time, want %v", i+1, *a.Dur, want)
		}
	}
}

func TestTraceProducerConsumer(t *testing.T) {
	f := runTraced(t, `
const q = new asyncio.Queue(1);
async function producer() { for (let i = 0; i < 3; i++) { await asyncio.sleep(1); await q.put(i); } }
async function consumer() { for (let i = 0; i < 3; i++) await q.get(); }
async function main() {
  await asyncio.gather(asyncio.createTask(producer(), { name: "producer" }), asyncio.createTask(consumer(), { name: "consumer" }));
}
await asyncio.run(main());
`)
	tr := tracks(f)
	prod, cons := tr["producer"], tr["consumer"]
	if prod == 0 || cons == 0 {
		t.Fatalf("tracks %v", tr)
	}
	var gets []trace.Event
	for _, e := range traceSlices(f, "await", cons) {
		if e.Name == "Queue.get()" {
			gets = append(gets, e)
		}
	}
	if len(gets) != 3 {
		t.Fatalf("consumer's Queue.get awaits: %+v", gets)
	}
	// the consumer waits while the producer sleeps, and each get is woken
	// by the producer's put: a flow from the producer's track to its own
	for _, g := range gets {
		if g.Args["wokenBy"] != "producer" {
			t.Errorf("get %+v not woken by the producer", g)
		}
	}
	var starts, ends int
	for _, e := range f.TraceEvents {
		if e.Cat == "wake" && e.Ph == "s" && e.Tid == prod {
			starts++
		}
		if e.Cat == "wake" && e.Ph == "f" && e.Tid == cons {
			ends++
		}
	}
	if starts != 3 || ends != 3 {
		t.Errorf("flows producer->consumer: %d starts, %d ends", starts, ends)
	}
	// alternating: each sleep of the producer lies inside a get of the consumer
	sleeps := 0
	for _, s := range traceSlices(f, "await", prod) {
		if s.Name != "sleep(1)" {
			continue
		}
		g := gets[sleeps]
		sleeps++
		if !(g.Ts <= s.Ts && s.Ts+*s.Dur <= g.Ts+*g.Dur) {
			t.Errorf("sleep %+v not within get %+v", s, g)
		}
	}
	if sleeps != 3 {
		t.Errorf("%d producer sleeps", sleeps)
	}
}

func TestTraceCancellation(t *testing.T) {
	f := runTraced(t, `
async function forever() { await asyncio.sleep(3600); }
async function main() {
  const t = asyncio.createTask(forever(), { name: "victim" });
  await asyncio.sleep(1);
  t.cancel("enough");
  try { await t; } catch (e) { if (!(e instanceof asyncio.CancelledError)) throw e; }
}
await asyncio.run(main());
`)
	tid := tracks(f)["victim"]
	if tid == 0 {
		t.Fatal("no victim track")
	}
	var cancel *trace.Event
	for i, e := range f.TraceEvents {
		if e.Ph == "i" && e.Name == "cancel" && e.Tid == tid {
			cancel = &f.TraceEvents[i]
		}
	}
	if cancel == nil || cancel.Args["msg"] != "enough" || cancel.Ts != 1e6 {
		t.Fatalf("cancellation instant: %+v", cancel)
	}
	task := traceSlices(f, "task", tid)
	aw := traceSlices(f, "await", tid)
	if len(task) != 1 || task[0].Args["outcome"] != "cancelled" || task[0].Ts+*task[0].Dur != 1e6 {
		t.Errorf("task slice %+v", task)
	}
	if len(aw) != 1 || aw[0].Name != "sleep(3600)" || aw[0].Args["outcome"] != "cancelled" || *aw[0].Dur != 1e6 {
		t.Errorf("await slices %+v", aw)
	}
	if s, _ := task[0].Args["created"].(string); !strings.HasPrefix(s, "main.js:") {
		t.Errorf("created at %q", s)
	}
}

// The main module is a lane of its own, ended with the run; StartTrace
// and StopTrace bound a trace to part of a runtime's life.
func TestTraceMainModuleAndStop(t *testing.T) {
	f := runTraced(t, `await asyncio.sleep(1);`)
	tid := tracks(f)["main module"]
	ts := traceSlices(f, "task", tid)
	if tid == 0 || len(ts) != 1 || ts[0].Args["outcome"] != "resolved" || *ts[0].Dur != 1e6 {
		t.Fatalf("main module lane %d: %+v", tid, ts)
	}
	if aw := traceSlices(f, "await", tid); len(aw) != 1 || aw[0].Name != "sleep(1)" {
		t.Errorf("main module awaits %+v", aw)
	}

	r, err := New(Options{VirtualTime: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.StopTrace(); err == nil {
		t.Error("StopTrace with no trace succeeded")
	}
	var buf bytes.Buffer
	if err := r.StartTrace(&buf); err != nil {
		t.Fatal(err)
	}
	if err := r.StartTrace(&buf); err == nil {
		t.Error("a second StartTrace succeeded")
	}
	if err := r.RunString(context.Background(), "a.js", `await asyncio.sleep(2);`); err != nil {
		t.Fatal(err)
	}
	if err := r.StopTrace(); err != nil {
		t.Fatal(err)
	}
	n := buf.Len()
	if err := r.RunString(context.Background(), "b.js", `await asyncio.sleep(3);`); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != n {
		t.Error("the trace grew after StopTrace")
	}
	var g trace.File
	if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if aw := traceSlices(g, "await", tracks(g)["main module"]); len(aw) != 1 || aw[0].Name != "sleep(2)" {
		t.Errorf("awaits %+v", aw)
	}
}
