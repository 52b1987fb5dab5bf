package bindings

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// A host hands scripts Go values with AsyncFunc and SyncFunc inside them
// (rt.Set("api", map[string]any{"sq": runtime.AsyncFunc(sq)})). goja's own
// conversion wraps a map, slice or struct lazily and converts an element
// when it is read, with its reflection rules: an AsyncFunc read that way
// takes the script's arguments as a context.Context and fails when called.
// So ToValue looks inside the value first: one that holds such a function
// anywhere (map values, slice and array elements, struct fields, behind
// pointers and interfaces) is converted to JS objects and arrays down to
// each such function; anything without one keeps goja's conversion (a
// live view of the Go value).

var (
	asyncFuncType    = reflect.TypeOf(AsyncFunc(nil))
	syncFuncType     = reflect.TypeOf(SyncFunc(nil))
	rawAsyncFuncType = reflect.TypeOf((func(context.Context, []any) (any, error))(nil))
	rawSyncFuncType  = reflect.TypeOf((func([]any) (any, error))(nil))
)

// isHostFunc reports whether t is a function type ToValue converts itself.
func isHostFunc(t reflect.Type) bool {
	return t == asyncFuncType || t == syncFuncType || t == rawAsyncFuncType || t == rawSyncFuncType
}

// mayHoldCache remembers mayHold per type.
var mayHoldCache sync.Map // reflect.Type -> bool

// mayHold reports whether a value of type t can hold a host function
// (interfaces can hold anything, so their values must be looked at).
func mayHold(t reflect.Type) bool {
	if v, ok := mayHoldCache.Load(t); ok {
		return v.(bool)
	}
	mayHoldCache.Store(t, false) // a recursive type refers to itself
	r := mayHoldType(t)
	mayHoldCache.Store(t, r)
	return r
}

func mayHoldType(t reflect.Type) bool {
	if isHostFunc(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer:
		return mayHold(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && mayHold(f.Type) {
				return true
			}
		}
	}
	return false
}

// ref identifies a map, slice or pointer value already looked at (a slice
// by its first element and length: a shorter one is another value).
type ref struct {
	t reflect.Type
	p uintptr
	n int
}

func refOf(v reflect.Value) (ref, bool) {
	switch v.Kind() {
	case reflect.Map, reflect.Pointer:
		return ref{v.Type(), v.Pointer(), 0}, true
	case reflect.Slice:
		if v.Len() > 0 {
			return ref{v.Type(), v.Pointer(), v.Len()}, true
		}
	}
	return ref{}, false
}

// holds reports whether v holds a host function. The common shapes of
// host data (map[string]any, []any, scalars) are walked without reflection;
// cycles are looked for only past a depth no real data reaches.
func holds(v any) bool {
	w := walker{}
	return w.any(v, 0)
}

// holdsHostFunc is holds for a reflect.Value.
func holdsHostFunc(v reflect.Value) bool {
	w := walker{}
	return w.value(v, 0)
}

// walker looks inside a value for host functions.
type walker struct {
	seen map[ref]bool // past cycleDepth only
}

// cycleDepth is the nesting depth from which the walker checks for cycles.
const cycleDepth = 32

func (w *walker) any(v any, depth int) bool {
	switch x := v.(type) {
	case nil, string, bool, int, int64, float64, int32, uint32, uint64, float32, []byte:
		return false
	case map[string]any:
		if depth >= cycleDepth {
			return w.value(reflect.ValueOf(x), depth)
		}
		for _, e := range x {
			if w.any(e, depth+1) {
				return true
			}
		}
		return false
	case []any:
		if depth >= cycleDepth {
			return w.value(reflect.ValueOf(x), depth)
		}
		for _, e := range x {
			if w.any(e, depth+1) {
				return true
			}
		}
		return false
	}
	return w.value(reflect.ValueOf(v), depth)
}

func (w *walker) value(v reflect.Value, depth int) bool {
	if !v.IsValid() || !mayHold(v.Type()) {
		return false
	}
	if isHostFunc(v.Type()) {
		return !v.IsNil()
	}
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && w.any(v.Elem().Interface(), depth)
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			return false
		}
		if r, ok := refOf(v); ok && depth >= cycleDepth {
			if w.seen == nil {
				w.seen = map[ref]bool{}
			}
			if w.seen[r] {
				return false
			}
			w.seen[r] = true
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		return w.value(v.Elem(), depth+1)
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if w.value(it.Value(), depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if w.value(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && w.value(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// hostConverter converts one value that holds host functions.
type hostConverter struct {
	e    *Env
	done map[ref]goja.Value // maps, slices and pointers converted
}

func (c *hostConverter) convert(name string, v reflect.Value) goja.Value {
	if !v.IsValid() {
		return goja.Null()
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return goja.Null()
		}
		return c.convert(name, v.Elem())
	}
	if isHostFunc(v.Type()) || !holdsHostFunc(v) {
		return c.e.plainValue(name, v.Interface())
	}
	key, shared := refOf(v)
	if jv, ok := c.done[key]; shared && ok {
		return jv
	}
	vm := c.e.VM
	switch v.Kind() {
	case reflect.Map:
		obj := vm.NewObject()
		c.done[key] = obj
		keys := v.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return names[idx[a]] < names[idx[b]] })
		for _, i := range idx {
			_ = obj.Set(names[i], c.convert(names[i], v.MapIndex(keys[i])))
		}
		return obj
	case reflect.Slice, reflect.Array:
		arr := vm.NewArray()
		if shared {
			c.done[key] = arr
		}
		for i := 0; i < v.Len(); i++ {
			_ = arr.Set(strconv.Itoa(i), c.convert(name, v.Index(i)))
		}
		return arr
	case reflect.Pointer:
		if v.Elem().Kind() == reflect.Struct {
			return c.structValue(v, v.Elem(), key)
		}
		return c.convert(name, v.Elem())
	case reflect.Struct:
		return c.structValue(v, v, ref{})
	}
	return c.e.plainValue(name, v.Interface())
}

// structValue converts a struct (sv; v is sv or a pointer to it) that
// holds host functions: an object whose prototype is goja's view of the
// struct (its other fields and its methods, live) and whose own
// properties are the fields holding host functions, converted.
func (c *hostConverter) structValue(v, sv reflect.Value, key ref) *goja.Object {
	vm := c.e.VM
	view := vm.ToValue(v.Interface()).ToObject(vm)
	obj := vm.NewObject()
	if key.t != nil {
		c.done[key] = obj // a field pointing back gets this object
	}
	_ = obj.SetPrototype(view)
	c.structFields(obj, view, sv)
	return obj
}

func (c *hostConverter) structFields(obj, view *goja.Object, sv reflect.Value) {
	t := sv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fv := sv.Field(i)
		if f.Anonymous && fv.Kind() == reflect.Struct {
			c.structFields(obj, view, fv) // promoted fields, as goja shows them
			continue
		}
		if !holdsHostFunc(fv) {
			continue
		}
		// the name goja shows the field under (runtimes map Go names with
		// goja.UncapFieldNameMapper; without a mapper it is the Go name)
		name := strings.ToLower(f.Name[:1]) + f.Name[1:]
		if jv := view.Get(name); jv == nil || goja.IsUndefined(jv) {
			if jv := view.Get(f.Name); jv != nil && !goja.IsUndefined(jv) {
				name = f.Name
			}
		}
		_ = obj.DefineDataProperty(name, c.convert(name, fv), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}
