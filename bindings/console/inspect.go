package console

import (
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// InspectOptions controls Inspect. Zero value = Node defaults (depth 2, no colors).
type InspectOptions struct {
	// Depth is how many levels of nesting are expanded. 0 means the default
	// (2); -1 means unlimited.
	Depth int
	// Colors enables ANSI colors like Node's util.inspect with colors:true.
	Colors bool
	// BreakLength is the line width used to decide whether an object fits
	// on a single line. 0 means 80.
	BreakLength int
}

// Inspect formats v like Node's util.inspect.
//
// JavaScript exceptions thrown while inspecting (for example by a custom
// inspect function) are caught; the result then describes the exception.
func Inspect(vm *goja.Runtime, v goja.Value, opts InspectOptions) string {
	return inspectWith(newRealm(vm), v, opts)
}

func inspectWith(r *realm, v goja.Value, opts InspectOptions) (res string) {
	c := newCtx(r)
	switch {
	case opts.Depth < 0:
		c.depth = unlimitedDepth
	case opts.Depth > 0:
		c.depth = opts.Depth
	}
	c.colors = opts.Colors
	if opts.BreakLength > 0 {
		c.breakLength = opts.BreakLength
	}
	if ex := r.vm.Try(func() { res = c.formatValue(v, 0, false) }); ex != nil {
		return "[Inspection threw: " + CleanStack(ex.Error()) + "]"
	}
	return res
}

const unlimitedDepth = math.MaxInt32

const (
	kObjectType = iota
	kArrayType
	kArrayExtrasType
)

type inspectCtx struct {
	r               *realm
	depth           int
	colors          bool
	breakLength     int
	compact         int // 0 == compact:false
	showHidden      bool
	showProxy       bool
	customInspect   bool
	maxArrayLength  int
	maxStringLength int
	sorted          bool
	sortFn          goja.Value // a comparator given as sorted, or nil

	indentationLvl int
	seen           []*goja.Object
	circular       map[*goja.Object]int
	currentDepth   int
}

func newCtx(r *realm) *inspectCtx {
	return &inspectCtx{
		r:               r,
		depth:           2,
		breakLength:     80,
		compact:         3,
		customInspect:   true,
		maxArrayLength:  100,
		maxStringLength: 10000,
	}
}

var styles = map[string][2]int{
	"special":   {36, 39},
	"number":    {33, 39},
	"bigint":    {33, 39},
	"boolean":   {33, 39},
	"undefined": {90, 39},
	"null":      {1, 22},
	"string":    {32, 39},
	"symbol":    {32, 39},
	"date":      {35, 39},
	"regexp":    {31, 39},
	"module":    {4, 24},
}

func (c *inspectCtx) stylize(s, style string) string {
	if !c.colors {
		return s
	}
	return stylizeColor(s, style)
}

func stylizeColor(s, style string) string {
	if st, ok := styles[style]; ok {
		return "\x1b[" + strconv.Itoa(st[0]) + "m" + s + "\x1b[" + strconv.Itoa(st[1]) + "m"
	}
	return s
}

func noStyle(s, _ string) string { return s }

func (c *inspectCtx) depthExceeded(recurseTimes int) bool {
	return recurseTimes > c.depth
}

// ---------------------------------------------------------------------------
// primitives

type primKind int

const (
	primUndefined primKind = iota
	primNull
	primBool
	primNumber
	primBigInt
	primString
	primSymbol
	primObject
)

var (
	typeInt64  = reflect.TypeOf(int64(0))
	typeFloat  = reflect.TypeOf(float64(0))
	typeBool   = reflect.TypeOf(false)
	typeBigInt = reflect.TypeOf((*big.Int)(nil))
)

func primitiveKind(v goja.Value) primKind {
	switch v.(type) {
	case *goja.Object:
		return primObject
	case *goja.Symbol:
		return primSymbol
	case goja.String:
		return primString
	}
	if v == nil || goja.IsUndefined(v) {
		return primUndefined
	}
	if goja.IsNull(v) {
		return primNull
	}
	switch v.ExportType() {
	case typeBool:
		return primBool
	case typeInt64, typeFloat:
		return primNumber
	case typeBigInt:
		return primBigInt
	}
	return primString
}

func formatNumber(fn func(string, string) string, v goja.Value) string {
	if v.ExportType() == typeFloat {
		f := v.ToFloat()
		if f == 0 && math.Signbit(f) {
			return fn("-0", "number")
		}
	}
	return fn(v.String(), "number")
}

func formatBigInt(fn func(string, string) string, v goja.Value) string {
	return fn(v.String()+"n", "bigint")
}

func symbolString(s *goja.Symbol) string {
	return "Symbol(" + s.String() + ")"
}

func (c *inspectCtx) formatPrimitive(fn func(string, string) string, v goja.Value) string {
	switch primitiveKind(v) {
	case primUndefined:
		return fn("undefined", "undefined")
	case primNull:
		return fn("null", "null")
	case primBool:
		return fn(v.String(), "boolean")
	case primNumber:
		return formatNumber(fn, v)
	case primBigInt:
		return formatBigInt(fn, v)
	case primSymbol:
		return fn(symbolString(v.(*goja.Symbol)), "symbol")
	}
	// string
	s, _ := v.(goja.String)
	length := len(v.String())
	if s != nil {
		length = s.Length()
	}
	trailer := ""
	if length > c.maxStringLength && s != nil {
		remaining := length - c.maxStringLength
		v = s.Substring(0, c.maxStringLength)
		length = c.maxStringLength
		trailer = "... " + strconv.Itoa(remaining) + " more character"
		if remaining > 1 {
			trailer += "s"
		}
	}
	if length > 16 && length > c.breakLength-c.indentationLvl-4 {
		str := v.String()
		if strings.Contains(str, "\n") && s != nil {
			// split after each newline, operating on code units
			var parts []string
			u := units(v)
			start := 0
			for i, cu := range u {
				if cu == '\n' {
					parts = append(parts, fn(strEscapeUnits(u[start:i+1]), "string"))
					start = i + 1
				}
			}
			if start < len(u) {
				parts = append(parts, fn(strEscapeUnits(u[start:]), "string"))
			}
			return strings.Join(parts, " +\n"+strings.Repeat(" ", c.indentationLvl+2)) + trailer
		}
	}
	return fn(strEscapeValue(v), "string") + trailer
}

// ---------------------------------------------------------------------------
// values

func (c *inspectCtx) formatValue(v goja.Value, recurseTimes int, typedArray bool) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return c.formatPrimitive(c.stylize, v)
	}
	context := o
	if kindOf(o) == kindProxy {
		p, ok := o.Export().(goja.Proxy)
		if ok {
			target := p.Target()
			if target == nil {
				return c.stylize("<Revoked Proxy>", "special")
			}
			if c.showProxy {
				return c.formatProxy(p, recurseTimes)
			}
			for kindOf(target) == kindProxy {
				pp, ok := target.Export().(goja.Proxy)
				if !ok || pp.Target() == nil {
					break
				}
				target = pp.Target()
			}
			o = target
		}
	}

	if c.customInspect && c.r.customSym != nil {
		maybeCustom := o.GetSymbol(c.r.customSym)
		if fn, ok := goja.AssertFunction(maybeCustom); ok && !c.isPrototypeObject(o) {
			var depthArg goja.Value
			if c.depth == unlimitedDepth {
				depthArg = goja.Null()
			} else {
				depthArg = c.r.vm.ToValue(c.depth - recurseTimes)
			}
			ret, err := fn(context, depthArg, c.userOptions(), c.r.inspectFunction())
			if err != nil {
				panic(err)
			}
			if ro, ok := ret.(*goja.Object); !ok || ro != context {
				if _, isStr := ret.(goja.String); !isStr {
					return c.formatValue(ret, recurseTimes, false)
				}
				return strings.ReplaceAll(ret.String(), "\n", "\n"+strings.Repeat(" ", c.indentationLvl))
			}
		}
	}

	for _, s := range c.seen {
		if s == o {
			index := 1
			if c.circular == nil {
				c.circular = map[*goja.Object]int{o: 1}
			} else if i, ok := c.circular[o]; ok {
				index = i
			} else {
				index = len(c.circular) + 1
				c.circular[o] = index
			}
			return c.stylize("[Circular *"+strconv.Itoa(index)+"]", "special")
		}
	}
	return c.formatRaw(o, recurseTimes, typedArray)
}

