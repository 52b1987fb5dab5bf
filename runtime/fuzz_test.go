package runtime_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
)

// FuzzRunString feeds arbitrary source through the whole transform,
// compile and run path: it may fail, but never panic or hang.
func FuzzRunString(f *testing.F) {
	for _, seed := range []string{
		"console.log(1)",
		"await new Promise(r => setTimeout(r, 10))",
		"import x from './nope'",
		"export const a = 1; throw new Error('x')",
		"async function* g() { yield 1 } for await (const x of g()) {}",
		"let x = {;",
		"interface A { b: number }\nconst a: A = { b: 1 }",
		"function f() { return f() } f()",
		"Promise.reject(new Error('r'))",
		"`${",
		"/(?<name>a)/.exec('a')",
		"class A { #x = 1; static { this.y = 2 } }",
		"setInterval(() => {}, 1)",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, src string, ts bool) {
		name := "fuzz.js"
		if ts {
			name = "fuzz.ts"
		}
		rt, err := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true, Timeout: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer rt.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = rt.RunString(ctx, name, src)
	})
}
