package console

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// meta holds Node's escape sequences for code units below 0xA0.
var meta = func() [160]string {
	var m [160]string
	for i := 0; i < 32; i++ {
		m[i] = `\x` + strings.ToUpper(hex2(i))
	}
	m['\b'] = `\b`
	m['\t'] = `\t`
	m['\n'] = `\n`
	m['\f'] = `\f`
	m['\r'] = `\r`
	m['\''] = `\'`
	m['\\'] = `\\`
	for i := 0x7f; i < 0xa0; i++ {
		m[i] = `\x` + strings.ToUpper(hex2(i))
	}
	return m
}()

func hex2(i int) string {
	s := strconv.FormatInt(int64(i), 16)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// units returns the UTF-16 code units of a goja string value.
func units(v goja.Value) []uint16 {
	if s, ok := v.(goja.String); ok {
		n := s.Length()
		u := make([]uint16, n)
		for i := 0; i < n; i++ {
			u[i] = s.CharAt(i)
		}
		return u
	}
	return utf16.Encode([]rune(v.String()))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// strEscapeValue quotes and escapes a JS string value like Node's strEscape.
func strEscapeValue(v goja.Value) string {
	s := v.String()
	if isASCII(s) {
		return strEscape(s)
	}
	return strEscapeUnits(units(v))
}

// strEscape quotes and escapes a Go (UTF-8) string like Node's strEscape.
func strEscape(s string) string {
	if !isASCII(s) {
		return strEscapeUnits(utf16.Encode([]rune(s)))
	}
	quote := pickQuote(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '\'' && quote == '\'') || c == '\\' || c < 32 || c == 0x7f {
			b.WriteString(meta[c])
		} else {
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func pickQuote(s string) byte {
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			return '"'
		}
		if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			return '`'
		}
	}
	return '\''
}

func strEscapeUnits(u []uint16) string {
	var has1, has2, has3, hasDollar bool
	for i, c := range u {
		switch c {
		case '\'':
			has1 = true
		case '"':
			has2 = true
		case '`':
			has3 = true
		case '$':
			if i+1 < len(u) && u[i+1] == '{' {
				hasDollar = true
			}
		}
	}
	quote := uint16('\'')
	if has1 {
		if !has2 {
			quote = '"'
		} else if !has3 && !hasDollar {
			quote = '`'
		}
	}
	var b strings.Builder
	b.WriteByte(byte(quote))
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case (c == '\'' && quote == '\'') || c == '\\' || c < 32 || (c > 126 && c < 160):
			b.WriteString(meta[c])
		case c >= 0xd800 && c <= 0xdfff:
			if c <= 0xdbff && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] <= 0xdfff {
				b.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
				i++
				continue
			}
			b.WriteString(`\u` + strconv.FormatInt(int64(c), 16))
		default:
			b.WriteRune(rune(c))
		}
	}
	b.WriteByte(byte(quote))
	return b.String()
}

// escapeKeyLike escapes a string the way Node's strEscapeSequencesReplacer
// does (used for symbol descriptions and non-enumerable keys), without quotes.
func escapeNoQuotes(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c == '\'' || c == '\\' || c == 0x7f || c >= 0x80 {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 160 && meta[r] != "" {
			b.WriteString(meta[r])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// jsLen returns the length of s in UTF-16 code units (JS string length).
func jsLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// stripANSI removes ANSI escape sequences (CSI ... letter).
func stripANSI(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';') {
				j++
			}
			if j < len(s) {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// stringWidth approximates Node's getStringWidth (columns on a terminal).
func stringWidth(s string, removeControl bool) int {
	if removeControl {
		s = stripANSI(s)
	}
	w := 0
	for _, r := range s {
		switch {
		case isFullWidth(r):
			w += 2
		case !isZeroWidth(r):
			w++
		}
	}
	return w
}

func isZeroWidth(c rune) bool {
	return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x300 && c <= 0x36F) ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
		(c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
		(c >= 0xE0100 && c <= 0xE01EF)
}

func isFullWidth(c rune) bool {
	return c >= 0x1100 && (c <= 0x115f || c == 0x2329 || c == 0x232a ||
		(c >= 0x2e80 && c <= 0x3247 && c != 0x303f) ||
		(c >= 0x3250 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0xa4c6) ||
		(c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3) ||
		(c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) ||
		(c >= 0xfe30 && c <= 0xfe6b) || (c >= 0xff01 && c <= 0xff60) ||
		(c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1b000 && c <= 0x1b001) ||
		(c >= 0x1f200 && c <= 0x1f251) || (c >= 0x1f300 && c <= 0x1f64f) ||
		(c >= 0x20000 && c <= 0x3fffd))
}

func padStart(s string, n int) string {
	if l := jsLen(s); l < n {
		return strings.Repeat(" ", n-l) + s
	}
	return s
}

func padEnd(s string, n int) string {
	if l := jsLen(s); l < n {
		return s + strings.Repeat(" ", n-l)
	}
	return s
}

func isIdentKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		return false
	}
	return true
}

// isIndexKey reports whether s is a canonical array index.
func isIndexKey(s string) bool {
	if s == "" || len(s) > 10 {
		return false
	}
	if s == "0" {
		return true
	}
	if s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n < 1<<32-1
}