func (c *inspectCtx) isPrototypeObject(o *goja.Object) bool {
	ctor, ok := o.Get("constructor").(*goja.Object)
	if !ok {
		return false
	}
	p, ok := ctor.Get("prototype").(*goja.Object)
	return ok && p == o
}

func (c *inspectCtx) formatProxy(p goja.Proxy, recurseTimes int) string {
	if c.depthExceeded(recurseTimes) {
		return c.stylize("Proxy [Array]", "special")
	}
	recurseTimes++
	c.indentationLvl += 2
	var h goja.Value = goja.Null()
	if p.Handler() != nil {
		h = p.Handler()
	}
	res := []string{c.formatValue(p.Target(), recurseTimes, false), c.formatValue(h, recurseTimes, false)}
	c.indentationLvl -= 2
	return c.reduceToSingleString(res, "", [2]string{"Proxy [", "]"}, kArrayExtrasType, recurseTimes, nil)
}

// key is an own property key: either a string or a symbol.
type key struct {
	name string
	sym  *goja.Symbol
	// virtual keys are read with [[Get]] when they are not own properties.
}

func (k key) value(vm *goja.Runtime) goja.Value {
	if k.sym != nil {
		return k.sym
	}
	return vm.ToValue(k.name)
}

func (c *inspectCtx) getKeys(o *goja.Object, nonIndex bool) []key {
	var names []string
	fast := false
	if nonIndex {
		if k := kindOf(o); k == kindArray || k == kindTypedArray {
			names, fast = ownNonIndexNames(o)
			if fast && !c.showHidden {
				filtered := names[:0:0]
				for _, n := range names {
					if k == kindArray && n == "length" {
						continue
					}
					if c.r.desc(o, c.r.vm.ToValue(n)).enumerable {
						filtered = append(filtered, n)
					}
				}
				names = filtered
			}
		}
	}
	if !fast {
		if c.showHidden {
			names = o.GetOwnPropertyNames()
		} else {
			names = o.Keys()
		}
	}
	keys := make([]key, 0, len(names))
	for _, n := range names {
		if nonIndex && isIndexKey(n) {
			continue
		}
		keys = append(keys, key{name: n})
	}
	if c.showHidden {
		if c.r.gops != nil {
			syms, err := c.r.gops(nil, o)
			if err == nil {
				if so, ok := syms.(*goja.Object); ok {
					for _, k := range so.Keys() {
						if s, ok := so.Get(k).(*goja.Symbol); ok {
							keys = append(keys, key{sym: s})
						}
					}
				}
			}
		}
	} else {
		for _, s := range o.Symbols() {
			if s != nil {
				keys = append(keys, key{sym: s})
			}
		}
	}
	return keys
}

