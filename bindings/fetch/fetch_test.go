package fetch_test

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

// testServer is a loopback server with the routes the tests use; it
// records what it saw.
type testServer struct {
	*httptest.Server
	cancelled chan string // paths whose request context was cancelled
	arrived   chan string // paths of slow requests that arrived
}

func newTestServer(t *testing.T) *testServer {
	ts := &testServer{cancelled: make(chan string, 16), arrived: make(chan string, 16)}
	mux := http.NewServeMux()
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		w.Header().Add("X-Multi", "x")
		w.Header().Add("X-Multi", "y")
		io.WriteString(w, "hello world")
	})
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"a":1,"b":[true,null],"s":"\u00e9\ud83d\ude00"}`)
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("X-Content-Type", r.Header.Get("Content-Type"))
		w.Header().Set("X-Content-Length", fmt.Sprint(r.ContentLength))
		w.Header().Set("X-Chunked", fmt.Sprint(len(r.TransferEncoding) > 0))
		w.Write(b)
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		h := map[string]string{}
		for k := range r.Header {
			h[strings.ToLower(k)] = r.Header.Get(k)
		}
		h["host"] = r.Host
		json.NewEncoder(w).Encode(h)
	})
	mux.HandleFunc("/status/", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/status/"), "%d", &code)
		w.WriteHeader(code)
		if code != 204 && code != 304 {
			io.WriteString(w, "status body")
		}
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		if n <= 0 {
			io.WriteString(w, "landed "+r.Method)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, strings.Repeat("gzipped ", 1000))
		zw.Close()
	})
	mux.HandleFunc("/br", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		bw := brotli.NewWriter(w)
		io.WriteString(bw, strings.Repeat("brotli ", 1000))
		bw.Close()
	})
	mux.HandleFunc("/deflate", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		zw := zlib.NewWriter(w)
		io.WriteString(zw, "deflated")
		zw.Close()
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		ts.arrived <- r.URL.Path
		select {
		case <-r.Context().Done():
			ts.cancelled <- r.URL.Path
		case <-time.After(10 * time.Second):
			io.WriteString(w, "too late")
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(200)
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		ts.arrived <- r.URL.Path
		select {
		case <-r.Context().Done():
			ts.cancelled <- r.URL.Path
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/chunks", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(w, "part%d;", i)
			w.(http.Flusher).Flush()
			time.Sleep(5 * time.Millisecond)
		}
	})
	ts.Server = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// run runs src with BASE defined as the server's URL and returns stdout.
func run(t *testing.T, base, src string, opts runtime.Options) runtimetest.Result {
	t.Helper()
	src = fmt.Sprintf("const BASE = %q;\n%s", base, src)
	return runtimetest.Run(t, "test.js", src, opts)
}

func check(t *testing.T, res runtimetest.Result, want string) {
	t.Helper()
	if res.Err != nil {
		t.Fatalf("script failed: %v\nstdout:\n%s\nstderr:\n%s", res.Err, res.Stdout, res.Stderr)
	}
	if got := strings.TrimSpace(res.Stdout); got != strings.TrimSpace(want) {
		t.Errorf("output mismatch\n--- got ---\n%s\n--- want ---\n%s\n--- stderr ---\n%s", got, want, res.Stderr)
	}
}

func TestFetch(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	ts := newTestServer(t)
	cases := []struct {
		name, src, want string
	}{
		{"text and metadata", `
const r = await fetch(BASE + "/text");
console.log(r.status, r.ok, r.statusText, r.type, r.redirected, r.url === BASE + "/text");
console.log(r.headers.get("content-type"), r.headers.get("x-multi"));
console.log(JSON.stringify(r.headers.getSetCookie()), r.bodyUsed);
console.log(await r.text(), r.bodyUsed);`,
			"200 true OK basic false true\ntext/plain; charset=utf-8 x, y\n[\"a=1\",\"b=2\"] false\nhello world true"},
		{"relative URLs resolve against location", `
