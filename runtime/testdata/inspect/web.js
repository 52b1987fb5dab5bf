// How console.log shows the web platform's classes. web.golden is this
// script's output under node v20 (timeStamp values masked); the test
// compares arun's output with it, and with node's when node is on PATH.
// Event types are long so that an event breaks onto lines whatever the
// digits of its timeStamp.
const show = (label, v) => { console.log("### " + label); console.log(v); };
show("Headers empty", new Headers());
show("Headers", new Headers({ "Content-Type": "text/plain", "X-A": "1", "set-cookie": "a=1" }));
const h2 = new Headers();
h2.append("set-cookie", "a=1"); h2.append("Set-Cookie", "b=2"); h2.append("accept", "x"); h2.append("Accept", "y");
show("Headers appended", h2);
const h3 = new Headers({ B: "1", a: "2" }); h3.set("b", "3"); h3.delete("a"); h3.append("A", "4");
show("Headers set and deleted", h3);
show("Headers copied", new Headers(new Headers({ "X-Up": "1" })));
show("URLSearchParams", new URLSearchParams("a=1&b=2&a=3"));
show("URLSearchParams empty", new URLSearchParams());
show("URLSearchParams long", new URLSearchParams({ alpha: "a".repeat(30), beta: "b".repeat(30), gamma: "c".repeat(30) }));
show("URLSearchParams entries", new URLSearchParams("a=1&b=2").entries());
show("URLSearchParams keys", new URLSearchParams("a=1&b=2").keys());
const it = new URLSearchParams("a=1&b=2&c=3").values(); it.next();
show("URLSearchParams values, one read", it);
const fd = new FormData();
fd.append("a", "1"); fd.append("a", "2"); fd.append("f", new File(["xyz"], "f.txt", { lastModified: 42 }));
show("FormData", fd);
show("FormData empty", new FormData());
show("Blob", new Blob(["hello"], { type: "text/plain" }));
show("Blob empty", new Blob([]));
show("File", new File(["abc"], "a.txt", { type: "text/plain", lastModified: 1700000000000 }));
const ac = new AbortController();
show("AbortSignal", ac.signal);
show("AbortController", ac);
ac.abort();
show("AbortSignal aborted", ac.signal);
show("Event", new Event("an-event-type-long-enough-to-break-the-line"));
show("Event cancelable", new Event("an-event-type-long-enough-to-break-the-line", { bubbles: true, cancelable: true }));
show("EventTarget", new EventTarget());
show("TextEncoder", new TextEncoder());
show("TextDecoder", new TextDecoder());
show("TextDecoder options", new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }));
show("ReadableStream", new ReadableStream());
const rs = new ReadableStream(); rs.getReader();
show("ReadableStream locked", rs);
const closed = new ReadableStream({ start(c) { c.close(); } });
show("ReadableStream closed", closed);
show("ReadableStream bytes", new ReadableStream({ type: "bytes" }));
show("Request", new Request("https://example.com/a?b=1", { method: "POST", body: "x", headers: { "X-Y": "z" } }));
show("Request GET", new Request("https://example.com/"));
show("Response", new Response("hi", { status: 201, headers: { "x-a": "1" } }));
show("Response empty", new Response());
show("Response.json", Response.json({ a: 1 }));
show("Response.error", Response.error());
const used = new Response("body"); used.text();
show("Response used", used);
show("nested", { h: new Headers({ a: "1" }), p: new URLSearchParams("x=1"), b: [new Blob(["z"])] });
show("URL", new URL("https://u:p@example.com:8080/a/b?x=1&y=2#h"));
show("Headers and FormData iterators", [new Headers({ a: "1" }).entries(), new FormData().keys()]);
class MyEvent extends Event {}
show("Event subclass", new MyEvent("an-event-type-long-enough-to-break-the-line"));
const all = () => ({
  h: new Headers({ a: "1" }), p: new URLSearchParams("a=1"), i: new URLSearchParams("a=1").keys(),
  s: new AbortController().signal, c: new AbortController(), d: new TextDecoder(), e: new TextEncoder(),
  f: new FormData(), q: new Request("http://x/"), r: new Response(null), b: new Blob([]),
  fi: new File([], "n", { lastModified: 1 }), ev: new Event("an-event-type-long-enough-to-break-the-line"), rs: new ReadableStream(),
});
show("depth 0", { a: all() });
show("depth -1", { a: { b: all() } });
show("depth 2", { a: { b: { c: all() } } });
