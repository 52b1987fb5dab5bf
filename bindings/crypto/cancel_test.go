package crypto_test

import (
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestCancel checks that Go work behind a promise belongs to the task
// that awaits it: cancelling the task rejects at the await with
// CancelledError, and the run ends without the result.
func TestCancel(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
const data = new Uint8Array(16 << 20);
for (const [what, op] of [
  ["digest", () => crypto.subtle.digest("SHA-512", data)],
  ["pbkdf2", () => new Promise((res, rej) => require("crypto").pbkdf2("p", "s", 3000, 64, "sha256", (e, k) => e ? rej(e) : res(k)))],
  ["deriveBits", async () => crypto.subtle.deriveBits({ name: "PBKDF2", salt: new Uint8Array(), iterations: 3000, hash: "SHA-256" },
      await crypto.subtle.importKey("raw", new Uint8Array(4), "PBKDF2", false, ["deriveBits"]), 256)],
]) {
  const task = asyncio.createTask(async () => { await op(); return "finished"; });
  await asyncio.sleep(0);
  task.cancel();
  try { console.log(what, await task); } catch (e) { console.log(what, e.name, e instanceof asyncio.CancelledError); }
}
// waitFor's timeout cancels the digest it waits on
try { await asyncio.waitFor(crypto.subtle.digest("SHA-256", new Uint8Array(64 << 20)), 0); } catch (e) { console.log("waitFor", e.name); }
`
	res := runtimetest.Run(t, "cancel.js", src, runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	want := "digest CancelledError true\npbkdf2 CancelledError true\nderiveBits CancelledError true\nwaitFor TimeoutError\n"
	if res.Stdout != want {
		t.Errorf("got\n%s\nwant\n%s", res.Stdout, want)
	}
}

// TestAsyncErrors checks that failures off the loop reject with the
// spec's DOMException, with a stack, and that bad arguments reject (not
// throw) in subtle's methods.
func TestAsyncErrors(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `
const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["decrypt"]);
const p = crypto.subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, k, new Uint8Array(32));
console.log(p instanceof Promise);
try { await p; } catch (e) { console.log(e.name, e.code, e instanceof DOMException, typeof e.message) }
const q = crypto.subtle.digest(42);
console.log(q instanceof Promise);
try { await q; } catch (e) { console.log(e.name) }
`
	res := runtimetest.Run(t, "errors.js", src, runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	if want := "true\nOperationError 0 true string\ntrue\nTypeError\n"; res.Stdout != want {
		t.Errorf("got\n%s\nwant\n%s", res.Stdout, want)
	}
	if strings.Contains(res.Stderr, "panic") {
		t.Error(res.Stderr)
	}
}
