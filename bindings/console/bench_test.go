package console

import (
	"io"
	"testing"

	"github.com/dop251/goja"
)

func benchJS(b *testing.B, src string) {
	vm := goja.New()
	if err := Install(vm, Options{Stdout: io.Discard, Stderr: io.Discard}); err != nil {
		b.Fatal(err)
	}
	prg := goja.MustCompile("b.js", src, false)
	if _, err := vm.RunString("var big = new Array(1e6).fill(0); var ta = new Uint8Array(1e6); var obj = {a: 1, b: 'two', c: [1, 2, 3], d: {e: null}}"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := vm.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLogString(b *testing.B)     { benchJS(b, "console.log('hello world')") }
func BenchmarkLogObject(b *testing.B)     { benchJS(b, "console.log(obj)") }
func BenchmarkLogBigArray(b *testing.B)   { benchJS(b, "console.log(big)") }
func BenchmarkLogTypedArray(b *testing.B) { benchJS(b, "console.log(ta)") }
