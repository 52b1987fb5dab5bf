package fetch_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

// scriptServer runs a script's arun:http server with the given serve
// options (a JS object literal's body) until the test ends, and returns
// its address. The handler reads the request body (if any), sleeps
// ?ms= milliseconds and answers with the body's length.
func scriptServer(t *testing.T, options string) string {
	t.Helper()
	ports := make(chan int, 1)
	listening := func(env *bindings.Env) error {
		return env.VM.Set("__listening", func(call goja.FunctionCall) goja.Value {
			ports <- int(call.Argument(0).ToInteger())
			return goja.Undefined()
		})
	}
	var stderr runtimetest.Buffer
	rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll(), Stderr: &stderr,
		Globals: []bindings.Global{listening}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- rt.RunString(ctx, "server.js", serveJS+`
const server = serve({port: 0, hostname: "127.0.0.1", `+options+`}, async (req) => {
  const body = req.body ? await req.text() : "";
  await sleep(Number(new URL(req.url).searchParams.get("ms") || 0));
  return new Response("got " + body.length);
});
__listening(server.addr.port);
await server.finished;`)
	}()
	var port int
	select {
	case port = <-ports:
	case err := <-done:
		t.Fatalf("server script ended: %v\n%s", err, stderr.String())
	}
	t.Cleanup(func() {
		cancel()
		<-done
		rt.Close()
	})
	return fmt.Sprintf("127.0.0.1:%d", port)
}

// dial connects to addr; the connection gets a generous read deadline so a
// server that never closes it fails the test instead of hanging it.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	return c
}

// closedByServer reads c until it ends and fails t unless the server
// closed it (EOF or a reset), rather than the test's own read deadline.
func closedByServer(t *testing.T, c net.Conn, what string) {
	t.Helper()
	_, err := io.Copy(io.Discard, c)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("%s: the server kept the connection open for 20 s", what)
	}
}

// roundTrip writes raw on a fresh connection and reads one response.
func roundTrip(t *testing.T, addr, raw string) (*http.Response, string) {
	t.Helper()
	c := dial(t, addr)
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// Slow-loris clients (a head that never ends, and a connection that never
// sends anything) are closed after headersTimeout.
func TestServeHeadersTimeout(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	addr := scriptServer(t, "headersTimeout: 200")
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		c := dial(t, addr)
		if i%2 == 0 {
			if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "); err != nil {
				t.Fatal(err)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			closedByServer(t, c, "slow head")
		}()
	}
	wg.Wait()
	// the server still serves
	if resp, body := roundTrip(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); resp.StatusCode != 200 || body != "got 0" {
		t.Fatalf("after the slow clients: %d %q", resp.StatusCode, body)
	}
}

// A body that stalls is cut at requestTimeout (408, as Node answers);
// once a request has arrived, its handler may take longer than that.
func TestServeRequestTimeout(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	addr := scriptServer(t, "headersTimeout: 100, requestTimeout: 200")
	c := dial(t, addr)
	if _, err := io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatal("a stalled body was kept for 20 s")
	}
	if err != nil || resp.StatusCode != http.StatusRequestTimeout || !resp.Close {
		t.Fatalf("stalled body: %v, %v; want 408 and the connection closed", resp, err)
	}
	closedByServer(t, c, "stalled body")

	// a complete request whose handler outlasts requestTimeout is answered
	resp, body := roundTrip(t, addr, "POST /?ms=500 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
	if resp.StatusCode != 200 || body != "got 3" {
		t.Fatalf("slow handler: %d %q", resp.StatusCode, body)
	}
}

// An idle keep-alive connection is closed after keepAliveTimeout.
func TestServeKeepAliveTimeout(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	addr := scriptServer(t, "keepAliveTimeout: 200")
	c := dial(t, addr)
	br := bufio.NewReader(c)
	for i := 0; i < 2; i++ { // the connection is reused, then left idle
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Close {
			t.Fatalf("request %d: %d, close %v", i, resp.StatusCode, resp.Close)
		}
	}
	if _, err := io.Copy(io.Discard, br); errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatal("the server kept an idle connection open for 20 s")
	}
}

// A head past maxHeaderSize (16 KiB by default, as Node's) is a 431.
func TestServeMaxHeaderSize(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	head := func(n int) string {
		return "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", n) + "\r\n\r\n"
	}
	for _, tc := range []struct {
		options string
		size    int
		want    int
	}{
		{"", 8 << 10, 200},
		{"", 64 << 10, 431},
		{"maxHeaderSize: 1024", 8 << 10, 431},
		{"maxHeaderSize: 128 * 1024", 64 << 10, 200},
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.options, tc.size), func(t *testing.T) {
			addr := scriptServer(t, tc.options)
			if resp, body := roundTrip(t, addr, head(tc.size)); resp.StatusCode != tc.want {
				t.Fatalf("status %d %q, want %d", resp.StatusCode, body, tc.want)
			}
		})
	}
}

// A malformed chunked body is the client's fault: 400, not the 500 of a
// handler whose body read failed.
func TestServeMalformedChunked(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	addr := scriptServer(t, "")
	resp, body := roundTrip(t, addr, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n")
	if resp.StatusCode != 400 || !resp.Close {
		t.Fatalf("status %d %q (close %v), want 400 and the connection closed", resp.StatusCode, body, resp.Close)
	}
	// a well-formed one is read
	resp, body = roundTrip(t, addr, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
	if resp.StatusCode != 200 || body != "got 5" {
		t.Fatalf("status %d %q", resp.StatusCode, body)
	}
}

// The limits are checked as Node's http.createServer checks them.
func TestServeLimitOptions(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := runtimetest.Run(t, "opts.js", serveJS+`
for (const o of [{headersTimeout: "1"}, {requestTimeout: -1}, {keepAliveTimeout: 1.5}, {maxHeaderSize: 0},
                 {headersTimeout: 2000, requestTimeout: 1000}]) {
  try { serve({port: 0, hostname: "127.0.0.1", ...o}, () => new Response("")); console.log("accepted", o); }
  catch (e) { console.log(e.name, e.code); }
}
const s = serve({port: 0, hostname: "127.0.0.1", headersTimeout: 0, requestTimeout: 0, keepAliveTimeout: 0}, () => new Response("ok"));
console.log(await (await fetch("http://127.0.0.1:" + s.addr.port)).text());
await s.shutdown();`, runtime.Options{})
	check(t, res, `TypeError ERR_INVALID_ARG_TYPE
RangeError ERR_OUT_OF_RANGE
RangeError ERR_OUT_OF_RANGE
RangeError ERR_OUT_OF_RANGE
RangeError ERR_OUT_OF_RANGE
ok`)
}
