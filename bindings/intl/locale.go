package intl

import (
	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

// locale is the state of an Intl.Locale.
type locale struct{ tag language.Tag }

// localeOf returns v's Locale state, or nil when v is not an Intl.Locale.
func (r *realm) localeOf(v goja.Value) *locale {
	if obj, ok := v.(*goja.Object); ok {
		if s := obj.GetSymbol(r.slot); s != nil {
			if l, ok := s.Export().(*locale); ok {
				return l
			}
		}
	}
	return nil
}

func (r *realm) localeClass() (*goja.Object, error) {
	ctor := func(call goja.ConstructorCall) *goja.Object {
		arg := call.Argument(0)
		var t language.Tag
		if l := r.localeOf(arg); l != nil {
			t = l.tag
		} else if s, ok := arg.Export().(string); ok {
			t = r.parseTag(s)
		} else {
			r.typeError("Intl.Locale: first argument must be a string or Locale, got %s", arg.String())
		}
		if o := r.options(call.Argument(1)); o != nil {
			parts := []any{}
			b, s, rg := t.Raw()
			if v := r.getString(o, "language", nil, ""); v != "" {
				nb, err := language.ParseBase(v)
				if err != nil {
					r.rangeError("Intl.Locale: invalid language %q", v)
				}
				b = nb
			}
			if v := r.getString(o, "script", nil, ""); v != "" {
				ns, err := language.ParseScript(v)
				if err != nil {
					r.rangeError("Intl.Locale: invalid script %q", v)
				}
				s = ns
			}
			if v := r.getString(o, "region", nil, ""); v != "" {
				nr, err := language.ParseRegion(v)
				if err != nil {
					r.rangeError("Intl.Locale: invalid region %q", v)
				}
				rg = nr
			}
			parts = append(parts, b, s, rg)
			for _, v := range t.Variants() {
				parts = append(parts, v)
			}
			for _, e := range t.Extensions() {
				parts = append(parts, e)
			}
			nt, err := language.Raw.Compose(parts...)
			if err != nil {
				r.rangeError("Intl.Locale: %v", err)
			}
			t = nt
		}
		return r.instance(call, &locale{tag: t})
	}
	get := func(name string, f func(l *locale) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			return f(state[*locale](r, call.This, "Intl.Locale.prototype."+name))
		}
	}
	str := func(s string) goja.Value {
		if s == "" {
			return goja.Undefined()
		}
		return r.vm.ToValue(s)
	}
	toString := get("toString", func(l *locale) goja.Value { return r.vm.ToValue(l.tag.String()) })
	return r.class("Locale", ctor,
		map[string]func(goja.FunctionCall) goja.Value{
			"toString": toString,
			"maximize": get("maximize", func(l *locale) goja.Value {
				b, _ := l.tag.Base()
				s, _ := l.tag.Script()
				rg, _ := l.tag.Region()
				parts := []any{b, s, rg}
				for _, v := range l.tag.Variants() {
					parts = append(parts, v)
				}
				for _, e := range l.tag.Extensions() {
					parts = append(parts, e)
				}
				t, err := language.Raw.Compose(parts...)
				if err != nil {
					r.rangeError("Intl.Locale.prototype.maximize: %v", err)
				}
				ctor, _ := goja.AssertConstructor(r.intl.Get("Locale"))
				obj, err := ctor(nil, r.vm.ToValue(t.String()))
				if err != nil {
					panic(err)
				}
				return obj
			}),
		},
		map[string]func(goja.FunctionCall) goja.Value{
			"baseName": get("baseName", func(l *locale) goja.Value { return r.vm.ToValue(stripExtensions(l.tag).String()) }),
			"language": get("language", func(l *locale) goja.Value { b, _, _ := l.tag.Raw(); return r.vm.ToValue(b.String()) }),
			"script": get("script", func(l *locale) goja.Value {
				_, s, _ := l.tag.Raw()
				if s == (language.Script{}) {
					return goja.Undefined()
				}
				return str(s.String())
			}),
			"region": get("region", func(l *locale) goja.Value {
				_, _, rg := l.tag.Raw()
				if rg == (language.Region{}) {
					return goja.Undefined()
				}
				return str(rg.String())
			}),
			"numberingSystem": get("numberingSystem", func(l *locale) goja.Value { return str(l.tag.TypeForKey("nu")) }),
			"collation":       get("collation", func(l *locale) goja.Value { return str(l.tag.TypeForKey("co")) }),
			"calendar":        get("calendar", func(l *locale) goja.Value { return str(l.tag.TypeForKey("ca")) }),
		})
}
