package asyncio_test

import (
	"strings"
	"testing"
)

// TestInspectShowsRepr checks that console.log shows asyncio objects as
// CPython's repr() does instead of their internal fields.
func TestInspectShowsRepr(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"pending task", `const t = asyncio.createTask(async () => 1, { name: "w" }); console.log(t); await t;`, "<Task pending name='w'>"},
		{"finished task", `const t = asyncio.createTask(async () => "x", { name: "w" }); await t; console.log(t);`, "<Task finished name='w' result='x'>"},
		{"failed task", `const t = asyncio.createTask(async () => { throw new TypeError("bad") }, { name: "w" }); try { await t } catch {} console.log(t);`, `<Task finished name='w' exception=TypeError("bad")>`},
		{"cancelled task in an array", `const t = asyncio.createTask(() => asyncio.sleep(1), { name: "w" }); await asyncio.sleep(0); t.cancel(); try { await t } catch {} console.log([t]);`, "[ <Task cancelled name='w'> ]"},
		{"future", `const f = new asyncio.Future(); f.setResult({ a: 1 }); console.log(f);`, "<Future finished result={ a: 1 }>"},
		{"sync primitives", `console.log(new asyncio.Lock(), new asyncio.Event(), new asyncio.Semaphore(2), new asyncio.Queue(3));`, "<Lock [unlocked]> <Event [unset]> <Semaphore [unlocked, value:2]> <Queue maxsize=3 qsize=0>"},
		{"result containing its own task", `const job = {}; job.task = asyncio.createTask(async () => job, { name: "j" }); await job.task; console.log(job.task);`, "<Task finished name='j' result={ task: <Task finished name='j'> }>"},
		{"future resolved with itself", `const f = new asyncio.Future(); f.setResult(f); console.log(f);`, "<Future finished result=<Future finished>>"},
		{"loop and handles", `const l = asyncio.getRunningLoop(); const h = l.callSoon(() => {}); h.cancel(); console.log(l, h);`, "<arun event loop> <Handle cancelled>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, c.src)
			if res.Err != nil || strings.TrimSpace(res.Stdout) != c.want {
				t.Fatalf("got %q, want %q (err %v, stderr %s)", res.Stdout, c.want, res.Err, res.Stderr)
			}
		})
	}
}
