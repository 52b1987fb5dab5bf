package url_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// wptData is the web-platform-tests URL data that github.com/nlnwa/whatwg-url
// ships in its module (urltestdata.json, setters_tests.json): read from the
// module cache, never copied here.
func wptData(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/nlnwa/whatwg-url").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func run(t *testing.T, src string, globals map[string]string) string {
	t.Helper()
	var prelude strings.Builder
	for k, v := range globals {
		prelude.WriteString("const " + k + " = " + v + ";\n")
	}
	res := runtimetest.Run(t, "url_test.js", prelude.String()+src, runtime.Options{})
	if res.Err != nil {
		t.Fatalf("%v\n%s%s", res.Err, res.Stdout, res.Stderr)
	}
	return res.Stdout
}

// The WPT url-constructor cases: every input (against its base) parses to
// the expected components, or throws a TypeError.
func TestURLTestData(t *testing.T) {
	out := run(t, `
let pass = 0, n = 0;
for (const c of cases) {
  if (typeof c === "string") continue;
  n++;
  const got = (() => {
    try {
      const u = c.base === null ? new URL(c.input) : new URL(c.input, c.base);
      if (c.failure) return "parsed to " + u.href;
      for (const k of ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]) {
        if (u[k] !== c[k]) return k + ": " + JSON.stringify(u[k]) + " want " + JSON.stringify(c[k]);
      }
      if (c.origin !== undefined && u.origin !== c.origin) return "origin: " + JSON.stringify(u.origin) + " want " + JSON.stringify(c.origin);
      if (c.searchParams !== undefined && u.searchParams.toString() !== c.searchParams) return "searchParams: " + u.searchParams;
      return "";
    } catch (e) {
      if (c.failure && e instanceof TypeError && e.code === "ERR_INVALID_URL") return "";
      return "threw " + e;
    }
  })();
  if (got === "") pass++; else console.log("FAIL", JSON.stringify(c.input), JSON.stringify(c.base), got);
  if (URL.canParse(c.input, ...(c.base === null ? [] : [c.base])) === !!c.failure) console.log("FAIL canParse", JSON.stringify(c.input));
}
console.log(pass + "/" + n);
`, map[string]string{"cases": wptData(t, "urltestdata.json")})
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	t.Logf("urltestdata.json: %s", last)
	if len(lines) > 1 {
		t.Errorf("failures:\n%s", strings.Join(lines[:len(lines)-1], "\n"))
	}
}

// The WPT url-setters cases.
func TestSetters(t *testing.T) {
	out := run(t, `
let pass = 0, n = 0;
for (const [attr, list] of Object.entries(cases)) {
  if (attr === "comment") continue;
  for (const c of list) {
    n++;
    const u = new URL(c.href);
    u[attr] = c.new_value;
    let bad = "";
    for (const [k, v] of Object.entries(c.expected)) if (u[k] !== v) bad += " " + k + "=" + JSON.stringify(u[k]) + " want " + JSON.stringify(v);
    if (bad === "") pass++; else console.log("FAIL", attr, JSON.stringify(c.href), JSON.stringify(c.new_value), bad);
  }
}
console.log(pass + "/" + n);
`, map[string]string{"cases": wptData(t, "setters_tests.json")})
	lines := strings.Split(strings.TrimSpace(out), "\n")
	t.Logf("setters_tests.json: %s", lines[len(lines)-1])
	if len(lines) > 1 {
		t.Errorf("failures:\n%s", strings.Join(lines[:len(lines)-1], "\n"))
	}
}

