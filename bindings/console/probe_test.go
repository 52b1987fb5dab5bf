package console

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/dop251/goja"
)

func TestProbe(t *testing.T) {
	vm := goja.New()
	exprs := []string{"({})", "[1]", "new Map()", "new Set()", "new WeakMap()", "new WeakSet()", "new Error('x')", "new TypeError('x')", "/a/g", "new Date(0)", "new Date(NaN)", "new Number(3)", "new String('x')", "new Boolean(true)", "Object(Symbol('x'))", "Object(1n)", "(function(){return arguments})()", "(function f(){})", "(async function f(){})", "(async () => 1)", "(function* g(){})", "(class A {})", "(() => 1)", "Promise.resolve(1)", "new Uint8Array(2)", "new Uint8ClampedArray(2)", "new Float64Array(2)", "new BigInt64Array(2)", "new ArrayBuffer(2)", "new DataView(new ArrayBuffer(2))", "new Proxy({}, {})", "new Map().entries()", "[].values()", "(function*(){})()", "Math", "JSON", "globalThis", "Object.create(null)", "Symbol.iterator"}
	for _, e := range exprs {
		v, err := vm.RunString(e)
		if err != nil {
			t.Fatal(e, err)
		}
		if o, ok := v.(*goja.Object); ok {
			fmt.Printf("%-45s class=%-20q exporttype=%-30v self=%v\n", e, o.ClassName(), o.ExportType(), reflect.ValueOf(o).Elem().FieldByName("self").Elem().Type())
		} else {
			fmt.Printf("%-45s prim %T %v\n", e, v, v.ExportType())
		}
	}
	for _, e := range []string{"(class A {}).toString()", "(class A extends Error { constructor(){super()} }).toString()", "new Error('boom').stack", "(function f(){ return new Error('boom')})().stack", "Object.getPrototypeOf(async function(){}).constructor.name", "Object.getPrototypeOf(function*(){}).constructor.name", "Object.keys({b:1, 2:1, a:1, 1:1})", "new Uint8Array(2)[Symbol.toStringTag]", "(function f(){}).toString()", "Object.getOwnPropertyNames(new Error('x'))", "(()=>{try{null.x}catch(e){return e.stack}})()", "String(Symbol('a\\nb'))", "Object.getOwnPropertyNames(function(){})", "(0.1+0.2).toString()", "String(1e21)", "String(-0)", "Object.getPrototypeOf(Object.getPrototypeOf(new Map().entries()))[Symbol.toStringTag]"} {
		v, err := vm.RunString(e)
		fmt.Printf("%s => %q %v\n", e, v, err)
	}
}