try { await fetch("/text"); } catch (e) { console.log(e.name, e.code); }
globalThis.location = new URL(BASE + "/dir/page");
console.log(await (await fetch("/text")).text(), new Request("x?y").url === BASE + "/dir/x?y");
delete globalThis.location;
try { new Request("x"); } catch (e) { console.log(e.name, e.code); }`,
			"TypeError ERR_INVALID_URL\nhello world true\nTypeError ERR_INVALID_URL"},
		{"urlencoded formData keeps a BOM", `
const fd = await new Response("\uFEFFa=\uFEFF", {headers: {"content-type": "application/x-www-form-urlencoded"}}).formData();
console.log([...fd].map(([k, v]) => [k.charCodeAt(0), k.length, v.charCodeAt(0), v.length].join()).join());`,
			`65279,2,65279,1`},
		{"json", `
const j = await (await fetch(BASE + "/json")).json();
console.log(JSON.stringify(j), j.s.length);`,
			`{"a":1,"b":[true,null],"s":"é😀"} 3`},
		{"arrayBuffer and bytes", `
const ab = await (await fetch(BASE + "/text")).arrayBuffer();
const u = await (await fetch(BASE + "/text")).bytes();
console.log(ab instanceof ArrayBuffer, ab.byteLength, u instanceof Uint8Array, u[0]);`,
			"true 11 true 104"},
		{"blob", `
const b = await (await fetch(BASE + "/text")).blob();
console.log(b.size, b.type, await b.text());`,
			"11 text/plain; charset=utf-8 hello world"},
		{"body used once", `
const r = await fetch(BASE + "/text");
await r.text();
for (const m of ["text", "json", "arrayBuffer", "blob"]) {
  try { await r[m](); console.log("no error"); } catch (e) { console.log(m, e.name, e.message); }
}`,
			"text TypeError Body is unusable: Body has already been read\njson TypeError Body is unusable: Body has already been read\narrayBuffer TypeError Body is unusable: Body has already been read\nblob TypeError Body is unusable: Body has already been read"},
		{"http errors do not throw", `
for (const code of [404, 500, 204]) {
  const r = await fetch(BASE + "/status/" + code);
  console.log(r.status, r.ok, r.body === null, JSON.stringify(await r.text()));
}`,
			"404 false false \"status body\"\n500 false false \"status body\"\n204 true true \"\""},
		{"HEAD has no body", `
const r = await fetch(BASE + "/text", {method: "HEAD"});
console.log(r.status, r.body, await r.text() === "");`,
			"200 null true"},
		{"post string body", `
const r = await fetch(BASE + "/echo", {method: "POST", body: "héllo"});
console.log(r.headers.get("x-method"), r.headers.get("x-content-type"), r.headers.get("x-content-length"), await r.text());`,
			"POST text/plain;charset=UTF-8 6 héllo"},
		{"post bytes, params, blob, json", `
const bodies = [new Uint8Array([65, 66, 67]), new Uint16Array([0x4241]).buffer, new URLSearchParams({a: "1 2", b: "é"}),
  new Blob(["blob", "part"], {type: "text/x-blob"}), JSON.stringify({k: 1})];
for (const body of bodies) {
  const r = await fetch(BASE + "/echo", {method: "PUT", body, headers: body instanceof Uint8Array ? {"content-type": "app/x"} : {}});
  console.log(r.headers.get("x-content-type") || "-", await r.text());
}`,
			"app/x ABC\n- AB\napplication/x-www-form-urlencoded;charset=UTF-8 a=1+2&b=%C3%A9\ntext/x-blob blobpart\ntext/plain;charset=UTF-8 {\"k\":1}"},
		{"post formdata multipart", `
