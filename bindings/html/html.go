package html

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Modules returns the modules this package provides: "arun:html".
func Modules() []bindings.Module {
	return []bindings.Module{{Name: "arun:html", Init: initModule}}
}

// Globals returns the global installers of this package (none).
func Globals() []bindings.Global { return nil }

// maxSelectors bounds the per-runtime cache of compiled selectors.
const maxSelectors = 512

// module is one runtime's html state: the prototypes and the selector cache.
type module struct {
	env        *bindings.Env
	vm         *goja.Runtime
	key        *goja.Symbol // where a wrapper keeps its *ref
	nodeProto  *goja.Object
	elemProto  *goja.Object
	docProto   *goja.Object
	textProto  *goja.Object
	otherProto *goja.Object
	ctors      map[string]*goja.Object
	selectors  map[string]cascadia.SelectorGroup
}

// document is one parsed document: its root and the wrapper of each node
// reached so far.
type document struct {
	root  *html.Node
	nodes map[*html.Node]*goja.Object
}

// ref is what a wrapper object carries: its node and document.
type ref struct {
	doc  *document
	node *html.Node
}

func initModule(env *bindings.Env, module *goja.Object) error {
	m := newModule(env)
	exports := env.VM.NewObject()
	_ = exports.Set("parse", func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		if goja.IsUndefined(arg) || goja.IsNull(arg) {
			panic(env.ToJSError(bindings.TypeErrorf("The \"text\" argument must be of type string. Received %s", arg.String())))
		}
		var text string
		if b, ok := arg.Export().([]byte); ok {
			text = string(b)
		} else {
			text = arg.String()
		}
		root, err := html.Parse(strings.NewReader(text))
		if err != nil {
			panic(env.ToJSError(bindings.Errorf("Error", "ERR_HTML_PARSE", "html: %v", err)))
		}
		d := &document{root: root, nodes: map[*html.Node]*goja.Object{}}
		return m.wrap(d, root)
	})
	for name, c := range m.ctors {
		_ = exports.Set(name, c)
	}
	return module.Set("exports", exports)
}