// constructorName implements Node's getConstructorName. ok is false for a
// null-prototype chain.
func (c *inspectCtx) constructorName(obj *goja.Object, recurseTimes int) (string, bool) {
	tmp := obj
	var firstProto *goja.Object
	firstSet := false
	cur := obj
	for cur != nil {
		if cur == c.r.objectProto {
			return "Object", true
		}
		if cur == c.r.functionProto && c.r.functionProto != nil {
			return "Function", true
		}
		d := c.r.desc(cur, c.r.vm.ToValue("constructor"))
		if d.exists && d.value != nil {
			if fo, ok := d.value.(*goja.Object); ok {
				if _, isFn := goja.AssertFunction(fo); isFn {
					name := fo.Get("name")
					if name != nil && !goja.IsUndefined(name) && name.String() != "" && c.r.instanceOf(tmp, fo) {
						return name.String(), true
					}
				}
			}
		}
		cur = cur.Prototype()
		if !firstSet {
			firstProto = cur
			firstSet = true
		}
	}
	if firstProto == nil {
		return "", false
	}
	res := internalClassName(tmp)
	if c.depthExceeded(recurseTimes) {
		return res + " <Complex prototype>", true
	}
	protoConstr, ok := c.constructorName(firstProto, recurseTimes+1)
	if !ok {
		sub := newCtx(c.r)
		sub.colors = c.colors
		sub.customInspect = false
		sub.depth = -1
		return res + " <" + sub.formatValue(firstProto, 0, false) + ">", true
	}
	return res + " <" + protoConstr + ">", true
}

func internalClassName(o *goja.Object) string {
	switch kindOf(o) {
	case kindArray:
		return "Array"
	case kindMap:
		return "Map"
	case kindSet:
		return "Set"
	case kindError:
		return "Error"
	case kindFunction, kindAsyncFunction, kindGeneratorFunction, kindClass:
		return "Function"
	}
	return "Object"
}