const fd = new FormData();
fd.append("name", "value\nline");
fd.append("file", new Blob(["file contents"], {type: "text/plain"}), "a.txt");
const r = await fetch(BASE + "/echo", {method: "POST", body: fd});
const ct = r.headers.get("x-content-type");
console.log(ct.startsWith("multipart/form-data; boundary="));
const back = await new Response(await r.arrayBuffer(), {headers: {"content-type": ct}}).formData();
const f = back.get("file");
console.log(JSON.stringify(back.get("name")), f.name, f.type, await f.text());`,
			"true\n\"value\\r\\nline\" a.txt text/plain file contents"},
		{"request headers", `
const r = await fetch(BASE + "/headers", {headers: {"X-Custom": "v", "user-agent": "ua/1"}});
const h = await r.json();
console.log(h["x-custom"], h["user-agent"], h["accept"], h["accept-encoding"]);
const h2 = await (await fetch(BASE + "/headers")).json();
console.log(h2["user-agent"]);`,
			"v ua/1 */* gzip, deflate, br\narun"},
		{"redirect follow", `
const r = await fetch(BASE + "/redirect/3");
console.log(r.status, r.redirected, r.url === BASE + "/redirect/0", await r.text());
const p = await fetch(BASE + "/redirect/1", {method: "POST", body: "x"});
console.log(await p.text());`,
			"200 true true landed GET\nlanded GET"},
		{"redirect manual", `
const r = await fetch(BASE + "/redirect/2", {redirect: "manual"});
console.log(r.status, r.redirected, r.headers.get("location"));`,
			"302 false /redirect/1"},
		{"redirect error", `
try { await fetch(BASE + "/redirect/2", {redirect: "error"}); } catch (e) { console.log(e.name, e.message, e.cause.code); }`,
			"TypeError fetch failed ERR_REDIRECT"},
		{"too many redirects", `
try { await fetch(BASE + "/redirect/25"); } catch (e) { console.log(e.name, e.message, e.cause.message.includes("redirect count exceeded")); }`,
			"TypeError fetch failed true"},
		{"gzip br deflate", `
for (const p of ["/gzip", "/br", "/deflate"]) {
  const r = await fetch(BASE + p);
  const t = await r.text();
  console.log(p, r.headers.get("content-encoding"), t.length, t.slice(0, 8));
}
const s = await fetch(BASE + "/gzip");
let n = 0;
for await (const c of s.body) n += c.length;
console.log("streamed", n);`,
			"/gzip gzip 8000 gzipped \n/br br 7000 brotli b\n/deflate deflate 8 deflated\nstreamed 8000"},
		{"streaming body", `
const r = await fetch(BASE + "/chunks");
const parts = [];
for await (const c of r.body) parts.push(new TextDecoder().decode(c));
console.log(parts.join(""), r.bodyUsed);
const r2 = await fetch(BASE + "/chunks");
const reader = r2.body.getReader();
const first = await reader.read();
console.log(first.done, first.value instanceof Uint8Array, r2.bodyUsed);
try { await r2.text(); } catch (e) { console.log(e.name); }
reader.releaseLock();
await r2.body.cancel();`,
			"part0;part1;part2; true\nfalse true true\nTypeError"},
		{"body is a byte stream (BYOB readers)", `
const r = await fetch(BASE + "/chunks");
const rd = r.body.getReader({ mode: "byob" });
let s = "";
for (;;) { const { value, done } = await rd.read(new Uint8Array(3)); if (done) break; s += new TextDecoder().decode(value) + "|"; }
console.log(s);
const b = new Response("hello").body.getReader({ mode: "byob" });
const { value } = await b.read(new Uint8Array(16));
console.log(value.byteLength, value.buffer.byteLength);`,
			"par|t0;|par|t1;|par|t2;|\n5 16"},
		{"clone", `
const r = await fetch(BASE + "/text");
const c = r.clone();
console.log(await r.text(), await c.text());
const r2 = await fetch(BASE + "/chunks");
r2.body; const c2 = r2.clone();
console.log(await c2.text(), await r2.text());`,
			"hello world hello world\npart0;part1;part2; part0;part1;part2;"},
		{"refused connection", `
