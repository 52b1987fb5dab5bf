package crypto_test

import (
	"fmt"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// BenchmarkSHA256 hashes 100 MB per op with createHash and with
// subtle.digest (which copies its input first, as the spec says); the
// same script under node is in the README. go test -run '^$' -bench
// SHA256 -benchtime 5x ./bindings/crypto
func BenchmarkSHA256(b *testing.B) {
	for _, c := range []struct{ name, api string }{
		{"createHash", `require("crypto").createHash("sha256").update(data).digest()`},
		{"digest", `await crypto.subtle.digest("SHA-256", data)`},
	} {
		api := c.api
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(100 << 20)
			src := fmt.Sprintf(`const data = new Uint8Array(100 << 20);
for (let i = 0; i < %d; i++) %s;`, b.N, api)
			b.ResetTimer()
			if res := runtimetest.Run(b, "bench.js", src, runtimetest.VirtualOptions()); res.Err != nil {
				b.Fatal(res.Err)
			}
		})
	}
}

// BenchmarkSmallHash is one createHash("sha256").update(short string)
// .digest("hex") per op, the per-call overhead (node 20: 0.9 us).
func BenchmarkSmallHash(b *testing.B) {
	src := fmt.Sprintf(`const { createHash } = require("crypto");
for (let i = 0; i < %d; i++) createHash("sha256").update("hello world " + i).digest("hex");`, b.N)
	b.ReportAllocs()
	if res := runtimetest.Run(b, "bench.js", src, runtimetest.VirtualOptions()); res.Err != nil {
		b.Fatal(res.Err)
	}
}
