package console

import (
	"reflect"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// realm caches the intrinsics of one goja runtime that the inspector needs.
// They are looked up lazily from the global object, so a realm captured at
// Install time is immune to later tampering with the globals by user code.
type realm struct {
	vm *goja.Runtime

	objectProto   *goja.Object
	functionProto *goja.Object
	errorCtor     *goja.Object

	gopd       goja.Callable // Object.getOwnPropertyDescriptor
	gops       goja.Callable // Object.getOwnPropertySymbols
	reflectHas goja.Callable // Reflect.has
	customSym  *goja.Symbol  // Symbol.for('nodejs.util.inspect.custom')

	lazy map[string]goja.Callable

	inspectFn *goja.Object
}

func newRealm(vm *goja.Runtime) *realm {
	r := &realm{vm: vm, lazy: map[string]goja.Callable{}}
	obj := vm.Get("Object").(*goja.Object)
	r.objectProto = obj.Get("prototype").(*goja.Object)
	r.gopd, _ = goja.AssertFunction(obj.Get("getOwnPropertyDescriptor"))
	r.gops, _ = goja.AssertFunction(obj.Get("getOwnPropertySymbols"))
	if fn, ok := vm.Get("Function").(*goja.Object); ok {
		r.functionProto, _ = fn.Get("prototype").(*goja.Object)
	}
	r.errorCtor, _ = vm.Get("Error").(*goja.Object)
	if refl, ok := vm.Get("Reflect").(*goja.Object); ok {
		r.reflectHas, _ = goja.AssertFunction(refl.Get("has"))
	}
	if sym, ok := vm.Get("Symbol").(*goja.Object); ok {
		if forFn, ok := goja.AssertFunction(sym.Get("for")); ok {
			if v, err := forFn(sym, vm.ToValue("nodejs.util.inspect.custom")); err == nil {
				r.customSym, _ = v.(*goja.Symbol)
			}
		}
	}
	return r
}

// method returns a (cached) intrinsic function addressed by a dotted path
// such as "Date.prototype.toISOString".
func (r *realm) method(path string) goja.Callable {
	if f, ok := r.lazy[path]; ok {
		return f
	}
	parts := strings.Split(path, ".")
	var cur goja.Value = r.vm.Get(parts[0])
	for _, p := range parts[1:] {
		o, ok := cur.(*goja.Object)
		if !ok {
			cur = nil
			break
		}
		cur = o.Get(p)
	}
	f, _ := goja.AssertFunction(cur)
	r.lazy[path] = f
	return f
}

// call invokes an intrinsic; it returns undefined when it is missing or throws.
func (r *realm) call(path string, this goja.Value, args ...goja.Value) goja.Value {
	f := r.method(path)
	if f == nil {
		return goja.Undefined()
	}
	v, err := f(this, args...)
	if err != nil {
		return goja.Undefined()
	}
	return v
}

type propDesc struct {
	exists     bool
	value      goja.Value
	get, set   goja.Value
	enumerable bool
}

func (r *realm) desc(o *goja.Object, key goja.Value) propDesc {
	d, err := r.gopd(nil, o, key)
	if err != nil {
		panic(err)
	}
	do, ok := d.(*goja.Object)
	if !ok {
		return propDesc{}
	}
	pd := propDesc{exists: true, value: do.Get("value"), get: do.Get("get"), set: do.Get("set")}
	if e := do.Get("enumerable"); e != nil {
		pd.enumerable = e.ToBoolean()
	}
	return pd
}

func (r *realm) instanceOf(o *goja.Object, ctor *goja.Object) (res bool) {
	if ctor == nil {
		return false
	}
	if ex := r.vm.Try(func() { res = r.vm.InstanceOf(o, ctor) }); ex != nil {
		return false
	}
	return res
}

func (r *realm) has(o *goja.Object, key string) bool {
	if r.reflectHas == nil {
		return o.Get(key) != nil
	}
	v, err := r.reflectHas(nil, o, r.vm.ToValue(key))
	return err == nil && v.ToBoolean()
}

// object kinds, derived from goja's internal object implementation type.
type objKind int

const (
	kindPlain objKind = iota
	kindArray
	kindMap
	kindSet
	kindWeakMap
	kindWeakSet
	kindError
	kindRegExp
	kindDate
	kindBoxed
	kindBoxedString
	kindArguments
	kindFunction
	kindAsyncFunction
	kindGeneratorFunction
	kindClass
	kindPromise
	kindTypedArray
	kindArrayBuffer
	kindDataView
	kindProxy
	kindMapIter
	kindSetIter
)

var (
	selfFieldOnce  sync.Once
	selfFieldIndex = -1
	kindCache      sync.Map // reflect.Type -> objKind
)

func implType(o *goja.Object) reflect.Type {
	selfFieldOnce.Do(func() {
		if f, ok := reflect.TypeOf(goja.Object{}).FieldByName("self"); ok && len(f.Index) == 1 {
			selfFieldIndex = f.Index[0]
		}
	})
	if selfFieldIndex < 0 {
		return nil
	}
	f := reflect.ValueOf(o).Elem().Field(selfFieldIndex)
	if f.Kind() != reflect.Interface || f.IsNil() {
		return nil
	}
	return f.Elem().Type()
}

func kindOf(o *goja.Object) objKind {
	t := implType(o)
	if t == nil {
		return classKind(o)
	}
	if k, ok := kindCache.Load(t); ok {
		return k.(objKind)
	}
	k := kindFromTypeName(t.String())
	if k == kindPlain {
		k = classKind(o)
	}
	kindCache.Store(t, k)
	return k
}

func kindFromTypeName(n string) objKind {
	n = strings.TrimPrefix(n, "*goja.")
	switch n {
	case "arrayObject", "sparseArrayObject":
		return kindArray
	case "mapObject":
		return kindMap
	case "setObject":
		return kindSet
	case "weakMapObject":
		return kindWeakMap
	case "weakSetObject":
		return kindWeakSet
	case "errorObject":
		return kindError
	case "regexpObject":
		return kindRegExp
	case "dateObject":
		return kindDate
	case "primitiveValueObject":
		return kindBoxed
	case "stringObject":
		return kindBoxedString
	case "argumentsObject", "mappedArgumentsObject":
		return kindArguments
	case "asyncFuncObject", "asyncArrowFuncObject", "asyncMethodFuncObject":
		return kindAsyncFunction
	case "generatorFuncObject", "generatorMethodFuncObject":
		return kindGeneratorFunction
	case "classFuncObject":
		return kindClass
	case "Promise":
		return kindPromise
	case "typedArrayObject":
		return kindTypedArray
	case "arrayBufferObject":
		return kindArrayBuffer
	case "dataViewObject":
		return kindDataView
	case "proxyObject":
		return kindProxy
	case "mapIterObject":
		return kindMapIter
	case "setIterObject":
		return kindSetIter
	}
	if strings.Contains(n, "unc") { // funcObject, nativeFuncObject, arrowFuncObject, ...
		return kindFunction
	}
	return kindPlain
}

// classKind is the fallback classification based on public API only.
func classKind(o *goja.Object) objKind {
	switch o.ClassName() {
	case "Array":
		return kindArray
	case "Error":
		return kindError
	case "RegExp":
		return kindRegExp
	case "Date":
		return kindDate
	case "Arguments":
		return kindArguments
	case "Function":
		return kindFunction
	case "String":
		return kindBoxedString
	case "Number", "Boolean":
		return kindBoxed
	}
	switch o.ExportType() {
	case reflect.TypeOf((*goja.Promise)(nil)):
		return kindPromise
	case reflect.TypeOf(goja.ArrayBuffer{}):
		return kindArrayBuffer
	case reflect.TypeOf(goja.Proxy{}):
		return kindProxy
	}
	if _, ok := goja.AssertFunction(o); ok {
		return kindFunction
	}
	return kindPlain
}

func isFunctionKind(k objKind) bool {
	return k == kindFunction || k == kindAsyncFunction || k == kindGeneratorFunction || k == kindClass
}

// ownNonIndexNames returns the own string property names of an array or
// typed array that are not array indices, without enumerating the (possibly
// huge) index range. It reads goja's internal property list via reflection and
// reports false when that is not possible, in which case callers fall back to
// the public API.
func ownNonIndexNames(o *goja.Object) ([]string, bool) {
	if implType(o) == nil {
		return nil, false
	}
	v := reflect.ValueOf(o).Elem().Field(selfFieldIndex).Elem()
	if v.Kind() != reflect.Ptr || v.IsNil() {
		return nil, false
	}
	s := v.Elem()
	if s.Kind() != reflect.Struct {
		return nil, false
	}
	bo := s.FieldByName("baseObject")
	if !bo.IsValid() || bo.Kind() != reflect.Struct {
		return nil, false
	}
	pn := bo.FieldByName("propNames")
	if !pn.IsValid() || pn.Kind() != reflect.Slice || pn.Type().Elem().Kind() != reflect.String {
		return nil, false
	}
	names := make([]string, 0, pn.Len())
	for i := 0; i < pn.Len(); i++ {
		n := pn.Index(i).String()
		if !isASCII(n) {
			return nil, false // unistring stores non-ASCII names as UTF-16
		}
		if !isIndexKey(n) {
			names = append(names, n)
		}
	}
	return names, true
}
