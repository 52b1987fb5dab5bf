package web

import (
	"encoding/base64"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// encodeString is TextEncoder.encode: the UTF-8 bytes of a JS string, lone
// surrogates replaced by U+FFFD (goja's String already does that).
func encodeString(s string) []byte { return []byte(s) }

// encodeInto writes as many whole characters of s as fit into dst and returns
// the UTF-16 code units read and the bytes written.
func encodeInto(s string, dst []byte) (read, written int) {
	for _, r := range s {
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		if written+n > len(dst) {
			break
		}
		utf8.EncodeRune(dst[written:], r)
		written += n
		if r >= 0x10000 {
			read += 2
		} else {
			read++
		}
	}
	return read, written
}

// Forgiving-base64 (HTML "forgiving-base64 decode").
func atob(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			b.WriteByte(c)
		}
	}
	data := b.String()
	if len(data)%4 == 0 {
		if strings.HasSuffix(data, "==") {
			data = data[:len(data)-2]
		} else if strings.HasSuffix(data, "=") {
			data = data[:len(data)-1]
		}
	}
	if len(data)%4 == 1 {
		return "", false
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return "", false
		}
	}
	out, err := base64.RawStdEncoding.DecodeString(data)
	if err != nil {
		return "", false
	}
	// each byte is one UTF-16 code unit of the result (a "binary string")
	rs := make([]rune, len(out))
	for i, c := range out {
		rs[i] = rune(c)
	}
	return string(rs), true
}

func btoa(s string) (string, bool) {
	bs := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			return "", false
		}
		bs = append(bs, byte(r))
	}
	return base64.StdEncoding.EncodeToString(bs), true
}

// The WHATWG encodings TextDecoder implements itself (the others go through
// golang.org/x/text).
var utf8Labels = map[string]bool{
	"unicode-1-1-utf-8": true, "unicode11utf8": true, "unicode20utf8": true, "utf-8": true, "utf8": true, "x-unicode20utf8": true,
}
var utf16leLabels = map[string]bool{
	"csunicode": true, "iso-10646-ucs-2": true, "ucs-2": true, "unicode": true, "unicodefeff": true, "utf-16": true, "utf-16le": true,
}
var utf16beLabels = map[string]bool{"unicodefffe": true, "utf-16be": true}

// decoder is one TextDecoder's state (the WHATWG decoders for UTF-8 and
// UTF-16, x/text for the legacy encodings).
type decoder struct {
	name             string
	fatal, ignoreBOM bool
	bomSeen          bool
	doNotFlush       bool

	// utf-8
	cp, needed, seen int
	lower, upper     byte
	// utf-16
	be         bool
	lead       int // -1 none
	leadSurr   int // -1 none
	legacy     encoding.Encoding
	legacyDec  transform.Transformer
	legacyRest []byte
}

func newDecoder(label string, fatal, ignoreBOM bool) *decoder {
	l := strings.ToLower(strings.Trim(label, "\t\n\f\r "))
	// every label is printable ASCII without spaces; anything else (a \v,
	// a NUL, U+00A0 or U+2028 that x/text's lookup would trim) names none
	for i := 0; i < len(l); i++ {
		if l[i] <= ' ' || l[i] > '~' {
			return nil
		}
	}
	d := &decoder{fatal: fatal, ignoreBOM: ignoreBOM}
	switch {
	case utf8Labels[l]:
		d.name = "utf-8"
	case utf16leLabels[l]:
		d.name = "utf-16le"
	case utf16beLabels[l]:
		d.name, d.be = "utf-16be", true
	default:
		enc, err := htmlindex.Get(l)
		if err != nil {
			return nil
		}
		name, err := htmlindex.Name(enc)
		if err != nil || name == "replacement" {
			return nil
		}
		d.name = strings.ToLower(name)
		d.legacy = enc
	}
	d.reset()
	return d
}

func (d *decoder) reset() {
	d.cp, d.needed, d.seen, d.lower, d.upper = 0, 0, 0, 0x80, 0xBF
	d.lead, d.leadSurr = -1, -1
	d.bomSeen = false
	d.legacyRest = nil
	if d.legacy != nil {
		d.legacyDec = d.legacy.NewDecoder()
	}
}

const replacement = 0xFFFD

// decode decodes the next input; ok is false on a fatal error.
func (d *decoder) decode(in []byte, stream bool) (out []uint16, ok bool) {
	if !d.doNotFlush {
		d.reset()
	}
	d.doNotFlush = stream
	switch {
	case d.legacy != nil:
		out, ok = d.decodeLegacy(in, stream)
	case d.name == "utf-8":
		out, ok = d.decodeUTF8(in, stream)
	default:
		out, ok = d.decodeUTF16(in, stream)
	}
	if !ok {
		d.doNotFlush = false
		d.reset()
		return nil, false
	}
	if d.legacy == nil && !d.ignoreBOM && !d.bomSeen && len(out) > 0 {
		d.bomSeen = true
		if out[0] == 0xFEFF {
			out = out[1:]
		}
	}
	return out, true
}

