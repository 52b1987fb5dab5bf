package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
)

// Run a script to completion: timers, promises and top-level await.
func ExampleRuntime_RunString() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout, VirtualTime: true})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "hello.ts", `
		const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
		await wait(1000);
		console.log("hello after", 1000, "virtual ms");
	`)
	fmt.Println("err:", err)
	// Output:
	// hello after 1000 virtual ms
	// err: <nil>
}

// Evaluate an expression and get its awaited result as a Go value.
func ExampleEval() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	n, err := runtime.Eval[int](context.Background(), rt, `await Promise.resolve(6 * 7)`)
	fmt.Println(n, err)
	type point struct{ X, Y int }
	p, _ := runtime.Eval[point](context.Background(), rt, `({x: 1, y: 2})`)
	fmt.Printf("%+v\n", p)
	// Output:
	// 42 <nil>
	// {X:1 Y:2}
}

// Call a function the script exports, and await it.
func ExampleRuntime_Call() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	_ = rt.RunString(ctx, "plugin.js", `
		export async function greet(name) {
			await null;
			return "hello, " + name;
		}`)
	v, err := rt.Call(ctx, "greet", "gopher")
	fmt.Println(v, err)
	// Output:
	// hello, gopher <nil>
}

// Expose Go functions: a synchronous one and an asynchronous one that runs
// on its own goroutine and returns a promise.
func ExampleRuntime_SetAsync() {
	rt, _ := runtime.New(runtime.Options{Stdout: os.Stdout})
	defer rt.Close()
	_ = rt.Set("upper", strings.ToUpper)
	_ = rt.SetAsync("lookup", func(ctx context.Context, args []any) (any, error) {
		key, _ := args[0].(string)
		if key == "missing" {
			return nil, &bindings.Error{Name: "Error", Code: "ENOTFOUND", Message: "no such key: " + key}
		}
		return map[string]any{"key": key, "len": len(key)}, nil
	})
	_ = rt.RunString(context.Background(), "main.js", `
		const v = await lookup("arun");
		console.log(upper(v.key), v.len);
		try { await lookup("missing"); } catch (e) { console.log(e.code, e.message); }
	`)
	// Output:
	// ARUN 4
	// ENOTFOUND no such key: missing
}

// Give scripts a native module they import by name.
func ExampleModule() {
	rt, _ := runtime.New(runtime.Options{
		Stdout: os.Stdout,
		Modules: []bindings.Module{runtime.Module("host:config", map[string]any{
			"region": "eu-west",
			"limit":  bindings.SyncFunc(func(args []any) (any, error) { return 10, nil }),
		})},
	})
	defer rt.Close()
	_ = rt.RunString(context.Background(), "main.ts", `
		import { region, limit } from "host:config";
		console.log(region, limit());
	`)
	// Output:
	// eu-west 10
}

// Stop a runaway script with a deadline; the error says what happened and
// wraps the context's error.
func ExampleScriptError() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := rt.RunString(ctx, "spin.js", `for (;;) {}`)
	var se *runtime.ScriptError
	fmt.Println(errors.As(err, &se), se.Kind, errors.Is(err, context.DeadlineExceeded))

	err = rt.RunString(context.Background(), "fail.js", "function f() {\n  throw new TypeError('bad input');\n}\nf();")
	errors.As(err, &se)
	fmt.Printf("%s:%d:%d %s\n", se.File, se.Line, se.Column, se.Message)
	// Output:
	// true timeout true
	// fail.js:2:9 TypeError: bad input
}

// Hand scripts an object of Go functions: an AsyncFunc inside a map (or a
// slice, or a struct field) is a promise-returning function in JS.
func ExampleRuntime_Set() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	sq := runtime.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
		n, _ := args[0].(int64)
		return n * n, nil
	})
	_ = rt.Set("api", map[string]any{"sq": sq, "version": "1.0"})
	v, err := rt.Eval(context.Background(), "await api.sq(7)")
	fmt.Println(v, err)
	_, err = rt.Eval(context.Background(), "1 +")
	fmt.Println(err)
	// Output:
	// 49 <nil>
	// [eval]:1:4: SyntaxError: Unexpected end of input
}

// Bound how long Close waits for Go functions that ignore their context.
func ExampleRuntime_CloseContext() {
	release := make(chan struct{})
	rt, _ := runtime.New(runtime.Options{})
	_ = rt.SetAsync("stubborn", func(ctx context.Context, args []any) (any, error) {
		<-release // ignores ctx
		return nil, nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	_ = rt.Set("started", func() { cancel() })
	_ = rt.RunString(ctx, "main.js", "const p = stubborn(); started(); await p;")
	expired, stop := context.WithCancel(context.Background())
	stop()
	fmt.Println(rt.CloseContext(expired))
	close(release)
	fmt.Println(rt.Close()) // waits for it to return
	// Output:
	// runtime: eventloop: close: 1 Go function(s) still running after their context was cancelled: context canceled
	// <nil>
}
