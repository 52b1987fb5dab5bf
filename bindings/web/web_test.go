package web_test

import (
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/bindings/web"
	"github.com/arun-js/arun/runtime/runtimetest"
	"github.com/dop251/goja"
)

func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestConformance runs our own WPT-modelled suites and logs their counts.
func TestConformance(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata/wpt")
	re := regexp.MustCompile(`(?m)^(.+): (\d+)/(\d+) passed$`)
	for _, sf := range runtimetest.ReadScripts(t, "testdata/wpt") {
		if m := re.FindStringSubmatch(sf.Want); m != nil {
			t.Logf("%s: %s/%s", m[1], m[2], m[3])
		}
	}
}

// TestGlobals checks single expressions; want is the printed result.
func TestGlobals(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"DOMException", `const e = new DOMException("m", "TimeoutError"); out(e.name, e.code, e.message, e instanceof Error, String(e))`, "TimeoutError 23 m true TimeoutError: m"},
		{"DOMException defaults", `const e = new DOMException(); out(JSON.stringify(e.name), e.code, JSON.stringify(e.message))`, `"Error" 0 ""`},
		{"DOMException options", `const e = new DOMException("m", {name: "DataCloneError", cause: 1}); out(e.code, e.cause, DOMException.DATA_CLONE_ERR)`, "25 1 25"},
		{"DOMException tag", `out(Object.prototype.toString.call(new DOMException()))`, "[object DOMException]"},
		{"Event defaults", `const e = new Event("x"); out(e.type, e.bubbles, e.cancelable, e.eventPhase, e.defaultPrevented, e.isTrusted)`, "x false false 0 false false"},
		{"Event requires type", `try { new Event() } catch (e) { out(e.name, e.code) }`, "TypeError ERR_MISSING_ARGS"},
		{"preventDefault", `const et = new EventTarget(); et.addEventListener("x", e => e.preventDefault());
			out(et.dispatchEvent(new Event("x", {cancelable: true})), et.dispatchEvent(new Event("x")))`, "false true"},
		{"passive ignores preventDefault", `const et = new EventTarget(); et.addEventListener("x", e => e.preventDefault(), {passive: true});
			out(et.dispatchEvent(new Event("x", {cancelable: true})))`, "true"},
		{"once and duplicates", `const et = new EventTarget(); let n = 0; const f = () => n++;
			et.addEventListener("x", f); et.addEventListener("x", f); et.addEventListener("y", f, {once: true});
			et.dispatchEvent(new Event("x")); et.dispatchEvent(new Event("y")); et.dispatchEvent(new Event("y")); out(n)`, "2"},
		{"handleEvent object", `const et = new EventTarget(); const o = { handleEvent(e) { out(this === o, e.currentTarget === et, e.target === et) } };
			et.addEventListener("x", o); et.dispatchEvent(new Event("x"))`, "true true true"},
		{"stopImmediatePropagation", `const et = new EventTarget(); let s = "";
			et.addEventListener("x", e => { s += "a"; e.stopImmediatePropagation() }); et.addEventListener("x", () => s += "b");
			et.dispatchEvent(new Event("x")); out(s)`, "a"},
		{"capture listeners first at target", `const et = new EventTarget(); let s = "";
			et.addEventListener("x", () => s += "b"); et.addEventListener("x", () => s += "c", true);
			et.dispatchEvent(new Event("x")); out(s)`, "cb"},
		{"removeEventListener capture flag", `const et = new EventTarget(); let n = 0; const f = () => n++;
			et.addEventListener("x", f, true); et.removeEventListener("x", f); et.dispatchEvent(new Event("x"));
			et.removeEventListener("x", f, {capture: true}); et.dispatchEvent(new Event("x")); out(n)`, "1"},
		{"redispatch throws", `const et = new EventTarget(); et.addEventListener("x", e => { try { et.dispatchEvent(e) } catch (err) { out(err.name) } });
			et.dispatchEvent(new Event("x"))`, "InvalidStateError"},
		{"CustomEvent", `const e = new CustomEvent("c", {detail: {a: 1}}); out(e.detail.a, new CustomEvent("d").detail, e instanceof Event)`, "1 null true"},
		{"subclassing EventTarget", `class T extends EventTarget {}; const t = new T(); t.addEventListener("x", () => out("got")); t.dispatchEvent(new Event("x"))`, "got"},
		{"onabort replace keeps one listener", `const c = new AbortController(); let s = "";
			c.signal.onabort = () => s += "a"; c.signal.onabort = () => s += "b"; c.abort(); out(s, typeof c.signal.onabort)`, "b function"},
		{"abort reason default", `const c = new AbortController(); c.abort(); out(c.signal.reason.name, c.signal.reason.message)`, "AbortError This operation was aborted"},
		{"AbortSignal.timeout range", `try { AbortSignal.timeout(-1) } catch (e) { out(e.name, e.code) }`, "RangeError ERR_OUT_OF_RANGE"},
		{"AbortSignal.any type check", `try { AbortSignal.any([1]) } catch (e) { out(e.name) }`, "TypeError"},
		{"TextEncoder", `out(Array.from(new TextEncoder().encode("é€😀")).join(","))`, "195,169,226,130,172,240,159,152,128"},
		{"TextDecoder stream", `const d = new TextDecoder(); out(d.decode(new Uint8Array([0xe2, 0x82]), {stream: true}) + "|" + d.decode(new Uint8Array([0xac])))`, "|€"},
		{"TextDecoder fatal", `try { new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xc3])) } catch (e) { out(e.name, e.code) }`, "TypeError ERR_ENCODING_INVALID_ENCODED_DATA"},
		{"TextDecoder unknown", `try { new TextDecoder("nope") } catch (e) { out(e.name, e.code) }`, "RangeError ERR_ENCODING_NOT_SUPPORTED"},
		{"TextDecoder x-user-defined", `const d = new TextDecoder("x-user-defined"); const s = d.decode(new Uint8Array([0x41, 0x80, 0xff, 0xef, 0xbb, 0xbf])); out(d.encoding, s.length, [...s].map(c => c.charCodeAt(0).toString(16)).join())`,
			"x-user-defined 6 41,f780,f7ff,f7ef,f7bb,f7bf"},
		{"TextDecoder label whitespace", `const r = []; for (const l of [" utf-8\n", "\futf8\t", "\vutf-8", "utf-8\u00a0", "\u2028latin1", "\u0000utf8"]) { try { r.push(new TextDecoder(l).encoding) } catch (e) { r.push(e.name) } } out(r.join())`,
			"utf-8,utf-8,RangeError,RangeError,RangeError,RangeError"},
		{"TextDecoder utf-16le", `out(new TextDecoder("utf-16le").decode(new Uint8Array([0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00])))`, "😀A"},
		{"TextDecoder shift_jis", `out(new TextDecoder("shift_jis").decode(new Uint8Array([0x82, 0xa0])))`, "あ"},
		{"btoa/atob", `out(btoa("\xff\x00a"), JSON.stringify(atob(" /w Bh ")), JSON.stringify(atob("")))`, `/wBh "ÿ\u0000a" ""`},
		{"atob invalid", `try { atob("abcde") } catch (e) { out(e.name, e.code, e instanceof DOMException) }`, "InvalidCharacterError 5 true"},
		{"btoa invalid", `try { btoa("€") } catch (e) { out(e.name, e.code) }`, "InvalidCharacterError 5"},
		{"Blob parts", `const b = new Blob(["ab", new Uint8Array([99]), new Blob(["d"]), new Uint16Array([0x6665]).buffer], {type: "Text/Plain"});
			b.text().then(t => out(b.size, b.type, t))`, "6 text/plain abcdef"},
		{"Blob type non-ascii", `out(JSON.stringify(new Blob([], {type: "a\u00e9"}).type))`, `""`},
		{"Blob slice", `const b = new Blob(["hello world"]); b.slice(-5).text().then(t => b.slice(0, 5, "x/y").text().then(u => out(t, u, b.slice(3, 1).size, b.slice(0, 5, "x/y").type)))`, "world hello 0 x/y"},
		{"Blob arrayBuffer/bytes", `const b = new Blob(["hi"]); Promise.all([b.arrayBuffer(), b.bytes()]).then(([ab, u]) => out(ab.byteLength, ab instanceof ArrayBuffer, u instanceof Uint8Array, u[1]))`, "2 true true 105"},
		{"Blob endings native", `new Blob(["a\r\nb\rc"], {endings: "native"}).text().then(t => out(JSON.stringify(t)))`, `"a\nb\nc"`},
		{"File", `const f = new File(["x"], "a.txt", {lastModified: 42, type: "text/plain"}); out(f.name, f.lastModified, f.size, f.type, f instanceof Blob, Object.prototype.toString.call(f))`, "a.txt 42 1 text/plain true [object File]"},
		{"ReadableStream locked", `const rs = new ReadableStream(); rs.getReader(); try { rs.getReader() } catch (e) { out(e.name, e.code) }`, "TypeError ERR_INVALID_STATE"},
		{"globals exist", `out(["EventTarget","Event","CustomEvent","DOMException","AbortController","AbortSignal","TextEncoder","TextDecoder","atob","btoa","Blob","File","ReadableStream","WritableStream","TransformStream","ByteLengthQueuingStrategy","CountQueuingStrategy","TextEncoderStream","TextDecoderStream","ReadableStreamDefaultReader","ReadableStreamBYOBReader","WritableStreamDefaultWriter"].filter(n => typeof globalThis[n] !== "function").length)`, "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := `const out = (...a) => console.log(a.map(String).join(" "));` + "\n" + c.src
			res := runtimetest.Run(t, "t.js", src, runtimetest.VirtualOptions())
			if res.Err != nil {
				t.Fatalf("error: %v\nstderr: %s", res.Err, res.Stderr)
			}
			if got := strings.TrimRight(res.Stdout, "\n"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestListenerErrorIsUncaught: an exception in a listener is reported as an
// uncaught error (as in Node), after the other listeners ran.
func TestListenerErrorIsUncaught(t *testing.T) {
	res := runtimetest.Run(t, "t.js", `const et = new EventTarget();
		et.addEventListener("x", () => { throw new Error("in listener") });
		et.addEventListener("x", () => console.log("second ran"));
		et.dispatchEvent(new Event("x"));`, runtimetest.VirtualOptions())
	if res.Err == nil || !strings.Contains(res.Err.Error()+res.Stderr, "in listener") {
		t.Fatalf("want an uncaught error, got err=%v stderr=%q", res.Err, res.Stderr)
	}
	if !strings.Contains(res.Stdout, "second ran") {
		t.Errorf("second listener did not run: %q", res.Stdout)
	}
}

// byteSource feeds chunks to a NewByteStream and records cancellation.
type byteSource struct {
	chunks    [][]byte
	err       error
	cancelled atomic.Bool
	pulls     atomic.Int32
}

func (s *byteSource) global(name string) bindings.Global {
	return func(env *bindings.Env) error {
		return env.VM.Set(name, func(goja.FunctionCall) goja.Value {
			i := 0
			v, err := web.NewByteStream(env, func(ctx context.Context) ([]byte, error) {
				s.pulls.Add(1)
				if i < len(s.chunks) {
					i++
					return s.chunks[i-1], nil
				}
				if s.err != nil {
					return nil, s.err
				}
				return nil, io.EOF
			}, func() { s.cancelled.Store(true) })
			if err != nil {
				panic(env.VM.NewGoError(err))
			}
			return v
		})
	}
}

func TestNewByteStream(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct {
		name, src, want string
		src2            *byteSource
		wantCancel      bool
		maxPulls        int32
	}{
		{"read all", `let s = ""; for await (const c of goStream()) s += (c instanceof Uint8Array) + ":" + new TextDecoder().decode(c) + ";"; console.log(s)`,
			"true:hello;true: world;", &byteSource{chunks: [][]byte{[]byte("hello"), []byte(" world")}}, false, 3},
		{"empty chunks skipped", `const r = goStream().getReader(); const a = await r.read(); const b = await r.read(); console.log(new TextDecoder().decode(a.value), b.done)`,
			"x true", &byteSource{chunks: [][]byte{{}, []byte("x")}}, false, 3},
		{"error", `try { for await (const c of goStream()); } catch (e) { console.log(e.name, e.message) }`,
			"Error boom", &byteSource{err: errors.New("boom")}, false, 1},
		{"cancel", `const r = goStream().getReader(); await r.read(); await r.cancel("stop"); console.log("cancelled")`,
			"cancelled", &byteSource{chunks: [][]byte{[]byte("a"), []byte("b")}}, true, 1},
		{"lazy", `const s = goStream(); await new Promise(r => setTimeout(r, 10)); console.log(s.locked)`,
			"false", &byteSource{chunks: [][]byte{[]byte("a")}}, false, 0},
		{"as a Response-like text via pipeThrough", `let s = ""; for await (const c of goStream().pipeThrough(new TextDecoderStream())) s += c; console.log(s)`,
			"€", &byteSource{chunks: [][]byte{{0xe2}, {0x82, 0xac}}}, false, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := runtimetest.VirtualOptions()
			opts.Globals = []bindings.Global{c.src2.global("goStream")}
			res := runtimetest.Run(t, "t.js", c.src, opts)
			if res.Err != nil {
				t.Fatalf("error: %v\nstderr: %s", res.Err, res.Stderr)
			}
			if got := strings.TrimRight(res.Stdout, "\n"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if c.src2.cancelled.Load() != c.wantCancel {
				t.Errorf("cancelled = %v, want %v", c.src2.cancelled.Load(), c.wantCancel)
			}
			if p := c.src2.pulls.Load(); p != c.maxPulls {
				t.Errorf("pulls = %d, want %d", p, c.maxPulls)
			}
		})
	}
}

// taskGlobals installs runInTask(fn) (calls fn as the running task) and
// cancelTask(reason), so waiter cancellation can be tested without asyncio.
func taskGlobals(env *bindings.Env) error {
	task := &bindings.TaskRef{}
	if err := env.VM.Set("runInTask", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(0))
		prev := env.SetCurrentTask(task)
		defer env.RestoreCurrent(prev)
		v, err := fn(goja.Undefined())
		if err != nil {
			panic(err)
		}
		return v
	}); err != nil {
		return err
	}
	return env.VM.Set("cancelTask", func(call goja.FunctionCall) goja.Value {
		return env.VM.ToValue(task.Cancel(call.Argument(0)))
	})
}