// URLSearchParams and its link to a URL, table-driven; want is what the
// script prints.
func TestSearchParams(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct{ name, src, want string }{
		{"parse", `const p = new URLSearchParams("?a=1&b=x+y&c=%zz&&d&=e&a=2"); console.log(JSON.stringify([...p]), p.size)`,
			`[["a","1"],["b","x y"],["c","%zz"],["d",""],["","e"],["a","2"]] 6`},
		{"serialize", `console.log(new URLSearchParams({"a b": "c&d", "é": "*-._~!"}).toString())`, `a+b=c%26d&%C3%A9=*-._%7E%21`},
		{"sequence", `console.log(new URLSearchParams([["x", 1], new Set(["y", 2])]).toString())`, `x=1&y=2`},
		{"bad tuple", `try { new URLSearchParams([["x"]]) } catch (e) { console.log(e.name) }`, `TypeError`},
		{"lone surrogates become U+FFFD", `const p = new URLSearchParams([["a\uD800", "\uDC00b"], ["\uD83D\uDCA9", "x"]]); console.log(p.toString()); console.log(new URLSearchParams({"x\uD800": 1, "x\uDC00": 2, "x\uFFFD": 3}).toString())`,
			"a%EF%BF%BD=%EF%BF%BDb&%F0%9F%92%A9=x\nx%EF%BF%BD=3"},
		{"a BOM stays", `console.log([...new URLSearchParams("%EF%BB%BFa=\uFEFF")].map(([k, v]) => [k.charCodeAt(0), k.length, v.charCodeAt(0), v.length].join()).join())`, `65279,2,65279,1`},
		{"null is a string", `console.log(new URLSearchParams(null).toString())`, `null=`},
		{"get getAll has delete", `const p = new URLSearchParams("a=1&a=2&b=3"); p.delete("a", "1"); console.log(p.get("a"), p.getAll("a").length, p.has("b", "3"), p.has("b", "4"), p.get("z"))`,
			`2 1 true false null`},
		{"set replaces first", `const p = new URLSearchParams("a=1&b=2&a=3"); p.set("a", "x"); console.log(p.toString())`, `a=x&b=2`},
		{"sort is stable by code units", `const p = new URLSearchParams("z=1&a=2&z=0&\uFFFD=3&\u{1F600}=4"); p.sort(); console.log([...p.keys()].join(","))`,
			"a,z,z,\U0001F600,\uFFFD"},
		{"iterator sees live changes", `const p = new URLSearchParams("a=1&b=2&c=3"); const s = []; for (const [k] of p) { s.push(k); if (k === "a") p.delete("b"); } console.log(s.join(""))`, `ac`},
		{"linked to its URL", `const u = new URL("http://h/p?x=1#f"); u.searchParams.append("y", "a b"); console.log(u.href); u.searchParams.delete("x"); u.searchParams.delete("y"); console.log(u.href); u.search = "q=2"; console.log(u.searchParams.get("q"))`,
			"http://h/p?x=1&y=a+b#f\nhttp://h/p#f\n2"},
		{"same object", `const u = new URL("http://h/"); console.log(u.searchParams === u.searchParams)`, `true`},
		{"relative resolution", `console.log(new URL("d.json", "http://h:8080/x/y.js").href, new URL("../z", "http://h/a/b/c").href, new URL("//o/p", "https://h/").href)`,
			`http://h:8080/x/d.json http://h/a/z https://o/p`},
		{"invalid throws ERR_INVALID_URL", `try { new URL("nope") } catch (e) { console.log(e.name, e.code, e.input) }`, `TypeError ERR_INVALID_URL nope`},
		{"an empty base is no base", `try { new URL("about:blank", "") } catch (e) { console.log(e.code) } console.log(URL.canParse("a", ""), URL.canParse("about:blank", ""))`, "ERR_INVALID_URL\nfalse false"},
		{"URL.parse", `console.log(URL.parse("x"), URL.parse("x", "http://h/").href)`, `null http://h/x`},
		{"require(url) shares the classes", `const m = require("node:url"); console.log(m.URL === URL, m.URLSearchParams === URLSearchParams)`, `true true`},
		{"toStringTag", `console.log(Object.prototype.toString.call(new URL("http://h")), Object.prototype.toString.call(new URLSearchParams().keys()))`,
			`[object URL] [object URLSearchParams Iterator]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := strings.TrimSpace(run(t, c.src, nil)); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
