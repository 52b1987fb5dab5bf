package intl

import (
	"fmt"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

// Modules: Intl has no module of its own.
func Modules() []bindings.Module { return nil }

// Globals installs the lazy global Intl and the locale-aware
// String.prototype.localeCompare and Number.prototype.toLocaleString.
func Globals() []bindings.Global { return []bindings.Global{install} }

// realm is one runtime's Intl: its default locale and the objects built on
// first use.
type realm struct {
	env     *bindings.Env
	vm      *goja.Runtime
	def     language.Tag
	slot    *goja.Symbol // the key under which an instance keeps its Go state
	intl    *goja.Object
	numFmt  *goja.Object // Intl.NumberFormat
	coll    *goja.Object // Intl.Collator
	numDef  *numberFormat
	collDef *collator
}

func install(env *bindings.Env) error {
	r := &realm{env: env, vm: env.VM, def: defaultLocale(env.Host.Env), slot: goja.NewSymbol("intl")}
	vm := env.VM
	if err := env.LazyGlobals([]string{"Intl"}, func() (*goja.Object, error) {
		if err := r.build(); err != nil {
			return nil, err
		}
		holder := vm.NewObject()
		return holder, holder.Set("Intl", r.intl)
	}); err != nil {
		return err
	}
	strProto := vm.Get("String").ToObject(vm).Get("prototype").ToObject(vm)
	if err := strProto.DefineDataProperty("localeCompare", vm.ToValue(r.localeCompare), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	numProto := vm.Get("Number").ToObject(vm).Get("prototype").ToObject(vm)
	return numProto.DefineDataProperty("toLocaleString", vm.ToValue(r.numberToLocaleString), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// defaultLocale reads LC_ALL, then LANG ("de_DE.UTF-8", "pt_BR", "C"), and
// falls back to en-US.
func defaultLocale(env map[string]string) language.Tag {
	for _, k := range []string{"LC_ALL", "LANG"} {
		v := env[k]
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".") // codeset
		v, _, _ = strings.Cut(v, "@") // modifier
		if v == "C" || v == "POSIX" || v == "" {
			break
		}
		if t, err := language.Parse(strings.ReplaceAll(v, "_", "-")); err == nil {
			return t
		}
		break
	}
	return language.AmericanEnglish
}

// build creates the Intl object; it runs once, on first use.
func (r *realm) build() error {
	if r.intl != nil {
		return nil
	}
	vm := r.vm
	o := vm.NewObject()
	if err := o.SetSymbol(goja.SymToStringTag, "Intl"); err != nil {
		return err
	}
	set := func(name string, v any) error {
		return o.DefineDataProperty(name, vm.ToValue(v), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	if err := set("getCanonicalLocales", r.getCanonicalLocales); err != nil {
		return err
	}
	r.intl = o
	for _, c := range []struct {
		name string
		make func() (*goja.Object, error)
	}{
		{"Locale", r.localeClass},
		{"NumberFormat", r.numberFormatClass},
		{"PluralRules", r.pluralRulesClass},
		{"Collator", r.collatorClass},
	} {
		ctor, err := c.make()
		if err != nil {
			return fmt.Errorf("intl: %s: %w", c.name, err)
		}
		if err := set(c.name, ctor); err != nil {
			return err
		}
	}
	return nil
}

// rangeError throws a RangeError with msg.
func (r *realm) rangeError(format string, args ...any) {
	ctor, _ := goja.AssertConstructor(r.vm.Get("RangeError"))
	obj, err := ctor(nil, r.vm.ToValue(fmt.Sprintf(format, args...)))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

func (r *realm) typeError(format string, args ...any) {
	panic(r.vm.NewTypeError(fmt.Sprintf(format, args...)))
}

// canonicalizeList is CanonicalizeLocaleList: undefined is none, a string is
// one, otherwise an array-like of strings (or Locale objects).
func (r *realm) canonicalizeList(v goja.Value) []language.Tag {
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	var items []goja.Value
	if s, ok := v.Export().(string); ok {
		items = []goja.Value{r.vm.ToValue(s)}
	} else if lt := r.localeOf(v); lt != nil {
		return []language.Tag{lt.tag}
	} else {
		if goja.IsNull(v) {
			r.typeError("Intl: locales cannot be null")
		}
		obj := v.ToObject(r.vm)
		n := obj.Get("length")
		length := int64(0)
		if n != nil {
			length = n.ToInteger()
		}
		for i := int64(0); i < length; i++ {
			items = append(items, obj.Get(fmt.Sprint(i)))
		}
	}
	var out []language.Tag
	seen := map[string]bool{}
	for _, it := range items {
		var t language.Tag
		if lt := r.localeOf(it); lt != nil {
			t = lt.tag
		} else {
			if _, ok := it.Export().(string); !ok {
				r.typeError("Intl: locale %s is not a string or Locale", it.String())
			}
			t = r.parseTag(it.String())
		}
		if s := t.String(); !seen[s] {
			seen[s] = true
			out = append(out, t)
		}
	}
	return out
}

// parseTag parses a BCP 47 tag strictly: x/text accepts some ill-formed
// tags with a partial result and an error, which ECMA-402 rejects.
func (r *realm) parseTag(s string) language.Tag {
	t, err := language.Parse(s)
	if err != nil || s == "" {
		r.rangeError("Incorrect locale information provided: %q", s)
	}
	return t
}

func (r *realm) getCanonicalLocales(call goja.FunctionCall) goja.Value {
	tags := r.canonicalizeList(call.Argument(0))
	out := make([]any, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return r.vm.NewArray(out...)
}

// resolveLocale picks the first requested locale (or the default) and
// drops its Unicode extensions except the keys in keep.
func (r *realm) resolveLocale(v goja.Value, keep ...string) language.Tag {
	tags := r.canonicalizeList(v)
	t := r.def
	if len(tags) > 0 {
		t = tags[0]
	}
	return stripExtensions(t, keep...)
}

// stripExtensions keeps only the base tag and the -u- keys named in keep.
func stripExtensions(t language.Tag, keep ...string) language.Tag {
	base, err := language.Raw.Compose(t.Raw())
	if err != nil {
		return t
	}
	if vs := t.Variants(); len(vs) > 0 {
		parts := []any{base}
		for _, v := range vs {
			parts = append(parts, v)
		}
		if b, err := language.Raw.Compose(parts...); err == nil {
			base = b
		}
	}
	var kv []string
	for _, k := range keep {
		if v := t.TypeForKey(k); v != "" {
			kv = append(kv, k, v)
		}
	}
	if len(kv) == 0 {
		return base
	}
	ext, err := language.ParseExtension("u-" + strings.Join(kv, "-"))
	if err != nil {
		return base
	}
	out, err := language.Raw.Compose(base, ext)
	if err != nil {
		return base
	}
	return out
}

// options reads an options argument: undefined is an empty object.
func (r *realm) options(v goja.Value) *goja.Object {
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	if goja.IsNull(v) {
		r.typeError("Intl: options cannot be null")
	}
	return v.ToObject(r.vm)
}

// getString is GetOption for a string with allowed values.
func (r *realm) getString(o *goja.Object, name string, allowed []string, def string) string {
	if o == nil {
		return def
	}
	v := o.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return def
	}
	s := v.String()
	if allowed == nil {
		return s
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	r.rangeError("Value %s out of range for Intl options property %s", s, name)
	return ""
}

// getBool is GetOption for a boolean; ok is false when absent.
func (r *realm) getBool(o *goja.Object, name string) (val, ok bool) {
	if o == nil {
		return false, false
	}
	v := o.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return false, false
	}
	return v.ToBoolean(), true
}

// getNumber is GetNumberOption: an integer in [lo, hi] or def when absent.
func (r *realm) getNumber(o *goja.Object, name string, lo, hi, def int) (int, bool) {
	if o == nil {
		return def, false
	}
	v := o.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return def, false
	}
	f := v.ToFloat()
	if f != f || f < float64(lo) || f > float64(hi) {
		r.rangeError("%s value is out of range.", name)
	}
	return int(f), true
}

// instance makes the object a constructor returns: proto from new.target
// (so subclasses work) and the Go state under r.slot.
func (r *realm) instance(call goja.ConstructorCall, state any) *goja.Object {
	obj := call.This
	if err := obj.DefineDataPropertySymbol(r.slot, r.vm.ToValue(state), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	return obj
}

// state returns this's Go state of type T, or throws a TypeError naming
// the method.
func state[T any](r *realm, this goja.Value, method string) T {
	var zero T
	if obj, ok := this.(*goja.Object); ok {
		if v := obj.GetSymbol(r.slot); v != nil {
			if s, ok := v.Export().(T); ok {
				return s
			}
		}
	}
	r.typeError("Method %s called on incompatible receiver %s", method, this.String())
	return zero
}

// class builds a constructor with a prototype of methods and getters.
func (r *realm) class(name string, ctor func(goja.ConstructorCall) *goja.Object, methods map[string]func(goja.FunctionCall) goja.Value, getters map[string]func(goja.FunctionCall) goja.Value) (*goja.Object, error) {
	vm := r.vm
	c := vm.ToValue(ctor).ToObject(vm)
	proto := c.Get("prototype").ToObject(vm)
	if err := proto.SetSymbol(goja.SymToStringTag, "Intl."+name); err != nil {
		return nil, err
	}
	for n, f := range methods {
		if err := proto.DefineDataProperty(n, vm.ToValue(f), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			return nil, err
		}
	}
	for n, f := range getters {
		if err := proto.DefineAccessorProperty(n, vm.ToValue(f), nil, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, err
		}
	}
	if err := c.DefineDataProperty("supportedLocalesOf", vm.ToValue(r.supportedLocalesOf), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		return nil, err
	}
	return c, nil
}

// supportedLocalesOf returns the requested locales x/text has data for (its
// language matcher finds a supported locale of the same language).
func (r *realm) supportedLocalesOf(call goja.FunctionCall) goja.Value {
	var out []any
	for _, t := range r.canonicalizeList(call.Argument(0)) {
		b, conf := t.Base()
		if conf != language.No && b.String() != "und" {
			out = append(out, stripExtensions(t).String())
		}
	}
	return r.vm.NewArray(out...)
}
