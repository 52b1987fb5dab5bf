package fs

import (
	"context"
	"crypto/rand"
	"errors"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// chunk is how much file I/O does between checks for cancellation.
const chunk = 256 << 10

// readAll reads f to the end, checking ctx between chunks.
func readAll(ctx context.Context, f *os.File) ([]byte, error) {
	size := 0
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = int(fi.Size())
	}
	buf := make([]byte, 0, size+512)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := min(cap(buf), len(buf)+chunk)
		n, err := f.Read(buf[len(buf):end])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// writeAll writes b to f (at its offset), checking ctx between chunks.
func writeAll(ctx context.Context, f *os.File, b []byte) error {
	for len(b) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(len(b), chunk)
		if _, err := f.Write(b[:n]); err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// result builds the JS value of file contents: a string in enc, or a Buffer.
func (m *module) contents(b []byte, enc string) bindings.Settle {
	return func(vm *goja.Runtime) (goja.Value, error) {
		if enc != "" {
			return vm.ToValue(encodeBytes(b, enc)), nil
		}
		return m.bufferOf(b), nil
	}
}

// readFile(path, flag, encoding)
func (m *module) readFile(c goja.FunctionCall) goja.Value {
	const what = "fs.readFile"
	p := c.Argument(0).String()
	abs, flags, rej := m.target(what, c.Argument(0), c.Argument(1))
	if rej != nil {
		return rej
	}
	enc := c.Argument(2).String()
	return m.run(what, flagTargets(abs, flags), func(ctx context.Context) (any, error) {
		b, err := readFileAt(ctx, abs, p, flags)
		if err != nil {
			return nil, err
		}
		return m.contents(b, enc), nil
	})
}

func readFileAt(ctx context.Context, abs, display string, flags int) ([]byte, error) {
	f, err := os.OpenFile(abs, flags, 0o666)
	if err != nil {
		return nil, nodeError(err, opError{syscall: "open", path: display})
	}
	defer f.Close()
	b, err := readAll(ctx, f)
	if err != nil {
		return nil, nodeError(err, opError{syscall: "read"})
	}
	return b, nil
}

// writeFile(path, data, flag, mode), also appendFile.
func (m *module) writeFile(c goja.FunctionCall) goja.Value {
	const what = "fs.writeFile"
	p := c.Argument(0).String()
	abs, flags, rej := m.target(what, c.Argument(0), c.Argument(2))
	if rej != nil {
		return rej
	}
	data := fileData(c.Argument(1))
	mode := os.FileMode(c.Argument(3).ToInteger())
	return m.run(what, flagTargets(abs, flags), func(ctx context.Context) (any, error) {
		return nil, writeFileAt(ctx, abs, p, data, flags, mode)
	})
}

func writeFileAt(ctx context.Context, abs, display string, data []byte, flags int, mode os.FileMode) error {
	f, err := os.OpenFile(abs, flags, mode)
	if err != nil {
		return nodeError(err, opError{syscall: "open", path: display})
	}
	if err := writeAll(ctx, f, data); err != nil {
		f.Close()
		return nodeError(err, opError{syscall: "write"})
	}
	if err := f.Close(); err != nil {
		return nodeError(err, opError{syscall: "close"})
	}
	return nil
}

// entry is one readdir result.
type entry struct {
	name, parent string
	typ          int
}

// readdir(path, withFileTypes, recursive, encoding)
func (m *module) readdir(c goja.FunctionCall) goja.Value {
	const what = "fs.readdir"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	withTypes, recursive := c.Argument(1).ToBoolean(), c.Argument(2).ToBoolean()
	enc := c.Argument(3).String()
	return m.run(what, []target{{permRead, abs}}, func(ctx context.Context) (any, error) {
		var out []entry
		// breadth first: the directory's entries, then each subdirectory's
		queue := []string{""}
		for len(queue) > 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rel := queue[0]
			queue = queue[1:]
			des, err := os.ReadDir(filepath.Join(abs, rel))
			if err != nil {
				if rel != "" && errors.Is(err, os.ErrNotExist) {
					continue // removed meanwhile
				}
				return nil, nodeError(err, opError{syscall: "scandir", path: p})
			}
			for _, de := range des {
				e := entry{name: de.Name(), typ: direntType(de.Type())}
				if withTypes {
					e.parent = filepath.Join(p, rel)
					if rel == "" {
						e.parent = p
					}
				} else {
					e.name = filepath.Join(rel, de.Name())
				}
				out = append(out, e)
				if recursive && de.IsDir() {
					queue = append(queue, filepath.Join(rel, de.Name()))
				}
			}
		}
		return bindings.Settle(func(vm *goja.Runtime) (goja.Value, error) {
			arr := make([]any, len(out))
			for i, e := range out {
				var name goja.Value = vm.ToValue(e.name)
				if enc == "buffer" {
					name = m.bufferOf([]byte(e.name))
				}
				if !withTypes {
					arr[i] = name
					continue
				}
				d, err := m.makeDirent(goja.Undefined(), name, vm.ToValue(e.typ), vm.ToValue(e.parent))
				if err != nil {
					return nil, err
				}
				arr[i] = d
			}
			return vm.NewArray(arr...), nil
		}), nil
	})
}

// stats builds a Stats object.
func (m *module) stats(fi os.FileInfo) bindings.Settle {
	arr := statArray(fi)
	return func(vm *goja.Runtime) (goja.Value, error) {
		return m.makeStats(goja.Undefined(), vm.ToValue(arr))
	}
}

// stat(path, lstat)
func (m *module) stat(c goja.FunctionCall) goja.Value {
	const what = "fs.stat"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	lstat := c.Argument(1).ToBoolean()
	return m.run(what, []target{{permRead, abs}}, func(ctx context.Context) (any, error) {
		var fi os.FileInfo
		var err error
		sc := "stat"
		if lstat {
			sc = "lstat"
			fi, err = os.Lstat(abs)
		} else {
			fi, err = os.Stat(abs)
		}
		if err != nil {
			return nil, nodeError(err, opError{syscall: sc, path: p})
		}
		return m.stats(fi), nil
	})
}

// mkdir(path, recursive, mode): resolves to the first directory created
// when recursive (undefined if none was), else undefined.
func (m *module) mkdir(c goja.FunctionCall) goja.Value {
	const what = "fs.mkdir"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	recursive := c.Argument(1).ToBoolean()
	mode := os.FileMode(c.Argument(2).ToInteger())
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		op := opError{syscall: "mkdir", path: p}
		if !recursive {
			if err := os.Mkdir(abs, mode); err != nil {
				return nil, nodeError(err, op)
			}
			return nil, nil
		}
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, op)
		}
		if fi, err := os.Stat(abs); err == nil {
			if fi.IsDir() {
				return nil, nil
			}
			return nil, errnoError(syscall.EEXIST, op)
		}
		first := abs
		for dir := filepath.Dir(abs); dir != first; dir = filepath.Dir(dir) {
			if _, err := os.Stat(dir); err == nil {
				break
			}
			first = dir
		}
		if err := os.MkdirAll(abs, mode); err != nil {
			return nil, nodeError(err, op)
		}
		return first, nil
	})
}

const tempChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// mkdtemp(prefix): prefix plus six random characters, created 0700.
func (m *module) mkdtemp(c goja.FunctionCall) goja.Value {
	const what = "fs.mkdtemp"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	// a prefix ending in a separator names a directory, cleaned away by resolve
	if len(p) > 0 && os.IsPathSeparator(p[len(p)-1]) {
		abs += string(os.PathSeparator)
	}
	return m.run(what, []target{{permWrite, filepath.Dir(abs + "X")}}, func(ctx context.Context) (any, error) {
		for i := 0; i < 100; i++ {
			suffix := make([]byte, 6)
			for j := range suffix {
				n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(tempChars))))
				suffix[j] = tempChars[n.Int64()]
			}
			err := os.Mkdir(abs+string(suffix), 0o700)
			if err == nil {
				return p + string(suffix), nil
			}
			if !errors.Is(err, os.ErrExist) {
				return nil, nodeError(err, opError{syscall: "mkdtemp", path: p + "XXXXXX"})
			}
		}
		return nil, errnoError(syscall.EEXIST, opError{syscall: "mkdtemp", path: p + "XXXXXX"})
	})
}

// rm(path, recursive, force)
func (m *module) rm(c goja.FunctionCall) goja.Value {
	const what = "fs.rm"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	recursive, force := c.Argument(1).ToBoolean(), c.Argument(2).ToBoolean()
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		fi, err := os.Lstat(abs)
		if err != nil {
			if force && errors.Is(err, os.ErrNotExist) {
				return nil, nil
			}
			return nil, nodeError(err, opError{syscall: "lstat", path: p})
		}
		if fi.IsDir() {
			if !recursive {
				return nil, &bindings.Error{Name: "SystemError", Code: "ERR_FS_EISDIR",
					Message: "Path is a directory: rm returned EISDIR (is a directory) " + p,
					Props:   map[string]any{"errno": -int(syscall.EISDIR), "syscall": "rm", "path": p}}
			}
			if err := os.RemoveAll(abs); err != nil {
				return nil, nodeError(err, opError{syscall: "rm", path: p})
			}
			return nil, nil
		}
		if err := os.Remove(abs); err != nil && !(force && errors.Is(err, os.ErrNotExist)) {
			return nil, nodeError(err, opError{syscall: "unlink", path: p})
		}
		return nil, nil
	})
}