// wrap returns the JS object of n (nil node: null), creating it once.
func (m *module) wrap(d *document, n *html.Node) goja.Value {
	if n == nil {
		return goja.Null()
	}
	if o, ok := d.nodes[n]; ok {
		return o
	}
	o := m.vm.NewObject()
	switch n.Type {
	case html.DocumentNode:
		o.SetPrototype(m.docProto)
	case html.ElementNode:
		o.SetPrototype(m.elemProto)
	case html.TextNode:
		o.SetPrototype(m.textProto)
	default:
		o.SetPrototype(m.otherProto)
	}
	_ = o.DefineDataPropertySymbol(m.key, m.vm.ToValue(&ref{d, n}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	d.nodes[n] = o
	return o
}

// wrapAll returns a JS array of the wrappers of ns.
func (m *module) wrapAll(d *document, ns []*html.Node) goja.Value {
	arr := make([]any, len(ns))
	for i, n := range ns {
		arr[i] = m.wrap(d, n)
	}
	return m.vm.NewArray(arr...)
}

// this returns the ref of a method's receiver, or throws a TypeError.
func (m *module) this(call goja.FunctionCall) *ref {
	if o, ok := call.This.(*goja.Object); ok {
		if v := o.GetSymbol(m.key); v != nil {
			if r, ok := v.Export().(*ref); ok {
				return r
			}
		}
	}
	panic(m.vm.NewTypeError("Illegal invocation"))
}

// selector compiles (and caches) a selector group; an invalid one throws a
// SyntaxError naming it, as the DOM does.
func (m *module) selector(v goja.Value) cascadia.SelectorGroup {
	s := v.String()
	if sel, ok := m.selectors[s]; ok {
		return sel
	}
	sel, err := cascadia.ParseGroup(s)
	if err != nil {
		panic(m.env.ToJSError(&bindings.Error{Name: "SyntaxError", Code: "ERR_INVALID_SELECTOR",
			Message: "'" + s + "' is not a valid selector: " + err.Error()}))
	}
	if len(m.selectors) >= maxSelectors {
		clear(m.selectors)
	}
	m.selectors[s] = sel
	return sel
}

// elementsOnly restricts a selector to elements: cascadia's :lang() also
// matches text nodes, which querySelector(All) must never return.
type elementsOnly struct{ cascadia.Matcher }

// Match reports whether n is an element the selector matches.
func (e elementsOnly) Match(n *html.Node) bool {
	return n.Type == html.ElementNode && e.Matcher.Match(n)
}

func newModule(env *bindings.Env) *module {
	vm := env.VM
	m := &module{env: env, vm: vm, key: goja.NewSymbol("arun.html.node"), ctors: map[string]*goja.Object{},
		selectors: map[string]cascadia.SelectorGroup{}}
	class := func(name string, parent *goja.Object) *goja.Object {
		ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object { panic(vm.NewTypeError("Illegal constructor")) }).(*goja.Object)
		proto := vm.NewObject()
		if parent != nil {
			proto.SetPrototype(parent)
		}
		_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		_ = ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		m.ctors[name] = ctor
		return proto
	}
	m.nodeProto = class("Node", nil)
	m.elemProto = class("Element", m.nodeProto)
	m.docProto = class("Document", m.nodeProto)
	m.textProto = class("Text", m.nodeProto)
	m.otherProto = class("Comment", m.nodeProto)
	m.installNode()
	m.installElement()
	m.installDocument()
	return m
}

// getter defines an accessor property computed from the receiver's ref.
func (m *module) getter(proto *goja.Object, name string, f func(r *ref) goja.Value) {
	g := m.vm.ToValue(func(call goja.FunctionCall) goja.Value { return f(m.this(call)) })
	_ = proto.DefineAccessorProperty(name, g, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// method defines a method of the receiver's ref.
func (m *module) method(proto *goja.Object, name string, f func(r *ref, call goja.FunctionCall) goja.Value) {
	fn := m.vm.ToValue(func(call goja.FunctionCall) goja.Value { return f(m.this(call), call) })
	_ = proto.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// DOM node types.
const (
	elementNode  = 1
	textNode     = 3
	commentNode  = 8
	documentNode = 9
	doctypeNode  = 10
)

func (m *module) installNode() {
	vm, p := m.vm, m.nodeProto
	node := func(name string, f func(n *html.Node) *html.Node) {
		m.getter(p, name, func(r *ref) goja.Value { return m.wrap(r.doc, f(r.node)) })
	}
	m.getter(p, "nodeType", func(r *ref) goja.Value {
		switch r.node.Type {
		case html.ElementNode:
			return vm.ToValue(elementNode)
		case html.TextNode:
			return vm.ToValue(textNode)
		case html.CommentNode:
			return vm.ToValue(commentNode)
		case html.DocumentNode:
			return vm.ToValue(documentNode)
		case html.DoctypeNode:
			return vm.ToValue(doctypeNode)
		}
		return vm.ToValue(0)
	})
	m.getter(p, "nodeName", func(r *ref) goja.Value {
		switch r.node.Type {
		case html.ElementNode:
			return vm.ToValue(tagName(r.node))
		case html.TextNode:
			return vm.ToValue("#text")
		case html.CommentNode:
			return vm.ToValue("#comment")
		case html.DocumentNode:
			return vm.ToValue("#document")
		}
		return vm.ToValue(r.node.Data)
	})
	m.getter(p, "textContent", func(r *ref) goja.Value {
		switch r.node.Type {
		case html.DocumentNode, html.DoctypeNode:
			return goja.Null()
		}
		return vm.ToValue(textContent(r.node))
	})
	m.getter(p, "nodeValue", func(r *ref) goja.Value {
		if r.node.Type == html.TextNode || r.node.Type == html.CommentNode {
			return vm.ToValue(r.node.Data)
		}
		return goja.Null()
	})
	m.getter(p, "data", func(r *ref) goja.Value {
		if r.node.Type == html.TextNode || r.node.Type == html.CommentNode {
			return vm.ToValue(r.node.Data)
		}
		return goja.Undefined()
	})
	node("parentNode", func(n *html.Node) *html.Node { return n.Parent })
	node("parent", func(n *html.Node) *html.Node { return n.Parent })
	node("parentElement", func(n *html.Node) *html.Node {
		if n.Parent != nil && n.Parent.Type == html.ElementNode {
			return n.Parent
		}
		return nil
	})
	node("firstChild", func(n *html.Node) *html.Node { return n.FirstChild })
	node("lastChild", func(n *html.Node) *html.Node { return n.LastChild })
	node("nextSibling", func(n *html.Node) *html.Node { return n.NextSibling })
	node("previousSibling", func(n *html.Node) *html.Node { return n.PrevSibling })
	node("nextElementSibling", func(n *html.Node) *html.Node { return nextElement(n.NextSibling, true) })
	node("previousElementSibling", func(n *html.Node) *html.Node { return nextElement(n.PrevSibling, false) })
	node("firstElementChild", func(n *html.Node) *html.Node { return nextElement(n.FirstChild, true) })
	node("lastElementChild", func(n *html.Node) *html.Node { return nextElement(n.LastChild, false) })
	node("ownerDocument", func(n *html.Node) *html.Node {
		if n.Type == html.DocumentNode {
			return nil
		}
		for n.Parent != nil {
			n = n.Parent
		}
		return n
	})
	m.getter(p, "childNodes", func(r *ref) goja.Value {
		var ns []*html.Node
		for c := r.node.FirstChild; c != nil; c = c.NextSibling {
			ns = append(ns, c)
		}
		return m.wrapAll(r.doc, ns)
	})
	m.getter(p, "children", func(r *ref) goja.Value { return m.wrapAll(r.doc, elementChildren(r.node)) })
	m.getter(p, "childElementCount", func(r *ref) goja.Value { return vm.ToValue(len(elementChildren(r.node))) })
	m.method(p, "hasChildNodes", func(r *ref, _ goja.FunctionCall) goja.Value { return vm.ToValue(r.node.FirstChild != nil) })
	m.method(p, "contains", func(r *ref, call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		v := o.GetSymbol(m.key)
		if v == nil {
			return vm.ToValue(false)
		}
		other, _ := v.Export().(*ref)
		for n := other.node; n != nil; n = n.Parent {
			if n == r.node {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	m.method(p, "querySelector", func(r *ref, call goja.FunctionCall) goja.Value {
		return m.wrap(r.doc, cascadia.Query(r.node, elementsOnly{m.selector(call.Argument(0))}))
	})
	m.method(p, "querySelectorAll", func(r *ref, call goja.FunctionCall) goja.Value {
		return m.wrapAll(r.doc, cascadia.QueryAll(r.node, elementsOnly{m.selector(call.Argument(0))}))
	})
	m.method(p, "getElementsByTagName", func(r *ref, call goja.FunctionCall) goja.Value {
		name := strings.ToLower(call.Argument(0).String())
		return m.wrapAll(r.doc, descendants(r.node, func(n *html.Node) bool { return name == "*" || n.Data == name }))
	})
	m.method(p, "getElementsByClassName", func(r *ref, call goja.FunctionCall) goja.Value {
		want := strings.Fields(call.Argument(0).String())
		return m.wrapAll(r.doc, descendants(r.node, func(n *html.Node) bool {
			if len(want) == 0 {
				return false
			}
			have := strings.Fields(attr(n, "class"))
			for _, w := range want {
				found := false
				for _, h := range have {
					if h == w {
						found = true
						break
					}
				}
				if !found {
					return false
				}
			}
			return true
		}))
	})
	m.method(p, "toString", func(r *ref, _ goja.FunctionCall) goja.Value {
		switch r.node.Type {
		case html.ElementNode:
			return vm.ToValue("[object HTML" + strings.ToUpper(r.node.Data[:min(1, len(r.node.Data))]) + r.node.Data[min(1, len(r.node.Data)):] + "Element]")
		case html.DocumentNode:
			return vm.ToValue("[object HTMLDocument]")
		case html.TextNode:
			return vm.ToValue("[object Text]")
		}
		return vm.ToValue("[object Node]")
	})
}

func (m *module) installElement() {
	vm, p := m.vm, m.elemProto
	str := func(name string, f func(n *html.Node) string) {
		m.getter(p, name, func(r *ref) goja.Value { return vm.ToValue(f(r.node)) })
	}
	str("tagName", tagName)
	str("localName", func(n *html.Node) string { return n.Data })
	str("id", func(n *html.Node) string { return attr(n, "id") })
	str("className", func(n *html.Node) string { return attr(n, "class") })
	str("innerHTML", innerHTML)
	str("outerHTML", render)
	str("innerText", textContent)
	m.getter(p, "attributes", func(r *ref) goja.Value {
		arr := make([]any, 0, len(r.node.Attr))
		for _, a := range r.node.Attr {
			o := vm.NewObject()
			_ = o.Set("name", attrName(a))
			_ = o.Set("value", a.Val)
			arr = append(arr, o)
		}
		return vm.NewArray(arr...)
	})
	m.getter(p, "classList", func(r *ref) goja.Value { return m.classList(r.node) })
	m.getter(p, "dataset", func(r *ref) goja.Value {
		o := vm.NewObject()
		for _, a := range r.node.Attr {
			if strings.HasPrefix(a.Key, "data-") && a.Namespace == "" {
				_ = o.Set(camel(a.Key[5:]), a.Val)
			}
		}
		return o
	})
	m.method(p, "getAttribute", func(r *ref, call goja.FunctionCall) goja.Value {
		name := strings.ToLower(call.Argument(0).String())
		for _, a := range r.node.Attr {
			if attrName(a) == name {
				return vm.ToValue(a.Val)
			}
		}
		return goja.Null()
	})
	m.method(p, "hasAttribute", func(r *ref, call goja.FunctionCall) goja.Value {
		name := strings.ToLower(call.Argument(0).String())
		for _, a := range r.node.Attr {
			if attrName(a) == name {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	m.method(p, "getAttributeNames", func(r *ref, _ goja.FunctionCall) goja.Value {
		names := make([]any, len(r.node.Attr))
		for i, a := range r.node.Attr {
			names[i] = attrName(a)
		}
		return vm.NewArray(names...)
	})
	m.method(p, "hasAttributes", func(r *ref, _ goja.FunctionCall) goja.Value { return vm.ToValue(len(r.node.Attr) > 0) })
	m.method(p, "matches", func(r *ref, call goja.FunctionCall) goja.Value {
		return vm.ToValue(m.selector(call.Argument(0)).Match(r.node))
	})
	m.method(p, "closest", func(r *ref, call goja.FunctionCall) goja.Value {
		sel := m.selector(call.Argument(0))
		for n := r.node; n != nil && n.Type == html.ElementNode; n = n.Parent {
			if sel.Match(n) {
				return m.wrap(r.doc, n)
			}
		}
		return goja.Null()
	})
}

func (m *module) installDocument() {
	vm, p := m.vm, m.docProto
	m.getter(p, "documentElement", func(r *ref) goja.Value { return m.wrap(r.doc, nextElement(r.node.FirstChild, true)) })
	m.getter(p, "head", func(r *ref) goja.Value { return m.wrap(r.doc, htmlChild(r.node, atom.Head)) })
	m.getter(p, "body", func(r *ref) goja.Value { return m.wrap(r.doc, htmlChild(r.node, atom.Body)) })
	m.getter(p, "title", func(r *ref) goja.Value {
		t := firstDescendant(r.node, func(n *html.Node) bool { return n.DataAtom == atom.Title && n.Namespace == "" })
		if t == nil {
			return vm.ToValue("")
		}
		return vm.ToValue(strings.Join(strings.Fields(textContent(t)), " "))
	})
	m.method(p, "getElementById", func(r *ref, call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		return m.wrap(r.doc, firstDescendant(r.node, func(n *html.Node) bool { return attr(n, "id") == id }))
	})
	m.getter(p, "links", func(r *ref) goja.Value {
		return m.wrapAll(r.doc, descendants(r.node, func(n *html.Node) bool {
			return (n.DataAtom == atom.A || n.DataAtom == atom.Area) && hasAttr(n, "href")
		}))
	})
	m.getter(p, "innerHTML", func(r *ref) goja.Value { return vm.ToValue(innerHTML(r.node)) })
}

// classList is a read-only DOMTokenList: contains, item, length, values,
// forEach, iteration and toString.
func (m *module) classList(n *html.Node) goja.Value {
	vm := m.vm
	tokens := strings.Fields(attr(n, "class"))
	items := make([]any, len(tokens))
	for i, t := range tokens {
		items[i] = t
	}
	arr := vm.NewArray(items...)
	o := vm.NewObject()
	_ = o.Set("length", len(tokens))
	for i, t := range tokens {
		_ = o.Set(strconv.Itoa(i), t)
	}
	_ = o.Set("value", attr(n, "class"))
	_ = o.Set("contains", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		for _, t := range tokens {
			if t == s {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	_ = o.Set("item", func(call goja.FunctionCall) goja.Value {
		i := call.Argument(0).ToInteger()
		if i < 0 || i >= int64(len(tokens)) {
			return goja.Null()
		}
		return vm.ToValue(tokens[i])
	})
	_ = o.Set("toString", func(goja.FunctionCall) goja.Value { return vm.ToValue(attr(n, "class")) })
	for _, name := range []string{"values", "forEach", "entries", "keys"} {
		if f := arr.Get(name); f != nil {
			fn, _ := goja.AssertFunction(f)
			_ = o.Set(name, func(call goja.FunctionCall) goja.Value {
				v, err := fn(arr, call.Arguments...)
				if err != nil {
					panic(err)
				}
				return v
			})
		}
	}
	if values := arr.Get("values"); values != nil {
		fn, _ := goja.AssertFunction(values)
		_ = o.SetSymbol(goja.SymIterator, func(goja.FunctionCall) goja.Value {
			v, err := fn(arr)
			if err != nil {
				panic(err)
			}
			return v
		})
	}
	return o
}

// tagName is the DOM's tagName: upper case for HTML elements, as written
// for foreign (SVG, MathML) ones.
func tagName(n *html.Node) string {
	if n.Namespace != "" {
		return n.Data
	}
	return strings.ToUpper(n.Data)
}

func attrName(a html.Attribute) string {
	if a.Namespace != "" {
		return a.Namespace + ":" + a.Key
	}
	return a.Key
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// textContent concatenates the text of n's descendants.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode || n.Type == html.CommentNode {
		return n.Data
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			} else if c.Type == html.ElementNode {
				walk(c)
			}
		}
	}
	walk(n)
	return sb.String()
}

func render(n *html.Node) string {
	var buf bytes.Buffer
	_ = html.Render(&buf, n)
	return buf.String()
}

func innerHTML(n *html.Node) string {
	var buf bytes.Buffer
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&buf, c)
	}
	return buf.String()
}

// nextElement returns the first element from n on, walking forward or
// backward through siblings.
func nextElement(n *html.Node, forward bool) *html.Node {
	for n != nil && n.Type != html.ElementNode {
		if forward {
			n = n.NextSibling
		} else {
			n = n.PrevSibling
		}
	}
	return n
}

func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// descendants lists, in document order, the elements below n that match.
func descendants(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if match(c) {
					out = append(out, c)
				}
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

func firstDescendant(n *html.Node, match func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if match(c) {
				return c
			}
			if f := firstDescendant(c, match); f != nil {
				return f
			}
		}
	}
	return nil
}

// htmlChild is the head or body child of the document's html element.
func htmlChild(doc *html.Node, a atom.Atom) *html.Node {
	root := nextElement(doc.FirstChild, true)
	if root == nil {
		return nil
	}
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

// camel turns a data- attribute's rest into a dataset key (foo-bar -> fooBar).
func camel(s string) string {
	var sb strings.Builder
	up := false
	for _, r := range s {
		if r == '-' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		sb.WriteRune(r)
	}
	return sb.String()
}
