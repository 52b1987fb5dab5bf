package bindings_test

import (
	"testing"

	"github.com/arun-js/arun/bindings"
)

func TestPercentDecode(t *testing.T) {
	cases := []struct {
		in   string
		plus bool
		want string
	}{
		{"a%20b", false, "a b"},
		{"a+b", false, "a+b"},
		{"a+b", true, "a b"},
		{"%zz%4", false, "%zz%4"},
		{"%e2%82%AC", false, "€"},
		{"%", true, "%"},
	}
	for _, c := range cases {
		if got := string(bindings.PercentDecode(c.in, c.plus)); got != c.want {
			t.Errorf("PercentDecode(%q, %v) = %q, want %q", c.in, c.plus, got, c.want)
		}
	}
}

func TestDecodeUTF8(t *testing.T) {
	cases := []struct{ in, want, withoutBOM string }{
		{"\xef\xbb\xbfa", "a", "\ufeffa"},
		{"a\xe2\x82b", "a\ufffdb", "a\ufffdb"},       // a truncated sequence is one U+FFFD
		{"\xf0\x9f\x98", "\ufffd", "\ufffd"},         // so is a truncated 4-byte one
		{"\xc0\xaf", "\ufffd\ufffd", "\ufffd\ufffd"}, // invalid lead bytes one each
	}
	for _, c := range cases {
		if got := bindings.DecodeUTF8([]byte(c.in)); got != c.want {
			t.Errorf("DecodeUTF8(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := bindings.DecodeUTF8WithoutBOM([]byte(c.in)); got != c.withoutBOM {
			t.Errorf("DecodeUTF8WithoutBOM(%q) = %q, want %q", c.in, got, c.withoutBOM)
		}
	}
}
