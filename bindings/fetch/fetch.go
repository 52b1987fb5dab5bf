package fetch

import (
	"bytes"
	_ "embed"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

//go:embed fetch.js
var fetchSrc string

var script = bindings.NewScript("arun:internal/fetch.js", fetchSrc)

// Modules returns the modules this package provides: "arun:http".
func Modules() []bindings.Module {
	return []bindings.Module{{
		Name: "arun:http",
		Init: func(env *bindings.Env, module *goja.Object) error {
			st, err := getState(env)
			if err != nil {
				return err
			}
			exports := env.VM.NewObject()
			_ = exports.Set("serve", st.exports.Get("serve"))
			return module.Set("exports", exports)
		},
	}}
}

// Globals returns the global installers of this package: fetch, Request,
// Response, Headers and FormData.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		// fetch.js loads on first use: a script that never fetches doesn't
		// pay for it at start-up
		return env.LazyGlobals([]string{"fetch", "Request", "Response", "Headers", "FormData"}, func() (*goja.Object, error) {
			st, err := getState(env)
			if err != nil {
				return nil, err
			}
			return st.exports, nil
		})
	}}
}

type stateKey struct{}

// state is one runtime's fetch state (on the loop only).
type state struct {
	env    *bindings.Env
	bodies map[int64]*nativeBody
	// calls are the requests with a signal, by their promise, until they
	// no longer need it (fetchCall.release): native.abort finds them
	calls   map[*goja.Object]*fetchCall
	nextID  int64
	exports *goja.Object

	// the response maker native.fetch is given (always fetch.js's
	// fetched), asserted once
	makers bindings.Callables

	clients    [3]*http.Client // by redirect mode (clientFor)
	lastTarget *target         // the last URL fetched, parsed
}

func getState(env *bindings.Env) (*state, error) {
	if st, ok := env.Value(stateKey{}).(*state); ok {
		return st, nil
	}
	st := &state{env: env, bodies: map[int64]*nativeBody{}, calls: map[*goja.Object]*fetchCall{}}
	vm := env.VM
	f, err := script.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	fn, ok := goja.AssertFunction(f)
	if !ok {
		return nil, fmt.Errorf("fetch: fetch.js is not a function")
	}
	v, err := fn(goja.Undefined(), st.natives(), vm.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	st.exports = v.ToObject(vm)
	env.SetValue(stateKey{}, st)
	return st, nil
}

// natives is the object of Go functions fetch.js uses.
func (s *state) natives() *goja.Object {
	vm := s.env.VM
	o := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("fetch", s.startFetch)
	// abort(promise, reason): the signal of the request whose promise it
	// is fired
	set("abort", func(call goja.FunctionCall) goja.Value {
		if p, ok := call.Argument(0).(*goja.Object); ok {
			if c := s.calls[p]; c != nil {
				c.doAbort(call.Argument(1))
			}
		}
		return goja.Undefined()
	})
	set("headerList", func(call goja.FunctionCall) goja.Value {
		if l, ok := call.Argument(0).Export().(*lazyHeaders); ok {
			return l.flat(vm)
		}
		return vm.NewArray()
	})
	set("listen", s.listen)
	set("read", func(call goja.FunctionCall) goja.Value {
		return s.read(call.Argument(0).ToInteger(), false, false)
	})
	set("readAll", func(call goja.FunctionCall) goja.Value {
		return s.read(call.Argument(0).ToInteger(), true, call.Argument(1).ToBoolean())
	})
	set("cancelBody", func(call goja.FunctionCall) goja.Value {
		if b := s.bodies[call.Argument(0).ToInteger()]; b != nil {
			s.finish(b)
		}
		return goja.Undefined()
	})
	set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer([]byte(call.Argument(0).String())))
	})
	set("decode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bindings.DecodeUTF8(s.bytesOf(call.Argument(0))))
	})
	// decodeKeepBOM: "UTF-8 decode without BOM" (the urlencoded parser's)
	set("decodeKeepBOM", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bindings.DecodeUTF8WithoutBOM(s.bytesOf(call.Argument(0))))
	})
	set("encodeMultipart", s.encodeMultipart)
	set("parseMultipart", s.parseMultipart)
	return o
}

// bytesOf exports a typed array, DataView or ArrayBuffer (not copied).
func (s *state) bytesOf(v goja.Value) []byte {
	if ab, ok := v.Export().(goja.ArrayBuffer); ok {
		return ab.Bytes()
	}
	var b []byte
	if err := s.env.VM.ExportTo(v, &b); err != nil {
		panic(s.env.VM.NewTypeError("expected bytes"))
	}
	return b
}

// encodeMultipart is native.encodeMultipart(boundary, entries): entries is
// a flat list of [name, value] for strings and [name, bytes, filename, type]
// for files (isFile flags which).
func (s *state) encodeMultipart(call goja.FunctionCall) goja.Value {
	vm := s.env.VM
	boundary := call.Argument(0).String()
	entries := call.Argument(1).ToObject(vm)
	n := int(entries.Get("length").ToInteger())
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.SetBoundary(boundary); err != nil {
		panic(vm.NewTypeError(err.Error()))
	}
	esc := strings.NewReplacer("\n", "%0A", "\r", "%0D", "\"", "%22")
	for i := 0; i < n; i++ {
		e := entries.Get(fmt.Sprint(i)).ToObject(vm)
		name := esc.Replace(e.Get("0").String())
		h := textproto.MIMEHeader{}
		if e.Get("1").ToBoolean() { // file
			fn := esc.Replace(e.Get("3").String())
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, name, fn))
			ct := e.Get("4").String()
			if ct == "" {
				ct = "application/octet-stream"
			}
			h.Set("Content-Type", ct)
			pw, _ := w.CreatePart(h)
			_, _ = pw.Write(s.bytesOf(e.Get("2")))
		} else {
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, name))
			pw, _ := w.CreatePart(h)
			v := e.Get("2").String()
			v = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n"), "\n", "\r\n")
			_, _ = pw.Write([]byte(v))
		}
	}
	_ = w.Close()
	return vm.ToValue(vm.NewArrayBuffer(buf.Bytes()))
}

// parseMultipart is native.parseMultipart(bytes, contentType): a list of
// [name, value] or [name, bytes, filename, type] entries (files have 4).
func (s *state) parseMultipart(call goja.FunctionCall) goja.Value {
	vm := s.env.VM
	data := s.bytesOf(call.Argument(0))
	_, params, err := mime.ParseMediaType(call.Argument(1).String())
	boundary := params["boundary"]
	if err != nil || boundary == "" {
		panic(s.env.ToJSError(&bindings.Error{Name: "TypeError", Message: "Could not parse content as FormData: missing boundary"}))
	}
	r := multipart.NewReader(bytes.NewReader(data), boundary)
	var out []any
	for {
		p, err := r.NextRawPart()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			panic(s.env.ToJSError(&bindings.Error{Name: "TypeError", Message: "Could not parse content as FormData: " + err.Error()}))
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(p); err != nil {
			panic(s.env.ToJSError(&bindings.Error{Name: "TypeError", Message: "Could not parse content as FormData: " + err.Error()}))
		}
		_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		name := dp["name"]
		if fn, ok := dp["filename"]; ok {
			ct := p.Header.Get("Content-Type")
			if ct == "" {
				ct = "text/plain"
			}
			out = append(out, vm.NewArray(name, vm.NewArrayBuffer(b.Bytes()), fn, ct))
		} else {
			out = append(out, vm.NewArray(name, bindings.DecodeUTF8(b.Bytes())))
		}
	}
	return vm.NewArray(out...)
}