func getPrefix(ctor string, hasCtor bool, tag, fallback, size string) string {
	if !hasCtor {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && ctor != tag {
		return ctor + size + " [" + tag + "] "
	}
	return ctor + size + " "
}

func (c *inspectCtx) ctxStyle(o *goja.Object, ctor string, hasCtor bool, tag string) string {
	fallback := ""
	if !hasCtor {
		fallback = internalClassName(o)
		if fallback == tag {
			fallback = "Object"
		}
	}
	return getPrefix(ctor, hasCtor, tag, fallback, "")
}

type formatterFunc func(o *goja.Object, recurseTimes int) []string

func (c *inspectCtx) formatRaw(value *goja.Object, recurseTimes int, typedArray bool) string {
	vm := c.r.vm
	ctor, hasCtor := c.constructorName(value, recurseTimes)

	tag := ""
	if tv, ok := value.GetSymbol(goja.SymToStringTag).(goja.String); ok {
		tag = tv.String()
		if tag != "" {
			d := c.r.desc(value, goja.SymToStringTag)
			if d.exists && (c.showHidden || d.enumerable) {
				tag = ""
			}
		}
	}

	base := ""
	var formatter formatterFunc = func(*goja.Object, int) []string { return nil }
	var braces [2]string
	extrasType := kObjectType
	var keys []key
	kind := kindOf(value)
	noIterator := true
	var arrayValue *goja.Object

	switch kind {
	case kindArray:
		noIterator = false
		prefix := ""
		length := toLength(value.Get("length"))
		if ctor != "Array" || tag != "" {
			prefix = getPrefix(ctor, hasCtor, tag, "Array", "("+strconv.FormatInt(length, 10)+")")
		}
		keys = c.getKeys(value, true)
		braces = [2]string{prefix + "[", "]"}
		if length == 0 && len(keys) == 0 {
			return braces[0] + "]"
		}
		extrasType = kArrayExtrasType
		formatter = c.formatArray
		arrayValue = value
	case kindSet, kindMap:
		noIterator = false
		size := toLength(value.Get("size"))
		name := "Set"
		formatter = c.formatSet
		if kind == kindMap {
			name = "Map"
			formatter = c.formatMap
		}
		prefix := getPrefix(ctor, hasCtor, tag, name, "("+strconv.FormatInt(size, 10)+")")
		keys = c.getKeys(value, false)
		if size == 0 && len(keys) == 0 {
			return prefix + "{}"
		}
		braces = [2]string{prefix + "{", "}"}
	case kindTypedArray:
		noIterator = false
		keys = c.getKeys(value, true)
		fallback := ""
		if !hasCtor {
			if t, ok := value.GetSymbol(goja.SymToStringTag).(goja.String); ok {
				fallback = t.String()
			}
		}
		size := toLength(value.Get("length"))
		prefix := getPrefix(ctor, hasCtor, tag, fallback, "("+strconv.FormatInt(size, 10)+")")
		braces = [2]string{prefix + "[", "]"}
		if size == 0 && len(keys) == 0 && !c.showHidden {
			return braces[0] + "]"
		}
		formatter = func(o *goja.Object, rt int) []string { return c.formatTypedArray(o, size, rt) }
		extrasType = kArrayExtrasType
		arrayValue = value
	}

	if noIterator {
		keys = c.getKeys(value, kind == kindBoxedString)
		braces = [2]string{"{", "}"}
		switch {
		case isFunctionKind(kind):
			base = c.functionBase(value, kind, ctor, hasCtor, tag)
			if len(keys) == 0 {
				return c.stylize(base, "special")
			}
		case ctor == "Object" && hasCtor:
			if kind == kindArguments {
				braces[0] = "[Arguments] {"
			} else if tag != "" {
				braces[0] = getPrefix(ctor, hasCtor, tag, "Object", "") + "{"
			}
			if len(keys) == 0 {
				return braces[0] + "}"
			}
		case kind == kindRegExp:
			src := value
			if !hasCtor {
				if nv, err := vm.New(vm.Get("RegExp"), value); err == nil {
					src = nv
				}
			}
			base = c.r.call("RegExp.prototype.toString", src).String()
			prefix := getPrefix(ctor, hasCtor, tag, "RegExp", "")
			if prefix != "RegExp " {
				base = prefix + base
			}
			if len(keys) == 0 || c.depthExceeded(recurseTimes) {
				return c.stylize(base, "regexp")
			}
		case kind == kindDate:
			t := c.r.call("Date.prototype.getTime", value).ToFloat()
			if math.IsNaN(t) {
				base = "Invalid Date"
			} else {
				base = c.r.call("Date.prototype.toISOString", value).String()
			}
			prefix := getPrefix(ctor, hasCtor, tag, "Date", "")
			if prefix != "Date " {
				base = prefix + base
			}
			if len(keys) == 0 {
				return c.stylize(base, "date")
			}
		case kind == kindError || c.r.instanceOf(value, c.r.errorCtor):
			base, keys = c.formatError(value, ctor, hasCtor, tag, keys)
			if len(keys) == 0 {
				return base
			}
		case kind == kindArrayBuffer:
			prefix := getPrefix(ctor, hasCtor, tag, "ArrayBuffer", "")
			if !typedArray {
				formatter = c.formatArrayBuffer
			} else if len(keys) == 0 {
				return prefix + "{ byteLength: " + formatNumber(c.stylize, value.Get("byteLength")) + " }"
			}
			braces[0] = prefix + "{"
			keys = append([]key{{name: "byteLength"}}, keys...)
		case kind == kindDataView:
			braces[0] = getPrefix(ctor, hasCtor, tag, "DataView", "") + "{"
			keys = append([]key{{name: "byteLength"}, {name: "byteOffset"}, {name: "buffer"}}, keys...)
		case kind == kindPromise:
			braces[0] = getPrefix(ctor, hasCtor, tag, "Promise", "") + "{"
			formatter = c.formatPromise
		case kind == kindWeakSet:
			braces[0] = getPrefix(ctor, hasCtor, tag, "WeakSet", "") + "{"
			formatter = c.formatWeakCollection
		case kind == kindWeakMap:
			braces[0] = getPrefix(ctor, hasCtor, tag, "WeakMap", "") + "{"
			formatter = c.formatWeakCollection
		case kind == kindBoxed || kind == kindBoxedString:
			base = c.boxedBase(value, kind, ctor, hasCtor, tag, len(keys))
			if len(keys) == 0 {
				return base
			}
		default:
			if len(keys) == 0 {
				return c.ctxStyle(value, ctor, hasCtor, tag) + "{}"
			}
			braces[0] = c.ctxStyle(value, ctor, hasCtor, tag) + "{"
		}
	}

	if c.depthExceeded(recurseTimes) {
		name := c.ctxStyle(value, ctor, hasCtor, tag)
		name = name[:len(name)-1]
		if hasCtor {
			name = "[" + name + "]"
		}
		return c.stylize(name, "special")
	}
	recurseTimes++
	c.seen = append(c.seen, value)
	c.currentDepth = recurseTimes
	output := formatter(value, recurseTimes)
	for _, k := range keys {
		output = append(output, c.formatProperty(value, recurseTimes, k, extrasType, nil))
	}
	if c.circular != nil {
		if index, ok := c.circular[value]; ok {
			ref := c.stylize("<ref *"+strconv.Itoa(index)+">", "special")
			if base == "" {
				base = ref
			} else {
				base = ref + " " + base
			}
		}
	}
	c.seen = c.seen[:len(c.seen)-1]
	if c.sorted {
		// util.inspect's sorted: the object's entries, or only the extra
		// keys after an array's or a collection's own entries
		if extrasType == kObjectType {
			c.sortEntries(output)
		} else if len(keys) > 1 {
			c.sortEntries(output[len(output)-len(keys):])
		}
	}

	var numeric func(i int) bool
	if arrayValue != nil {
		numeric = func(i int) bool {
			switch primitiveKind(arrayValue.Get(strconv.Itoa(i))) {
			case primNumber, primBigInt:
				return true
			}
			return false
		}
	}
	return c.reduceToSingleString(output, base, braces, extrasType, recurseTimes, numeric)
}

func toLength(v goja.Value) int64 {
	if v == nil || goja.IsUndefined(v) {
		return 0
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f < 0 {
		return 0
	}
	return int64(f)
}

func (c *inspectCtx) functionBase(value *goja.Object, kind objKind, ctor string, hasCtor bool, tag string) string {
	if kind == kindClass {
		name := ""
		if d := c.r.desc(value, c.r.vm.ToValue("name")); d.exists {
			if n := value.Get("name"); n != nil && n.ToBoolean() {
				name = n.String()
			}
		}
		if name == "" {
			name = "(anonymous)"
		}
		base := "class " + name
		if ctor != "Function" && hasCtor {
			base += " [" + ctor + "]"
		}
		if tag != "" && ctor != tag {
			base += " [" + tag + "]"
		}
		if hasCtor {
			if p := value.Prototype(); p != nil {
				if sn := p.Get("name"); sn != nil && sn.ToBoolean() {
					base += " extends " + sn.String()
				}
			}
		} else {
			base += " extends [null prototype]"
		}
		return "[" + base + "]"
	}
	typ := "Function"
	switch kind {
	case kindGeneratorFunction:
		typ = "GeneratorFunction"
	case kindAsyncFunction:
		typ = "AsyncFunction"
	}
	base := "[" + typ
	if !hasCtor {
		base += " (null prototype)"
	}
	name := value.Get("name")
	if name == nil || goja.IsUndefined(name) || name.String() == "" {
		base += " (anonymous)"
	} else {
		base += ": " + name.String()
	}
	base += "]"
	if ctor != typ && hasCtor {
		base += " " + ctor
	}
	if tag != "" && ctor != tag {
		base += " [" + tag + "]"
	}
	return base
}

func (c *inspectCtx) boxedBase(value *goja.Object, kind objKind, ctor string, hasCtor bool, tag string, nkeys int) string {
	var typ string
	var prim goja.Value
	if kind == kindBoxedString {
		typ = "String"
		prim = c.r.call("String.prototype.valueOf", value)
	} else {
		switch value.ExportType() {
		case typeBool:
			typ = "Boolean"
			prim = c.r.call("Boolean.prototype.valueOf", value)
		case typeBigInt:
			typ = "BigInt"
			prim = c.r.call("BigInt.prototype.valueOf", value)
		case typeInt64, typeFloat:
			typ = "Number"
			prim = c.r.call("Number.prototype.valueOf", value)
		default:
			typ = "Symbol"
			prim = c.r.call("Symbol.prototype.valueOf", value)
		}
	}
	base := "[" + typ
	if typ != ctor || !hasCtor {
		if !hasCtor {
			base += " (null prototype)"
		} else {
			base += " (" + ctor + ")"
		}
	}
	base += ": " + c.formatPrimitive(noStyle, prim) + "]"
	if tag != "" && tag != ctor {
		base += " [" + tag + "]"
	}
	if nkeys != 0 || !c.colors {
		return base
	}
	return c.stylize(base, strings.ToLower(typ))
}

func (c *inspectCtx) formatError(err *goja.Object, ctor string, hasCtor bool, tag string, keys []key) (string, []key) {
	name := "Error"
	if n := err.Get("name"); n != nil && !goja.IsUndefined(n) && !goja.IsNull(n) {
		name = n.String()
	}
	stack := c.stackString(err)

	// removeDuplicateErrorKeys
	if !c.showHidden && len(keys) != 0 {
		for _, nm := range []string{"name", "message", "stack"} {
			for i, k := range keys {
				if k.sym == nil && k.name == nm {
					if v := err.Get(nm); v != nil && strings.Contains(stack, v.String()) {
						keys = append(keys[:i:i], keys[i+1:]...)
					}
					break
				}
			}
		}
	}
	hasKey := func(n string) bool {
		for _, k := range keys {
			if k.sym == nil && k.name == n {
				return true
			}
		}
		return false
	}
	if c.r.has(err, "cause") && !hasKey("cause") {
		keys = append(keys, key{name: "cause"})
	}
	if eo, ok := err.Get("errors").(*goja.Object); ok && kindOf(eo) == kindArray && !hasKey("errors") {
		keys = append(keys, key{name: "errors"})
	}

	stack = improveStack(stack, ctor, hasCtor, name, tag)

	pos := -1
	if m := err.Get("message"); m != nil && m.ToBoolean() {
		msg := m.String()
		if i := strings.Index(stack, msg); i > 0 {
			pos = i + len(msg)
		} else if i == 0 {
			pos = -1 // JS: (0 || -1)
		}
		if pos == -1 {
			pos = -1
		}
	}
	from := pos
	if from < 0 {
		from = 0
	}
	stackStart := -1
	if i := strings.Index(stack[from:], "\n    at"); i >= 0 {
		stackStart = from + i
	}
	if stackStart == -1 {
		stack = "[" + stack + "]"
	} else {
		newStack := stack[:stackStart]
		lines := c.stackFrames(err, stack[stackStart+1:])
		if c.colors {
			for _, line := range lines {
				if strings.Contains(line, "(native)") || strings.HasSuffix(line, "at native") {
					newStack += "\n" + c.stylize(line, "undefined")
				} else {
					newStack += "\n" + line
				}
			}
		} else {
			newStack += "\n" + strings.Join(lines, "\n")
		}
		stack = newStack
	}
	if c.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", c.indentationLvl))
	}
	return stack, keys
}

func (c *inspectCtx) stackString(err *goja.Object) string {
	if s := err.Get("stack"); s != nil && s.ToBoolean() {
		return CleanStack(s.String())
	}
	return c.r.call("Error.prototype.toString", err).String()
}

func (c *inspectCtx) stackFrames(err *goja.Object, stack string) []string {
	frames := strings.Split(stack, "\n")
	var cause goja.Value
	if ex := c.r.vm.Try(func() { cause = err.Get("cause") }); ex != nil {
		cause = nil
	}
	if co, ok := cause.(*goja.Object); ok && (kindOf(co) == kindError || c.r.instanceOf(co, c.r.errorCtor)) {
		causeStack := c.stackString(co)
		if start := strings.Index(causeStack, "\n    at"); start != -1 {
			causeFrames := strings.Split(causeStack[start+1:], "\n")
			l, offset := identicalSequenceRange(frames, causeFrames)
			if l > 0 {
				skipped := l - 2
				msg := "    ... " + strconv.Itoa(skipped) + " lines matching cause stack trace ..."
				nf := append([]string{}, frames[:offset+1]...)
				nf = append(nf, c.stylize(msg, "undefined"))
				nf = append(nf, frames[offset+1+skipped:]...)
				frames = nf
			}
		}
	}
	return frames
}

func identicalSequenceRange(a, b []string) (int, int) {
	for i := 0; i < len(a)-3; i++ {
		pos := -1
		for j, s := range b {
			if s == a[i] {
				pos = j
				break
			}
		}
		if pos != -1 {
			rest := len(b) - pos
			if rest > 3 {
				l := 1
				maxLen := len(a) - i
				if rest < maxLen {
					maxLen = rest
				}
				for maxLen > l && a[i+l] == b[pos+l] {
					l++
				}
				if l > 3 {
					return l, i
				}
			}
		}
	}
	return 0, 0
}

func improveStack(stack, ctor string, hasCtor bool, name, tag string) string {
	l := len(name)
	if !hasCtor || (strings.HasSuffix(name, "Error") && strings.HasPrefix(stack, name) &&
		(len(stack) == l || stack[l] == ':' || stack[l] == '\n')) {
		fallback := "Error"
		if !hasCtor {
			fallback = nullProtoErrorName(stack)
			l = len(fallback)
			if fallback == "" {
				fallback = "Error"
			}
		}
		prefix := getPrefix(ctor, hasCtor, tag, fallback, "")
		prefix = prefix[:len(prefix)-1]
		if name != prefix {
			if strings.Contains(prefix, name) {
				if l == 0 {
					stack = prefix + ": " + stack
				} else {
					stack = prefix + stack[l:]
				}
			} else {
				stack = prefix + " [" + name + "]" + stack[l:]
			}
		}
	}
	return stack
}

func nullProtoErrorName(stack string) string {
	// /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ or /^([a-z_A-Z0-9-]*Error)$/
	isBody := func(ch byte) bool {
		return ch >= 'a' && ch <= 'z' || ch == '_' || ch == ' ' || ch >= 'A' && ch <= 'Z' ||
			ch >= '0' && ch <= '9' || ch == '[' || ch == ']' || ch == '(' || ch == ')' || ch == '-'
	}
	if len(stack) > 0 && stack[0] >= 'A' && stack[0] <= 'Z' {
		j := 1
		for j < len(stack) && isBody(stack[j]) {
			j++
		}
		// backtrack to find a match of the suffix
		for k := j; k >= 2; k-- {
			rest := stack[k:]
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "\n    at") {
				return stack[:k]
			}
		}
	}
	if strings.HasSuffix(stack, "Error") {
		ok := true
		for i := 0; i < len(stack); i++ {
			ch := stack[i]
			if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-') {
				ok = false
				break
			}
		}
		if ok {
			return stack
		}
	}
	return ""
}

