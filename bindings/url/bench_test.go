package url_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// BenchmarkURL: the cost of the URL API from a script, per operation
// (README: "new URL(...) takes about 7 us"):
//
//	go test -run '^$' -bench URL -benchtime 100000x ./bindings/url
func BenchmarkURL(b *testing.B) {
	for _, c := range []struct{ name, op string }{
		{"new", `new URL("http://example.com:8080/path/" + i + "?q=" + i + "#h").href`},
		{"relative", `new URL("item/" + i, "http://example.com/a/b").pathname`},
		{"searchParams.get", `u.searchParams.get("b")`},
	} {
		b.Run(c.name, func(b *testing.B) {
			rt, err := runtime.New(runtime.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			src := fmt.Sprintf("const u = new URL(\"http://example.com/?a=1&b=2\"); let n = 0;\nfor (let i = 0; i < %d; i++) n += (%s).length;", b.N, c.op)
			b.ResetTimer()
			if err := rt.RunString(context.Background(), "bench.js", src); err != nil {
				b.Fatal(err)
			}
		})
	}
}
