package fs

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// cwd is the script's working directory: process.cwd() at call time.
func (m *module) cwd() (string, error) {
	vm := m.vm
	p := vm.Get("process")
	if p == nil || goja.IsUndefined(p) || goja.IsNull(p) {
		return "", errors.New("fs: no process object to take the working directory from")
	}
	obj := p.ToObject(vm)
	fn, ok := goja.AssertFunction(obj.Get("cwd"))
	if !ok {
		return "", errors.New("fs: process.cwd is not a function")
	}
	v, err := fn(obj)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// resolve makes p absolute against the working directory and cleans it.
// The result is both what is checked and what is used, so the operating
// system never sees a ".." the permission check did not.
func (m *module) resolve(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	wd, err := m.cwd()
	if err != nil {
		return "", err
	}
	return filepath.Join(wd, p), nil
}

// undefinedResult settles a promise with undefined (Async's nil is null).
var undefinedResult = bindings.Settle(func(*goja.Runtime) (goja.Value, error) { return goja.Undefined(), nil })

// async is Env.Async where a nil result means undefined. In a synchronous
// call (m.inSync, see syncFn) the work runs here, on the loop, with the same
// permission checks and confinement, and its result is returned (an error
// is thrown).
func (m *module) async(what string, work func(ctx context.Context) (any, error)) goja.Value {
	if m.inSync {
		v, err := work(context.Background())
		if err != nil {
			m.env.Throw(err)
		}
		switch x := v.(type) {
		case nil:
			return goja.Undefined()
		case bindings.Settle:
			jv, err := x(m.vm)
			if err != nil {
				if ex, ok := err.(*goja.Exception); ok {
					panic(ex)
				}
				m.env.Throw(err)
			}
			return jv
		}
		return m.vm.ToValue(v)
	}
	return m.env.Async(what, func(ctx context.Context) (any, error) {
		if err := ctx.Err(); err != nil {
			return nil, err // cancelled before it started: touch nothing
		}
		v, err := work(ctx)
		if err == nil && v == nil {
			return undefinedResult, nil
		}
		return v, err
	})
}

// path resolves a path argument for an operation; on failure it returns a
// rejected promise as the second result.
func (m *module) path(what string, v goja.Value) (string, goja.Value) {
	abs, err := m.resolve(v.String())
	if err != nil {
		return "", m.rejected(what, err)
	}
	return abs, nil
}

// Short names for the permission kinds.
const (
	permRead  = bindings.PermRead
	permWrite = bindings.PermWrite
)

// syncFn makes the synchronous form of an operation: fn runs with m.inSync
// set, so its work runs on the loop and its result or error comes back at
// once (Node's *Sync functions block the loop too).
func (m *module) syncFn(fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		m.inSync = true
		defer func() { m.inSync = false }()
		return fn(c)
	}
}
