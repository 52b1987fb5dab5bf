package intl

import (
	"strconv"
	"strings"
)

// decimal is a non-negative finite number as decimal digits: the value is
// 0.d1d2d3... * 10^exp. ECMA-402 rounds half away from zero on the
// number's shortest decimal form ("1.005" to two places is "1.01"), while
// x/text rounds the binary value half to even, so arun rounds here and hands
// x/text a number that needs no more rounding.
type decimal struct {
	digits []byte // no leading or trailing zeros; empty is zero
	exp    int
}

func newDecimal(abs float64) decimal {
	s := strconv.FormatFloat(abs, 'e', -1, 64) // d.ddde±x
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	d := decimal{digits: []byte(strings.Replace(mant, ".", "", 1)), exp: exp + 1}
	d.trim()
	return d
}

func (d *decimal) trim() {
	i := 0
	for i < len(d.digits) && d.digits[i] == '0' {
		i++
		d.exp--
	}
	d.digits = d.digits[i:]
	d.digits = []byte(strings.TrimRight(string(d.digits), "0"))
	if len(d.digits) == 0 {
		d.exp = 0
	}
}

// roundAt keeps n digits (n counted from the first digit) and rounds half up.
func (d *decimal) roundAt(n int) {
	if n >= len(d.digits) {
		return
	}
	if n < 0 {
		d.digits, d.exp = nil, 0
		return
	}
	up := d.digits[n] >= '5'
	d.digits = append([]byte(nil), d.digits[:n]...)
	if up {
		i := n - 1
		for ; i >= 0; i-- {
			if d.digits[i] < '9' {
				d.digits[i]++
				break
			}
			d.digits[i] = '0'
		}
		if i < 0 {
			d.digits = append([]byte{'1'}, d.digits...)
			d.exp++
		}
	}
	d.trim()
}

// roundFraction rounds to at most frac digits after the point.
func (d *decimal) roundFraction(frac int) { d.roundAt(d.exp + frac) }

// roundSignificant rounds to at most sig significant digits.
func (d *decimal) roundSignificant(sig int) { d.roundAt(sig) }

// fractionDigits is how many digits follow the point.
func (d decimal) fractionDigits() int {
	if n := len(d.digits) - d.exp; n > 0 {
		return n
	}
	return 0
}

func (d decimal) isZero() bool { return len(d.digits) == 0 }

// float is the nearest float64, which x/text prints back as these digits.
func (d decimal) float() float64 {
	if d.isZero() {
		return 0
	}
	f, _ := strconv.ParseFloat("0."+string(d.digits)+"e"+strconv.Itoa(d.exp), 64)
	return f
}

// operands are the plural operands (UTS 35) of d shown with at least
// minFrac fraction digits: i the integer part, v the number of visible
// fraction digits, w without trailing zeros, f and t the fraction digits
// as integers.
func (d decimal) operands(minFrac int) (i, v, w, f, t int) {
	s := string(d.digits)
	var ip, fp string
	switch {
	case d.exp <= 0:
		fp = strings.Repeat("0", -d.exp) + s
	case d.exp >= len(s):
		ip = s + strings.Repeat("0", d.exp-len(s))
	default:
		ip, fp = s[:d.exp], s[d.exp:]
	}
	w = len(fp)
	t = atoiSat(fp)
	for len(fp) < minFrac {
		fp += "0"
	}
	return atoiSat(ip), len(fp), w, atoiSat(fp), t
}

// atoiSat parses digits, keeping the last 9 when longer (plural rules only
// look at the low digits of i and f).
func atoiSat(s string) int {
	if len(s) > 9 {
		s = s[len(s)-9:]
	}
	n, _ := strconv.Atoi(s)
	return n
}
