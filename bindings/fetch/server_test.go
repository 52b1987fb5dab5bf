package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

const serveJS = `
const { serve } = require("arun:http");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
`

func TestServe(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ name, src, want, stderr string }{
		{"fetch from own serve", `
const server = serve({port: 0, hostname: "127.0.0.1"}, async (req, info) => {
  const u = new URL(req.url);
  const body = req.body ? await req.text() : "";
  return Response.json({method: req.method, path: u.pathname + u.search, body, ua: req.headers.get("user-agent"),
    host: req.headers.get("host") === u.host, remote: info.remoteAddr.hostname});
}, );
console.log(server.addr.hostname, server.addr.port > 0);
const base = "http://127.0.0.1:" + server.addr.port;
const r = await fetch(base + "/a/b?x=1", {method: "PUT", body: "payload"});
console.log(r.status, r.headers.get("content-type"), await r.text());
await server.shutdown();
await server.finished;
console.log("finished");`,
			`127.0.0.1 true
200 application/json {"method":"PUT","path":"/a/b?x=1","body":"payload","ua":"arun","host":true,"remote":"127.0.0.1"}
finished`, ""},
		{"handler throws: 500 and the server keeps serving", `
let n = 0;
const server = serve({port: 0, hostname: "127.0.0.1"}, (req) => {
  n++;
  if (n === 1) throw new Error("boom");
  if (n === 2) return Promise.reject(new TypeError("async boom"));
  if (n === 3) return "not a response";
  return new Response("fine " + n);
});
const base = "http://127.0.0.1:" + server.addr.port;
for (let i = 0; i < 4; i++) {
  const r = await fetch(base);
  console.log(r.status, await r.text());
}
await server.shutdown();`,
			"500 Internal Server Error\n500 Internal Server Error\n500 Internal Server Error\n200 fine 4",
			"arun:http: uncaught error in handler: Error: boom\n\tat "},
		{"concurrent handlers", `
let active = 0, peak = 0;
const server = serve({port: 0, hostname: "127.0.0.1"}, async (req) => {
  active++; peak = Math.max(peak, active);
  await sleep(50);
  active--;
  return new Response(new URL(req.url).pathname);
});
const base = "http://127.0.0.1:" + server.addr.port;
const t0 = Date.now();
const texts = await Promise.all(Array.from({length: 20}, (_, i) => fetch(base + "/" + i).then((r) => r.text())));
console.log(texts.length, texts[7], peak === 20, Date.now() - t0 < 1000);
await server.shutdown();`,
			"20 /7 true true", ""},
		{"streaming responses", `
const server = serve({port: 0, hostname: "127.0.0.1"}, (req) => {
  if (req.url.endsWith("/iter")) {
    return new Response((async function* () { for (let i = 0; i < 3; i++) { await sleep(5); yield "it" + i + ";"; } })());
  }
  let i = 0;
  return new Response(new ReadableStream({
    async pull(c) { await sleep(5); if (i < 3) c.enqueue(new TextEncoder().encode("rs" + i++ + ";")); else c.close(); },
  }), {headers: {"content-type": "text/event-stream"}});
});
const base = "http://127.0.0.1:" + server.addr.port;
const r = await fetch(base + "/rs");
const chunks = [];
for await (const c of r.body) chunks.push(new TextDecoder().decode(c));
console.log(r.headers.get("content-type"), r.headers.get("transfer-encoding") === null, chunks.join(""), chunks.length >= 2);
console.log(await (await fetch(base + "/iter")).text());
await server.shutdown();`,
			"text/event-stream true rs0;rs1;rs2; true\nit0;it1;it2;", ""},
		{"echo request body without buffering", `
const server = serve({port: 0, hostname: "127.0.0.1"}, (req) => new Response(req.body, {headers: {"x-len": req.headers.get("content-length")}}));
const base = "http://127.0.0.1:" + server.addr.port;
const big = "x".repeat(300000);
const r = await fetch(base, {method: "POST", body: big});
const t = await r.text();
console.log(r.headers.get("x-len"), t.length, t === big);
await server.shutdown();`,
			"300000 300000 true", ""},
		{"request formData and json", `
const server = serve({port: 0, hostname: "127.0.0.1"}, async (req) => {
  if (req.headers.get("content-type").startsWith("application/json")) return new Response(JSON.stringify(await req.json()));
  const fd = await req.formData();
  return new Response([...fd.keys()].join(",") + ":" + fd.get("a") + ":" + (await fd.get("f").text()));
});
const base = "http://127.0.0.1:" + server.addr.port;
const fd = new FormData(); fd.append("a", "1"); fd.append("f", new File(["file!"], "f.txt"));
console.log(await (await fetch(base, {method: "POST", body: fd})).text());
console.log(await (await fetch(base, {method: "POST", body: new URLSearchParams("a=2&f=3"), headers: {}})).status);
console.log(await (await fetch(base, {method: "POST", body: JSON.stringify([1, 2]), headers: {"content-type": "application/json"}})).text());
await server.shutdown();`,
			"a,f:1:file!\n500\n[1,2]", "arun:http: uncaught error in handler: TypeError"},
		{"graceful shutdown waits for requests in flight", `
let release;
const gate = new Promise((r) => (release = r));
const server = serve({port: 0, hostname: "127.0.0.1"}, async () => { await gate; return new Response("late but fine"); });
const base = "http://127.0.0.1:" + server.addr.port;
const inflight = fetch(base).then((r) => r.text());
await sleep(30);
const done = server.shutdown();
let finished = false;
server.finished.then(() => (finished = true));
await sleep(30);
console.log("finished before release:", finished);
release();
console.log(await inflight);
await done;
console.log("finished:", finished);
try { await fetch(base); } catch (e) { console.log(e.cause.code); }`,
			"finished before release: false\nlate but fine\nfinished: true\nECONNREFUSED", ""},
		{"signal stops the server", `
const ac = new AbortController();
const server = serve({port: 0, hostname: "127.0.0.1", signal: ac.signal, onListen: (a) => console.log("listening", a.port > 0)}, () => new Response("ok"));
console.log(await (await fetch("http://127.0.0.1:" + server.addr.port)).text());
ac.abort();
await server.finished;
console.log("stopped");`,
			"listening true\nok\nstopped", ""},
		{"client disconnect aborts request.signal", `
let aborted;
const seen = new Promise((r) => (aborted = r));
const server = serve({port: 0, hostname: "127.0.0.1"}, async (req) => {
  req.signal.addEventListener("abort", () => aborted("aborted " + req.signal.aborted));
  await seen;
  return new Response("never read");
});
const ac = new AbortController();
const p = fetch("http://127.0.0.1:" + server.addr.port, {signal: ac.signal}).catch((e) => e.name);
await sleep(30);
ac.abort();
console.log(await p);
console.log(await seen);
await server.shutdown();`,
			"AbortError\naborted true", ""},
		{"bad arguments", `
for (const args of [[{port: 0}], [{port: -1}, () => {}], [{port: 70000}, () => {}]]) {
  try { serve(...args); } catch (e) { console.log(e.name, e.code); }
}
const a = serve({port: 0, hostname: "127.0.0.1"}, () => new Response(""));
try { serve({port: a.addr.port, hostname: "127.0.0.1"}, () => new Response("")); } catch (e) { console.log(e.code); }
await a.shutdown();`,
			"TypeError ERR_INVALID_ARG_TYPE\nRangeError ERR_SOCKET_BAD_PORT\nRangeError ERR_SOCKET_BAD_PORT\nEADDRINUSE", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runtimetest.Run(t, "test.js", serveJS+c.src, runtime.Options{})
			check(t, res, c.want)
			if c.stderr != "" && !strings.Contains(res.Stderr, c.stderr) {
				t.Errorf("stderr %q does not contain %q", res.Stderr, c.stderr)
			}
		})
	}
}

