package intl

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// numberFormat is the state of an Intl.NumberFormat.
type numberFormat struct {
	tag              language.Tag
	style            string // decimal, percent, currency
	cur              currency.Unit
	currencyDisplay  string // symbol, narrowSymbol, code, name
	minInt           int
	minFrac, maxFrac int
	minSig, maxSig   int // 0 when fraction digits rule
	grouping         bool
	signDisplay      string
	p                *message.Printer
	sym              symbols
	bound            goja.Value // the bound format function
}

// symbols are the locale's number symbols as x/text prints them, found by
// formatting sample numbers (x/text does not export its symbol tables).
type symbols struct {
	decimal, group, minus, plus, percent string
}

func (r *realm) newNumberFormat(locales, opts goja.Value) *numberFormat {
	o := r.options(opts)
	nf := &numberFormat{tag: r.resolveLocale(locales, "nu")}
	nf.style = r.getString(o, "style", []string{"decimal", "percent", "currency", "unit"}, "decimal")
	if nf.style == "unit" {
		r.rangeError("Intl.NumberFormat: style \"unit\" is not supported by arun (x/text has no unit patterns)")
	}
	code := r.getString(o, "currency", nil, "")
	nf.currencyDisplay = r.getString(o, "currencyDisplay", []string{"symbol", "narrowSymbol", "code", "name"}, "symbol")
	if code != "" {
		u, err := currency.ParseISO(code)
		if err != nil {
			r.rangeError("Invalid currency code : %s", code)
		}
		nf.cur = u
	}
	if nf.style == "currency" && code == "" {
		r.typeError("Currency code is required with currency style.")
	}
	if n := r.getString(o, "notation", []string{"standard", "scientific", "engineering", "compact"}, "standard"); n != "standard" {
		r.rangeError("Intl.NumberFormat: notation %q is not supported by arun", n)
	}
	nf.minInt, _ = r.getNumber(o, "minimumIntegerDigits", 1, 21, 1)
	defMin, defMax := 0, 3
	switch nf.style {
	case "percent":
		defMax = 0
	case "currency":
		scale, _ := currency.Standard.Rounding(nf.cur)
		defMin, defMax = scale, scale
	}
	minSig, hasMinSig := r.getNumber(o, "minimumSignificantDigits", 1, 21, 1)
	maxSig, hasMaxSig := r.getNumber(o, "maximumSignificantDigits", minSig, 21, 21)
	minFrac, hasMin := r.getNumber(o, "minimumFractionDigits", 0, 20, defMin)
	if hasMin && minFrac > defMax {
		defMax = minFrac
	}
	maxFrac, hasMax := r.getNumber(o, "maximumFractionDigits", 0, 20, defMax)
	if hasMax && !hasMin && maxFrac < minFrac {
		minFrac = maxFrac
	}
	if minFrac > maxFrac {
		r.rangeError("maximumFractionDigits value is out of range.")
	}
	nf.minFrac, nf.maxFrac = minFrac, maxFrac
	if hasMinSig || hasMaxSig {
		nf.minSig, nf.maxSig = minSig, maxSig
	}
	nf.grouping = true
	if o != nil {
		if v := o.Get("useGrouping"); v != nil && !goja.IsUndefined(v) {
			switch v.String() {
			case "always", "auto", "min2", "true":
			case "false":
				nf.grouping = false
			default:
				nf.grouping = v.ToBoolean()
			}
		}
	}
	nf.signDisplay = r.getString(o, "signDisplay", []string{"auto", "never", "always", "exceptZero", "negative"}, "auto")
	nf.p = message.NewPrinter(nf.tag)
	nf.sym = findSymbols(nf.p)
	return nf
}

func findSymbols(p *message.Printer) symbols {
	var s symbols
	s.decimal = between(p.Sprint(number.Decimal(1.5, number.MinFractionDigits(1))))
	s.group = between(p.Sprint(number.Decimal(1000000)))
	neg := p.Sprint(number.Decimal(-1))
	s.minus = strings.TrimRightFunc(neg, unicode.IsDigit)
	s.plus = strings.Replace(s.minus, "-", "+", 1)
	if !strings.Contains(s.minus, "-") {
		s.plus = "+"
	}
	pct := p.Sprint(number.Percent(1))
	s.percent = strings.TrimFunc(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, pct), func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
	return s
}