// ---------------------------------------------------------------------------
// formatters

func remainingText(n int64) string {
	s := "... " + strconv.FormatInt(n, 10) + " more item"
	if n > 1 {
		s += "s"
	}
	return s
}

func (c *inspectCtx) formatArray(value *goja.Object, recurseTimes int) []string {
	valLen := toLength(value.Get("length"))
	l := int64(c.maxArrayLength)
	if l < 0 {
		l = 0
	}
	if valLen < l {
		l = valLen
	}
	remaining := valLen - l
	output := make([]string, 0, l+1)
	vm := c.r.vm
	for i := int64(0); i < l; i++ {
		d := c.r.desc(value, vm.ToValue(i))
		if !d.exists {
			return c.formatSpecialArray(value, recurseTimes, int(l), output, i, valLen)
		}
		output = append(output, c.formatProperty(value, recurseTimes, key{name: strconv.FormatInt(i, 10)}, kArrayType, &d))
	}
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func (c *inspectCtx) formatSpecialArray(value *goja.Object, recurseTimes, maxLength int, output []string, i, valLen int64) []string {
	keys := value.Keys()
	index := i
	for ; i < int64(len(keys)) && len(output) < maxLength; i++ {
		k := keys[i]
		tmp, err := strconv.ParseFloat(k, 64)
		if err == nil && tmp > 1<<32-2 {
			break
		}
		if strconv.FormatInt(index, 10) != k {
			if !isNumberKey(k) {
				break
			}
			emptyItems := int64(tmp) - index
			msg := "<" + strconv.FormatInt(emptyItems, 10) + " empty item"
			if emptyItems > 1 {
				msg += "s"
			}
			output = append(output, c.stylize(msg+">", "undefined"))
			index = int64(tmp)
			if len(output) == maxLength {
				break
			}
		}
		output = append(output, c.formatProperty(value, recurseTimes, key{name: k}, kArrayType, nil))
		index++
	}
	remaining := valLen - index
	if len(output) != maxLength {
		if remaining > 0 {
			msg := "<" + strconv.FormatInt(remaining, 10) + " empty item"
			if remaining > 1 {
				msg += "s"
			}
			output = append(output, c.stylize(msg+">", "undefined"))
		}
	} else if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func isNumberKey(s string) bool {
	if s == "0" {
		return true
	}
	if s == "" || s[0] < '1' || s[0] > '9' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (c *inspectCtx) formatTypedArray(value *goja.Object, length int64, recurseTimes int) []string {
	maxLength := int64(c.maxArrayLength)
	if maxLength < 0 {
		maxLength = 0
	}
	if length < maxLength {
		maxLength = length
	}
	remaining := length - maxLength
	output := make([]string, 0, maxLength+1)
	for i := int64(0); i < maxLength; i++ {
		v := value.Get(strconv.FormatInt(i, 10))
		if primitiveKind(v) == primBigInt {
			output = append(output, formatBigInt(c.stylize, v))
		} else {
			output = append(output, formatNumber(c.stylize, v))
		}
	}
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	if c.showHidden {
		c.indentationLvl += 2
		for _, k := range []string{"BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"} {
			str := c.formatValue(value.Get(k), recurseTimes, true)
			output = append(output, "["+k+"]: "+str)
		}
		c.indentationLvl -= 2
	}
	return output
}

func (c *inspectCtx) formatArrayBuffer(value *goja.Object, _ int) []string {
	ab, ok := value.Export().(goja.ArrayBuffer)
	if !ok || ab.Detached() {
		return []string{c.stylize("(detached)", "special")}
	}
	b := ab.Bytes()
	n := len(b)
	if c.maxArrayLength < n {
		n = c.maxArrayLength
	}
	if n < 0 {
		n = 0
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(hex2(int(b[i])))
	}
	str := sb.String()
	if remaining := len(b) - c.maxArrayLength; remaining > 0 {
		str += " ... " + strconv.Itoa(remaining) + " more byte"
		if remaining > 1 {
			str += "s"
		}
	}
	return []string{c.stylize("[Uint8Contents]", "special") + ": <" + str + ">"}
}

func (c *inspectCtx) formatSet(value *goja.Object, recurseTimes int) []string {
	length := toLength(value.Get("size"))
	maxLength := int64(c.maxArrayLength)
	if maxLength < 0 {
		maxLength = 0
	}
	if length < maxLength {
		maxLength = length
	}
	remaining := length - maxLength
	var output []string
	c.indentationLvl += 2
	var i int64
	c.r.vm.ForOf(value, func(v goja.Value) bool {
		if i >= maxLength {
			return false
		}
		output = append(output, c.formatValue(v, recurseTimes, false))
		i++
		return true
	})
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	c.indentationLvl -= 2
	return output
}

func (c *inspectCtx) formatMap(value *goja.Object, recurseTimes int) []string {
	length := toLength(value.Get("size"))
	maxLength := int64(c.maxArrayLength)
	if maxLength < 0 {
		maxLength = 0
	}
	if length < maxLength {
		maxLength = length
	}
	remaining := length - maxLength
	var output []string
	c.indentationLvl += 2
	var i int64
	c.r.vm.ForOf(value, func(entry goja.Value) bool {
		if i >= maxLength {
			return false
		}
		var k, v goja.Value = goja.Undefined(), goja.Undefined()
		if eo, ok := entry.(*goja.Object); ok {
			k, v = eo.Get("0"), eo.Get("1")
		}
		output = append(output, c.formatValue(k, recurseTimes, false)+" => "+c.formatValue(v, recurseTimes, false))
		i++
		return true
	})
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	c.indentationLvl -= 2
	return output
}

func (c *inspectCtx) formatWeakCollection(*goja.Object, int) []string {
	return []string{c.stylize("<items unknown>", "special")}
}

func (c *inspectCtx) formatPromise(value *goja.Object, recurseTimes int) []string {
	p, ok := value.Export().(*goja.Promise)
	if !ok || p.State() == goja.PromiseStatePending {
		return []string{c.stylize("<pending>", "special")}
	}
	c.indentationLvl += 2
	str := c.formatValue(p.Result(), recurseTimes, false)
	c.indentationLvl -= 2
	if p.State() == goja.PromiseStateRejected {
		return []string{c.stylize("<rejected>", "special") + " " + str}
	}
	return []string{str}
}

func (c *inspectCtx) formatProperty(value *goja.Object, recurseTimes int, k key, typ int, desc *propDesc) string {
	var d propDesc
	if desc != nil {
		d = *desc
	} else {
		d = c.r.desc(value, k.value(c.r.vm))
		if !d.exists {
			var v goja.Value
			if k.sym != nil {
				v = value.GetSymbol(k.sym)
			} else {
				v = value.Get(k.name)
			}
			d = propDesc{exists: true, value: v, enumerable: true}
		}
	}
	var str string
	switch {
	case d.value != nil && !goja.IsUndefined(d.value):
		c.indentationLvl += 2
		str = c.formatValue(d.value, recurseTimes, false)
		c.indentationLvl -= 2
	case d.get != nil && !goja.IsUndefined(d.get):
		if d.set != nil && !goja.IsUndefined(d.set) {
			str = c.stylize("[Getter/Setter]", "special")
		} else {
			str = c.stylize("[Getter]", "special")
		}
	case d.set != nil && !goja.IsUndefined(d.set):
		str = c.stylize("[Setter]", "special")
	default:
		str = c.stylize("undefined", "undefined")
	}
	if typ == kArrayType {
		return str
	}
	var name string
	switch {
	case k.sym != nil:
		name = "[" + c.stylize(escapeNoQuotes(symbolString(k.sym)), "symbol") + "]"
	case k.name == "__proto__":
		name = "['__proto__']"
	case !d.enumerable:
		name = "[" + escapeNoQuotes(k.name) + "]"
	case isIdentKey(k.name):
		name = c.stylize(k.name, "name")
	default:
		name = c.stylize(strEscape(k.name), "string")
	}
	return name + ": " + str
}

// ---------------------------------------------------------------------------
// layout

func (c *inspectCtx) outLen(s string) int {
	if c.colors {
		return jsLen(stripANSI(s))
	}
	return jsLen(s)
}

func (c *inspectCtx) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > c.breakLength {
		return false
	}
	for _, s := range output {
		total += c.outLen(s)
		if total > c.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func (c *inspectCtx) reduceToSingleString(output []string, base string, braces [2]string, extrasType, recurseTimes int, numeric func(int) bool) string {
	if c.compact >= 1 {
		entries := len(output)
		if extrasType == kArrayExtrasType && entries > 6 {
			output = c.groupArrayElements(output, numeric)
		}
		if c.currentDepth-recurseTimes < c.compact && entries == len(output) {
			start := len(output) + c.indentationLvl + jsLen(braces[0]) + jsLen(base) + 10
			if c.isBelowBreakLength(output, start, base) {
				joined := strings.Join(output, ", ")
				if !strings.Contains(joined, "\n") {
					b := ""
					if base != "" {
						b = base + " "
					}
					return b + braces[0] + " " + joined + " " + braces[1]
				}
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", c.indentationLvl)
	b := ""
	if base != "" {
		b = base + " "
	}
	return b + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
}

func (c *inspectCtx) groupArrayElements(output []string, numeric func(int) bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if c.maxArrayLength < len(output) {
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := stringWidth(output[i], c.colors)
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentationLvl < c.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := math.Min(
			math.Min(
				jsRound(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax),
				math.Floor(float64(c.breakLength-c.indentationLvl)/float64(actualMax)),
			),
			math.Min(float64(c.compact*4), 15),
		)
		if columns <= 1 || math.IsNaN(columns) {
			return output
		}
		cols := int(columns)
		var tmp []string
		maxLineLength := make([]int, 0, cols)
		for i := 0; i < cols; i++ {
			lineMaxLength := 0
			for j := i; j < len(output); j += cols {
				if j < outputLength && dataLen[j] > lineMaxLength {
					lineMaxLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineMaxLength+separatorSpace)
		}
		padStartOrder := true
		if numeric != nil {
			for i := 0; i < len(output); i++ {
				if !numeric(i) {
					padStartOrder = false
					break
				}
			}
		}
		for i := 0; i < outputLength; i += cols {
			max := i + cols
			if outputLength < max {
				max = outputLength
			}
			var sb strings.Builder
			j := i
			for ; j < max-1; j++ {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j]
				if padStartOrder {
					sb.WriteString(padStart(output[j]+", ", padding))
				} else {
					sb.WriteString(padEnd(output[j]+", ", padding))
				}
			}
			if padStartOrder {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j] - separatorSpace
				sb.WriteString(padStart(output[j], padding))
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if c.maxArrayLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		output = tmp
	}
	return output
}

func jsRound(x float64) float64 {
	return math.Floor(x + 0.5)
}

// ---------------------------------------------------------------------------
// custom inspect support

func (c *inspectCtx) userOptions() *goja.Object {
	vm := c.r.vm
	o := vm.NewObject()
	var depth goja.Value
	if c.depth == unlimitedDepth {
		depth = goja.Null()
	} else {
		depth = vm.ToValue(c.depth)
	}
	_ = o.Set("stylize", c.r.stylizeFunction(c.colors))
	_ = o.Set("showHidden", c.showHidden)
	_ = o.Set("depth", depth)
	_ = o.Set("colors", c.colors)
	_ = o.Set("customInspect", c.customInspect)
	_ = o.Set("showProxy", c.showProxy)
	_ = o.Set("maxArrayLength", c.maxArrayLength)
	_ = o.Set("maxStringLength", c.maxStringLength)
	if c.breakLength == math.MaxInt32 {
		_ = o.Set("breakLength", math.Inf(1))
	} else {
		_ = o.Set("breakLength", c.breakLength)
	}
	if c.compact == 0 {
		_ = o.Set("compact", false)
	} else {
		_ = o.Set("compact", c.compact)
	}
	if c.sortFn != nil {
		_ = o.Set("sorted", c.sortFn)
	} else {
		_ = o.Set("sorted", c.sorted)
	}
	_ = o.Set("getters", false)
	_ = o.Set("numericSeparator", false)
	return o
}

func (r *realm) stylizeFunction(colors bool) goja.Value {
	return r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		if !colors {
			return r.vm.ToValue(s)
		}
		return r.vm.ToValue(stylizeColor(s, call.Argument(1).String()))
	})
}

// inspectFunction returns a JS function behaving like util.inspect(value, opts).
func (r *realm) inspectFunction() *goja.Object {
	if r.inspectFn != nil {
		return r.inspectFn
	}
	r.inspectFn = r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		c := newCtx(r)
		c.applyJSOptions(call.Argument(1))
		return r.vm.ToValue(c.formatValue(call.Argument(0), 0, false))
	}).(*goja.Object)
	return r.inspectFn
}

// applyJSOptions applies a util.inspect-style JS options object.
func (c *inspectCtx) applyJSOptions(v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	get := func(n string) (goja.Value, bool) {
		x := o.Get(n)
		if x == nil || goja.IsUndefined(x) {
			return nil, false
		}
		return x, true
	}
	if x, ok := get("depth"); ok {
		if goja.IsNull(x) {
			c.depth = unlimitedDepth
		} else {
			f := x.ToFloat()
			switch {
			case math.IsInf(f, 1) || f > unlimitedDepth:
				c.depth = unlimitedDepth
			case math.IsNaN(f):
			default:
				c.depth = int(f)
			}
		}
	}
	if x, ok := get("colors"); ok {
		c.colors = x.ToBoolean()
	}
	if x, ok := get("showHidden"); ok {
		c.showHidden = x.ToBoolean()
	}
	if x, ok := get("showProxy"); ok {
		c.showProxy = x.ToBoolean()
	}
	if x, ok := get("customInspect"); ok {
		c.customInspect = x.ToBoolean()
	}
	if x, ok := get("breakLength"); ok {
		f := x.ToFloat()
		if f > math.MaxInt32 {
			c.breakLength = math.MaxInt32
		} else if !math.IsNaN(f) {
			c.breakLength = int(f)
		}
	}
	if x, ok := get("maxArrayLength"); ok {
		f := x.ToFloat()
		if goja.IsNull(x) || f > math.MaxInt32 {
			c.maxArrayLength = math.MaxInt32
		} else if !math.IsNaN(f) {
			c.maxArrayLength = int(f)
		}
	}
	if x, ok := get("maxStringLength"); ok {
		f := x.ToFloat()
		if goja.IsNull(x) || f > math.MaxInt32 {
			c.maxStringLength = math.MaxInt32
		} else if !math.IsNaN(f) {
			c.maxStringLength = int(f)
		}
	}
	if x, ok := get("sorted"); ok {
		c.sorted = x.ToBoolean()
		if _, isFn := goja.AssertFunction(x); isFn {
			c.sortFn = x
		}
	}
	if x, ok := get("compact"); ok {
		if primitiveKind(x) == primBool {
			if !x.ToBoolean() {
				c.compact = 0
			}
		} else {
			c.compact = int(x.ToInteger())
		}
	}
}

// sortEntries sorts formatted entries in place, by code units or with the
// comparator given as util.inspect's sorted option.
func (c *inspectCtx) sortEntries(out []string) {
	if cmp, ok := goja.AssertFunction(c.sortFn); ok {
		vm := c.r.vm
		sort.SliceStable(out, func(i, j int) bool {
			v, err := cmp(goja.Undefined(), vm.ToValue(out[i]), vm.ToValue(out[j]))
			if err != nil {
				panic(err)
			}
			return v.ToFloat() < 0
		})
		return
	}
	sort.Strings(out)
}
