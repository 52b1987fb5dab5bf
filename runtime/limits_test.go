package runtime_test

import (
	"context"
	"errors"
	"math"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// Built-ins whose result size comes from their arguments throw Node's
// RangeError past Node's limits instead of asking Go for the memory (which
// was a fatal out-of-memory error, or minutes in a native call); within
// them they behave as before. Each line's expected output is Node 20's.
func TestStringAndBufferLimits(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ expr, want string }{
		{`"x".repeat(2 ** 30).length`, "RangeError Invalid string length"},
		{`"x".repeat(2 ** 40)`, "RangeError Invalid string length"},
		{`"ab".repeat(2 ** 28 + 1)`, "RangeError Invalid string length"},
		{`"x".repeat(2 ** 29 - 23).length`, "RangeError Invalid string length"}, // 2 ** 29 - 24 is Node's limit
		{`"".repeat(2 ** 40).length`, "0"},
		{`"ab".repeat(3)`, "ababab"},
		{`"ab".repeat(-1)`, "RangeError Invalid count value"},
		{`String.prototype.repeat.call(null, 2)`, "TypeError String.prototype.repeat called on null or undefined"},
		{`String.prototype.repeat.call(12, 2)`, "1212"},
		{`"ab".padStart(2 ** 31).length`, "RangeError Invalid string length"},
		{`"ab".padEnd(2 ** 30, "xy").length`, "RangeError Invalid string length"},
		{`"ab".padStart(2 ** 31, "").length`, "2"},
		{`"ab".padStart(1).length`, "2"},
		{`"ab".padEnd(6, "xy") + "|" + "ab".padStart(5)`, "abxyxy|   ab"},
		{`new Array(2 ** 26).join("abcdefghij").length`, "RangeError Invalid string length"},
		{`(() => { const a = []; a.length = 2 ** 32 - 1; return a.join(); })()`, "RangeError Invalid string length"},
		{`[1, [2, 3], null, "x"].join("-") + " " + [1, 2].toString() + " " + [].join()`, "1-2,3--x 1,2 "},
		{`Array.prototype.join.call({ length: 3, 0: "a", 2: "c" }, "+")`, "a++c"},
		{`Array.prototype.join.call(null)`, "TypeError"},
		{`[1, 2].join({ toString() { calls++; return ";"; } }) + " " + calls`, "1;2 1"},
		{`new Array(2 ** 32)`, "RangeError Invalid array length"},
		{`Buffer.alloc(2 ** 33)`, `RangeError The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received 8_589_934_592`},
		{`Buffer.alloc(4).length`, "4"},
		{`[String.prototype.repeat.name, String.prototype.repeat.length, String.prototype.padEnd.length, [].join.length, Buffer.alloc.name].join()`, "repeat,1,1,1,alloc"},
	}
	var src strings.Builder
	src.WriteString("let calls = 0;\n")
	for _, c := range cases {
		src.WriteString("try { console.log(String(" + c.expr + ")); } catch (e) { console.log(e.name + (e instanceof TypeError ? '' : ' ' + e.message)); }\n")
	}
	res := runtimetest.Run(t, "limits.js", src.String(), runtime.Options{})
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Stderr)
	}
	got := strings.Split(strings.TrimSuffix(res.Stdout, "\n"), "\n")
	for i, c := range cases {
		line := ""
		if i < len(got) {
			line = got[i]
		}
		want := c.want
		if strings.HasPrefix(want, "TypeError") {
			want = "TypeError"
		}
		if line != want {
			t.Errorf("%s = %q, want %q", c.expr, line, want)
		}
	}
}

// A run whose live heap passes Options.MaxMemory stops with a
// KindMemoryLimit error, errors.Is ErrMemoryLimit, whether the allocation
// is a tight loop, timers or an Eval; the runtime works afterwards, and the
// process's memory limit is what it was before.
func TestMaxMemory(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	const bound = 64 << 20
	before := debug.SetMemoryLimit(-1)
	rt, err := runtime.New(runtime.Options{MaxMemory: bound, Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	var during int64
	if err := rt.Set("memoryLimit", func() int64 { during = debug.SetMemoryLimit(-1); return during }); err != nil {
		t.Fatal(err)
	}
	check := func(what string, err error) {
		t.Helper()
		var se *runtime.ScriptError
		var me *runtime.MemoryLimitError
		if !errors.As(err, &se) || se.Kind != runtime.KindMemoryLimit || !errors.Is(err, runtime.ErrMemoryLimit) || !errors.As(err, &me) {
			t.Fatalf("%s: run ended with %v, want a memory limit error", what, err)
		}
		if me.Limit != bound || me.Heap <= bound {
			t.Errorf("%s: %+v", what, me)
		}
		if !strings.Contains(se.Error(), "script exceeded the memory limit of 64 MiB (live heap ") {
			t.Errorf("%s: message %q", what, se.Error())
		}
		// what the stopped run allocated is garbage now (not held by its
		// timers, nor by goja's stack of the interrupted frames)
		goruntime.GC()
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		if ms.HeapAlloc > bound {
			t.Errorf("%s: %d bytes still live after the run", what, ms.HeapAlloc)
		}
	}
	ctx := context.Background()
	check("tight loop", rt.RunString(ctx, "loop.js", `memoryLimit(); { const a = []; for (;;) a.push("x".repeat(1000)); }`))
	if want := int64(bound + bound/8); during != want {
		t.Errorf("memory limit during the run = %d, want %d", during, want)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("memory limit after the run = %d, want %d as before", after, before)
	}
	check("timers", rt.RunString(ctx, "timers.js", `{ const a = []; setInterval(() => { for (let i = 0; i < 1e4; i++) a.push({ i }); }, 1); }`))
	_, err = rt.Eval(ctx, `(() => { const a = []; for (;;) a.push([1, 2, 3]); })()`)
	check("eval", err)
	// the bound stops nothing below it (the runs above left nothing in
	// the globals: what they allocated is garbage now)
	n, err := runtime.Eval[int](ctx, rt, `(() => { const a = []; for (let i = 0; i < 1e5; i++) a.push("y".repeat(100)); return a.length; })()`)
	if err != nil || n != 1e5 {
		t.Fatalf("a run below the bound: %d, %v", n, err)
	}
}

// Without MaxMemory nothing is watched and the process's memory limit is
// left alone.
func TestNoMaxMemory(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	var during int64
	if err := rt.Set("memoryLimit", func() { during = debug.SetMemoryLimit(-1) }); err != nil {
		t.Fatal(err)
	}
	if err := rt.RunString(context.Background(), "t.js", `memoryLimit();`); err != nil {
		t.Fatal(err)
	}
	if during != math.MaxInt64 {
		t.Errorf("memory limit during a run without MaxMemory = %d", during)
	}
}
