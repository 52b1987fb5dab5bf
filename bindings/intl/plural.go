package intl

import (
	"math"

	"github.com/dop251/goja"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// pluralRules is the state of an Intl.PluralRules.
type pluralRules struct {
	tag              language.Tag
	typ              string // cardinal, ordinal
	rules            *plural.Rules
	minFrac, maxFrac int
	minInt           int
}

var formNames = map[plural.Form]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

func (pr *pluralRules) selectForm(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "other"
	}
	d := newDecimal(math.Abs(x))
	d.roundFraction(pr.maxFrac)
	i, v, w, f, t := d.operands(pr.minFrac)
	return formNames[pr.rules.MatchPlural(pr.tag, i, v, w, f, t)]
}

func (r *realm) pluralRulesClass() (*goja.Object, error) {
	ctor := func(call goja.ConstructorCall) *goja.Object {
		o := r.options(call.Argument(1))
		pr := &pluralRules{tag: r.resolveLocale(call.Argument(0))}
		pr.typ = r.getString(o, "type", []string{"cardinal", "ordinal"}, "cardinal")
		pr.rules = plural.Cardinal
		if pr.typ == "ordinal" {
			pr.rules = plural.Ordinal
		}
		pr.minInt, _ = r.getNumber(o, "minimumIntegerDigits", 1, 21, 1)
		minFrac, hasMin := r.getNumber(o, "minimumFractionDigits", 0, 20, 0)
		def := 3
		if hasMin && minFrac > def {
			def = minFrac
		}
		maxFrac, _ := r.getNumber(o, "maximumFractionDigits", 0, 20, def)
		if minFrac > maxFrac {
			r.rangeError("maximumFractionDigits value is out of range.")
		}
		pr.minFrac, pr.maxFrac = minFrac, maxFrac
		return r.instance(call, pr)
	}
	return r.class("PluralRules", ctor, map[string]func(goja.FunctionCall) goja.Value{
		"select": func(call goja.FunctionCall) goja.Value {
			pr := state[*pluralRules](r, call.This, "Intl.PluralRules.prototype.select")
			return r.vm.ToValue(pr.selectForm(r.toNumber(call.Argument(0))))
		},
		"resolvedOptions": func(call goja.FunctionCall) goja.Value {
			pr := state[*pluralRules](r, call.This, "Intl.PluralRules.prototype.resolvedOptions")
			o := r.vm.NewObject()
			_ = o.Set("locale", pr.tag.String())
			_ = o.Set("type", pr.typ)
			_ = o.Set("minimumIntegerDigits", pr.minInt)
			_ = o.Set("minimumFractionDigits", pr.minFrac)
			_ = o.Set("maximumFractionDigits", pr.maxFrac)
			// the categories the locale uses, found by asking its rules
			// about sample numbers in CLDR's order
			seen := map[string]bool{}
			for _, x := range []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 20, 21, 22, 23, 100, 101, 102, 103, 111, 1000000, 0.5, 1.5} {
				seen[pr.selectForm(x)] = true
			}
			var cats []any
			for _, n := range []string{"zero", "one", "two", "few", "many", "other"} {
				if seen[n] {
					cats = append(cats, n)
				}
			}
			_ = o.Set("pluralCategories", r.vm.NewArray(cats...))
			return o
		},
	}, nil)
}
