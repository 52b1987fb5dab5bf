package fetch_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// fuzzURLScript builds URL, Headers and Request values from the fuzzed
// strings s (a URL), base, k and v (a header). Every failure must be a
// TypeError; a URL that parses must serialize to an href that parses again
// to the same href (WHATWG URL serialization is idempotent).
const fuzzURLScript = `
const { s, base, k, v } = input;
const expectTypeError = (what, f) => {
  try { return f(); } catch (e) {
    if (!(e instanceof TypeError)) throw new Error(what + " threw " + (e && e.name) + ": " + (e && e.message));
  }
};
const u = expectTypeError("new URL", () => new URL(s));
if (u) {
  const parts = [u.href, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
    u.pathname, u.search, u.hash, u.origin, String(u.searchParams), JSON.stringify(u)];
  for (const p of parts) if (typeof p !== "string") throw new Error("URL part not a string: " + p);
  if (checkRoundTrip(u.href)) {
    const again = expectTypeError("re-parse", () => new URL(u.href));
    if (!again || again.href !== u.href) throw new Error("href not stable: " + JSON.stringify(u.href) + " -> " + (again && JSON.stringify(again.href)));
  }
  for (const [a, b] of u.searchParams) { if (typeof a !== "string" || typeof b !== "string") throw new Error("param"); }
  u.searchParams.append(k, v);
  u.hash = v;
  String(u);
}
expectTypeError("new URL(s, base)", () => new URL(s, base).href);
expectTypeError("URLSearchParams", () => [...new URLSearchParams(s)].length + String(new URLSearchParams({ [k]: v })));
const h = expectTypeError("new Headers", () => new Headers([[k, v]]));
if (h) {
  const got = h.get(k);
  if (typeof got !== "string") throw new Error("Headers.get after construction: " + got);
  [...h.entries()];
  h.append(k, v); h.set(k, v); h.has(k); h.delete(k);
  if (h.has(k)) throw new Error("Headers.delete left " + k);
}
expectTypeError("new Headers(record)", () => new Headers({ [k]: v, [v]: k }));
const r = expectTypeError("new Request", () => new Request(s, { method: k, headers: [[k, v]] }));
if (r) { r.url; r.method; r.clone().headers.get(k); }
const r2 = expectTypeError("new Request(base)", () => new Request(base));
if (r2) { r2.url; [...r2.headers]; }
`

// checkRoundTrip reports whether the round-trip property applies to href:
// not when href has a host that goja_nodejs's URL
// serializes without its brackets ("http://[::1]/" becomes "http://::1/"),
// a known bug reported in issue 11's notes: such hrefs do not re-parse.
func checkRoundTrip(href string) bool { return !brokenIPv6(href) }

// brokenIPv6 reports whether href has an unbracketed IPv6 host.
func brokenIPv6(href string) bool {
	// "scheme://" followed by a host that contains ':' before any '/', '?'
	// or '#' and does not start with '[' is the unbracketed IPv6 form.
	i := 0
	for i < len(href) && href[i] != ':' {
		i++
	}
	if i+3 > len(href) || href[i:i+3] != "://" {
		return false
	}
	rest := href[i+3:]
	if at := lastIndexBefore(rest, '@'); at >= 0 {
		rest = rest[at+1:]
	}
	if len(rest) > 0 && rest[0] == '[' {
		return false
	}
	colons := 0
	for j := 0; j < len(rest); j++ {
		switch rest[j] {
		case '/', '?', '#':
			return colons > 1
		case ':':
			colons++
		}
	}
	return colons > 1
}

// lastIndexBefore is the index of the last c in s before the first '/',
// or -1.
func lastIndexBefore(s string, c byte) int {
	last := -1
	for j := 0; j < len(s) && s[j] != '/'; j++ {
		if s[j] == c {
			last = j
		}
	}
	return last
}

// FuzzURLHeadersRequest: URL, URLSearchParams, Headers and Request accept
// or reject (with a TypeError) any strings, never panic and never hang.
func FuzzURLHeadersRequest(f *testing.F) {
	for _, s := range [][4]string{
		{"http://a/b?c=d#e", "http://x/", "content-type", "text/plain"},
		{"https://user:pw@example.com:8080/p/../q?x=1&y=%20#h", "", "X-A", "1"},
		{"/relative", "http://base.test/dir/", "a b", "x"},
		{"http://[::1]:80/", "file:///", "k", "v\r\nInjected: 1"},
		{"file:///tmp/x", "about:blank", "", ""},
		{"http://a/%zz", "http://a", "set-cookie", "a=1; Path=/"},
		{"HTTP://EXAMPLE.COM/\u00e9?\u00e9", "x:", "host", "\u00e9"},
		{"http://xn--nxasmq6b.com/", "data:text/plain,hi", "\x00", "\x00"},
		{"blob:http://a/uuid", "http://a/", "get", "GET"},
		{"http://1.2.3.4.5/", "http://0x7f.1/", "CONNECT", "TRACE"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, s, base, k, v string) {
		runtimetest.Fuzz(t, fuzzURLScript, map[string]any{"s": s, "base": base, "k": k, "v": v},
			map[string]any{"checkRoundTrip": checkRoundTrip})
	})
}
