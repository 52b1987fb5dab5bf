package runtime

import (
	"fmt"
	"math"

	"github.com/dop251/goja"
)

// Node's (V8's) limits on what one call may build, which goja lacks: it
// allocates whatever a call asks for in one piece, so "x".repeat(2**40)
// was Go's fatal out-of-memory error, a goroutine dump and exit 2, and an
// array of 2**32-1 holes joined ran for minutes in a native call no
// interrupt reaches. The built-ins that size their result from their
// arguments check it first, with Node's errors. What goja builds a piece
// at a time (s += s in a loop, a template literal) has no such check: it
// grows until Options.MaxMemory (or the machine) stops it.
const (
	// maxStringLength is V8's String::kMaxLength on 64-bit (2**29-24 UTF-16
	// units): Node's require("buffer").constants.MAX_STRING_LENGTH.
	maxStringLength = 1<<29 - 24
)

// installLimits replaces String.prototype.repeat, padStart and padEnd and
// Array.prototype.join by natives that check the size of the result, then call goja's own with
// arguments already converted (so a toString or valueOf runs once, in the
// standard's order).
func (r *Runtime) installLimits() error {
	vm := r.vm
	rangeError := func(msg string) *goja.Object {
		ctor, _ := goja.AssertConstructor(vm.Get("RangeError"))
		o, _ := ctor(nil, vm.ToValue(msg))
		return o
	}
	invalidString := func() { panic(rangeError("Invalid string length")) }

	wrap := func(proto goja.Value, name string, fn func(orig goja.Callable, call goja.FunctionCall) goja.Value) error {
		obj, ok := proto.(*goja.Object)
		if !ok {
			return fmt.Errorf("runtime: limits: no prototype for %s", name)
		}
		orig, ok := goja.AssertFunction(obj.Get(name))
		if !ok {
			return fmt.Errorf("runtime: limits: %s is not a function", name)
		}
		f := vm.ToValue(func(call goja.FunctionCall) goja.Value { return fn(orig, call) }).(*goja.Object)
		length := obj.Get(name).ToObject(vm).Get("length")
		_ = f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = f.DefineDataProperty("length", length, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		return obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	// thisString is RequireObjectCoercible(this) then ToString.
	thisString := func(call goja.FunctionCall, name string) goja.Value {
		if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
			panic(vm.NewTypeError("String.prototype.%s called on null or undefined", name))
		}
		return call.This.ToString()
	}
	str := vm.Get("String").ToObject(vm).Get("prototype")
	if err := wrap(str, "repeat", func(orig goja.Callable, call goja.FunctionCall) goja.Value {
		s := thisString(call, "repeat")
		n := call.Argument(0).ToNumber()
		// a negative or infinite count is goja's RangeError; 0 or "" is ""
		if f := math.Trunc(n.ToFloat()); f >= 1 && !math.IsInf(f, 1) && float64(strLen(s))*f > maxStringLength {
			invalidString()
		}
		v, err := orig(s, n)
		if err != nil {
			panic(err)
		}
		return v
	}); err != nil {
		return err
	}
	pad := func(name string) error {
		return wrap(str, name, func(orig goja.Callable, call goja.FunctionCall) goja.Value {
			s := thisString(call, name)
			n := call.Argument(0).ToNumber()
			fill := call.Argument(1)
			if !goja.IsUndefined(fill) {
				fill = fill.ToString()
			}
			grows := n.ToFloat() > float64(strLen(s)) && (goja.IsUndefined(fill) || strLen(fill) > 0)
			if grows && n.ToFloat() > maxStringLength {
				invalidString()
			}
			v, err := orig(s, n, fill)
			if err != nil {
				panic(err)
			}
			return v
		})
	}
	if err := pad("padStart"); err != nil {
		return err
	}
	if err := pad("padEnd"); err != nil {
		return err
	}
	arr := vm.Get("Array").ToObject(vm).Get("prototype")
	if err := wrap(arr, "join", func(orig goja.Callable, call goja.FunctionCall) goja.Value {
		o := call.This.ToObject(vm) // a TypeError for null and undefined
		n := o.Get("length")
		sep := call.Argument(0)
		if goja.IsUndefined(sep) {
			sep = vm.ToValue(",")
		} else {
			sep = sep.ToString()
		}
		// the separators alone must fit (the elements are not looked at:
		// that would be a second pass over the array)
		if l := float64(n.ToInteger()); l > 1 && (l-1)*float64(strLen(sep)) > maxStringLength {
			invalidString()
		}
		v, err := orig(o, sep)
		if err != nil {
			panic(err)
		}
		return v
	}); err != nil {
		return err
	}
	// Buffer.alloc and its kin check their size themselves (bindings/node),
	// with the same message: Buffer is loaded on first use, not here.
	return nil
}

// strLen is the length in UTF-16 units of v, a string value.
func strLen(v goja.Value) int {
	if s, ok := v.(goja.String); ok {
		return s.Length()
	}
	return len(v.String()) // not reached: goja's string values are Strings
}
