// Package url gives scripts the WHATWG URL Standard's URL and
// URLSearchParams globals. Parsing, the setters and the host parser
// (IDNA, IPv4 and IPv6) are github.com/nlnwa/whatwg-url's, a Go
// implementation of the standard; the classes are JavaScript (url.js,
// embedded, compiled once per process), and the
// application/x-www-form-urlencoded parser and serializer that
// URLSearchParams uses are here in Go.
//
// Everything runs on the loop goroutine.
package url

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"
)

//go:embed url.js
var urlSrc string

var urlScript = bindings.NewScript("arun:internal/url.js", urlSrc)

// Modules returns the package's modules: none (the "url" module is
// goja_nodejs's, with these classes in it).
func Modules() []bindings.Module { return nil }

// Globals returns the installer of URL and URLSearchParams (made on first
// use).
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals([]string{"URL", "URLSearchParams"}, func() (*goja.Object, error) {
			v, err := urlScript.Run(env.VM)
			if err != nil {
				return nil, fmt.Errorf("url: %w", err)
			}
			fn, ok := goja.AssertFunction(v)
			if !ok {
				return nil, fmt.Errorf("url: url.js is not a function expression")
			}
			exp, err := fn(goja.Undefined(), natives(env))
			if err != nil {
				return nil, fmt.Errorf("url: %w", err)
			}
			return exp.ToObject(env.VM), nil
		})
	}}
}

// handle is a parsed URL as url.js holds it.
type handle struct{ u *wurl.Url }

var parser = wurl.NewParser()

func natives(env *bindings.Env) *goja.Object {
	vm := env.VM
	o := vm.NewObject()
	parse := func(call goja.FunctionCall) *wurl.Url {
		base := ""
		hasBase := !goja.IsUndefined(call.Argument(1))
		if hasBase {
			base = usv(call.Argument(1))
		}
		return parseURL(usv(call.Argument(0)), base, hasBase)
	}
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	// parse(input, base?): a handle, or null if input (against base) is no URL
	set("parse", func(call goja.FunctionCall) goja.Value {
		if u := parse(call); u != nil {
			return vm.ToValue(&handle{u})
		}
		return goja.Null()
	})
	set("canParse", func(call goja.FunctionCall) goja.Value { return vm.ToValue(parse(call) != nil) })
	// get(handle, part) and set(handle, part, value): the standard's
	// attributes, by name
	set("get", func(call goja.FunctionCall) goja.Value {
		if get, ok := getters[call.Argument(1).String()]; ok {
			return vm.ToValue(get(unwrap(vm, call.Argument(0))))
		}
		return vm.ToValue("")
	})
	set("set", func(call goja.FunctionCall) goja.Value {
		if set, ok := setters[call.Argument(1).String()]; ok {
			setPart(set, unwrap(vm, call.Argument(0)), usv(call.Argument(2)))
		}
		return goja.Undefined()
	})
	// parseQuery(string): [name, value, ...] as application/x-www-form-urlencoded
	set("parseQuery", func(call goja.FunctionCall) goja.Value {
		pairs := parseQuery(usv(call.Argument(0)))
		out := make([]any, len(pairs))
		for i, p := range pairs {
			out[i] = p
		}
		return vm.NewArray(out...)
	})
	// serializeQuery([name, value, ...])
	set("serializeQuery", func(call goja.FunctionCall) goja.Value {
		a := call.Argument(0).ToObject(vm)
		n := int(a.Get("length").ToInteger())
		var sb strings.Builder
		for i := 0; i+1 < n; i += 2 {
			if i > 0 {
				sb.WriteByte('&')
			}
			formEncode(&sb, usv(a.Get(strconv.Itoa(i))))
			sb.WriteByte('=')
			formEncode(&sb, usv(a.Get(strconv.Itoa(i+1))))
		}
		return vm.ToValue(sb.String())
	})
	return o
}

