// Package messaging installs the globals MessageChannel, MessagePort and
// MessageEvent (the HTML standard's channel messaging, as in Node): each
// message is copied with structuredClone and delivered in a macrotask of
// its own to the other port, once that port is started (a "message"
// listener or onmessage starts it, as in Node; the standard starts it only
// for onmessage); close() closes both ports, each
// firing "close". Ports also have Node's on/once/off (the listener gets the
// data). Unlike Node, an open port with a listener does not keep the run
// alive on its own: only messages waiting to be delivered do (ref/unref
// are there and change nothing); transfer lists are accepted, nothing is
// transferred.
//
// # Goroutine rules
//
// Plain JavaScript on the loop.
package messaging

import (
	_ "embed"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed messaging.js
var src string

var script = bindings.NewScript("arun:internal/messaging.js", src)

// Modules returns nothing: these are globals.
func Modules() []bindings.Module { return nil }

// Globals installs MessageChannel, MessagePort and MessageEvent, lazily.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals([]string{"MessageChannel", "MessagePort", "MessageEvent"}, func() (*goja.Object, error) {
			v, err := script.Run(env.VM)
			if err != nil {
				return nil, fmt.Errorf("messaging: %w", err)
			}
			fn, ok := goja.AssertFunction(v)
			if !ok {
				return nil, fmt.Errorf("messaging: internal error: not a function")
			}
			r, err := fn(goja.Undefined(), env.VM.GlobalObject())
			if err != nil {
				return nil, fmt.Errorf("messaging: %w", err)
			}
			return r.ToObject(env.VM), nil
		})
	}}
}
