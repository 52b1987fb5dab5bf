package runtime_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// determinismWant is what testdata/determinism/determinism.js prints under
// virtual time from 2024-01-01: without its "# " lines, CPython 3.12's
// output for the twin determinism.py (determinism.out).
const determinismWant = `0.7 t
0.9 t.0
0.9 t.1
1.0 w0 woke
1.0 w1 woke
1.0 w2 woke
1.0 w3 woke
1.0 w4 woke
1.1 t.0.0
1.1 t.0.1
1.1 t.1.0
1.1 t.1.1
1.1 tree of 4 leaves
2.0 callLater(2) set at 0
# 2.0 setTimeout(2000) set at 0
2.0 callLater(1.5) set at 0.5
2.0 w0 done
2.0 w1 done
2.0 w2 done
2.0 w3 done
2.0 w4 done
2.5 event wait timed out: true
2.8 end
# loop.time() 2.8, performance.now() 2800, Date.now() 2800
# 2024-01-01T00:00:02.800Z
`

// TestVirtualTimeDeterminism runs one script of same-instant timers, CPU
// loops between sleeps, nested tasks and clock reads many times: under
// virtual time every run prints the same bytes, whatever the machine's load,
// and in CPython's order.
func TestVirtualTimeDeterminism(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src, err := os.ReadFile("testdata/determinism/determinism.js")
	if err != nil {
		t.Fatal(err)
	}
	runs := 20
	if testing.Short() {
		runs = 5
	}
	outputs := map[string]int{}
	for i := 0; i < runs; i++ {
		res := runtimetest.Run(t, "determinism.js", string(src), runtime.Options{
			VirtualTime: true,
			TimeOrigin:  time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		})
		if res.Err != nil {
			t.Fatalf("run %d: %v\n%s", i, res.Err, res.Stderr)
		}
		outputs[res.Stdout]++
	}
	if len(outputs) != 1 {
		var b strings.Builder
		for out, n := range outputs {
			b.WriteString("--- " + strings.Repeat("x", n) + "\n" + out)
		}
		t.Fatalf("%d runs gave %d different outputs:\n%s", runs, len(outputs), b.String())
	}
	for out := range outputs {
		if out != determinismWant {
			t.Errorf("output:\n%s\nwant:\n%s", out, determinismWant)
		}
	}
	cpython, err := os.ReadFile("testdata/determinism/determinism.out")
	if err != nil {
		t.Fatal(err)
	}
	var shared []string
	for _, l := range strings.SplitAfter(determinismWant, "\n") {
		if !strings.HasPrefix(l, "# ") {
			shared = append(shared, l)
		}
	}
	if got := strings.Join(shared, ""); got != string(cpython) {
		t.Errorf("the expected output is not CPython's:\n%s\nCPython:\n%s", got, cpython)
	}
}

// TestVirtualTimeClocks: time spent computing does not move any clock, and
// Date, performance.now and loop.time move together, by the sleeps only.
func TestVirtualTimeClocks(t *testing.T) {
	res := runtimetest.Run(t, "clocks.js", `
const loop = asyncio.getRunningLoop();
const d0 = Date.now(), p0 = performance.now(), l0 = loop.time();
await asyncio.sleep(1);
for (let i = 0; i < 1e5; i++);
await asyncio.sleep(1);
for (let i = 0; i < 1e5; i++);
console.log(loop.time() - l0, performance.now() - p0, Date.now() - d0, new Date().toISOString());
console.log(l0, p0 < 1);
`, runtime.Options{VirtualTime: true, TimeOrigin: time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if want := "2 2000 2000 2030-05-06T07:08:11.000Z\n0 true\n"; res.Stdout != want {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
}

// TestVirtualTimeMixedTimersFIFO: asyncio's timers and setTimeout due at the
// same instant fire in the order they were set, whichever kind (a sleep's
// continuation runs after the callbacks due with it, as in CPython, where it
// is the next iteration's task step).
func TestVirtualTimeMixedTimersFIFO(t *testing.T) {
	res := runtimetest.Run(t, "fifo.js", `
const loop = asyncio.getRunningLoop();
const log = [];
loop.callLater(1, () => log.push("callLater1"));
setTimeout(() => log.push("timeout1"), 1000);
loop.callLater(1, () => log.push("callLater2"));
loop.callLater(1, () => log.push("callLater3"));
setTimeout(() => log.push("timeout2"), 1000);
asyncio.sleep(1).then(() => log.push("sleep"));
loop.callLater(1, () => log.push("callLater4"));
await asyncio.sleep(2);
console.log(log.join(" "));
`, runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if want := "callLater1 timeout1 callLater2 callLater3 timeout2 callLater4 sleep\n"; res.Stdout != want {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
}

// TestVirtualTimeOwnServer: a request to the script's own server holds the
// clock still while it is in flight; a handler's sleep moves it by exactly
// its length. The times printed are the same on every run.
func TestVirtualTimeOwnServer(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := runtimetest.Run(t, "server.js", `
const { serve } = require("arun:http");
const loop = asyncio.getRunningLoop();
const server = serve({ port: 0, hostname: "127.0.0.1" }, async (req) => {
  if (new URL(req.url).pathname === "/slow") await asyncio.sleep(0.2);
  return new Response("ok");
});
const base = "http://127.0.0.1:" + server.addr.port;
const t0 = loop.time();
await (await fetch(base + "/fast")).text();
console.log("fast", loop.time() - t0);
await (await fetch(base + "/slow")).text();
console.log("slow", loop.time() - t0);
const [a, b] = await asyncio.gather(fetch(base + "/fast"), asyncio.sleep(1, "slept"));
console.log(a.status, b, loop.time() - t0);
await server.shutdown();
`, runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	if want := "fast 0\nslow 0.2\n200 slept 1.2\n"; res.Stdout != want {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
}
