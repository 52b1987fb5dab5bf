package console

import "github.com/dop251/goja"

// Formatter is util.inspect and util.format for one runtime, for the
// binding that serves the "util" module: the same code console.log
// formats with.
type Formatter struct{ r *realm }

// NewFormatter returns vm's formatter.
func NewFormatter(vm *goja.Runtime) *Formatter { return &Formatter{r: newRealm(vm)} }

// InspectFunction is util.inspect(value, options) as a JS function (the
// options object only; util's JS side maps the legacy positional form).
// An exception thrown by a custom inspect function propagates.
func (f *Formatter) InspectFunction() *goja.Object { return f.r.inspectFunction() }

// FormatWithOptions is util.formatWithOptions(opts, ...args); opts is a
// util.inspect options object (or undefined).
func (f *Formatter) FormatWithOptions(opts goja.Value, args []goja.Value) string {
	if opts != nil && (goja.IsUndefined(opts) || goja.IsNull(opts)) {
		opts = nil
	}
	return formatWithOptions(f.r, false, opts, args)
}

// InternalClass names the engine's class of v, for util.types: "Map",
// "Set", "WeakMap", "WeakSet", "Date", "RegExp", "Error", "Promise",
// "Proxy", "ArrayBuffer", "DataView", "TypedArray", "Arguments",
// "AsyncFunction", "GeneratorFunction", "Function", "MapIterator",
// "SetIterator", "BoxedString", "Boxed", "Array", or "" for other objects
// and primitives.
func InternalClass(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	return kindNames[kindOf(o)]
}

var kindNames = map[objKind]string{
	kindArray: "Array", kindMap: "Map", kindSet: "Set", kindWeakMap: "WeakMap", kindWeakSet: "WeakSet",
	kindError: "Error", kindRegExp: "RegExp", kindDate: "Date", kindBoxed: "Boxed",
	kindBoxedString: "BoxedString", kindArguments: "Arguments", kindAsyncFunction: "AsyncFunction",
	kindGeneratorFunction: "GeneratorFunction", kindClass: "Function", kindFunction: "Function",
	kindPromise: "Promise", kindTypedArray: "TypedArray", kindArrayBuffer: "ArrayBuffer",
	kindDataView: "DataView", kindProxy: "Proxy", kindMapIter: "MapIterator", kindSetIter: "SetIterator",
}

// SetInspect makes fn the third argument custom inspect functions receive
// from this formatter (util.inspect itself, as in Node).
func (f *Formatter) SetInspect(fn *goja.Object) { f.r.inspectFn = fn }
