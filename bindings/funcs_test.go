package bindings

import (
	"testing"

	"github.com/dop251/goja"
)

// Callables answers like goja.AssertFunction, for remembered objects and
// for more objects than it remembers.
func TestCallables(t *testing.T) {
	vm := goja.New()
	var fns []goja.Value
	for i := 0; i < 6; i++ {
		v, err := vm.RunString("(x) => x * " + string(rune('1'+i)))
		if err != nil {
			t.Fatal(err)
		}
		fns = append(fns, v)
	}
	var c Callables
	cases := []struct {
		name string
		v    goja.Value
		want int64 // fn(10), or -1: not callable
	}{
		{"not an object", vm.ToValue(3), -1},
		{"a plain object", vm.NewObject(), -1},
		{"undefined", goja.Undefined(), -1},
		{"first", fns[0], 10},
		{"first again (remembered)", fns[0], 10},
		{"second", fns[1], 20},
		{"third to sixth evict the first", fns[5], 60},
		{"fifth", fns[4], 50},
		{"fourth", fns[3], 40},
		{"third", fns[2], 30},
		{"first, evicted, asserted anew", fns[0], 10},
		{"sixth, still remembered", fns[5], 60},
	}
	for _, tc := range cases {
		fn, ok := c.Assert(tc.v)
		if tc.want < 0 {
			if ok {
				t.Errorf("%s: callable", tc.name)
			}
			continue
		}
		if !ok {
			t.Fatalf("%s: not callable", tc.name)
		}
		r, err := fn(goja.Undefined(), vm.ToValue(10))
		if err != nil || r.ToInteger() != tc.want {
			t.Errorf("%s: fn(10) = %v, %v; want %d", tc.name, r, err, tc.want)
		}
	}
}