// parseURL parses in against base (if hasBase), or returns nil. The base
// must parse on its own (whatwg-url's ParseRef takes "" for none). A panic
// in the parser is a failure to parse, not a dead process.
func parseURL(in, base string, hasBase bool) (u *wurl.Url) {
	defer func() {
		if recover() != nil {
			u = nil
		}
	}()
	var err error
	if !hasBase {
		u, err = parser.Parse(in)
	} else {
		var b *wurl.Url
		if b, err = parser.Parse(base); err == nil {
			u, err = parser.BasicParser(in, b, nil, wurl.NoState)
		}
	}
	if err != nil {
		return nil
	}
	return u
}

// setPart runs a setter; a panic in it (a parser bug) leaves the URL as
// the setter left it instead of killing the process.
func setPart(set func(*wurl.Url, string), u *wurl.Url, v string) {
	defer func() { _ = recover() }()
	set(u, v)
}

var getters = map[string]func(*wurl.Url) string{
	"href":     func(u *wurl.Url) string { return u.Href(false) },
	"origin":   origin,
	"protocol": (*wurl.Url).Protocol,
	"username": (*wurl.Url).Username,
	"password": (*wurl.Url).Password,
	"host":     (*wurl.Url).Host,
	"hostname": (*wurl.Url).Hostname,
	"port":     (*wurl.Url).Port,
	"pathname": (*wurl.Url).Pathname,
	"search":   (*wurl.Url).Search,
	"hash":     (*wurl.Url).Hash,
}

var setters = map[string]func(*wurl.Url, string){
	"protocol": (*wurl.Url).SetProtocol,
	"username": (*wurl.Url).SetUsername,
	"password": (*wurl.Url).SetPassword,
	"host":     (*wurl.Url).SetHost,
	"hostname": (*wurl.Url).SetHostname,
	"port":     (*wurl.Url).SetPort,
	"pathname": (*wurl.Url).SetPathname,
	"search":   (*wurl.Url).SetSearch,
	"hash":     (*wurl.Url).SetHash,
}

func unwrap(vm *goja.Runtime, v goja.Value) *wurl.Url {
	if h, ok := v.Export().(*handle); ok {
		return h.u
	}
	panic(vm.NewTypeError("url: not a URL handle"))
}

// usv is v as a USVString: goja's String decodes UTF-16 with
// replacement, so lone surrogates become U+FFFD.
func usv(v goja.Value) string { return v.String() }

// origin is the serialization of u's origin: scheme://host[:port] for the
// special network schemes, the inner URL's for blob:, "null" otherwise.
func origin(u *wurl.Url) string {
	switch u.Scheme() {
	case "http", "https", "ws", "wss", "ftp":
		return u.Protocol() + "//" + u.Host()
	case "blob":
		if inner, err := parser.Parse(u.Pathname()); err == nil {
			switch inner.Scheme() {
			case "http", "https":
				return origin(inner)
			}
		}
	}
	return "null"
}

// parseQuery is the application/x-www-form-urlencoded parser.
func parseQuery(s string) []string {
	var out []string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		out = append(out, formDecode(name), formDecode(value))
	}
	return out
}

// formDecode replaces + by a space, percent-decodes (an invalid escape
// stays as it is) and decodes the bytes as UTF-8 with replacement.
func formDecode(s string) string {
	if !strings.ContainsAny(s, "+%") {
		return s
	}
	return bindings.DecodeUTF8WithoutBOM(bindings.PercentDecode(s, true))
}

// formEncode writes s with the application/x-www-form-urlencoded byte
// serializer: space as +, alphanumerics and *-._ as they are, every other
// byte of its UTF-8 as %XX.
func formEncode(sb *strings.Builder, s string) {
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			sb.WriteByte('+')
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '*', c == '-', c == '.', c == '_':
			sb.WriteByte(c)
		default:
			sb.WriteByte('%')
			sb.WriteByte(hexDigits[c>>4])
			sb.WriteByte(hexDigits[c&15])
		}
	}
}