// TestServeGoClient drives a script's server from Go clients, then stops
// it through a route; the run's end must leave nothing behind.
func TestServeGoClient(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	ports := make(chan int, 1)
	listening := func(env *bindings.Env) error {
		return env.VM.Set("__listening", func(call goja.FunctionCall) goja.Value {
			ports <- int(call.Argument(0).ToInteger())
			return goja.Undefined()
		})
	}
	src := serveJS + `
let server;
server = serve({port: 0, hostname: "127.0.0.1"}, async (req) => {
  const u = new URL(req.url);
  if (u.pathname === "/stop") { setTimeout(() => server.shutdown(), 0); return new Response("stopping"); }
  await sleep(Number(u.searchParams.get("ms") || 0));
  return new Response("hi " + u.searchParams.get("i"));
});
__listening(server.addr.port);
await server.finished;
console.log("served");`
	var res runtimetest.Result
	done := make(chan struct{})
	go func() {
		defer close(done)
		res = runtimetest.Run(t, "test.js", src, runtime.Options{Globals: []bindings.Global{listening}})
	}()
	port := <-ports
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/?i=%d&ms=%d", port, i, i%5))
			if err != nil {
				errs <- err
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(b) != fmt.Sprintf("hi %d", i) {
				errs <- fmt.Errorf("got %q for %d", b, i)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/stop", port))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	client.CloseIdleConnections()
	<-done
	check(t, res, "served")
}

// TestServeStopsWithRun: a server nobody shuts down is closed when the
// run's context ends, with no goroutine left.
func TestServeStopsWithRun(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err = rt.RunString(ctx, "forever.js", serveJS+`
const server = serve({port: 0, hostname: "127.0.0.1"}, async () => { await sleep(100000); return new Response(""); });
fetch("http://127.0.0.1:" + server.addr.port).catch(() => {});`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("run ended with %v, want the deadline", err)
	}
}

// TestScripts runs the fetch example scripts of scripts/ and compares their
// output with the expected output they carry.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	for _, sf := range runtimetest.ReadScripts(t, "../../scripts") {
		name := filepath.Base(sf.Path)
		if name != "fetch_concurrent.js" && name != "download_concurrent.js" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			res := runtimetest.Run(t, name, sf.Source, runtimetest.VirtualOptions())
			check(t, res, sf.Want)
		})
	}
}
