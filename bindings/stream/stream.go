// Package stream implements the modules "stream" and "stream/promises"
// (also with the "node:" prefix): Node's streams, in JavaScript
// (stream.js) on the EventEmitter of the runtime's "events" module.
//
// Readable, Writable, Duplex, Transform and PassThrough keep Node's state
// machines (the same flags, the same order of "data", "end", "finish",
// "close" and callbacks, process.nextTick where Node defers), so packages
// that subclass them (util.inherits or class extends) see what they see in
// Node. pipeline and finished (callback and promise forms), Readable.from,
// async iteration, toArray/map/filter/forEach/reduce/take/drop, and the
// web-stream bridges (Readable.toWeb/fromWeb, Writable.toWeb/fromWeb,
// Duplex.toWeb/fromWeb) are there; compose and finished() on a web stream
// are not.
//
// # Goroutine rules
//
// Everything runs on the loop goroutine: a stream is plain JavaScript.
// Other bindings (fs, zlib, readline) reach it with Env.Require("stream").
package stream

import (
	_ "embed"
	"fmt"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed stream.js
var streamJS string

var script = bindings.NewScript("arun:internal/stream.js", streamJS)

// Modules returns "stream" and "stream/promises" with their "node:" aliases,
// and "stream/web" (the global web stream classes).
func Modules() []bindings.Module {
	return []bindings.Module{
		{Name: "stream", Aliases: []string{"node:stream"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.Get("stream"))
		}},
		{Name: "stream/promises", Aliases: []string{"node:stream/promises"}, Init: func(env *bindings.Env, module *goja.Object) error {
			m, err := get(env)
			if err != nil {
				return err
			}
			return module.Set("exports", m.Get("promises"))
		}},
		{Name: "stream/web", Aliases: []string{"node:stream/web"}, Init: initWeb},
	}
}

// Globals returns nothing: streams are reached through require or import.
func Globals() []bindings.Global { return nil }

type streamKey struct{}

// get runs stream.js once per runtime.
func get(env *bindings.Env) (*goja.Object, error) {
	if m, ok := env.Value(streamKey{}).(*goja.Object); ok {
		return m, nil
	}
	vm := env.VM
	ee, err := env.Require("events")
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	v, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("stream: internal error: stream.js is not a function")
	}
	nextTick := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		p := vm.Get("process")
		if p == nil || goja.IsUndefined(p) {
			panic(vm.NewTypeError("stream: no process.nextTick"))
		}
		nt, ok := goja.AssertFunction(p.ToObject(vm).Get("nextTick"))
		if !ok {
			panic(vm.NewTypeError("stream: process.nextTick is not a function"))
		}
		r, err := nt(p, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return r
	})
	res, err := fn(goja.Undefined(), ee, vm.Get("Buffer"), nextTick, vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	m := res.ToObject(vm)
	env.SetValue(streamKey{}, m)
	return m, nil
}

// webNames are the classes "stream/web" exports (the globals').
var webNames = []string{
	"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
	"ReadableStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
	"WritableStreamDefaultController", "TransformStream", "TransformStreamDefaultController",
	"ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream",
	"CompressionStream", "DecompressionStream",
}

func initWeb(env *bindings.Env, module *goja.Object) error {
	vm := env.VM
	ex := vm.NewObject()
	for _, n := range webNames {
		if v := vm.Get(n); v != nil && !goja.IsUndefined(v) {
			if err := ex.Set(n, v); err != nil {
				return err
			}
		}
	}
	return module.Set("exports", ex)
}
