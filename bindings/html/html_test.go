package html_test

import (
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// messy is real-world-style HTML: no closing tags, unquoted attributes,
// stray end tags, entities, comments, a table without tbody, inline
// script and style, an SVG island.
const messy = `<!DOCTYPE html>
<html lang=en><head><meta charset=utf-8>
<title>  Messy
   Page &amp; Co </title>
<style>p > a { color: red }</style>
<script>if (a < b && c > d) { document.write("<p>x</p>") }</script>
<body class="home  page">
<div id=main class="content wide" data-role=primary data-user-id=7>
<h1>Hello, <em>world</em>!</h1>
<p>First paragraph with a <a href="/one" title='One'>link</a> and <A HREF=/two>another</a>
<p>Second <b>bold <i>both</b> italic?</i></p>
</span>
<ul><li>one<li>two<li class=last>three</ul>
<table><tr><td>a<td>b</tr><tr><td>c</table>
<!-- a comment -->
<img src=pic.png alt="A &quot;pic&quot;">
<br/>
<svg viewBox="0 0 10 10"><circle cx=5 cy=5 r=4 /></svg>
<p class=note>caf&eacute; &lt;ok&gt; &#x1F600;
</div>
<div id=footer><a href="https://example.com/x?a=1&amp;b=2">ext</a></div>
`

func TestHTML(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	tests := []struct {
		name, src, want string
	}{
		{"title", `doc.title`, "Messy Page & Co"},
		{"head and body", `doc.head.tagName + " " + doc.body.tagName + " " + doc.body.className + " " + doc.documentElement.getAttribute("lang")`, "HEAD BODY home  page en"},
		{"querySelector", `doc.querySelector("#main > h1").textContent`, "Hello, world!"},
		{"querySelector none", `doc.querySelector("nav")`, "null"},
		{"querySelectorAll links", `doc.querySelectorAll("a[href]").map(a => a.getAttribute("href")).join(" ")`, "/one /two https://example.com/x?a=1&b=2"},
		{"unclosed paragraphs", `doc.querySelectorAll("#main > p").length`, "3"},
		{"implied li", `doc.querySelectorAll("ul > li").map(li => li.textContent).join(",")`, "one,two,three"},
		{"table tbody inserted", `doc.querySelectorAll("table > tbody > tr").length + " " + doc.querySelectorAll("td").length`, "2 3"},
		{"selector list and pseudo", `doc.querySelectorAll("li:last-child, h1 em").map(e => e.tagName).join(",")`, "EM,LI"},
		{"nth-child", `doc.querySelector("li:nth-child(2)").textContent`, "two"},
		{"attribute operators", `doc.querySelectorAll("a[href^=http], a[title=One], [data-role~=primary]").length`, "3"},
		{"element querySelector is scoped", `doc.getElementById("footer").querySelectorAll("a").length + " " + doc.getElementById("footer").querySelectorAll("div").length`, "1 0"},
		{"tagName case", `doc.querySelector("a[href='/two']").tagName + " " + doc.querySelector("circle").tagName + " " + doc.querySelector("svg").tagName`, "A circle svg"},
		{"entities", `doc.querySelector(".note").textContent.trim()`, "café <ok> 😀"},
		{"attributes", `JSON.stringify(doc.querySelector("img").attributes)`, `[{"name":"src","value":"pic.png"},{"name":"alt","value":"A \"pic\""}]`},
		{"getAttribute hasAttribute", `[doc.querySelector("img").getAttribute("alt"), doc.querySelector("img").getAttribute("nope"), doc.querySelector("img").hasAttribute("SRC")].join("|")`, `A "pic"||true`},
		{"id className classList", `(() => { const m = doc.getElementById("main"); return [m.id, m.className, m.classList.contains("wide"), m.classList.contains("wid"), m.classList.length, [...m.classList].join("+")].join(" "); })()`, "main content wide true false 2 content+wide"},
		{"dataset", `JSON.stringify(doc.getElementById("main").dataset)`, `{"role":"primary","userId":"7"}`},
		{"children and parent", `(() => { const ul = doc.querySelector("ul"); return ul.children.length + " " + ul.children[0].parent.tagName + " " + ul.children[0].parentElement.tagName + " " + doc.documentElement.parentElement; })()`, "3 UL UL null"},
		{"identity is stable", `doc.querySelector("h1") === doc.getElementsByTagName("h1")[0] && doc.querySelector("em").parentNode === doc.querySelector("h1") && doc.body.parentNode === doc.documentElement`, "true"},
		{"expando survives", `(() => { doc.querySelector("h1").mark = 42; return doc.querySelectorAll("h1")[0].mark; })()`, "42"},
		{"innerHTML", `doc.querySelector("h1").innerHTML`, "Hello, <em>world</em>!"},
		{"outerHTML", `doc.querySelector("li.last").outerHTML`, `<li class="last">three</li>`},
		{"misnested formatting", `doc.querySelectorAll("p")[1].innerHTML`, "Second <b>bold <i>both</i></b><i> italic?</i>"},
		{"script and style are text", `doc.querySelector("script").textContent.includes("a < b") + " " + doc.querySelectorAll("p").length`, "true 3"},
		{"getElementsByTagName", `doc.getElementsByTagName("LI").length + " " + doc.getElementsByTagName("*").length`, "3 35"},
		{"getElementsByClassName", `doc.getElementsByClassName("wide content").length + " " + doc.getElementsByClassName("last").length`, "1 1"},
		{"childNodes and text nodes", `(() => { const h = doc.querySelector("h1"); return h.childNodes.map(n => n.nodeType + ":" + n.nodeName).join(","); })()`, "3:#text,1:EM,3:#text"},
		{"siblings", `doc.querySelector("li").nextElementSibling.textContent + " " + doc.querySelector("li.last").previousElementSibling.textContent + " " + doc.querySelector("ul").firstElementChild.textContent`, "two two one"},
		{"matches and closest", `doc.querySelector("em").matches("h1 > em") + " " + doc.querySelector("em").closest("div").id`, "true main"},
		{"comment node", `doc.getElementById("main").childNodes.find(n => n.nodeType === 8).textContent`, " a comment "},
		{"document nodeType", `doc.nodeType + " " + doc.textContent + " " + doc.querySelector("em").ownerDocument === doc`, "false"},
		{"ownerDocument", `doc.querySelector("em").ownerDocument === doc`, "true"},
		{"instanceof", `(() => { const h = require("arun:html"); return [doc instanceof h.Document, doc.body instanceof h.Element, doc.body instanceof h.Node, doc.body.firstChild instanceof h.Text].join(); })()`, "true,true,true,true"},
		{"invalid selector", `(() => { try { doc.querySelector("div[") } catch (e) { return e.name + ": " + e.message.split(":")[0] + " " + (e instanceof SyntaxError); } })()`, "SyntaxError: 'div[' is not a valid selector true"},
		{"invalid selector in All", `(() => { try { doc.querySelectorAll("a >> b") } catch (e) { return e.name + " " + e.message.includes("a >> b"); } })()`, "SyntaxError true"},
	}
	var sb strings.Builder
	sb.WriteString("const doc = require(\"arun:html\").parse(" + jsString(messy) + ");\n")
	for _, tt := range tests {
		sb.WriteString("try { console.log(String(" + tt.src + ")); } catch (e) { console.log(\"THROW \" + e); }\n")
	}
	res := runtimetest.Run(t, "html.js", sb.String(), runtimetest.VirtualOptions())
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stdout)
	}
	lines := strings.Split(strings.TrimRight(res.Stdout, "\n"), "\n")
	if len(lines) != len(tests) {
		t.Fatalf("got %d lines for %d tests:\n%s", len(lines), len(tests), res.Stdout)
	}
	for i, tt := range tests {
		if lines[i] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, lines[i], tt.want)
		}
	}
}

