package intl

import (
	"strings"
	"sync"
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator is the state of an Intl.Collator.
type collator struct {
	tag         language.Tag
	dataTag     language.Tag // the x/text collation locale serving tag
	usage       string
	sensitivity string
	numeric     bool
	ignorePunct bool
	c           *collate.Collator
	bound       goja.Value
}

func (r *realm) newCollator(locales, opts goja.Value) *collator {
	o := r.options(opts)
	cl := &collator{}
	cl.usage = r.getString(o, "usage", []string{"sort", "search"}, "sort")
	cl.tag = r.resolveLocale(locales, "kn", "co")
	cl.dataTag = collationLocale(cl.tag)
	numeric, ok := r.getBool(o, "numeric")
	if !ok {
		numeric = cl.tag.TypeForKey("kn") == "true" || cl.tag.TypeForKey("kn") == "yes"
	}
	cl.numeric = numeric
	if cf := r.getString(o, "caseFirst", []string{"upper", "lower", "false"}, ""); cf != "" && cf != "false" {
		r.rangeError("Intl.Collator: caseFirst %q is not supported by arun (x/text's collate has no case-first option)", cf)
	}
	cl.sensitivity = r.getString(o, "sensitivity", []string{"base", "accent", "case", "variant"}, "variant")
	cl.ignorePunct, _ = r.getBool(o, "ignorePunctuation")
	var copts []collate.Option
	switch cl.sensitivity {
	case "base":
		copts = append(copts, collate.IgnoreCase, collate.IgnoreDiacritics)
	case "accent":
		copts = append(copts, collate.IgnoreCase)
	case "case":
		copts = append(copts, collate.IgnoreDiacritics)
	}
	if cl.numeric {
		copts = append(copts, collate.Numeric)
	}
	cl.c = collate.New(cl.tag, copts...)
	return cl
}

func (cl *collator) compare(a, b string) int {
	if cl.ignorePunct {
		a, b = stripPunct(a), stripPunct(b)
	}
	return cl.c.CompareString(a, b)
}

func (r *realm) collatorClass() (*goja.Object, error) {
	ctor := func(call goja.ConstructorCall) *goja.Object {
		return r.instance(call, r.newCollator(call.Argument(0), call.Argument(1)))
	}
	c, err := r.class("Collator", ctor, map[string]func(goja.FunctionCall) goja.Value{
		"resolvedOptions": func(call goja.FunctionCall) goja.Value {
			cl := state[*collator](r, call.This, "Intl.Collator.prototype.resolvedOptions")
			o := r.vm.NewObject()
			_ = o.Set("locale", cl.dataTag.String())
			_ = o.Set("usage", cl.usage)
			_ = o.Set("sensitivity", cl.sensitivity)
			_ = o.Set("ignorePunctuation", cl.ignorePunct)
			co := cl.tag.TypeForKey("co")
			if co == "" {
				co = "default"
			}
			_ = o.Set("collation", co)
			_ = o.Set("numeric", cl.numeric)
			_ = o.Set("caseFirst", "false")
			return o
		},
	}, map[string]func(goja.FunctionCall) goja.Value{
		"compare": func(call goja.FunctionCall) goja.Value {
			cl := state[*collator](r, call.This, "get Intl.Collator.prototype.compare")
			if cl.bound == nil {
				cl.bound = r.vm.ToValue(func(c goja.FunctionCall) goja.Value {
					return r.vm.ToValue(cl.compare(c.Argument(0).String(), c.Argument(1).String()))
				})
			}
			return cl.bound
		},
	})
	r.coll = c
	return c, err
}

// localeCompare is String.prototype.localeCompare.
func (r *realm) localeCompare(call goja.FunctionCall) goja.Value {
	if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
		r.typeError("String.prototype.localeCompare called on null or undefined")
	}
	a, b := call.This.String(), call.Argument(0).String()
	locales, opts := call.Argument(1), call.Argument(2)
	if goja.IsUndefined(locales) && goja.IsUndefined(opts) {
		if r.collDef == nil {
			r.collDef = r.newCollator(locales, opts)
		}
		return r.vm.ToValue(r.collDef.compare(a, b))
	}
	return r.vm.ToValue(r.newCollator(locales, opts).compare(a, b))
}

// stripPunct drops punctuation and white space, what ignorePunctuation
// ignores.
func stripPunct(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// collationMatcher finds, among the locales x/text has collation tables
// for, the one serving a tag (de-DE is served by de).
// It is built on first use, not at start-up.
var collationMatcher = sync.OnceValue(func() language.Matcher { return language.NewMatcher(collate.Supported()) })

func collationLocale(t language.Tag) language.Tag {
	_, i, conf := collationMatcher().Match(stripExtensions(t))
	if conf == language.No || conf == language.Low {
		// no tailoring: the root order serves the language, as in CLDR
		b, _ := t.Base()
		if bt, err := language.Raw.Compose(b); err == nil {
			return bt
		}
		return language.Und
	}
	return stripExtensions(collate.Supported()[i])
}
