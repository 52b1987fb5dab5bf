package url

import (
	"strings"
	"testing"

	wurl "github.com/nlnwa/whatwg-url/url"
)

// FuzzURL: parsing never panics, a parsed URL's href parses to itself (the
// URL Standard's serializer round-trips), setters never panic and keep the
// href parseable, and the urlencoded parser and serializer round-trip.
func FuzzURL(f *testing.F) {
	for _, s := range []string{
		"http://example.com/a/b?c=d#e", "https://ü.example/%zz?x=1 2", "file:///C:/x/../y", "a:b",
		"http://[::1]:8080/", "//h/p", "../x", "http://1.2.3.4.5/", "blob:https://h/u", "\u0000http://h\t/\n",
		"mailto:x@y", "http://h/\xed\xa0\x80",
	} {
		f.Add(s, "http://base.test/dir/page?q#f", "newvalue")
	}
	f.Fuzz(func(t *testing.T, in, base, v string) {
		// strings from JS reach Go as valid UTF-8 (lone surrogates as U+FFFD)
		in, base, v = strings.ToValidUTF8(in, "\uFFFD"), strings.ToValidUTF8(base, "\uFFFD"), strings.ToValidUTF8(v, "\uFFFD")
		for _, u := range []*wurl.Url{parseURL(in, "", false), parseURL(in, base, true)} {
			if u == nil {
				continue
			}
			href := u.Href(false)
			again := parseURL(href, "", false)
			if again == nil || again.Href(false) != href {
				t.Fatalf("%q (base %q) -> %q, which does not parse to itself", in, base, href)
			}
		}
		u := parseURL(in, base, true)
		if u == nil {
			return
		}
		for name, set := range setters {
			setPart(set, u, v)
			if parseURL(u.Href(false), "", false) == nil {
				t.Fatalf("after %s = %q: %q does not parse", name, v, u.Href(false))
			}
			for _, get := range getters {
				_ = get(u)
			}
		}
		pairs := parseQuery(in)
		var sb strings.Builder
		for i := 0; i+1 < len(pairs); i += 2 {
			if i > 0 {
				sb.WriteByte('&')
			}
			formEncode(&sb, pairs[i])
			sb.WriteByte('=')
			formEncode(&sb, pairs[i+1])
		}
		back := parseQuery(sb.String())
		if strings.Join(back, "\x00") != strings.Join(pairs, "\x00") {
			t.Fatalf("query %q: %q -> %q -> %q", in, pairs, sb.String(), back)
		}
	})
}
