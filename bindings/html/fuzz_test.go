package html_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// fuzzHTMLScript parses the fuzzed document and runs the fuzzed selector
// on it. An invalid selector must throw a SyntaxError; a valid one must
// give results consistent with querySelector, matches and contains.
const fuzzHTMLScript = `
const { parse } = require("arun:html");
const { doc: text, sel } = input;
const d = parse(text);
const walk = (n, depth) => {
  if (depth > 64) return;
  if (typeof n.textContent !== "string" && n.textContent !== null) throw new Error("textContent " + typeof n.textContent);
  n.nodeName; n.nodeType; n.childNodes.length;
  if (n.nodeType === 1) {
    String(n.innerHTML); n.getAttributeNames(); JSON.stringify(n.attributes); JSON.stringify(n.dataset);
    [...n.classList];
  }
  for (const c of n.children) walk(c, depth + 1);
};
walk(d.documentElement, 0);
d.title; d.head; d.body; d.links;
let all;
try {
  all = d.querySelectorAll(sel);
} catch (e) {
  if (e.name !== "SyntaxError") throw new Error("querySelectorAll threw " + e.name + ": " + e.message);
}
if (all) {
  const first = d.querySelector(sel);
  if (all.length === 0 ? first !== null : first !== all[0]) throw new Error("querySelector disagrees with querySelectorAll[0]");
  for (const el of all.slice(0, 50)) {
    if (!el.matches(sel)) throw new Error("a result of querySelectorAll does not match " + JSON.stringify(sel));
    if (!d.documentElement.contains(el) && el !== d.documentElement) throw new Error("result outside the document");
    el.closest(sel);
    const inner = el.querySelectorAll(sel);
    for (const x of inner) if (!el.contains(x)) throw new Error("scoped result outside its root");
    String(el.innerHTML); el.textContent;
  }
}
`

// FuzzParseQuery: arun:html parses any text and runs any selector on it,
// never panicking or hanging.
func FuzzParseQuery(f *testing.F) {
	for _, s := range [][2]string{
		{"<p class=a>x<p>y", "p.a"},
		{"<table><tr><td>a<td>b</table>", "td:nth-child(2)"},
		{"<div id=x><span>1</span><span>2</span></div>", "#x > span:last-child"},
		{"<ul><li>a<li>b</ul>", "li:not(:first-child), ul"},
		{"<a href=/x title='t'>l</a>", "a[href^='/'][title~=t]"},
		{"<svg><circle r=1 /></svg><math><mi>x</mi></math>", "svg circle, math *"},
		{"<!-- c --><script>if (a<b) {}</script><template><p>t</p></template>", "script, template p"},
		{"<p>unterminated", "[["},
		{"\x00<\xff>", "*:has(> *)"},
		{"<b><i>mis</b>nested</i>", ":nth-of-type(2n+1):empty, :root"},
		{"<select><option selected>a</select><input disabled>", ":checked, :disabled, :enabled"},
		{"<p lang=en-US>x</p>", ":lang(en), p:contains(x), :first-of-type:only-child"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, doc, sel string) {
		runtimetest.Fuzz(t, fuzzHTMLScript, map[string]any{"doc": doc, "sel": sel}, nil)
	})
}
