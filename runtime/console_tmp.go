package runtime

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

func (r *Runtime) inspect(v goja.Value) string { return v.String() }

func (r *Runtime) installConsole() error {
	c := r.vm.NewObject()
	out := func(w func() any) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			fmt.Fprintln(w().(interface{ Write([]byte) (int, error) }), strings.Join(parts, " "))
			return goja.Undefined()
		}
	}
	_ = c.Set("log", out(func() any { return r.env.Stdout }))
	_ = c.Set("error", out(func() any { return r.env.Stderr }))
	return r.vm.Set("console", c)
}
