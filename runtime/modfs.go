package runtime

// Module files. Every file the runtime reads on a script's behalf (module
// sources of every kind and import attribute, package.json files met while
// resolving, input source maps, worker modules, the lines of code frames)
// is read through one modFS, which allows a path only inside the module
// root or where the read permission covers it:
//
//   - the module root is the main module's folder (the working directory
//     for -e, stdin and the REPL; Options.ModuleRoot when the host sets it)
//     and the node_modules folders it resolves packages from (those of its
//     ancestors);
//   - paths are compared by their real path (symlinks resolved the way the
//     kernel does, dangling ones included), so a link in the root that
//     points outside is outside;
//   - an allowed file is opened through os.Root rooted at the root (or the
//     grant) it lies in, so a rename or a link swapped in between the check
//     and the open cannot reach outside it.
//
// A denied path fails with a *bindings.PermissionError naming the real path
// before anything of it is read; the loader turns that into a
// PermissionDenied error at the importing line.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/arun-js/arun/bindings"
)

// maxModuleSize bounds one module file (a source, a JSON or text import, a
// package.json, a source map).
const maxModuleSize = 256 << 20

// modFS reads module files under the module root and the read grants.
type modFS struct {
	perms *Permissions
	// explicit is Options.ModuleRoot: the root does not follow the main
	// module when it is set.
	explicit bool

	mu    sync.Mutex
	roots []string // real paths of the allowed trees
	gen   int      // bumped when roots change (the require cache by name is dropped)
}

func newModFS(perms *Permissions, moduleRoot, dir string) *modFS {
	f := &modFS{perms: perms}
	if moduleRoot != "" {
		f.explicit = true
		dir = moduleRoot
	}
	f.roots = moduleRoots(dir)
	return f
}

// moduleRoots is the module root of a main module in dir: dir itself and
// the node_modules folder of each of its ancestors (as real paths).
func moduleRoots(dir string) []string {
	real := resolvePath(dir)
	roots := []string{real}
	for d := real; ; {
		p := filepath.Dir(d)
		if p == d {
			break
		}
		d = p
		roots = append(roots, filepath.Join(d, "node_modules"))
	}
	return roots
}

// setMain makes the root that of a main module in dir (unless the host set
// Options.ModuleRoot).
func (f *modFS) setMain(dir string) {
	if f.explicit {
		return
	}
	f.setRoots(moduleRoots(dir))
}

// rootList returns a copy of the roots (for a worker runtime).
func (f *modFS) rootList() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.roots...)
}

func (f *modFS) setRoots(roots []string) {
	f.mu.Lock()
	if !slices.Equal(f.roots, roots) {
		f.roots = roots
		f.gen++
	}
	f.mu.Unlock()
}

// generation identifies the current roots.
func (f *modFS) generation() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen
}

// within reports whether the cleaned absolute path p is dir or below it.
func within(p, dir string) bool {
	if dir == string(os.PathSeparator) {
		return true
	}
	return p == dir || strings.HasPrefix(p, dir+string(os.PathSeparator))
}

// place is where an allowed path is opened from: base is the directory an
// os.Root is opened at ("" when the whole file system is granted) and rel
// the path below it.
type place struct {
	real, base, rel string
	// single is a grant of this one file: base (its folder) is wider than
	// the grant, so the opened file must be the one the grant names.
	single bool
}

// access decides whether p may be read. It returns the place to open it
// from, or a *bindings.PermissionError naming p's real path.
func (f *modFS) access(p string) (place, error) {
	return f.accessReal(resolvePath(p))
}

// lexicallyAllowed reports whether p would be allowed if its last element
// were not a symlink: a denied path that is lexically allowed is a link
// leading out of the root or a grant.
func (f *modFS) lexicallyAllowed(p string) bool {
	_, err := f.accessReal(filepath.Join(resolvePath(filepath.Dir(p)), filepath.Base(p)))
	return err == nil
}

func (f *modFS) accessReal(real string) (place, error) {
	f.mu.Lock()
	roots := f.roots
	f.mu.Unlock()
	for _, r := range roots {
		if within(real, r) {
			return placeIn(real, r), nil
		}
	}
	if f.perms != nil {
		if f.perms.ReadAll {
			return place{real: real}, nil
		}
		for _, g := range f.perms.Read {
			if g = resolvePath(g); within(real, g) {
				return placeIn(real, g), nil
			}
		}
	}
	return place{}, &bindings.PermissionError{Kind: bindings.PermRead, Target: real}
}

func placeIn(real, dir string) place {
	base, single := dir, false
	if real == dir && dir != string(os.PathSeparator) {
		base, single = filepath.Dir(dir), true // a grant of one file, or the root itself
	}
	rel, err := filepath.Rel(base, real)
	if err != nil {
		rel = "."
	}
	return place{real: real, base: base, rel: rel, single: single}
}

// open opens an allowed place.
func (pl place) open() (*os.File, error) {
	if pl.base == "" {
		return os.Open(pl.real)
	}
	root, err := os.OpenRoot(pl.base)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(pl.rel)
	if err != nil || !pl.single {
		return f, err
	}
	// os.Root follows a link swapped in within base: the file opened must
	// be the one the grant's name holds (no link).
	fst, err1 := f.Stat()
	lst, err2 := root.Lstat(pl.rel)
	if err1 != nil || err2 != nil || lst.Mode()&fs.ModeSymlink != 0 || !os.SameFile(fst, lst) {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: pl.real, Err: errors.New("the file changed while it was opened")}
	}
	return f, nil
}

func (pl place) stat() (fs.FileInfo, error) {
	if pl.base == "" {
		return os.Stat(pl.real)
	}
	root, err := os.OpenRoot(pl.base)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Stat(pl.rel)
}

// stat stats p if it may be read; the name is p's real path.
func (f *modFS) stat(p string) (string, fs.FileInfo, error) {
	pl, err := f.access(p)
	if err != nil {
		return "", nil, err
	}
	st, err := pl.stat()
	if err != nil {
		return pl.real, nil, &fs.PathError{Op: "stat", Path: p, Err: unwrapPathErr(err)}
	}
	return pl.real, st, nil
}

// errNotRegular is the error for a module path that is not a regular file
// (a directory, a FIFO, a device): nothing is read from it.
var errNotRegular = errors.New("not a regular file")

// readFile reads the regular file p if it may be read. It returns the
// file's real path and contents.
func (f *modFS) readFile(p string) (string, []byte, error) {
	pl, err := f.access(p)
	if err != nil {
		return "", nil, err
	}
	file, err := pl.open()
	if err != nil {
		return pl.real, nil, &fs.PathError{Op: "open", Path: p, Err: unwrapPathErr(err)}
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return pl.real, nil, &fs.PathError{Op: "stat", Path: p, Err: unwrapPathErr(err)}
	}
	if !st.Mode().IsRegular() {
		return pl.real, nil, &fs.PathError{Op: "read", Path: p, Err: errNotRegular}
	}
	if st.Size() > maxModuleSize {
		return pl.real, nil, &fs.PathError{Op: "read", Path: p, Err: fmt.Errorf("file larger than %d MiB", maxModuleSize>>20)}
	}
	b, err := io.ReadAll(io.LimitReader(file, maxModuleSize+1))
	if err != nil {
		return pl.real, nil, &fs.PathError{Op: "read", Path: p, Err: unwrapPathErr(err)}
	}
	return pl.real, b, nil
}

// isPermission reports whether err is a denied permission check.
func isPermission(err error) (*bindings.PermissionError, bool) {
	var pe *bindings.PermissionError
	ok := errors.As(err, &pe)
	return pe, ok
}
