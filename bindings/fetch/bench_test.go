package fetch_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// The fetch benchmarks run the same loads as a plain Go client (the
// ceiling) against the same loopback server:
//
//	go test -run '^$' -bench . -benchtime 5000x ./bindings/fetch
func benchServer(b *testing.B) *httptest.Server {
	body := strings.Repeat("x", 512)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, body)
	}))
	b.Cleanup(srv.Close)
	return srv
}

func goClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 128, ForceAttemptHTTP2: true}}
}

func BenchmarkGoClient(b *testing.B) {
	srv := benchServer(b)
	get := func(c *http.Client) {
		resp, err := c.Get(srv.URL)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
	b.Run("sequential", func(b *testing.B) {
		c := goClient()
		defer c.CloseIdleConnections()
		for i := 0; i < b.N; i++ {
			get(c)
		}
	})
	b.Run("concurrent50", func(b *testing.B) {
		c := goClient()
		defer c.CloseIdleConnections()
		var n atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < 50; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n.Add(1) <= int64(b.N) {
					get(c)
				}
			}()
		}
		wg.Wait()
	})
}

func BenchmarkFetch(b *testing.B) {
	srv := benchServer(b)
	scripts := map[string]string{
		"sequential": `
for (let i = 0; i < N; i++) {
  const r = await fetch(URL);
  if ((await r.text()).length !== 512) throw new Error("short body");
}`,
		"concurrent50": `
let left = N;
async function worker() {
  while (left-- > 0) {
    const r = await fetch(URL);
    if ((await r.text()).length !== 512) throw new Error("short body");
  }
}
await Promise.all(Array.from({length: 50}, worker));`,
	}
	for _, name := range []string{"sequential", "concurrent50"} {
		b.Run(name, func(b *testing.B) {
			rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll(), HTTPClient: goClient()})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			src := fmt.Sprintf("const N = %d, URL = %q;\n%s", b.N, srv.URL, scripts[name])
			b.ResetTimer()
			if err := rt.RunString(context.Background(), "bench.js", src); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkTimeoutForms is BenchmarkFetch/concurrent50 with a 5 s timeout
// on each request, in each of the forms a script writes: a form's time
// less "none" is what its timeout costs per request (on the loop, which
// is the bottleneck at 50 requests in flight).
//
//	go test -run '^$' -bench TimeoutForms -benchtime 5000x ./bindings/fetch
func BenchmarkTimeoutForms(b *testing.B) {
	srv := benchServer(b)
	forms := []struct{ name, fetch string }{
		{"none", `fetch(URL)`},
		{"AbortSignal.timeout", `fetch(URL, { signal: AbortSignal.timeout(5000) })`},
		{"any", `fetch(URL, { signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5000)]) })`},
		{"asyncio.timeout", `asyncio.timeout(5, () => fetch(URL))`},
		{"waitFor", `asyncio.waitFor(fetch(URL), 5)`},
		{"setTimeout", `withTimer(URL)`},
	}
	for _, f := range forms {
		b.Run(f.name, func(b *testing.B) {
			rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll(), HTTPClient: goClient()})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			src := fmt.Sprintf(`const N = %d, URL = %q;
async function withTimer(u) {
  const c = new AbortController(), t = setTimeout(() => c.abort(), 5000);
  try { return await fetch(u, { signal: c.signal }); } finally { clearTimeout(t); }
}
let left = N;
async function worker() {
  while (left-- > 0) {
    const r = await %s;
    if ((await r.text()).length !== 512) throw new Error("short body");
  }
}
await asyncio.run(async () => { await asyncio.gather(...Array.from({length: 50}, worker)); });`, b.N, srv.URL, f.fetch)
			b.ReportAllocs()
			b.ResetTimer()
			if err := rt.RunString(context.Background(), "bench.js", src); err != nil {
				b.Fatal(err)
			}
		})
	}
}