// between is the text between the first two runs of digits of s.
func between(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if start < 0 {
		return ""
	}
	rest := s[start:]
	end := strings.IndexFunc(rest, unicode.IsDigit)
	if end < 0 {
		return ""
	}
	return rest[:end]
}

type part struct{ typ, value string }

// parts formats x as ECMA-402's parts.
func (nf *numberFormat) parts(x float64) []part {
	var out []part
	neg := x < 0 || (x == 0 && math.Signbit(x))
	abs := math.Abs(x)
	var body string
	zero := false
	if math.IsNaN(x) {
		neg = false
		body = nf.p.Sprint(number.Decimal(math.NaN()))
	} else if math.IsInf(x, 0) {
		body = nf.p.Sprint(number.Decimal(math.Inf(1)))
	} else {
		if nf.style == "percent" {
			abs *= 100
		}
		d := newDecimal(abs)
		minFrac := nf.minFrac
		if nf.maxSig > 0 {
			d.roundSignificant(nf.maxSig)
			minFrac = 0
			if lead := nf.minSig - d.exp; lead > minFrac {
				minFrac = lead
			}
			if d.isZero() && nf.minSig > 1 {
				minFrac = nf.minSig - 1
			}
		} else {
			d.roundFraction(nf.maxFrac)
		}
		zero = d.isZero()
		opts := []number.Option{number.MinFractionDigits(minFrac), number.MaxFractionDigits(max(d.fractionDigits(), minFrac)), number.MinIntegerDigits(nf.minInt)}
		if !nf.grouping {
			opts = append(opts, number.NoSeparator())
		}
		if nf.style == "percent" {
			// x/text's Percent multiplies by 100 itself
			body = nf.p.Sprint(number.Percent(d.float()/100, opts...))
		} else {
			body = nf.p.Sprint(number.Decimal(d.float(), opts...))
		}
	}
	switch nf.signDisplay {
	case "auto":
		if neg {
			out = append(out, part{"minusSign", nf.sym.minus})
		}
	case "always":
		if neg {
			out = append(out, part{"minusSign", nf.sym.minus})
		} else {
			out = append(out, part{"plusSign", nf.sym.plus})
		}
	case "exceptZero":
		if zero || math.IsNaN(x) {
		} else if neg {
			out = append(out, part{"minusSign", nf.sym.minus})
		} else {
			out = append(out, part{"plusSign", nf.sym.plus})
		}
	case "negative":
		if neg && !zero {
			out = append(out, part{"minusSign", nf.sym.minus})
		}
	}
	if nf.style == "currency" {
		// x/text has no currency patterns: it writes the symbol, a space and
		// the amount in every locale, and so does arun.
		out = append(out, part{"currency", nf.currencySymbol()}, part{"literal", " "})
	}
	switch {
	case math.IsNaN(x):
		out = append(out, part{"nan", body})
	case math.IsInf(x, 0):
		out = append(out, part{"infinity", body})
	default:
		out = append(out, nf.bodyParts(body)...)
	}
	return out
}

func (nf *numberFormat) currencySymbol() string {
	var f currency.Formatter
	switch nf.currencyDisplay {
	case "narrowSymbol":
		f = currency.NarrowSymbol
	case "symbol":
		f = currency.Symbol
	default: // code; name: x/text has no currency names
		return nf.cur.String()
	}
	// the formatter prints "SYM" for a bare unit
	return nf.p.Sprint(f(nf.cur))
}