// rmdir(path, recursive)
func (m *module) rmdir(c goja.FunctionCall) goja.Value {
	const what = "fs.rmdir"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	recursive := c.Argument(1).ToBoolean()
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		if recursive {
			if fi, err := os.Lstat(abs); err != nil {
				return nil, nodeError(err, opError{syscall: "rmdir", path: p})
			} else if !fi.IsDir() {
				return nil, errnoError(syscall.ENOTDIR, opError{syscall: "rmdir", path: p})
			}
			return nil, nodeError(os.RemoveAll(abs), opError{syscall: "rmdir", path: p})
		}
		return nil, nodeError(syscall.Rmdir(abs), opError{syscall: "rmdir", path: p})
	})
}

// unlink(path)
func (m *module) unlink(c goja.FunctionCall) goja.Value {
	const what = "fs.unlink"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(syscall.Unlink(abs), opError{syscall: "unlink", path: p})
	})
}

// twoPaths resolves the first two arguments of a two-path operation
// (rename, copyFile, link), or returns the rejected promise.
func (m *module) twoPaths(what string, c goja.FunctionCall) (a, b string, rej goja.Value) {
	if a, rej = m.path(what, c.Argument(0)); rej != nil {
		return "", "", rej
	}
	if b, rej = m.path(what, c.Argument(1)); rej != nil {
		return "", "", rej
	}
	return a, b, nil
}

// rename(oldPath, newPath)
func (m *module) rename(c goja.FunctionCall) goja.Value {
	const what = "fs.rename"
	p, q := c.Argument(0).String(), c.Argument(1).String()
	from, to, rej := m.twoPaths(what, c)
	if rej != nil {
		return rej
	}
	return m.run(what, []target{{permWrite, from}, {permWrite, to}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(syscall.Rename(from, to), opError{syscall: "rename", path: p, dest: q})
	})
}

