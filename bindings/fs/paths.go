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

// async is Env.Async where a nil result means undefined.
func (m *module) async(what string, work func(ctx context.Context) (any, error)) goja.Value {
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
