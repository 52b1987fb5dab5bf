package fs

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// maxLinks bounds how many dangling symlinks check follows by hand (the
// kernel's own limit is 40).
const maxLinks = 40

// target is one path an operation touches, with the permission it needs.
type target struct {
	kind bindings.PermissionKind
	abs  string
}

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

// check asks the runtime's permissions for abs, then follows a final
// symlink that dangles (which the permission check cannot resolve, and
// which creating the file would follow) and checks where it leads.
func (m *module) check(kind bindings.PermissionKind, abs string) error {
	if abs == "" {
		return nil // the operation fails with ENOENT, touching nothing
	}
	if err := m.env.Check(kind, abs); err != nil {
		return err
	}
	cur := abs
	for i := 0; i < maxLinks; i++ {
		fi, err := os.Lstat(cur)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return nil
		}
		if _, err := os.Stat(cur); err == nil {
			return nil // resolvable: the permission check resolved it
		}
		dest, err := os.Readlink(cur)
		if err != nil {
			return nil
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(cur), dest)
		}
		if err := m.env.Check(kind, dest); err != nil {
			return err
		}
		cur = dest
	}
	return nil
}

// run checks every target, then runs work off the loop with Env.Async. A
// denied target rejects the returned promise and nothing is touched.
func (m *module) run(what string, targets []target, work func(ctx context.Context) (any, error)) goja.Value {
	for _, t := range targets {
		if err := m.check(t.kind, t.abs); err != nil {
			return m.rejected(what, err)
		}
	}
	return m.async(what, work)
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