try { await fetch("http://127.0.0.1:1/"); } catch (e) {
  console.log(e instanceof TypeError, e.message, e.cause instanceof Error, e.cause.code);
}`,
			"true fetch failed true ECONNREFUSED"},
		{"invalid URL and scheme", `
for (const u of ["not a url", "ftp://127.0.0.1/x", "/relative"]) {
  try { await fetch(u); } catch (e) { console.log(e.name, e.code || e.cause.code); }
}`,
			"TypeError ERR_INVALID_URL\nTypeError ERR_UNSUPPORTED_SCHEME\nTypeError ERR_INVALID_URL"},
		{"data: URLs", `
for (const u of ["data:,a%20b", "data:text/HTML;Charset=UTF-8;base64,PGI+aGk8L2I+#f", "data:;base64, aGk=", "data:nocomma", "data:;base64,***"]) {
  try { const r = await fetch(u); console.log(r.status, r.headers.get("content-type"), JSON.stringify(await r.text()), r.url); }
  catch (e) { console.log(e.name, e.cause.message); }
}`,
			"200 text/plain;charset=US-ASCII \"a b\" data:,a%20b\n" +
				"200 text/html;charset=UTF-8 \"<b>hi</b>\" data:text/HTML;Charset=UTF-8;base64,PGI+aGk8L2I+\n" +
				"200 text/plain;charset=US-ASCII \"hi\" data:;base64, aGk=\n" +
				"TypeError invalid data: URL\nTypeError invalid data: URL"},
		{"abort before and during", `
const ac = new AbortController();
ac.abort();
try { await fetch(BASE + "/text", {signal: ac.signal}); } catch (e) { console.log(e.name); }
const ac2 = new AbortController();
const p = fetch(BASE + "/slow", {signal: ac2.signal});
setTimeout(() => ac2.abort(new Error("my reason")), 20);
try { await p; } catch (e) { console.log(e.message); }
try { await fetch(BASE + "/slow", {signal: AbortSignal.timeout(20)}); } catch (e) { console.log(e.name); }`,
			"AbortError\nmy reason\nTimeoutError"},
		{"a signal alone: the short path checks as the Request steps do", `
for (const init of [{ signal: null }, { signal: undefined }, { signal: "nope" }, { signal: {} }, Object.create({ signal: AbortSignal.abort() })]) {
  try { const r = await fetch(BASE + "/text", init); console.log(r.status, await r.text()); }
  catch (e) { console.log(e.name, e.message); }
}
try { await fetch("not a url", { signal: AbortSignal.abort() }); } catch (e) { console.log(e.name, e.code); }
const inherited = Object.create({ method: "POST", body: "from the prototype" });
inherited.signal = new AbortController().signal;
console.log(await (await fetch(BASE + "/echo", inherited)).text());
const ac = new AbortController();
const r = await fetch(BASE + "/slowbody", { signal: ac.signal });
const p = r.text();
ac.abort(new RangeError("mine"));
try { await p; } catch (e) { console.log(e.name, e.message); }`,
			"200 hello world\n200 hello world\nTypeError Request: member signal is not of type AbortSignal.\n" +
				"TypeError Request: member signal is not of type AbortSignal.\nAbortError This operation was aborted\n" +
				"TypeError ERR_INVALID_URL\nfrom the prototype\nRangeError mine"},
		{"abort while reading the body", `
const ac = new AbortController();
const r = await fetch(BASE + "/slowbody", {signal: ac.signal});
setTimeout(() => ac.abort(), 20);
try { await r.text(); } catch (e) { console.log(e.name); }`,
			"AbortError"},
		{"request object", `
const req = new Request(BASE + "/echo", {method: "post", body: "from request", headers: {"x-a": "1"}});
console.log(req.method, req.bodyUsed);
const r = await fetch(req);
console.log(await r.text(), req.bodyUsed);
try { await fetch(req); } catch (e) { console.log(e.name); }`,
			"POST false\nfrom request true\nTypeError"},
		{"streaming request body", `
