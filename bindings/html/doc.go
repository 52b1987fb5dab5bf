// Package html implements the module "arun:html": parse(text) turns HTML
// (however messy: it is parsed as browsers do, by golang.org/x/net/html)
// into a read-only document with a DOM-like API: querySelector and
// querySelectorAll with CSS selectors (github.com/andybalholm/cascadia),
// getElementById, getElementsByTagName, getElementsByClassName, and nodes
// with tagName, textContent, innerHTML, outerHTML, attributes, children,
// parent/parentElement, classList and the rest of the usual accessors.
//
// Go nodes are wrapped lazily: a JS object is made for a node the first
// time a script reaches it and kept in a per-document map, so the same node
// is always the same object (a === b holds, and properties a script sets
// stay).
//
// # Goroutine rules
//
// Everything runs on the loop goroutine: parsing and queries are
// synchronous, as DOMParser is in browsers. No goroutine is started.
package html
