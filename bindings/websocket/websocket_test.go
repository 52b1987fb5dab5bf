package websocket_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/coder/websocket"
)

// server echoes every message; "bye" makes it close with 4001; a request
// for /slow never answers the handshake until the client gives up.
func server(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-r.Context().Done()
			return
		}
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"chat"}})
		if err != nil {
			return
		}
		defer c.CloseNow()
		for {
			typ, data, err := c.Read(context.Background())
			if err != nil {
				return
			}
			if string(data) == "bye" {
				c.Close(4001, "server says bye")
				return
			}
			if err := c.Write(context.Background(), typ, data); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func run(t *testing.T, src string, perms *runtime.Permissions) runtimetest.Result {
	t.Helper()
	opts := runtime.Options{}
	if perms != nil {
		opts.Permissions = perms
	}
	return runtimetest.Run(t, "", src, opts)
}

func TestWebSocket(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := server(t)
	base := "ws" + strings.TrimPrefix(srv.URL, "http")
	tests := []struct{ name, src, want string }{
		{"echo text", `const ws = new WebSocket(BASE, "chat");
console.log(ws.readyState, ws.url === BASE + "/");
ws.onopen = () => { console.log("open", ws.readyState, ws.protocol); ws.send("hello"); };
ws.onmessage = (e) => { console.log("message", e.data, e.origin === new URL(BASE).origin); ws.close(1000, "done"); };
await new Promise((res) => ws.onclose = (e) => { console.log("close", e.code, e.reason, e.wasClean, ws.readyState); res(); });`,
			"0 true\nopen 1 chat\nmessage hello true\nclose 1000 done true 3"},
		{"binary frames", `const ws = new WebSocket(BASE);
ws.binaryType = "arraybuffer";
ws.onopen = () => { ws.send(new Uint8Array([1, 2, 3])); ws.send(new Uint16Array([0x0201]).buffer); };
const got = [];
await new Promise((res) => ws.onmessage = (e) => { got.push(e.data instanceof ArrayBuffer ? [...new Uint8Array(e.data)].join() : typeof e.data); if (got.length === 2) res(); });
ws.binaryType = "blob";
ws.send(new Uint8Array([9]));
const blob = await new Promise((res) => ws.onmessage = (e) => res(e.data));
console.log(got.join(" | "), blob instanceof Blob, [...new Uint8Array(await blob.arrayBuffer())].join());
ws.close();
await new Promise((res) => ws.onclose = (e) => { console.log("close", e.code); res(); });`,
			"1,2,3 | 1,2 true 9\nclose 1000"},
		{"server close code", `const ws = new WebSocket(BASE);
ws.onopen = () => ws.send("bye");
const e = await new Promise((res) => ws.addEventListener("close", res));
console.log(e.code, e.reason, e.wasClean, e instanceof CloseEvent);`,
			"4001 server says bye true true"},
		{"bad close codes", `const ws = new WebSocket(BASE);
await new Promise((res) => ws.onopen = res);
for (const c of [999, 1001, 2999, 5000]) { try { ws.close(c); } catch (e) { console.log(c, e.name); } }
try { ws.close(1000, "x".repeat(124)); } catch (e) { console.log("long reason", e.name); }
ws.close(3000);
console.log(ws.readyState);
await new Promise((res) => ws.onclose = (e) => { console.log("close", e.code); res(); });`,
			"999 InvalidAccessError\n1001 InvalidAccessError\n2999 InvalidAccessError\n5000 InvalidAccessError\nlong reason SyntaxError\n2\nclose 3000"},
		{"abort while connecting", `const ws = new WebSocket(BASE + "/slow");
const ev = [];
ws.onerror = () => ev.push("error");
ws.onopen = () => ev.push("open");
setTimeout(() => ws.close(), 20);
const e = await new Promise((res) => ws.onclose = res);
console.log(ev.join(), e.code, e.wasClean, ws.readyState);`,
			"error 1006 false 3"},
		{"send while connecting", `const ws = new WebSocket(BASE);
try { ws.send("x"); } catch (e) { console.log(e.name); }
ws.onopen = () => ws.close();
await new Promise((res) => ws.onclose = res);`,
			"InvalidStateError"},
		{"refused", `const ws = new WebSocket("ws://127.0.0.1:1/");
const ev = [];
ws.onerror = () => ev.push("error");
const e = await new Promise((res) => ws.onclose = res);
console.log(ev.join(), e.code, e.wasClean);`,
			"error 1006 false"},
		{"bad URLs", `for (const u of ["ftp://x/", "ws://h/#frag", "not a url"]) { try { new WebSocket(u); } catch (e) { console.log(e.name); } }
try { new WebSocket(BASE, ["a", "a"]); } catch (e) { console.log("dup", e.name); }`,
			"SyntaxError\nSyntaxError\nSyntaxError\ndup SyntaxError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, "const BASE = "+quote(base)+";\n"+tt.src, nil)
			if res.Err != nil {
				t.Fatalf("error: %v\n%s", res.Err, res.Stdout)
			}
			if got := strings.TrimSpace(res.Stdout); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestDeniedHost: without --allow-net for its host, the constructor
// throws PermissionDenied and nothing is dialled.
func TestDeniedHost(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	srv := server(t)
	base := "ws" + strings.TrimPrefix(srv.URL, "http")
	res := run(t, `try { new WebSocket(`+quote(base)+`); } catch (e) { console.log(e.name, e.code, e.message.includes("--allow-net")); }`,
		&runtime.Permissions{Net: []string{"example.com"}})
	if res.Err != nil || strings.TrimSpace(res.Stdout) != "PermissionDenied ERR_ACCESS_DENIED true" {
		t.Fatalf("got %q, %v", res.Stdout, res.Err)
	}
}

func quote(s string) string { return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"" }