let i = 0;
const rs = new ReadableStream({ pull(c) { if (i < 3) c.enqueue(new TextEncoder().encode("c" + i++)); else c.close(); } });
const r = await fetch(BASE + "/echo", {method: "POST", body: rs, duplex: "half"});
console.log(r.headers.get("x-chunked"), await r.text());
async function* gen() { yield "a"; yield new Uint8Array([98]); }
const r2 = await fetch(BASE + "/echo", {method: "POST", body: gen(), duplex: "half"});
console.log(await r2.text());
try { new Request(BASE, {method: "POST", body: new ReadableStream()}); } catch (e) { console.log(e.name); }`,
			"true c0c1c2\nab\nTypeError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, ts.URL, c.src, runtime.Options{})
			check(t, res, c.want)
		})
	}
}

// taskGlobal installs __task(fn): runs fn as an asyncio-like task and
// returns {promise, cancel} (cancel goes through bindings.TaskRef, as
// asyncio's Task.cancel and waitFor do).
func taskGlobal(env *bindings.Env) error {
	return env.VM.Set("__task", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(0))
		ref := &bindings.TaskRef{}
		prev := env.SetCurrentTask(ref)
		v, err := fn(goja.Undefined())
		env.RestoreCurrent(prev)
		if err != nil {
			panic(err)
		}
		o := env.VM.NewObject()
		_ = o.Set("promise", v)
		_ = o.Set("cancel", func(goja.FunctionCall) goja.Value {
			ref.Cancel(env.NewError("CancelledError", "task cancelled"))
			return goja.Undefined()
		})
		return o
	})
}

func TestTaskCancelAbortsRequest(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	ts := newTestServer(t)
	// each cancels half a second in, so that the request has reached the
	// server even on a loaded machine (one cancelled before it is sent
	// is never seen there)
	cases := []struct{ name, path, src string }{
		{"waiting for headers", "/slow", `
const t = __task(async () => { await fetch(BASE + "/slow"); });
setTimeout(() => t.cancel(), 500);
try { await t.promise; } catch (e) { console.log(e.name); }`},
		{"reading the body", "/slowbody", `
const t = __task(async () => { const r = await fetch(BASE + "/slowbody"); await r.text(); });
setTimeout(() => t.cancel(), 500);
try { await t.promise; } catch (e) { console.log(e.name); }`},
		{"asyncio Task.cancel", "/slow", `
const t = asyncio.createTask(async () => { await fetch(BASE + "/slow"); });
await asyncio.sleep(0.5);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }`},
		{"asyncio.waitFor timing out", "/slowbody", `
try { await asyncio.waitFor(async () => (await fetch(BASE + "/slowbody")).text(), 0.5); }
catch (e) { console.log(e instanceof asyncio.TimeoutError ? "CancelledError" : e.name); }`},
		// Python's forms: the request is the awaitable itself, or a coroutine's
		{"asyncio.waitFor(fetch(url), t)", "/slow", `
try { await asyncio.waitFor(fetch(BASE + "/slow"), 0.5); }
catch (e) { console.log(e instanceof asyncio.TimeoutError ? "CancelledError" : e.name); }`},
		{"asyncio.waitFor(fetch(url), t) in a task (no task of its own)", "/slow", `
await asyncio.run(async () => {
  try { await asyncio.waitFor(fetch(BASE + "/slow"), 0.05); }
  catch (e) { console.log(e instanceof asyncio.TimeoutError && asyncio.allTasks().size === 1 ? "CancelledError" : e.name); }
});`},
		{"asyncio.timeout around fetch in a task", "/slowbody", `
await asyncio.run(async () => {
  try { await asyncio.timeout(0.05, async () => (await fetch(BASE + "/slowbody")).text()); }
  catch (e) { console.log(e instanceof asyncio.TimeoutError ? "CancelledError" : e.name); }
});`},
		{"asyncio.waitFor(coro(), t)", "/slowbody", `