func appendRune(out []uint16, r rune) []uint16 {
	if r >= 0x10000 {
		a, b := utf16.EncodeRune(r)
		return append(out, uint16(a), uint16(b))
	}
	return append(out, uint16(r))
}

// decodeUTF8 is the WHATWG UTF-8 decoder.
func (d *decoder) decodeUTF8(in []byte, stream bool) ([]uint16, bool) {
	out := make([]uint16, 0, len(in))
	for i := 0; i < len(in); i++ {
		b := in[i]
		if d.needed == 0 {
			switch {
			case b <= 0x7F:
				out = append(out, uint16(b))
			case b >= 0xC2 && b <= 0xDF:
				d.needed, d.cp = 1, int(b&0x1F)
			case b >= 0xE0 && b <= 0xEF:
				if b == 0xE0 {
					d.lower = 0xA0
				}
				if b == 0xED {
					d.upper = 0x9F
				}
				d.needed, d.cp = 2, int(b&0xF)
			case b >= 0xF0 && b <= 0xF4:
				if b == 0xF0 {
					d.lower = 0x90
				}
				if b == 0xF4 {
					d.upper = 0x8F
				}
				d.needed, d.cp = 3, int(b&0x7)
			default:
				if d.fatal {
					return nil, false
				}
				out = append(out, replacement)
			}
			continue
		}
		if b < d.lower || b > d.upper {
			d.cp, d.needed, d.seen, d.lower, d.upper = 0, 0, 0, 0x80, 0xBF
			if d.fatal {
				return nil, false
			}
			out = append(out, replacement)
			i-- // reprocess this byte
			continue
		}
		d.lower, d.upper = 0x80, 0xBF
		d.cp = d.cp<<6 | int(b&0x3F)
		d.seen++
		if d.seen != d.needed {
			continue
		}
		out = appendRune(out, rune(d.cp))
		d.cp, d.needed, d.seen = 0, 0, 0
	}
	if !stream && d.needed != 0 {
		d.cp, d.needed, d.seen, d.lower, d.upper = 0, 0, 0, 0x80, 0xBF
		if d.fatal {
			return nil, false
		}
		out = append(out, replacement)
	}
	return out, true
}

// decodeUTF16 is the WHATWG shared UTF-16 decoder.
func (d *decoder) decodeUTF16(in []byte, stream bool) ([]uint16, bool) {
	out := make([]uint16, 0, len(in)/2+1)
	for _, b := range in {
		if d.lead < 0 {
			d.lead = int(b)
			continue
		}
		var cu int
		if d.be {
			cu = d.lead<<8 | int(b)
		} else {
			cu = int(b)<<8 | d.lead
		}
		d.lead = -1
		if d.leadSurr >= 0 {
			ls := d.leadSurr
			d.leadSurr = -1
			if cu >= 0xDC00 && cu <= 0xDFFF {
				out = append(out, uint16(ls), uint16(cu))
				continue
			}
			// unpaired lead surrogate; cu is processed below
			if d.fatal {
				return nil, false
			}
			out = append(out, replacement)
		}
		switch {
		case cu >= 0xD800 && cu <= 0xDBFF:
			d.leadSurr = cu
		case cu >= 0xDC00 && cu <= 0xDFFF:
			if d.fatal {
				return nil, false
			}
			out = append(out, replacement)
		default:
			out = append(out, uint16(cu))
		}
	}
	if !stream && (d.lead >= 0 || d.leadSurr >= 0) {
		d.lead, d.leadSurr = -1, -1
		if d.fatal {
			return nil, false
		}
		out = append(out, replacement)
	}
	return out, true
}

// decodeLegacy decodes a legacy encoding with x/text. fatal is not
// supported for these (x/text replaces invalid input with U+FFFD).
func (d *decoder) decodeLegacy(in []byte, stream bool) ([]uint16, bool) {
	src := append(d.legacyRest, in...)
	d.legacyRest = nil
	dst := make([]byte, 4*len(src)+16)
	var res []byte
	for {
		nDst, nSrc, err := d.legacyDec.Transform(dst, src, !stream)
		res = append(res, dst[:nDst]...)
		src = src[nSrc:]
		if err == transform.ErrShortDst {
			continue
		}
		if err == transform.ErrShortSrc && stream {
			d.legacyRest = append([]byte(nil), src...)
		}
		break
	}
	out := make([]uint16, 0, len(res))
	for _, r := range string(res) {
		out = appendRune(out, r)
	}
	return out, true
}
