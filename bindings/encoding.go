package bindings

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Node's Buffer encodings, for the bindings that turn bytes into strings
// and back (buffer, string_decoder): the names Node accepts and its codecs,
// including their leniency (base64 skips what is not in its alphabet and
// stops at "=", hex stops at the first pair that is not hex, latin1 keeps
// the low byte of each UTF-16 unit).

// NormEncoding returns the canonical name of a Node encoding ("utf8",
// "utf16le", "latin1", "ascii", "base64", "base64url", "hex"), or "" if
// enc is not one.
func NormEncoding(enc string) string {
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

// stringUnits returns the UTF-16 code units of a JS string.
func stringUnits(v goja.Value) []uint16 {
	s, ok := v.(goja.String)
	if !ok {
		s = goja.StringFromUTF16(nil)
		if v != nil {
			return utf16Of(v.String())
		}
	}
	n := s.Length()
	u := make([]uint16, n)
	for i := 0; i < n; i++ {
		u[i] = s.CharAt(i)
	}
	return u
}

func utf16Of(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xd800+(r>>10)), uint16(0xdc00+(r&0x3ff)))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}

// EncodeString returns the bytes of the JS string v in enc (a canonical
// name), as Buffer.from(v, enc) does. Lone surrogates become U+FFFD in
// UTF-8.
func EncodeString(v goja.Value, enc string) []byte {
	switch enc {
	case "ascii", "latin1":
		u := stringUnits(v)
		out := make([]byte, len(u))
		for i, c := range u {
			out[i] = byte(c)
		}
		return out
	case "utf16le":
		u := stringUnits(v)
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i], out[2*i+1] = byte(c), byte(c>>8)
		}
		return out
	case "base64", "base64url":
		return decodeBase64(v.String())
	case "hex":
		s := v.String()
		out := make([]byte, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			b, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			out = append(out, b[0])
		}
		return out
	}
	return []byte(v.String())
}

// decodeBase64 decodes either base64 alphabet as Node does: characters
// outside them are skipped, the first "=" ends the data, and a last group
// of one character is dropped.
func decodeBase64(s string) []byte {
	out := make([]byte, 0, len(s)*3/4)
	var acc uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c >= 'A' && c <= 'Z':
			v = c - 'A'
		case c >= 'a' && c <= 'z':
			v = c - 'a' + 26
		case c >= '0' && c <= '9':
			v = c - '0' + 52
		case c == '+' || c == '-':
			v = 62
		case c == '/' || c == '_':
			v = 63
		case c == '=':
			i = len(s)
			continue
		default:
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

const b64std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
const b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// DecodeBytes returns b as a JS string in enc, as buf.toString(enc) does
// (UTF-8: each invalid sequence becomes U+FFFD, a BOM stays).
func DecodeBytes(vm *goja.Runtime, b []byte, enc string) goja.Value {
	switch enc {
	case "ascii":
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7f
		}
		return vm.ToValue(string(out))
	case "latin1":
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return goja.StringFromUTF16(u)
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u)
	case "base64", "base64url":
		alpha := b64std
		if enc == "base64url" {
			alpha = b64url
		}
		var sb strings.Builder
		sb.Grow((len(b) + 2) / 3 * 4)
		for i := 0; i < len(b); i += 3 {
			var v uint32
			k := min(3, len(b)-i)
			for j := 0; j < 3; j++ {
				v <<= 8
				if j < k {
					v |= uint32(b[i+j])
				}
			}
			for j := 0; j < k+1; j++ {
				sb.WriteByte(alpha[(v>>(18-6*j))&63])
			}
			if enc == "base64" {
				for j := k + 1; j < 4; j++ {
					sb.WriteByte('=')
				}
			}
		}
		return vm.ToValue(sb.String())
	case "hex":
		return vm.ToValue(hex.EncodeToString(b))
	}
	if utf8.Valid(b) {
		return vm.ToValue(string(b))
	}
	return vm.ToValue(DecodeUTF8WithoutBOM(b))
}

// EncodedLength is Buffer.byteLength(v, enc): the length of EncodeString's
// result, computed without building it where that is cheap.
func EncodedLength(v goja.Value, enc string) int {
	switch enc {
	case "ascii", "latin1":
		if s, ok := v.(goja.String); ok {
			return s.Length()
		}
	case "utf16le":
		if s, ok := v.(goja.String); ok {
			return 2 * s.Length()
		}
	case "hex":
		return len(v.String()) / 2
	}
	return len(EncodeString(v, enc))
}
