package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/arun-js/arun/runtime"
)

// Stop a runaway script from another goroutine. Here the script tells the
// host when it starts spinning; a real host would call Interrupt from a
// watchdog, a signal handler or a "stop" button. The runtime stays usable.
func ExampleRuntime_Interrupt() {
	rt, _ := runtime.New(runtime.Options{Stdout: os.Stdout})
	defer rt.Close()
	spinning := make(chan struct{})
	_ = rt.Set("spinning", func() { close(spinning) })
	go func() {
		<-spinning
		rt.Interrupt()
	}()
	err := rt.RunString(context.Background(), "spin.js", `
		console.log("about to spin");
		spinning();
		while (true) {}
	`)
	fmt.Println(errors.Is(err, runtime.ErrInterrupted))

	err = rt.RunString(context.Background(), "next.js", `console.log("still usable")`)
	fmt.Println(err)
	// Output:
	// about to spin
	// true
	// still usable
	// <nil>
}

// Bound every Run, Eval and Call with Options.Timeout: a script stuck in a
// loop or waiting on something that never comes stops with a timeout error.
func ExampleOptions_timeout() {
	rt, _ := runtime.New(runtime.Options{Timeout: 300 * time.Millisecond})
	defer rt.Close()
	ctx := context.Background()

	err := rt.RunString(ctx, "busy.js", `for (;;) {}`)
	var se *runtime.ScriptError
	errors.As(err, &se)
	fmt.Println(se.Kind, errors.Is(err, context.DeadlineExceeded))

	_, err = rt.Eval(ctx, `await new Promise((resolve) => setTimeout(resolve, 60_000))`)
	errors.As(err, &se)
	fmt.Println(se.Kind, se.Message)

	// Each call gets the whole timeout.
	v, err := rt.Eval(ctx, `await Promise.resolve("in time")`)
	fmt.Println(v, err)
	// Output:
	// timeout true
	// timeout script timed out
	// in time <nil>
}

// Give scripts a location (as Deno's --location): relative URLs in fetch
// and Request resolve against it.
func ExampleOptions_location() {
	rt, _ := runtime.New(runtime.Options{Location: "https://api.example.test/v1/"})
	defer rt.Close()
	v, err := rt.Eval(context.Background(), `[location.origin, new Request("users?page=2").url].join(" ")`)
	fmt.Println(v, err)
	// Output:
	// https://api.example.test https://api.example.test/v1/users?page=2 <nil>
}

// Grant a script only what it needs. Here it may read one directory and
// nothing else: reading outside it, the network and the environment are
// denied with a PermissionDenied error naming the permission.
func ExamplePermissions() {
	dir, _ := os.MkdirTemp("", "arun-example")
	defer os.RemoveAll(dir)
	data := filepath.Join(dir, "data")
	_ = os.Mkdir(data, 0o755)
	_ = os.WriteFile(filepath.Join(data, "greeting.txt"), []byte("hello from data/"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("top secret"), 0o644)

	rt, _ := runtime.New(runtime.Options{
		Stdout:      os.Stdout,
		Dir:         data,
		Permissions: &runtime.Permissions{Read: []string{data}},
	})
	defer rt.Close()
	err := rt.RunString(context.Background(), "main.js", `
		import { readFile } from "node:fs/promises";
		console.log(await readFile("greeting.txt", "utf8"));
		const denied = (e) => console.log(e.name, e.code, e.permission);
		await readFile("../secret.txt", "utf8").catch(denied);
		await fetch("http://127.0.0.1:1/").catch(denied);
		try { process.env.HOME; } catch (e) { denied(e); }
	`)
	fmt.Println(err)
	// Output:
	// hello from data/
	// PermissionDenied ERR_ACCESS_DENIED read
	// PermissionDenied ERR_ACCESS_DENIED net
	// PermissionDenied ERR_ACCESS_DENIED env
	// <nil>
}

// Ask a running script to stop gracefully, as the CLI does on Ctrl-C: what
// it awaits throws a CancelledError, so its finally blocks run, and the run
// ends with that error. Interrupt (or cancelling the context) is the hard
// stop for a script that ignores it.
func ExampleRuntime_Shutdown() {
	rt, _ := runtime.New(runtime.Options{Stdout: os.Stdout})
	defer rt.Close()
	working := make(chan struct{})
	_ = rt.Set("working", func() { close(working) })
	go func() {
		<-working
		rt.Shutdown()
	}()
	err := rt.RunString(context.Background(), "server.js", `
		try {
			console.log("serving");
			working();
			await asyncio.sleep(3600); // an hour of work, cut short
			console.log("never printed");
		} finally {
			console.log("cleaning up");
		}
	`)
	fmt.Println(err)
	// Output:
	// serving
	// cleaning up
	// CancelledError: shutting down
}

// A cancellation that reaches the top of a script (a CancelledError nobody
// caught) is recognised by errors.Is, whatever its message says.
func ExampleErrCancelled() {
	rt, _ := runtime.New(runtime.Options{VirtualTime: true})
	defer rt.Close()
	err := rt.RunString(context.Background(), "job.js", `
		async function job() { await asyncio.sleep(10); }
		asyncio.run(async () => {
			const t = asyncio.createTask(job());
			await asyncio.sleep(0);
			t.cancel("operator said stop");
			await t; // rethrows the task's CancelledError
		});
	`)
	fmt.Println(errors.Is(err, runtime.ErrCancelled))
	fmt.Println(err)
	// Output:
	// true
	// job.js:6:12: CancelledError: operator said stop
}
