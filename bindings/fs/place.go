package fs

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/arun-js/arun/bindings"
)

// place is where one path of an operation is reached: through the os.Root
// of the grant that covers it, or (Root nil) with plain os calls on Path.
// The functions below are the file system calls of the operations, each
// taking a place; with a Root nothing they do can leave it.
type place = bindings.Place

// at checks kinds on abs and opens its place, on the goroutine that does
// the I/O (see bindings.Env.Confine). An empty path has an unconfined
// place: the operation fails with ENOENT, touching nothing. Call Close.
func (m *module) at(abs string, follow bool, kinds ...bindings.PermissionKind) (place, error) {
	if abs == "" {
		return place{}, nil
	}
	return m.env.Confine(abs, follow, kinds...)
}

// errPathEscapes is the text of os.Root's error for a path that leaves the
// root (the variable is not exported).
const errPathEscapes = "path escapes from parent"

// escaped turns os.Root's "path escapes" error, which only a symlink put
// inside the grant that points out of it causes, into the permission error
// of the place; other errors are returned unchanged.
func escaped(pl place, err error) error {
	if err == nil || pl.Root == nil {
		return err
	}
	inner := err
	for u := errors.Unwrap(inner); u != nil; u = errors.Unwrap(inner) {
		inner = u
	}
	if inner.Error() == errPathEscapes {
		return &bindings.PermissionError{Kind: pl.Kind, Target: pl.Path}
	}
	return err
}

// child is the place of name inside the directory at pl.
func child(pl place, name string) place {
	if pl.Root == nil {
		pl.Path = filepath.Join(pl.Path, name)
	} else {
		pl.Path = filepath.Join(pl.Path, name)
		pl.Rel = filepath.Join(pl.Rel, name)
	}
	return pl
}

// parent is the place of pl's directory, and false at the top (the file
// system's root, or the Root's own directory, which exists).
func parent(pl place) (place, bool) {
	if pl.Root == nil {
		d := filepath.Dir(pl.Path)
		if d == pl.Path {
			return pl, false
		}
		pl.Path = d
		return pl, true
	}
	if pl.Rel == "." {
		return pl, false
	}
	pl.Rel, pl.Path = filepath.Dir(pl.Rel), filepath.Dir(pl.Path)
	return pl, true
}

// real is the resolved absolute path of pl (its Root's directory and Rel).
func real(pl place) string {
	if pl.Root == nil {
		return pl.Path
	}
	return filepath.Join(pl.Root.Name(), pl.Rel)
}

func openAt(pl place, flags int, mode os.FileMode) (*os.File, error) {
	if pl.Root == nil {
		return os.OpenFile(pl.Path, flags, mode)
	}
	f, err := pl.Root.OpenFile(pl.Rel, flags, mode.Perm())
	return f, escaped(pl, err)
}

func statAt(pl place, lstat bool) (os.FileInfo, error) {
	switch {
	case pl.Root == nil && lstat:
		return os.Lstat(pl.Path)
	case pl.Root == nil:
		return os.Stat(pl.Path)
	case lstat:
		fi, err := pl.Root.Lstat(pl.Rel)
		return fi, escaped(pl, err)
	}
	fi, err := pl.Root.Stat(pl.Rel)
	return fi, escaped(pl, err)
}

// readDirAt is os.ReadDir (sorted by name) of the directory at pl.
func readDirAt(pl place) ([]os.DirEntry, error) {
	if pl.Root == nil {
		return os.ReadDir(pl.Path)
	}
	f, err := pl.Root.Open(pl.Rel)
	if err != nil {
		return nil, escaped(pl, err)
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	slices.SortFunc(des, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return des, err
}

func mkdirAt(pl place, mode os.FileMode) error {
	if pl.Root == nil {
		return os.Mkdir(pl.Path, mode)
	}
	return escaped(pl, pl.Root.Mkdir(pl.Rel, mode.Perm()))
}

func mkdirAllAt(pl place, mode os.FileMode) error {
	if pl.Root == nil {
		return os.MkdirAll(pl.Path, mode)
	}
	return escaped(pl, pl.Root.MkdirAll(pl.Rel, mode.Perm()))
}

func removeAllAt(pl place) error {
	if pl.Root == nil {
		return os.RemoveAll(pl.Path)
	}
	return escaped(pl, pl.Root.RemoveAll(pl.Rel))
}

func removeAt(pl place) error {
	if pl.Root == nil {
		return os.Remove(pl.Path)
	}
	return escaped(pl, pl.Root.Remove(pl.Rel))
}

func readlinkAt(pl place) (string, error) {
	if pl.Root == nil {
		return os.Readlink(pl.Path)
	}
	s, err := pl.Root.Readlink(pl.Rel)
	return s, escaped(pl, err)
}

// symlinkAt creates the link pl pointing to dest (which it does not check).
func symlinkAt(dest string, pl place) error {
	if pl.Root == nil {
		return os.Symlink(dest, pl.Path)
	}
	return escaped(pl, pl.Root.Symlink(dest, pl.Rel))
}

func chmodAt(pl place, mode os.FileMode) error {
	if pl.Root == nil {
		return os.Chmod(pl.Path, mode)
	}
	return escaped(pl, pl.Root.Chmod(pl.Rel, mode))
}

func chtimesAt(pl place, at, mt time.Time) error {
	if pl.Root == nil {
		return os.Chtimes(pl.Path, at, mt)
	}
	return escaped(pl, pl.Root.Chtimes(pl.Rel, at, mt))
}

func truncateAt(pl place, n int64) error {
	if pl.Root == nil {
		return os.Truncate(pl.Path, n)
	}
	f, err := pl.Root.OpenFile(pl.Rel, os.O_WRONLY, 0)
	if err != nil {
		return escaped(pl, err)
	}
	err = f.Truncate(n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