async function get(u) { const r = await fetch(u); return r.text(); }
try { await asyncio.waitFor(get(BASE + "/slowbody"), 0.5); }
catch (e) { console.log(e instanceof asyncio.TimeoutError ? "CancelledError" : e.name); }`},
		{"asyncio.createTask(coro()).cancel()", "/slow", `
async function get(u) { return (await fetch(u)).text(); }
const t = asyncio.createTask(get(BASE + "/slow"));
await asyncio.sleep(0.5);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			res := run(t, ts.URL, c.src, runtime.Options{Globals: []bindings.Global{taskGlobal}})
			check(t, res, "CancelledError")
			select {
			case p := <-ts.cancelled:
				if p != c.path {
					t.Errorf("cancelled %s, want %s", p, c.path)
				}
			case <-time.After(3 * time.Second):
				t.Fatal("the server never saw the request cancelled")
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("cancellation took %v", d)
			}
			<-ts.arrived
		})
	}
}

func TestPermissionDenied(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	ts := newTestServer(t)
	src := `
try { await fetch(BASE + "/text"); } catch (e) { console.log(e.name, e.code, e.permission); }
try { require("arun:http").serve({port: 0, hostname: "127.0.0.1"}, () => new Response("")); } catch (e) { console.log(e.name, e.code); }`
	res := run(t, ts.URL, src, runtime.Options{Permissions: &runtime.Permissions{}})
	check(t, res, "PermissionDenied ERR_ACCESS_DENIED net\nPermissionDenied ERR_ACCESS_DENIED")
	// a grant for the host lets it through
	host := strings.TrimPrefix(ts.URL, "http://")
	res = run(t, ts.URL, `console.log(await (await fetch(BASE + "/text")).text());`,
		runtime.Options{Permissions: &runtime.Permissions{Net: []string{host}}})
	check(t, res, "hello world")
}

func TestHostClientAndHTTP2(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Proto)
	}))
	srv.EnableHTTP2 = true
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()
	res := run(t, srv.URL, `console.log(await (await fetch(BASE)).text());`, runtime.Options{HTTPClient: client})
	check(t, res, "HTTP/2.0")
	// the shared client refuses the test certificate
	res = run(t, srv.URL, `try { await fetch(BASE); } catch (e) { console.log(e.message, e.cause.code); }`, runtime.Options{})
	check(t, res, "fetch failed UNABLE_TO_VERIFY_LEAF_SIGNATURE")
}

func TestRunEndClosesBodies(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	ts := newTestServer(t)
	// a response whose body is never read, and the script ends
	res := run(t, ts.URL, `const r = await fetch(BASE + "/slowbody"); console.log(r.status);`, runtime.Options{})
	check(t, res, "200")
	select {
	case <-ts.cancelled:
	case <-time.After(3 * time.Second):
		t.Fatal("the unread body's connection stayed open after the run")
	}
	<-ts.arrived
}

func TestDecodeErrors(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("definitely not gzip"))
	}))
	defer srv.Close()
	res := run(t, srv.URL, `const r = await fetch(BASE); try { await r.text(); } catch (e) { console.log(e.name, e.cause.code); }`, runtime.Options{})
	check(t, res, "TypeError Z_DATA_ERROR")
}

func TestInvalidUTF8Decoding(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\xef\xbb\xbfa\xffb\xe2\x82c\xf0\x9f\x98\x80"))
	}))
	defer srv.Close()
	res := run(t, srv.URL, `const t = await (await fetch(BASE)).text(); console.log(JSON.stringify(t), t.length);`, runtime.Options{})
	check(t, res, `"a�b�c😀" 7`)
}

var _ = bytes.NewReader
var _ = net.Listen

// TestConformance runs our WHATWG conformance cases (after the
// web-platform-tests fetch/api headers, request and response subsets).
func TestConformance(t *testing.T) {
	runtimetest.RunScripts(t, "testdata/conformance")
}
