package crypto

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// Node's string encodings for crypto's inputs and outputs (goja_nodejs's
// Buffer knows utf8, hex and base64 only). The same conversions as
// bindings/fs's encoding.go; bindings cannot import each other.

// normEncoding returns the canonical name of a Node encoding, or "".
func normEncoding(enc string) string {
	switch strings.ToLower(enc) {
	case "utf8", "utf-8":
		return "utf8"
	case "ascii":
		return "ascii"
	case "latin1", "binary":
		return "latin1"
	case "base64":
		return "base64"
	case "base64url":
		return "base64url"
	case "hex":
		return "hex"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	}
	return ""
}

// encodingKnown(enc): whether enc is one of Node's encodings.
func (st *state) encodingKnown(c goja.FunctionCall) goja.Value {
	return st.vm.ToValue(normEncoding(c.Argument(0).String()) != "")
}

// encodeBytes(bytes, enc): the string Buffer.toString(enc) gives, or null
// for an unknown encoding.
func (st *state) encodeBytes(c goja.FunctionCall) goja.Value {
	enc := normEncoding(c.Argument(1).String())
	if enc == "" {
		return goja.Null()
	}
	return st.vm.ToValue(encode(st.bytesArg(c.Argument(0)), enc))
}

// encode is b as a string in enc (a canonical name), as Buffer.toString.
func encode(b []byte, enc string) string {
	switch enc {
	case "ascii":
		out := make([]byte, len(b))
		for i, x := range b {
			out[i] = x & 0x7f
		}
		return string(out)
	case "latin1":
		rs := make([]rune, len(b))
		for i, x := range b {
			rs[i] = rune(x)
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
	return bindings.DecodeUTF8WithoutBOM(b)
}

// decodeString(s, enc): the bytes Buffer.from(s, enc) gives (an
// ArrayBuffer), or null for an unknown encoding.
func (st *state) decodeString(c goja.FunctionCall) goja.Value {
	enc := normEncoding(c.Argument(1).String())
	if enc == "" {
		return goja.Null()
	}
	return st.buffer(decode(c.Argument(0).String(), enc))
}

func decode(s, enc string) []byte {
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
		if ce, ok := err.(base64.CorruptInputError); ok {
			// Node decodes up to the first invalid character
			b, _ = base64.RawStdEncoding.DecodeString(s[:int(ce)&^3])
		}
		return b
	case "hex":
		out := make([]byte, 0, len(s)/2)
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
		for i, x := range u {
			out[2*i] = byte(x)
			out[2*i+1] = byte(x >> 8)
		}
		return out
	}
	return []byte(s)
}
