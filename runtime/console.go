package runtime

import (
	"github.com/arun-js/arun/bindings/console"
	"github.com/dop251/goja"
)

// inspect formats v as console.log does.
func (r *Runtime) inspect(v goja.Value) string {
	return console.Inspect(r.vm, v, console.InspectOptions{})
}

func (r *Runtime) installConsole() error {
	return console.Install(r.vm, console.Options{
		Stdout: r.env.Stdout,
		Stderr: r.env.Stderr,
		Now:    r.loop.Now,
	})
}
