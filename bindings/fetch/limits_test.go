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
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// limitBody is a response body that fails once more than max bytes were
// read.
type limitBody struct {
	rc   io.ReadCloser
	max  int64
	read int64
}

func (l *limitBody) Read(p []byte) (int, error) {
	n, err := l.rc.Read(p)
	l.read += int64(n)
	if l.read > l.max {
		return 0, fmt.Errorf("response body larger than the host's limit of %d bytes", l.max)
	}
	return n, err
}

func (l *limitBody) Close() error { return l.rc.Close() }

// limitTransport caps response bodies at maxBody bytes and the requests in
// flight at cap(sem): what a host can do today through Options.HTTPClient.
type limitTransport struct {
	base    http.RoundTripper
	maxBody int64
	sem     chan struct{}
}

func (t *limitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	select {
	case t.sem <- struct{}{}:
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		<-t.sem
		return nil, err
	}
	if resp.ContentLength > t.maxBody {
		resp.Body.Close()
		<-t.sem
		return nil, fmt.Errorf("response body of %d bytes is larger than the host's limit of %d bytes", resp.ContentLength, t.maxBody)
	}
	resp.Body = &releaseBody{ReadCloser: &limitBody{rc: resp.Body, max: t.maxBody}, release: func() { <-t.sem }}
	return resp, nil
}

// releaseBody frees the transport's slot when the body is closed.
type releaseBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

// limitServer serves /big/N (N bytes, chunked or with a length) and
// /slow (which records how many requests it holds at once).
func limitServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var now, peak atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/big/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/big/"), "%d", &n)
		if r.URL.Query().Get("length") == "1" {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		chunk := strings.Repeat("x", 1024)
		for n > 0 {
			k := min(n, len(chunk))
			io.WriteString(w, chunk[:k])
			n -= k
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		c := now.Add(1)
		for {
			p := peak.Load()
			if c <= p || peak.CompareAndSwap(p, c) {
				break
			}
		}
		defer now.Add(-1)
		// hold the request until the client has sent the others
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &peak
}

// TestLimitsThroughHostClient: a host caps response body size and
// concurrent requests with its own http.Client; scripts see a TypeError
// naming the limit, and never more requests in flight than allowed.
func TestLimitsThroughHostClient(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv, peak := limitServer(t)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: &limitTransport{base: tr, maxBody: 64 << 10, sem: make(chan struct{}, 4)}}
	var seen int32
	res := runtimetest.Run(t, "limits.js", fmt.Sprintf(`const base = %q;
console.log((await (await fetch(base + "/big/1000")).text()).length);
try { await (await fetch(base + "/big/1000000")).text(); console.log("no error") } catch (e) { console.log(e.name, e.message, "|", e.cause && e.cause.message) }
try { await fetch(base + "/big/1000000?length=1"); console.log("no error") } catch (e) { console.log(e.name, e.message, "|", e.cause && e.cause.message) }
const ac = new AbortController();
const all = Array.from({ length: 20 }, () => fetch(base + "/slow", { signal: ac.signal }).catch(e => e.name));
await asyncio.sleep(0.3);
recordPeak();
ac.abort();
console.log((await Promise.all(all)).join(","));
`, srv.URL), runtime.Options{HTTPClient: client, Globals: []bindings.Global{func(env *bindings.Env) error {
		// read the server's peak while the requests are held: once they are
		// aborted, a freed slot may start a request before the server has
		// seen the previous one go
		return env.VM.Set("recordPeak", func() { seen = peak.Load() })
	}}})
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Stdout)
	}
	want := "1000\n" +
		"TypeError error reading the body | response body larger than the host's limit of 65536 bytes\n" +
		"TypeError fetch failed | response body of 1000000 bytes is larger than the host's limit of 65536 bytes\n" +
		strings.TrimSuffix(strings.Repeat("AbortError,", 20), ",")
	if got := strings.TrimSpace(res.Stdout); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if p := seen; p > 4 || p < 1 {
		t.Errorf("%d requests in flight at once, the host allowed 4", p)
	}
}

// TestLimitMaxResponseBodySize is the test of a runtime option capping
// every response body a script reads (fetch's text/json/arrayBuffer/blob,
// body streams), so that a host need not wrap its own transport.
func TestLimitMaxResponseBodySize(t *testing.T) {
	t.Skip("not implemented: runtime.Options.MaxResponseBodySize (see the issue 11 report)")
	// With opts.MaxResponseBodySize = 64 << 10, the script
	//   try { await (await fetch(base + "/big/1000000")).text() } catch (e) { console.log(e.name, e.code) }
	//   try { for await (const c of (await fetch(base + "/big/1000000")).body) {} } catch (e) { console.log(e.name, e.code) }
	//   try { await fetch(base + "/big/1000000?length=1") } catch (e) { console.log(e.name, e.cause.code) }
	// prints
	//   TypeError ERR_FETCH_BODY_TOO_LARGE  (twice; the message names the limit)
	//   TypeError ERR_FETCH_BODY_TOO_LARGE  (rejected from the Content-Length, before any read)
	// and (await fetch(base + "/big/1000")).text() still works.
}

// TestLimitMaxConcurrentOps: Options.MaxConcurrentOps caps the Go work in
// flight for one runtime (file operations, host AsyncFuncs; fetch is capped
// through the host's HTTPClient, above); the
// rest start in call order, and a queued op whose task is cancelled never
// starts.
func TestLimitMaxConcurrentOps(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	var mu sync.Mutex
	var now, most int
	var started []int
	op := func(ctx context.Context, args []any) (any, error) {
		i := int(args[0].(int64))
		mu.Lock()
		started = append(started, i)
		now++
		most = max(most, now)
		mu.Unlock()
		defer func() { mu.Lock(); now--; mu.Unlock() }()
		select {
		case <-time.After(5 * time.Millisecond):
			return i, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	res := runtimetest.Run(t, "ops.js", (`
const got = await Promise.all(Array.from({ length: 40 }, (_, i) => op(i)));
console.log(got.length, got[39]);
// queued behind four busy ops, then cancelled: it never starts
const busy = Array.from({ length: 4 }, (_, i) => op(100 + i));
const t = asyncio.createTask(() => op(999));
await asyncio.sleep(0);
t.cancel();
try { await t } catch (e) { console.log(e.name) }
await Promise.all(busy);
console.log("done");
`), runtime.Options{MaxConcurrentOps: 4, Globals: []bindings.Global{func(env *bindings.Env) error {
		return env.VM.Set("op", env.AsyncValue("op", op))
	}}})
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Stdout)
	}
	if want := "40 39\nCancelledError\ndone\n"; res.Stdout != want {
		t.Errorf("stdout %q, want %q", res.Stdout, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if most > 4 {
		t.Errorf("%d ops at once, the cap is 4", most)
	}
	// dispatched in call order (goroutines may then reorder within the cap)
	for i := 0; i < 40; i++ {
		if d := started[i] - i; d <= -4 || d >= 4 {
			t.Fatalf("ops started out of call order: %v", started[:40])
		}
	}
	for _, i := range started {
		if i == 999 {
			t.Errorf("the cancelled queued op started")
		}
	}
}
