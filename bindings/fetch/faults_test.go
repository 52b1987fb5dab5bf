package fetch_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// rawServer is a loopback TCP server whose connections are served by a
// handler writing raw HTTP/1.1 bytes, so a test can misbehave in ways
// net/http's server never would (close mid-body, drip bytes). Close stops
// it and waits for every connection goroutine.
type rawServer struct {
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]bool
	done  chan struct{}
}

func newRawServer(t *testing.T, handle func(c net.Conn, req *http.Request, done <-chan struct{})) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &rawServer{ln: ln, conns: map[net.Conn]bool{}, done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns[c] = true
			s.mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer func() {
					c.Close()
					s.mu.Lock()
					delete(s.conns, c)
					s.mu.Unlock()
				}()
				req, err := http.ReadRequest(bufio.NewReader(c))
				if err != nil {
					return
				}
				handle(c, req, s.done)
			}()
		}
	}()
	t.Cleanup(s.Close)
	return s
}

// URL is the server's base URL.
func (s *rawServer) URL() string { return "http://" + s.ln.Addr().String() }

// Close stops the server and waits for its goroutines.
func (s *rawServer) Close() {
	select {
	case <-s.done:
		return
	default:
	}
	close(s.done)
	s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// runFault runs src with the global URL set to url under real time (the
// faults are real I/O) and returns the run's result.
func runFault(t *testing.T, url, src string) runtimetest.Result {
	t.Helper()
	return runtimetest.Run(t, "fault.js", "const URL_ = "+fmt.Sprintf("%q", url)+";\n"+src, runtime.Options{})
}

// check fails t unless the run succeeded with exactly want on stdout.
func checkRun(t *testing.T, res runtimetest.Result, want string) {
	t.Helper()
	if res.Err != nil {
		t.Fatalf("run failed: %v\nstdout:\n%s\nstderr:\n%s", res.Err, res.Stdout, res.Stderr)
	}
	if got := strings.TrimSpace(res.Stdout); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", got, want, res.Stderr)
	}
}

// showErr is the JS helper the fault scripts print errors with.
const showErr = `const show = (what, e) => console.log(what, e.name, e.message, e.cause ? e.cause.code : "-");
`

// TestFaultMidBodyClose: a server that closes the connection in the middle
// of the body makes every way of reading it reject with a TypeError whose
// cause names the socket problem; the run goes on.
func TestFaultMidBodyClose(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := newRawServer(t, func(c net.Conn, req *http.Request, done <-chan struct{}) {
		if req.URL.Path == "/chunked" {
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n5\r\nhello\r\n")
			return // no last chunk
		}
		fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: application/json\r\n\r\n{\"partial\": [1, 2")
	})
	tests := []struct{ name, src, want string }{
		{"text", `const r = await fetch(URL_); console.log(r.status, r.ok); try { await r.text(); console.log("no error") } catch (e) { show("text", e) }`,
			"200 true\ntext TypeError error reading the body UND_ERR_SOCKET"},
		{"json", `try { await (await fetch(URL_)).json(); console.log("no error") } catch (e) { show("json", e) }`,
			"json TypeError error reading the body UND_ERR_SOCKET"},
		{"arrayBuffer", `try { await (await fetch(URL_)).arrayBuffer(); console.log("no error") } catch (e) { show("arrayBuffer", e) }`,
			"arrayBuffer TypeError error reading the body UND_ERR_SOCKET"},
		{"chunked text", `try { await (await fetch(URL_ + "/chunked")).text(); console.log("no error") } catch (e) { show("chunked", e) }`,
			"chunked TypeError error reading the body UND_ERR_SOCKET"},
		{"for await", `let n = 0;
try { for await (const chunk of (await fetch(URL_)).body) n += chunk.length; console.log("no error") } catch (e) { show("for await", e) }
console.log(n <= 17);`,
			"for await TypeError error reading the body UND_ERR_SOCKET\ntrue"},
		{"for await chunked", `let got = "";
try { for await (const chunk of (await fetch(URL_ + "/chunked")).body) got += new TextDecoder().decode(chunk); console.log("no error") } catch (e) { show("for await", e) }
console.log(got === "" || got === "hello");`,
			"for await TypeError error reading the body UND_ERR_SOCKET\ntrue"},
		{"reader", `const rd = (await fetch(URL_)).body.getReader();
try { for (;;) { const { done } = await rd.read(); if (done) break; } console.log("no error") } catch (e) { show("read", e) }`,
			"read TypeError error reading the body UND_ERR_SOCKET"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkRun(t, runFault(t, srv.URL(), showErr+tc.src), tc.want)
		})
	}
}

