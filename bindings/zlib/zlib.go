// Package zlib implements the module "zlib" (also "node:zlib") and the web
// globals CompressionStream and DecompressionStream, on Go's compress/flate,
// compress/gzip and compress/zlib and on github.com/andybalholm/brotli.
//
// Every codec comes in Node's four forms: synchronous (gzipSync, on the
// loop), callback (gzip(buf, cb), the work on its own goroutine through
// bindings.Env.Async, cancelled with the calling task), promise (through
// util.promisify, or the callback form) and stream (createGzip(): a
// stream.Transform whose chunks are compressed off the loop). Options read:
// level (brotli: params[BROTLI_PARAM_QUALITY], BROTLI_PARAM_LGWIN),
// maxOutputLength, info; windowBits, memLevel, strategy, dictionary and
// chunkSize are accepted and ignored. Compressed bytes are Go's, not
// zlib's: they decompress anywhere but differ from Node's output byte for
// byte (the gzip header matches: no name, mtime 0, OS 3).
//
// # Goroutine rules
//
// A compressing stream writes into a buffer from the goroutine of each
// Async operation (one at a time: a Transform serializes its chunks). A
// decompressing stream runs Go's pull-based reader on a goroutine of its
// own, fed one chunk per write: when the reader asks for more input, all
// the output of the chunks so far has been produced, and the write returns
// it. The goroutine ends with the stream (its end, destroy) or the run.
package zlib

import (
	"context"
	_ "embed"
	"fmt"
	"hash/crc32"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed zlib.js
var zlibJS string

var script = bindings.NewScript("arun:internal/zlib.js", zlibJS)

// Modules returns "zlib" and "node:zlib".
func Modules() []bindings.Module {
	return []bindings.Module{{Name: "zlib", Aliases: []string{"node:zlib"}, Init: func(env *bindings.Env, module *goja.Object) error {
		m, err := get(env)
		if err != nil {
			return err
		}
		return module.Set("exports", m.Get("zlib"))
	}}}
}

// Globals installs CompressionStream and DecompressionStream (loaded on
// first use).
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals([]string{"CompressionStream", "DecompressionStream"}, func() (*goja.Object, error) {
			return get(env)
		})
	}}
}

type zlibKey struct{}

func get(env *bindings.Env) (*goja.Object, error) {
	if m, ok := env.Value(zlibKey{}).(*goja.Object); ok {
		return m, nil
	}
	vm := env.VM
	v, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("zlib: internal error: zlib.js is not a function")
	}
	req := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		v, err := env.Require(c.Argument(0).String())
		if err != nil {
			env.Throw(err)
		}
		return v
	})
	res, err := fn(goja.Undefined(), natives(env), req, vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	m := res.ToObject(vm)
	env.SetValue(zlibKey{}, m)
	return m, nil
}

// bytesArg copies the bytes of a Uint8Array argument (Go work uses them off
// the loop).
func bytesArg(vm *goja.Runtime, v goja.Value) []byte {
	var b []byte
	if err := vm.ExportTo(v, &b); err != nil {
		panic(vm.NewTypeError("zlib: expected a Uint8Array"))
	}
	return append([]byte(nil), b...)
}

// arrayBuffer settles an Async result into an ArrayBuffer (zlib.js wraps it
// in a Buffer).
func arrayBuffer(b []byte) bindings.Settle {
	return func(vm *goja.Runtime) (goja.Value, error) { return vm.ToValue(vm.NewArrayBuffer(b)), nil }
}

func natives(env *bindings.Env) *goja.Object {
	vm := env.VM
	n := vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = n.Set(name, f) }
	paramsOf := func(c goja.FunctionCall, decoder bool) params {
		return params{format: c.Argument(0).String(), decoder: decoder, level: int(c.Argument(1).ToInteger()),
			lgwin: int(c.Argument(2).ToInteger()), maxOut: int(c.Argument(3).ToInteger())}
	}
	// compressSync(format, level, lgwin, maxOut, data) -> ArrayBuffer
	set("compressSync", func(c goja.FunctionCall) goja.Value {
		out, err := compressAll(paramsOf(c, false), bytesArg(vm, c.Argument(4)))
		if err != nil {
			env.Throw(err)
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	})
	set("decompressSync", func(c goja.FunctionCall) goja.Value {
		out, err := decompressAll(context.Background(), paramsOf(c, true), bytesArg(vm, c.Argument(4)))
		if err != nil {
			env.Throw(err)
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	})
	// compress(...) and decompress(...): the same, off the loop
	set("compress", func(c goja.FunctionCall) goja.Value {
		p, data := paramsOf(c, false), bytesArg(vm, c.Argument(4))
		return env.Async("zlib."+p.format, func(ctx context.Context) (any, error) {
			out, err := compressAll(p, data)
			if err != nil {
				return nil, err
			}
			return arrayBuffer(out), nil
		})
	})
	set("decompress", func(c goja.FunctionCall) goja.Value {
		p, data := paramsOf(c, true), bytesArg(vm, c.Argument(4))
		return env.Async("zlib."+p.format, func(ctx context.Context) (any, error) {
			out, err := decompressAll(ctx, p, data)
			if err != nil {
				return nil, err
			}
			return arrayBuffer(out), nil
		})
	})
	// open(format, level, lgwin, maxOut, decoder) -> stream handle
	set("open", func(c goja.FunctionCall) goja.Value {
		s, err := newStream(paramsOf(c, c.Argument(4).ToBoolean()))
		if err != nil {
			env.Throw(err)
		}
		return vm.ToValue(s)
	})
	handle := func(v goja.Value) *stream {
		s, _ := v.Export().(*stream)
		if s == nil {
			panic(vm.NewTypeError("zlib: not a stream handle"))
		}
		return s
	}
	// the stream's context: the run's, so a stream never ended stops with it
	ctx := env.Context()
	set("write", func(c goja.FunctionCall) goja.Value {
		s, data := handle(c.Argument(0)), bytesArg(vm, c.Argument(1))
		return env.Async("zlib stream write", func(context.Context) (any, error) {
			out, err := s.write(ctx, data)
			if err != nil {
				return nil, err
			}
			return arrayBuffer(out), nil
		})
	})
	set("flush", func(c goja.FunctionCall) goja.Value {
		s := handle(c.Argument(0))
		return env.Async("zlib stream flush", func(context.Context) (any, error) {
			out, err := s.flush()
			if err != nil {
				return nil, err
			}
			return arrayBuffer(out), nil
		})
	})
	set("end", func(c goja.FunctionCall) goja.Value {
		s := handle(c.Argument(0))
		return env.Async("zlib stream end", func(context.Context) (any, error) {
			out, err := s.end(ctx)
			if err != nil {
				return nil, err
			}
			return arrayBuffer(out), nil
		})
	})
	set("close", func(c goja.FunctionCall) goja.Value {
		handle(c.Argument(0)).close()
		return goja.Undefined()
	})
	set("crc32", func(c goja.FunctionCall) goja.Value {
		data := bytesArg(vm, c.Argument(0))
		return vm.ToValue(crc32.Update(uint32(c.Argument(1).ToInteger()), crc32.IEEETable, data))
	})
	return n
}
