package console

import (
	"strings"

	"github.com/dop251/goja"
)

// Format formats console.log arguments like Node's util.format: %s %d %i %f %j %o %O %c %%, extra args appended with spaces; strings printed raw at top level.
func Format(vm *goja.Runtime, args []goja.Value) string {
	if len(args) == 1 {
		if s, ok := args[0].(goja.String); ok {
			return s.String()
		}
	}
	return formatWith(newRealm(vm), false, args)
}

// formatWith implements util.formatWithOptions; it may panic with a JS
// exception (e.g. thrown by a custom inspect function or a toString method).
func formatWith(r *realm, colors bool, args []goja.Value) string {
	return formatWithOptions(r, colors, nil, args)
}

// formatWithOptions is formatWith with util.inspect options (opts, nil for
// none) for the values it inspects.
func formatWithOptions(r *realm, colors bool, opts goja.Value, args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	ctx := func() *inspectCtx {
		c := newCtx(r)
		c.colors = colors
		if opts != nil {
			c.applyJSOptions(opts)
		}
		return c
	}
	inspect := func(v goja.Value) string {
		return ctx().formatValue(v, 0, false)
	}
	first, isStr := args[0].(goja.String)
	a := 0
	var sb strings.Builder
	join := ""
	if isStr {
		if len(args) == 1 {
			return first.String()
		}
		f := first.String()
		lastPos := 0
		for i := 0; i < len(f)-1; i++ {
			if f[i] != '%' {
				continue
			}
			i++
			next := f[i]
			if a+1 != len(args) {
				var tempStr string
				switch next {
				case 's':
					a++
					tempStr = formatS(r, args[a])
				case 'j':
					a++
					tempStr = tryStringify(r, args[a])
				case 'd':
					a++
					v := args[a]
					switch primitiveKind(v) {
					case primBigInt:
						tempStr = formatBigInt(noStyle, v)
					case primSymbol:
						tempStr = "NaN"
					default:
						tempStr = formatNumber(noStyle, toNumber(r, v))
					}
				case 'O':
					a++
					tempStr = inspect(args[a])
				case 'o':
					a++
					c := ctx()
					c.showHidden = true
					c.showProxy = true
					c.depth = 4
					tempStr = c.formatValue(args[a], 0, false)
				case 'i':
					a++
					v := args[a]
					switch primitiveKind(v) {
					case primBigInt:
						tempStr = formatBigInt(noStyle, v)
					case primSymbol:
						tempStr = "NaN"
					default:
						tempStr = formatNumber(noStyle, r.call("parseInt", nil, v))
					}
				case 'f':
					a++
					v := args[a]
					if primitiveKind(v) == primSymbol {
						tempStr = "NaN"
					} else {
						tempStr = formatNumber(noStyle, r.call("parseFloat", nil, v))
					}
				case 'c':
					a++
					tempStr = ""
				case '%':
					sb.WriteString(f[lastPos:i])
					lastPos = i + 1
					continue
				default:
					continue
				}
				if lastPos != i-1 {
					sb.WriteString(f[lastPos : i-1])
				}
				sb.WriteString(tempStr)
				lastPos = i + 1
			} else if next == '%' {
				sb.WriteString(f[lastPos:i])
				lastPos = i + 1
			}
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(f) {
				sb.WriteString(f[lastPos:])
			}
		}
	}
	for ; a < len(args); a++ {
		v := args[a]
		sb.WriteString(join)
		if s, ok := v.(goja.String); ok {
			sb.WriteString(s.String())
		} else {
			sb.WriteString(inspect(v))
		}
		join = " "
	}
	return sb.String()
}

func toNumber(r *realm, v goja.Value) goja.Value {
	var n goja.Value
	if ex := r.vm.Try(func() { n = v.ToNumber() }); ex != nil {
		panic(ex)
	}
	return n
}

