package asyncio_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestToThread: asyncio.toThread and loop.runInExecutor run a blocking
// host function off the loop (timers keep firing meanwhile), with its
// arguments converted, its error rejecting, and JavaScript functions
// refused with a pointer to toWorker.
func TestToThread(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	release := make(chan struct{})
	var out runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(rt.Set("block", func(s string, n int) (string, error) {
		<-release // blocks until the script has seen a timer fire
		return strings.Repeat(s, n), nil
	}))
	must(rt.Set("unblock", func() { close(release) }))
	must(rt.Set("fail", func() error { return errors.New("disk on fire") }))
	must(rt.Set("withCtx", func(ctx context.Context, d float64) (bool, error) {
		select {
		case <-time.After(time.Duration(d * float64(time.Second))):
			return true, nil
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = rt.RunString(ctx, "main.js", `
const p = asyncio.toThread(block, "ab", 3);
setTimeout(() => { console.log("timer fired while blocked"); unblock(); }, 10);
console.log(await p);
try { await asyncio.getRunningLoop().runInExecutor(null, fail); } catch (e) { console.log("rejected:", e.message); }
const t = asyncio.createTask(() => asyncio.toThread(withCtx, 60));
await asyncio.sleep(0.01);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }
try { asyncio.toThread(() => 1); } catch (e) { console.log(e.name, e.message); }`)
	if err != nil {
		t.Fatal(err)
	}
	want := `timer fired while blocked
ababab
rejected: disk on fire
CancelledError
TypeError asyncio.toThread runs a blocking host (Go) function; a JavaScript function cannot leave the loop: use asyncio.toWorker(file, exportName, ...args)`
	if got := strings.TrimSpace(out.String()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