func TestTimersPromisesCancellation(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ name, src, want string }{
		{"setTimeout", `const t0 = performance.now();
			const p = runInTask(() => require("timers/promises").setTimeout(1000, "v"));
			setTimeout(() => console.log("cancel", cancelTask("stop")), 10);
			try { await p } catch (e) { console.log("rejected", e, performance.now() - t0 < 500) }`, "cancel true\nrejected stop true"},
		{"setImmediate", `const p = runInTask(() => require("timers/promises").setImmediate("v"));
			cancelTask("now");
			try { await p } catch (e) { console.log("rejected", e) }`, "rejected now"},
		{"setInterval", `const it = require("timers/promises").setInterval(100, "v");
			const p = runInTask(() => it.next());
			setTimeout(() => cancelTask("x"), 50);
			try { await p } catch (e) { console.log("rejected", e) }
			console.log(JSON.stringify(await it.next()))`, "rejected x\n{\"done\":true}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := runtimetest.VirtualOptions()
			opts.Globals = []bindings.Global{taskGlobals}
			res := runtimetest.Run(t, "t.js", c.src, opts)
			if res.Err != nil {
				t.Fatalf("error: %v\nstderr: %s", res.Err, res.Stderr)
			}
			if got := strings.TrimRight(res.Stdout, "\n"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestBlobHelpers(t *testing.T) {
	var got []byte
	var isBlob, notBlob bool
	opts := runtimetest.VirtualOptions()
	opts.Globals = []bindings.Global{func(env *bindings.Env) error {
		if err := env.VM.Set("fromGo", func(goja.FunctionCall) goja.Value {
			v, err := web.NewBlob(env, []byte("from go"), "Text/Plain")
			if err != nil {
				panic(err)
			}
			return v
		}); err != nil {
			return err
		}
		return env.VM.Set("toGo", func(call goja.FunctionCall) goja.Value {
			got, isBlob = web.BlobBytes(env, call.Argument(0))
			_, notBlob = web.BlobBytes(env, env.VM.ToValue("str"))
			return goja.Undefined()
		})
	}}
	res := runtimetest.Run(t, "t.js", `const b = fromGo(); console.log(b.type, b.size, await b.text()); toGo(new File(["ab", "c"], "f"))`, opts)
	if res.Err != nil {
		t.Fatal(res.Err, res.Stderr)
	}
	if res.Stdout != "text/plain 7 from go\n" {
		t.Errorf("stdout %q", res.Stdout)
	}
	if !isBlob || notBlob || string(got) != "abc" {
		t.Errorf("BlobBytes = %q %v %v", got, isBlob, notBlob)
	}
}