func formatS(r *realm, v goja.Value) string {
	switch primitiveKind(v) {
	case primNumber:
		return formatNumber(noStyle, v)
	case primBigInt:
		return formatBigInt(noStyle, v)
	case primSymbol:
		return symbolString(v.(*goja.Symbol))
	case primObject:
		o := v.(*goja.Object)
		if hasBuiltInToString(r, o) {
			c := newCtx(r)
			c.depth = 0
			return c.formatValue(v, 0, false)
		}
		return jsString(r, v)
	}
	return v.String()
}

// jsString converts v with JS String(v) semantics.
func jsString(r *realm, v goja.Value) string {
	if f := r.method("String"); f != nil {
		res, err := f(nil, v)
		if err != nil {
			panic(err)
		}
		return res.String()
	}
	return v.String()
}

var builtInObjects = map[string]bool{
	"Object": true, "Function": true, "Array": true, "Number": true, "Boolean": true,
	"String": true, "Symbol": true, "Date": true, "Promise": true, "RegExp": true,
	"Error": true, "AggregateError": true, "EvalError": true, "RangeError": true,
	"ReferenceError": true, "SyntaxError": true, "TypeError": true, "URIError": true,
	"ArrayBuffer": true, "Uint8Array": true, "Int8Array": true, "Uint16Array": true,
	"Int16Array": true, "Uint32Array": true, "Int32Array": true, "Float32Array": true,
	"Float64Array": true, "Uint8ClampedArray": true, "BigUint64Array": true,
	"BigInt64Array": true, "DataView": true, "Map": true, "BigInt": true, "Set": true,
	"WeakMap": true, "WeakSet": true, "Proxy": true, "Reflect": true, "WeakRef": true,
	"FinalizationRegistry": true, "SharedArrayBuffer": true,
}

func hasOwn(r *realm, o *goja.Object, k goja.Value) bool {
	return r.desc(o, k).exists
}

func hasBuiltInToString(r *realm, value *goja.Object) bool {
	if kindOf(value) == kindProxy {
		p, ok := value.Export().(goja.Proxy)
		if !ok || p.Target() == nil {
			return true
		}
		value = p.Target()
	}
	toStringKey := r.vm.ToValue("toString")
	checkToString, checkToPrim := true, true
	if _, ok := goja.AssertFunction(value.Get("toString")); !ok {
		if _, ok := goja.AssertFunction(value.GetSymbol(goja.SymToPrimitive)); !ok {
			return true
		} else if hasOwn(r, value, goja.SymToPrimitive) {
			return false
		}
		checkToString = false
	} else if hasOwn(r, value, toStringKey) {
		return false
	} else if _, ok := goja.AssertFunction(value.GetSymbol(goja.SymToPrimitive)); !ok {
		checkToPrim = false
	} else if hasOwn(r, value, goja.SymToPrimitive) {
		return false
	}
	pointer := value
	for {
		pointer = pointer.Prototype()
		if pointer == nil {
			return true
		}
		if (checkToString && hasOwn(r, pointer, toStringKey)) || (checkToPrim && hasOwn(r, pointer, goja.SymToPrimitive)) {
			break
		}
	}
	d := r.desc(pointer, r.vm.ToValue("constructor"))
	if !d.exists {
		return false
	}
	fo, ok := d.value.(*goja.Object)
	if !ok {
		return false
	}
	if _, ok := goja.AssertFunction(fo); !ok {
		return false
	}
	return builtInObjects[fo.Get("name").String()]
}

func tryStringify(r *realm, v goja.Value) string {
	f := r.method("JSON.stringify")
	if f == nil {
		return "undefined"
	}
	res, err := f(nil, v)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			if eo, ok := ex.Value().(*goja.Object); ok {
				msg := eo.Get("message")
				if msg != nil && strings.Contains(strings.ToLower(msg.String()), "circular") {
					return "[Circular]"
				}
			}
		}
		panic(err)
	}
	if res == nil || goja.IsUndefined(res) {
		return "undefined"
	}
	return res.String()
}