func TestParseInputs(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	tests := []struct {
		name, src, want string
	}{
		{"empty document", `const d = parse(""); console.log(d.title === "", d.body.children.length, d.head.tagName)`, "true 0 HEAD"},
		{"fragment only", `const d = parse("<li>a<li>b"); console.log(d.querySelectorAll("li").length, d.body.innerHTML)`, "2 <li>a</li><li>b</li>"},
		{"text only", `const d = parse("just text"); console.log(d.body.textContent)`, "just text"},
		{"buffer input", `const d = parse(Buffer.from("<p id=x>buf</p>")); console.log(d.getElementById("x").textContent)`, "buf"},
		{"no argument", `try { parse() } catch (e) { console.log(e.name, e.code) }`, "TypeError ERR_INVALID_ARG_TYPE"},
		{"separate documents", `const a = parse("<p>1</p>"), b = parse("<p>1</p>"); console.log(a.querySelector("p") === b.querySelector("p"), a.querySelector("p") === a.querySelector("p"))`, "false true"},
		{"deep nesting", `let s = ""; for (let i = 0; i < 300; i++) s += "<div>"; s += "<span>deep</span>"; const d = parse(s); console.log(d.querySelector("span").textContent, d.querySelectorAll("div").length)`, "deep 300"},
		{"esm import", `import { parse as p } from "arun:html"; console.log(p("<title>T</title>").title)`, "T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if !strings.Contains(src, "import ") {
				src = `const { parse } = require("arun:html");` + src
			}
			res := runtimetest.Run(t, "t.js", src, runtimetest.VirtualOptions())
			if res.Err != nil {
				t.Fatalf("%v", res.Err)
			}
			if got := strings.TrimSpace(res.Stdout); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func jsString(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", "\\n", "\r", "\\r")
	return "\"" + r.Replace(s) + "\""
}