// copyFile(src, dest, mode)
func (m *module) copyFile(c goja.FunctionCall) goja.Value {
	const what = "fs.copyFile"
	p, q := c.Argument(0).String(), c.Argument(1).String()
	src, dst, rej := m.twoPaths(what, c)
	if rej != nil {
		return rej
	}
	mode := int(c.Argument(2).ToInteger())
	return m.run(what, []target{{permRead, src}, {permWrite, dst}}, func(ctx context.Context) (any, error) {
		op := opError{syscall: "copyfile", path: p, dest: q}
		in, err := os.Open(src)
		if err != nil {
			return nil, nodeError(err, op)
		}
		defer in.Close()
		fi, err := in.Stat()
		if err != nil {
			return nil, nodeError(err, op)
		}
		if fi.IsDir() {
			return nil, errnoError(syscall.EISDIR, op)
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if mode&copyFileExcl != 0 {
			flags |= os.O_EXCL
		}
		out, err := os.OpenFile(dst, flags, fi.Mode().Perm())
		if err != nil {
			return nil, nodeError(err, op)
		}
		buf := make([]byte, chunk)
		for {
			if err := ctx.Err(); err != nil {
				out.Close()
				return nil, err
			}
			n, rerr := in.Read(buf)
			if n > 0 {
				if _, err := out.Write(buf[:n]); err != nil {
					out.Close()
					return nil, nodeError(err, op)
				}
			}
			if rerr == io.EOF {
				break
			}
			if rerr != nil {
				out.Close()
				return nil, nodeError(rerr, op)
			}
		}
		_ = out.Chmod(fi.Mode().Perm())
		return nil, nodeError(out.Close(), op)
	})
}

// access(path, mode)
func (m *module) access(c goja.FunctionCall) goja.Value {
	const what = "fs.access"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	mode := int(c.Argument(1).ToInteger())
	ts := []target{{permRead, abs}}
	if mode&wOK != 0 {
		ts = append(ts, target{permWrite, abs})
	}
	return m.run(what, ts, func(ctx context.Context) (any, error) {
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, opError{syscall: "access", path: p})
		}
		return nil, nodeError(access(abs, mode), opError{syscall: "access", path: p})
	})
}

// realpath(path)
func (m *module) realpath(c goja.FunctionCall) goja.Value {
	const what = "fs.realpath"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	return m.run(what, []target{{permRead, abs}}, func(ctx context.Context) (any, error) {
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, opError{syscall: "realpath", path: p})
		}
		r, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, nodeError(err, opError{syscall: "realpath", path: p})
		}
		return r, nil
	})
}

// readlink(path)
func (m *module) readlink(c goja.FunctionCall) goja.Value {
	const what = "fs.readlink"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	return m.run(what, []target{{permRead, abs}}, func(ctx context.Context) (any, error) {
		r, err := os.Readlink(abs)
		if err != nil {
			return nil, nodeError(err, opError{syscall: "readlink", path: p})
		}
		return r, nil
	})
}

// symlink(target, path): needs write on the link and read on what it
// points to.
func (m *module) symlink(c goja.FunctionCall) goja.Value {
	const what = "fs.symlink"
	dest, p := c.Argument(0).String(), c.Argument(1).String()
	abs, rej := m.path(what, c.Argument(1))
	if rej != nil {
		return rej
	}
	to := dest
	if !filepath.IsAbs(to) {
		to = filepath.Join(filepath.Dir(abs), to)
	}
	return m.run(what, []target{{permWrite, abs}, {permRead, filepath.Clean(to)}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(os.Symlink(dest, abs), opError{syscall: "symlink", path: dest, dest: p})
	})
}

// link(existingPath, newPath): a hard link shares the file, so it needs
// read and write on both.
func (m *module) link(c goja.FunctionCall) goja.Value {
	const what = "fs.link"
	p, q := c.Argument(0).String(), c.Argument(1).String()
	from, to, rej := m.twoPaths(what, c)
	if rej != nil {
		return rej
	}
	ts := []target{{permRead, from}, {permWrite, from}, {permRead, to}, {permWrite, to}}
	return m.run(what, ts, func(ctx context.Context) (any, error) {
		return nil, nodeError(os.Link(from, to), opError{syscall: "link", path: p, dest: q})
	})
}

