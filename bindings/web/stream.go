package web

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// NewByteStream creates a ReadableStream of Uint8Array chunks fed from Go,
// for bindings such as fetch (a response body).
//
// The stream pulls on demand (high-water mark 0: nothing is read before a
// reader asks). Each pull runs pull(ctx) off the loop through env.Async, so
// it may block; a non-empty result is enqueued as a Uint8Array, an empty one
// with a nil error is skipped (pull is called again), io.EOF (alone or with
// final bytes) closes the stream and any other error errors it (converted
// with Env.ToJSError). pull calls never overlap. ctx is cancelled when the
// asyncio task awaiting the read is cancelled or the run ends; the read then
// rejects and the stream is errored with that reason.
//
// cancel (may be nil) runs on the loop goroutine when the script cancels the
// stream (reader.cancel(), an abandoned for-await, a pipe shutting down); it
// should release the source (close the HTTP body) and make a pull in flight
// return. It is not called when the stream ends by itself.
//
// Call it on the loop goroutine, after the globals are installed.
func NewByteStream(env *bindings.Env, pull func(ctx context.Context) ([]byte, error), cancel func()) (goja.Value, error) {
	in := internals(env)
	if in == nil {
		return nil, errors.New("web: NewByteStream: web globals are not installed")
	}
	newPull, ok := goja.AssertFunction(in.Get("newPullStream"))
	if !ok {
		return nil, errors.New("web: NewByteStream: internals missing")
	}
	vm := env.VM
	u8ctor := vm.Get("Uint8Array")
	done := false
	type result struct {
		b   []byte
		eof bool
	}
	jsPull := func(call goja.FunctionCall) goja.Value {
		ctrl := call.Argument(0).ToObject(vm)
		if done {
			return goja.Undefined()
		}
		return env.Async("ReadableStream pull", func(ctx context.Context) (any, error) {
			for {
				b, err := pull(ctx)
				eof := errors.Is(err, io.EOF)
				if err != nil && !eof {
					return nil, err
				}
				if len(b) == 0 && !eof {
					if ctx.Err() != nil {
						return nil, context.Cause(ctx)
					}
					continue
				}
				r := result{b: b, eof: eof}
				return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
					if done { // cancelled while the pull was in flight
						return goja.Undefined(), nil
					}
					if len(r.b) > 0 {
						u8, err := vm.New(u8ctor, vm.ToValue(vm.NewArrayBuffer(r.b)))
						if err != nil {
							return nil, err
						}
						if err := callMethod(ctrl, "enqueue", u8); err != nil {
							return nil, err
						}
					}
					if r.eof {
						done = true
						if err := callMethod(ctrl, "close"); err != nil {
							return nil, err
						}
					}
					return goja.Undefined(), nil
				}), nil
			}
		})
	}
	jsCancel := func(goja.FunctionCall) goja.Value {
		done = true
		if cancel != nil {
			cancel()
		}
		return goja.Undefined()
	}
	return newPull(goja.Undefined(), vm.ToValue(jsPull), vm.ToValue(jsCancel), vm.ToValue(0))
}

func callMethod(o *goja.Object, name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(o.Get(name))
	if !ok {
		return fmt.Errorf("web: %s is not a function", name)
	}
	_, err := fn(o, args...)
	return err
}

// IsReadableStream reports whether v is a ReadableStream.
func IsReadableStream(env *bindings.Env, v goja.Value) bool {
	return callPredicate(env, "isReadableStream", v)
}

// IsBlob reports whether v is a Blob (or File).
func IsBlob(env *bindings.Env, v goja.Value) bool {
	return callPredicate(env, "isBlob", v)
}

func callPredicate(env *bindings.Env, name string, v goja.Value) bool {
	in := internals(env)
	if in == nil {
		return false
	}
	fn, ok := goja.AssertFunction(in.Get(name))
	if !ok {
		return false
	}
	r, err := fn(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// BlobBytes returns a copy of the contents of the Blob (or File) v, and
// false if v is not a Blob.
func BlobBytes(env *bindings.Env, v goja.Value) ([]byte, bool) {
	if !IsBlob(env, v) {
		return nil, false
	}
	fn, _ := goja.AssertFunction(internals(env).Get("blobBytes"))
	u8, err := fn(goja.Undefined(), v)
	if err != nil {
		return nil, false
	}
	b := bytesOf(env.VM, u8)
	return append([]byte(nil), b...), true
}

// NewBlob creates a Blob holding data (not copied: the caller gives it up)
// with the given MIME type.
func NewBlob(env *bindings.Env, data []byte, mimeType string) (goja.Value, error) {
	in := internals(env)
	if in == nil {
		return nil, errors.New("web: NewBlob: web globals are not installed")
	}
	fn, _ := goja.AssertFunction(in.Get("newBlob"))
	vm := env.VM
	u8, err := vm.New(vm.Get("Uint8Array"), vm.ToValue(vm.NewArrayBuffer(data)))
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), u8, vm.ToValue(mimeType))
}
