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
	return m.async(what, func(ctx context.Context) (any, error) {
		b, err := m.readFileAt(ctx, abs, p, flags)
		if err != nil {
			return nil, err
		}
		return m.contents(b, enc), nil
	})
}

// openPath checks and opens abs with flags: the permissions the flags need,
// and the file through the place of the grant that covers it.
func (m *module) openPath(abs, display string, flags int, mode os.FileMode) (*os.File, error) {
	pl, err := m.at(abs, openFollows(flags), flagKinds(flags)...)
	if err != nil {
		return nil, err
	}
	defer pl.Close()
	f, err := openAt(pl, flags, mode)
	if err != nil {
		return nil, nodeError(err, opError{syscall: "open", path: display})
	}
	return f, nil
}

func (m *module) readFileAt(ctx context.Context, abs, display string, flags int) ([]byte, error) {
	f, err := m.openPath(abs, display, flags, 0o666)
	if err != nil {
		return nil, err
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
	return m.async(what, func(ctx context.Context) (any, error) {
		return nil, m.writeFileAt(ctx, abs, p, data, flags, mode)
	})
}

func (m *module) writeFileAt(ctx context.Context, abs, display string, data []byte, flags int, mode os.FileMode) error {
	f, err := m.openPath(abs, display, flags, mode)
	if err != nil {
		return err
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
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, true, permRead)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		var out []entry
		// breadth first: the directory's entries, then each subdirectory's
		queue := []string{""}
		for len(queue) > 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rel := queue[0]
			queue = queue[1:]
			des, err := readDirAt(child(pl, rel))
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
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, !lstat, permRead)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		sc := "stat"
		if lstat {
			sc = "lstat"
		}
		fi, err := statAt(pl, lstat)
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
	return m.async(what, func(ctx context.Context) (any, error) {
		op := opError{syscall: "mkdir", path: p}
		// mkdir(2) does not follow a last component that is a link; a
		// recursive mkdir accepts one to a directory, as os.MkdirAll does
		pl, err := m.at(abs, recursive, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		if !recursive {
			if err := mkdirAt(pl, mode); err != nil {
				return nil, nodeError(err, op)
			}
			return nil, nil
		}
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, op)
		}
		if fi, err := statAt(pl, false); err == nil {
			if fi.IsDir() {
				return nil, nil
			}
			return nil, errnoError(syscall.EEXIST, op)
		}
		first := pl
		for dir, ok := parent(pl); ok; dir, ok = parent(dir) {
			if _, err := statAt(dir, false); err == nil {
				break
			}
			first = dir
		}
		if err := mkdirAllAt(pl, mode); err != nil {
			return nil, nodeError(err, op)
		}
		return first.Path, nil
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
	// a prefix ending in a separator names a directory, cleaned away by
	// resolve; an empty one the working directory
	if p == "" {
		if abs, rej = m.path(what, m.vm.ToValue(".")); rej != nil {
			return rej
		}
		abs += string(os.PathSeparator)
	} else if os.IsPathSeparator(p[len(p)-1]) {
		abs += string(os.PathSeparator)
	}
	dir, prefix := filepath.Split(abs)
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(filepath.Clean(dir), true, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		for i := 0; i < 100; i++ {
			suffix := make([]byte, 6)
			for j := range suffix {
				n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(tempChars))))
				suffix[j] = tempChars[n.Int64()]
			}
			err := mkdirAt(child(pl, prefix+string(suffix)), 0o700)
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
	return m.async(what, func(ctx context.Context) (any, error) {
		// the entry itself: a link is removed, never what it points to
		pl, err := m.at(abs, false, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		fi, err := statAt(pl, true)
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
			if err := removeAllAt(pl); err != nil {
				return nil, nodeError(err, opError{syscall: "rm", path: p})
			}
			return nil, nil
		}
		if err := removeAt(pl); err != nil && !(force && errors.Is(err, os.ErrNotExist)) {
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
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, false, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		if recursive {
			if fi, err := statAt(pl, true); err != nil {
				return nil, nodeError(err, opError{syscall: "rmdir", path: p})
			} else if !fi.IsDir() {
				return nil, errnoError(syscall.ENOTDIR, opError{syscall: "rmdir", path: p})
			}
			return nil, nodeError(removeAllAt(pl), opError{syscall: "rmdir", path: p})
		}
		return nil, nodeError(rmdirAt(pl), opError{syscall: "rmdir", path: p})
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
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, false, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		return nil, nodeError(unlinkAt(pl), opError{syscall: "unlink", path: p})
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
	return m.async(what, func(ctx context.Context) (any, error) {
		a, b, err := m.atTwo(from, false, []bindings.PermissionKind{permWrite}, to, false, []bindings.PermissionKind{permWrite})
		if err != nil {
			return nil, err
		}
		defer a.Close()
		defer b.Close()
		return nil, nodeError(renameAt(a, b), opError{syscall: "rename", path: p, dest: q})
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
	return m.async(what, func(ctx context.Context) (any, error) {
		op := opError{syscall: "copyfile", path: p, dest: q}
		a, b, err := m.atTwo(src, true, []bindings.PermissionKind{permRead}, dst, mode&copyFileExcl == 0, []bindings.PermissionKind{permWrite})
		if err != nil {
			return nil, err
		}
		defer a.Close()
		defer b.Close()
		in, err := openAt(a, os.O_RDONLY, 0)
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
		out, err := openAt(b, flags, fi.Mode().Perm())
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
	kinds := []bindings.PermissionKind{permRead}
	if mode&wOK != 0 {
		kinds = append(kinds, permWrite)
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, opError{syscall: "access", path: p})
		}
		pl, err := m.at(abs, true, kinds...)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		return nil, nodeError(accessAt(pl, mode), opError{syscall: "access", path: p})
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
	return m.async(what, func(ctx context.Context) (any, error) {
		if abs == "" {
			return nil, errnoError(syscall.ENOENT, opError{syscall: "realpath", path: p})
		}
		pl, err := m.at(abs, true, permRead)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		if pl.Root != nil {
			// the place's path is resolved already; it must exist
			if _, err := statAt(pl, true); err != nil {
				return nil, nodeError(err, opError{syscall: "realpath", path: p})
			}
			return real(pl), nil
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
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, false, permRead)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		r, err := readlinkAt(pl)
		if err != nil {
			return nil, nodeError(err, opError{syscall: "readlink", path: p})
		}
		return r, nil
	})
}

// symlink(target, path): needs write on the link, and what it points to,
// resolved, must be inside a write grant too: a script cannot make a link
// that leads out of where it may write. (Reading or writing through a link
// is checked where it leads, as any path.)
func (m *module) symlink(c goja.FunctionCall) goja.Value {
	const what = "fs.symlink"
	dest, p := c.Argument(0).String(), c.Argument(1).String()
	abs, rej := m.path(what, c.Argument(1))
	if rej != nil {
		return rej
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, false, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		if abs != "" {
			// where the link will lead: dest from the link's real directory,
			// resolved as the kernel will (".." after links)
			to := dest
			if !filepath.IsAbs(to) {
				to = filepath.Dir(real(pl)) + string(os.PathSeparator) + to
			}
			tp, err := m.env.Confine(to, true, permWrite)
			if err != nil {
				return nil, err
			}
			tp.Close()
		}
		return nil, nodeError(symlinkAt(dest, pl), opError{syscall: "symlink", path: dest, dest: p})
	})
}

// link(existingPath, newPath): a hard link shares the file, so it needs
// read and write on both, and on the file the existing path names.
func (m *module) link(c goja.FunctionCall) goja.Value {
	const what = "fs.link"
	p, q := c.Argument(0).String(), c.Argument(1).String()
	from, to, rej := m.twoPaths(what, c)
	if rej != nil {
		return rej
	}
	rw := []bindings.PermissionKind{permRead, permWrite}
	return m.async(what, func(ctx context.Context) (any, error) {
		if from != "" {
			// link(2) links a symlink itself, but what it names must be
			// granted too
			tp, err := m.at(from, true, rw...)
			if err != nil {
				return nil, err
			}
			tp.Close()
		}
		a, b, err := m.atTwo(from, false, rw, to, false, rw)
		if err != nil {
			return nil, err
		}
		defer a.Close()
		defer b.Close()
		return nil, nodeError(linkAt(a, b), opError{syscall: "link", path: p, dest: q})
	})
}

// atTwo opens the places of a two-path operation (see at).
func (m *module) atTwo(a string, followA bool, kindsA []bindings.PermissionKind, b string, followB bool, kindsB []bindings.PermissionKind) (place, place, error) {
	pa, err := m.at(a, followA, kindsA...)
	if err != nil {
		return place{}, place{}, err
	}
	pb, err := m.at(b, followB, kindsB...)
	if err != nil {
		pa.Close()
		return place{}, place{}, err
	}
	return pa, pb, nil
}

// onePath is the shape of chmod, truncate and utimes: one path, checked
// for write (following links), then fn on its place.
func (m *module) onePath(what string, v goja.Value, sc string, fn func(pl place) error) goja.Value {
	p := v.String()
	abs, rej := m.path(what, v)
	if rej != nil {
		return rej
	}
	return m.async(what, func(ctx context.Context) (any, error) {
		pl, err := m.at(abs, true, permWrite)
		if err != nil {
			return nil, err
		}
		defer pl.Close()
		return nil, nodeError(fn(pl), opError{syscall: sc, path: p})
	})
}

// chmod(path, mode)
func (m *module) chmod(c goja.FunctionCall) goja.Value {
	mode := os.FileMode(c.Argument(1).ToInteger())
	return m.onePath("fs.chmod", c.Argument(0), "chmod", func(pl place) error { return chmodAt(pl, mode) })
}

// truncate(path, len)
func (m *module) truncate(c goja.FunctionCall) goja.Value {
	n := c.Argument(1).ToInteger()
	return m.onePath("fs.truncate", c.Argument(0), "open", func(pl place) error { return truncateAt(pl, max(n, 0)) })
}

// utimes(path, atimeMs, mtimeMs)
func (m *module) utimes(c goja.FunctionCall) goja.Value {
	at := time.UnixMilli(c.Argument(1).ToInteger())
	mt := time.UnixMilli(c.Argument(2).ToInteger())
	return m.onePath("fs.utimes", c.Argument(0), "utime", func(pl place) error { return chtimesAt(pl, at, mt) })
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
	pl, err := m.at(abs, true, permRead)
	if err != nil {
		m.env.Throw(err)
	}
	defer pl.Close()
	_, err = statAt(pl, false)
	var pe *bindings.PermissionError
	if errors.As(err, &pe) {
		m.env.Throw(err)
	}
	return m.vm.ToValue(err == nil)
}

// readFileSync(path, flag, encoding), on the loop.
func (m *module) readFileSync(c goja.FunctionCall) goja.Value {
	p := c.Argument(0).String()
	abs, flags := m.syncTarget(p, c.Argument(1))
	b, err := m.readFileAt(context.Background(), abs, p, flags)
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
	if err := m.writeFileAt(context.Background(), abs, p, fileData(c.Argument(1)), flags, os.FileMode(c.Argument(3).ToInteger())); err != nil {
		m.env.Throw(err)
	}
	return goja.Undefined()
}

// syncTarget resolves path p and the open flags of a synchronous call (it
// throws, on the loop); the permissions are checked as the file is opened.
func (m *module) syncTarget(p string, flag goja.Value) (abs string, flags int) {
	abs, err := m.resolve(p)
	if err != nil {
		m.env.Throw(err)
	}
	flags, err = parseFlags(flag)
	if err != nil {
		m.env.Throw(err)
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