// bodyParts splits x/text's digits and separators into ECMA-402 parts.
func (nf *numberFormat) bodyParts(s string) []part {
	var out []part
	add := func(typ, v string) {
		if n := len(out); n > 0 && out[n-1].typ == typ && (typ == "literal" || typ == "integer" || typ == "fraction") {
			out[n-1].value += v
			return
		}
		out = append(out, part{typ, v})
	}
	inFrac := false
	for len(s) > 0 {
		switch {
		case nf.sym.decimal != "" && strings.HasPrefix(s, nf.sym.decimal) && !inFrac:
			add("decimal", nf.sym.decimal)
			inFrac = true
			s = s[len(nf.sym.decimal):]
			continue
		case nf.sym.group != "" && strings.HasPrefix(s, nf.sym.group) && !inFrac:
			out = append(out, part{"group", nf.sym.group})
			s = s[len(nf.sym.group):]
			continue
		case nf.sym.percent != "" && strings.HasPrefix(s, nf.sym.percent):
			add("percentSign", nf.sym.percent)
			s = s[len(nf.sym.percent):]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if unicode.IsDigit(r) {
			if inFrac {
				add("fraction", s[:n])
			} else {
				add("integer", s[:n])
			}
		} else {
			add("literal", s[:n])
		}
		s = s[n:]
	}
	return out
}

func (nf *numberFormat) format(x float64) string {
	var b strings.Builder
	for _, p := range nf.parts(x) {
		b.WriteString(p.value)
	}
	return b.String()
}

// toNumber is ToIntlMathematicalValue, as a float64.
func (r *realm) toNumber(v goja.Value) float64 {
	if v == nil || goja.IsUndefined(v) {
		return math.NaN()
	}
	return v.ToFloat()
}

func (r *realm) numberFormatClass() (*goja.Object, error) {
	ctor := func(call goja.ConstructorCall) *goja.Object {
		return r.instance(call, r.newNumberFormat(call.Argument(0), call.Argument(1)))
	}
	c, err := r.class("NumberFormat", ctor,
		map[string]func(goja.FunctionCall) goja.Value{
			"formatToParts": func(call goja.FunctionCall) goja.Value {
				nf := state[*numberFormat](r, call.This, "Intl.NumberFormat.prototype.formatToParts")
				var arr []any
				for _, p := range nf.parts(r.toNumber(call.Argument(0))) {
					o := r.vm.NewObject()
					_ = o.Set("type", p.typ)
					_ = o.Set("value", p.value)
					arr = append(arr, o)
				}
				return r.vm.NewArray(arr...)
			},
			"resolvedOptions": func(call goja.FunctionCall) goja.Value {
				nf := state[*numberFormat](r, call.This, "Intl.NumberFormat.prototype.resolvedOptions")
				o := r.vm.NewObject()
				set := func(k string, v any) { _ = o.Set(k, v) }
				set("locale", nf.tag.String())
				nu := nf.tag.TypeForKey("nu")
				if nu == "" {
					nu = "latn"
				}
				set("numberingSystem", nu)
				set("style", nf.style)
				if nf.style == "currency" {
					set("currency", nf.cur.String())
					set("currencyDisplay", nf.currencyDisplay)
					set("currencySign", "standard")
				}
				set("minimumIntegerDigits", nf.minInt)
				if nf.maxSig > 0 {
					set("minimumSignificantDigits", nf.minSig)
					set("maximumSignificantDigits", nf.maxSig)
				} else {
					set("minimumFractionDigits", nf.minFrac)
					set("maximumFractionDigits", nf.maxFrac)
				}
				if nf.grouping {
					set("useGrouping", "auto")
				} else {
					set("useGrouping", false)
				}
				set("notation", "standard")
				set("signDisplay", nf.signDisplay)
				return o
			},
		},
		map[string]func(goja.FunctionCall) goja.Value{
			"format": func(call goja.FunctionCall) goja.Value {
				nf := state[*numberFormat](r, call.This, "get Intl.NumberFormat.prototype.format")
				if nf.bound == nil {
					nf.bound = r.vm.ToValue(func(c goja.FunctionCall) goja.Value {
						return r.vm.ToValue(nf.format(r.toNumber(c.Argument(0))))
					})
				}
				return nf.bound
			},
		})
	r.numFmt = c
	return c, err
}

// numberToLocaleString is Number.prototype.toLocaleString.
func (r *realm) numberToLocaleString(call goja.FunctionCall) goja.Value {
	var x float64
	switch v := call.This.Export().(type) {
	case int64:
		x = float64(v)
	case float64:
		x = v
	default:
		if obj, ok := call.This.(*goja.Object); ok && obj.ClassName() == "Number" {
			x = obj.ToFloat()
		} else {
			r.typeError("Number.prototype.toLocaleString requires that 'this' be a Number")
		}
	}
	locales, opts := call.Argument(0), call.Argument(1)
	if goja.IsUndefined(locales) && goja.IsUndefined(opts) {
		if r.numDef == nil {
			r.numDef = r.newNumberFormat(locales, opts)
		}
		return r.vm.ToValue(r.numDef.format(x))
	}
	return r.vm.ToValue(r.newNumberFormat(locales, opts).format(x))
}