// chmod(path, mode)
func (m *module) chmod(c goja.FunctionCall) goja.Value {
	const what = "fs.chmod"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	mode := os.FileMode(c.Argument(1).ToInteger())
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(os.Chmod(abs, mode), opError{syscall: "chmod", path: p})
	})
}

// truncate(path, len)
func (m *module) truncate(c goja.FunctionCall) goja.Value {
	const what = "fs.truncate"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	n := c.Argument(1).ToInteger()
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(os.Truncate(abs, max(n, 0)), opError{syscall: "open", path: p})
	})
}

// utimes(path, atimeMs, mtimeMs)
func (m *module) utimes(c goja.FunctionCall) goja.Value {
	const what = "fs.utimes"
	p := c.Argument(0).String()
	abs, rej := m.path(what, c.Argument(0))
	if rej != nil {
		return rej
	}
	at := time.UnixMilli(c.Argument(1).ToInteger())
	mt := time.UnixMilli(c.Argument(2).ToInteger())
	return m.run(what, []target{{permWrite, abs}}, func(ctx context.Context) (any, error) {
		return nil, nodeError(os.Chtimes(abs, at, mt), opError{syscall: "utime", path: p})
	})
}

// existsSync(path) reports whether path exists; a denied read throws.
func (m *module) existsSync(c goja.FunctionCall) goja.Value {
	abs, err := m.resolve(c.Argument(0).String())
	if err != nil {
		m.env.Throw(err)
	}
	if abs == "" {
		return m.vm.ToValue(false)
	}
	if err := m.check(permRead, abs); err != nil {
		m.env.Throw(err)
	}
	_, err = os.Stat(abs)
	return m.vm.ToValue(err == nil)
}

// readFileSync(path, flag, encoding), on the loop.
func (m *module) readFileSync(c goja.FunctionCall) goja.Value {
	p := c.Argument(0).String()
	abs, flags := m.syncTarget(p, c.Argument(1))
	b, err := readFileAt(context.Background(), abs, p, flags)
	if err != nil {
		m.env.Throw(err)
	}
	v, _ := m.contents(b, c.Argument(2).String())(m.vm)
	return v
}

// writeFileSync(path, data, flag, mode), on the loop.
func (m *module) writeFileSync(c goja.FunctionCall) goja.Value {
	p := c.Argument(0).String()
	abs, flags := m.syncTarget(p, c.Argument(2))
	if err := writeFileAt(context.Background(), abs, p, fileData(c.Argument(1)), flags, os.FileMode(c.Argument(3).ToInteger())); err != nil {
		m.env.Throw(err)
	}
	return goja.Undefined()
}

// syncTarget resolves path p and the open flags of a synchronous call and
// checks the permissions they need (it throws, on the loop).
func (m *module) syncTarget(p string, flag goja.Value) (abs string, flags int) {
	abs, err := m.resolve(p)
	if err != nil {
		m.env.Throw(err)
	}
	flags, err = parseFlags(flag)
	if err != nil {
		m.env.Throw(err)
	}
	for _, t := range flagTargets(abs, flags) {
		if err := m.check(t.kind, t.abs); err != nil {
			m.env.Throw(err)
		}
	}
	return abs, flags
}

// target resolves the path and open flags of an asynchronous call; rej is
// the rejected promise to return instead when either is bad.
func (m *module) target(what string, path, flag goja.Value) (abs string, flags int, rej goja.Value) {
	abs, rej = m.path(what, path)
	if rej != nil {
		return "", 0, rej
	}
	flags, err := parseFlags(flag)
	if err != nil {
		return "", 0, m.rejected(what, err)
	}
	return abs, flags, nil
}