// TestFaultSlowLoris: a server that sends its headers and then drips one
// byte a second (or never sends headers) is cut off promptly by
// AbortSignal.timeout, asyncio.waitFor and asyncio.timeout, wherever the
// script is waiting.
func TestFaultSlowLoris(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := newRawServer(t, func(c net.Conn, req *http.Request, done <-chan struct{}) {
		if req.URL.Path == "/no-headers" {
			<-done
			return
		}
		fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n")
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			if _, err := c.Write([]byte("x")); err != nil {
				return // the client gave up
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	// elapsed prints whether the operation stopped within 1.5 s of a 0.2 s
	// deadline (the server would take 1000 s to finish).
	const timed = `const t0 = performance.now();
const elapsed = () => console.log("prompt", performance.now() - t0 < 1500);
`
	tests := []struct{ name, src, want string }{
		{"AbortSignal.timeout on the body", `const r = await fetch(URL_, { signal: AbortSignal.timeout(200) });
try { await r.text(); console.log("no error") } catch (e) { console.log(e.name, e instanceof DOMException) }
elapsed();`, "TimeoutError true\nprompt true"},
		{"AbortSignal.timeout before the headers", `try { await fetch(URL_ + "/no-headers", { signal: AbortSignal.timeout(200) }); console.log("no error") } catch (e) { console.log(e.name) }
elapsed();`, "TimeoutError\nprompt true"},
		{"asyncio.waitFor", `try { await asyncio.waitFor(async () => (await fetch(URL_)).text(), 0.2); console.log("no error") } catch (e) { console.log(e instanceof asyncio.TimeoutError) }
elapsed();`, "true\nprompt true"},
		// the function form calls read() inside waitFor's task, so the
		// timeout cancels the read itself
		{"asyncio.waitFor on reads", `const rd = (await fetch(URL_)).body.getReader();
try { for (;;) { const { done } = await asyncio.waitFor(() => rd.read(), 0.2); if (done) break; } console.log("no error") } catch (e) { console.log(e instanceof asyncio.TimeoutError) }
elapsed();`, "true\nprompt true"},
		// a read() promise started outside waitFor cannot be cancelled by it:
		// the script releases the body itself
		{"asyncio.waitFor on a read promise", `const rd = (await fetch(URL_)).body.getReader();
try { for (;;) { const { done } = await asyncio.waitFor(rd.read(), 0.2); if (done) break; } console.log("no error") } catch (e) { console.log(e instanceof asyncio.TimeoutError) }
finally { await rd.cancel() }
elapsed();`, "true\nprompt true"},
		{"asyncio.timeout around for await", `let n = 0;
try { await asyncio.timeout(0.2, async () => { for await (const c of (await fetch(URL_)).body) n += c.length; }); console.log("no error") } catch (e) { console.log(e instanceof asyncio.TimeoutError, n < 5) }
elapsed();`, "true true\nprompt true"},
		{"task cancel", `const task = asyncio.createTask(async () => (await fetch(URL_)).text());
await asyncio.sleep(0.2); task.cancel();
try { await task; console.log("no error") } catch (e) { console.log(e instanceof asyncio.CancelledError, task.cancelled()) }
elapsed();`, "true true\nprompt true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			checkRun(t, runFault(t, srv.URL(), timed+tc.src), tc.want)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("the run took %v", d)
			}
		})
	}
}

// TestFaultCallbacksThrow: JS callbacks that Go code calls (header
// getters, iterators, body streams, abort listeners, server handlers)
// throw: the script sees a JS error, or the client a 500, never a Go
// panic.
func TestFaultCallbacksThrow(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	echo := newTestServer(t)
	defer echo.Close()
	tests := []struct{ name, src, want, stderr string }{
		{"header getter", `try { await fetch(URL_ + "/echo", { headers: { get a() { throw new RangeError("getter") } } }); console.log("no error") } catch (e) { show("fetch", e) }`,
			"fetch RangeError getter -", ""},
		{"headers iterator", `try { new Headers({ [Symbol.iterator]() { throw new RangeError("iterator") } }); console.log("no error") } catch (e) { show("Headers", e) }`,
			"Headers RangeError iterator -", ""},
		{"headers entry map", `try { new Headers([["a", "1"]].map(() => { throw new RangeError("map callback") })) } catch (e) { show("map", e) }`,
			"map RangeError map callback -", ""},
		{"body toString", `try { await fetch(URL_ + "/echo", { method: "POST", body: { toString() { throw new RangeError("toString") } } }); console.log("no error") } catch (e) { show("fetch", e) }`,
			"fetch RangeError toString -", ""},
		{"request body pull", `const body = new ReadableStream({ pull() { throw new RangeError("pull") } });
try { await fetch(URL_ + "/echo", { method: "POST", body, duplex: "half" }); console.log("no error") } catch (e) {
  console.log((e.name === "RangeError" && e.message === "pull") || (e.name === "TypeError" && e.cause && e.cause.message === "pull")) }`,
			"true", ""},
		{"request body pull after chunks", `let n = 0;
const body = new ReadableStream({ pull(c) { if (n++ < 3) c.enqueue(new Uint8Array(10)); else throw new RangeError("late pull") } });
try { await fetch(URL_ + "/echo", { method: "POST", body, duplex: "half" }); console.log("no error") } catch (e) {
  console.log((e.name === "RangeError" && e.message === "late pull") || (e.name === "TypeError" && e.cause && e.cause.message === "late pull")) }`,
			"true", ""},
		{"serve handler throws", `const { serve } = require("arun:http");
const srv = serve({ port: 0, hostname: "127.0.0.1" }, async (req) => {
  const p = new URL(req.url).pathname;
  if (p === "/async") { await null; throw new RangeError("async handler") }
  if (p === "/sync") throw new RangeError("sync handler");
  if (p === "/bad") return 42;
  return new Response("ok");
});
const base = "http://127.0.0.1:" + srv.addr.port;
for (const p of ["/async", "/sync", "/bad", "/fine"]) { const r = await fetch(base + p); console.log(p, r.status, await r.text()) }
await srv.shutdown();`,
			"/async 500 Internal Server Error\n/sync 500 Internal Server Error\n/bad 500 Internal Server Error\n/fine 200 ok",
			"arun:http: uncaught error in handler: RangeError: async handler"},
		{"serve response stream throws", `const { serve } = require("arun:http");
const srv = serve({ port: 0, hostname: "127.0.0.1" }, () => {
  let n = 0;
  return new Response(new ReadableStream({ pull(c) { if (n++ < 2) c.enqueue(new TextEncoder().encode("ab")); else throw new RangeError("response pull") } }));
});
try { const r = await fetch("http://127.0.0.1:" + srv.addr.port); const text = await r.text(); console.log("complete body", JSON.stringify(text)) } catch (e) { show("client", e) }
await srv.shutdown();`,
			"client TypeError error reading the body UND_ERR_SOCKET", "RangeError: response pull"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runFault(t, echo.URL, showErr+tc.src)
			checkRun(t, res, tc.want)
			if !strings.Contains(res.Stderr, tc.stderr) {
				t.Errorf("stderr %q does not contain %q", res.Stderr, tc.stderr)
			}
		})
	}
}

// TestFaultAbortListenerThrows: a throwing abort listener is reported as
// an uncaught exception, as Node reports EventTarget listener errors; the
// request is still aborted and nothing is left running.
func TestFaultAbortListenerThrows(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := newRawServer(t, func(c net.Conn, req *http.Request, done <-chan struct{}) { <-done })
	res := runFault(t, srv.URL(), `const ac = new AbortController();
ac.signal.addEventListener("abort", () => { throw new RangeError("listener") });
const p = fetch(URL_, { signal: ac.signal }).catch(e => console.log("fetch", e.name));
await asyncio.sleep(0.05);
ac.abort();
console.log("abort returned");
await p;`)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "RangeError: listener") {
		t.Fatalf("err = %v, want the listener's RangeError reported\nstdout:\n%s", res.Err, res.Stdout)
	}
	if !strings.Contains(res.Stdout, "abort returned") {
		t.Errorf("stdout %q: abort() did not return", res.Stdout)
	}
}
