package fs

import (
	"encoding/base64"

	"encoding/hex"
	"github.com/arun-js/arun/bindings"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// normEncoding is bindings.NormEncoding. The conversions below work on Go
// strings, off the loop (readLines decodes on its goroutine); bindings'
// Buffer codecs make goja values on it.
var normEncoding = bindings.NormEncoding

// encodeBytes turns file bytes into a string as Buffer.toString(enc) does.
func encodeBytes(b []byte, enc string) string {
	switch enc {
	case "ascii":
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7f
		}
		return string(out)
	case "latin1":
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b)
	case "hex":
		return hex.EncodeToString(b)
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(u))
	}
	return decodeUTF8(b)
}

// decodeUTF8 returns b as a string, each invalid byte replaced by U+FFFD
// (as TextDecoder and Buffer do).
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}

// decodeString turns a string argument into the bytes to write, as
// Buffer.from(s, enc) does.
func decodeString(s, enc string) []byte {
	switch enc {
	case "ascii", "latin1":
		out := make([]byte, 0, len(s))
		for _, r := range s {
			out = append(out, byte(r))
		}
		return out
	case "base64", "base64url":
		s = strings.Map(func(r rune) rune {
			switch {
			case r == '-':
				return '+'
			case r == '_':
				return '/'
			case r == '=' || r == ' ' || r == '\n' || r == '\r' || r == '\t':
				return -1
			}
			return r
		}, s)
		b, err := base64.RawStdEncoding.DecodeString(s)
		if err != nil {
			// Node decodes up to the first invalid character
			if ce, ok := err.(base64.CorruptInputError); ok {
				b, _ = base64.RawStdEncoding.DecodeString(s[:int(ce)&^3])
			}
		}
		return b
	case "hex":
		n := len(s) &^ 1
		out := make([]byte, 0, n/2)
		for i := 0; i+1 < len(s); i += 2 {
			v, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			out = append(out, v[0])
		}
		return out
	case "utf16le":
		u := utf16.Encode([]rune(s))
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i] = byte(c)
			out[2*i+1] = byte(c >> 8)
		}
		return out
	}
	return []byte(s)
}
