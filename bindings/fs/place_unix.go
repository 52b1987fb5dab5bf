//go:build unix

package fs

import (
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// inDir calls fn with a descriptor of the directory that holds pl, opened
// through pl's Root, and pl's last component, so that the system call acts
// on that entry of a directory inside the grant whatever happens to the
// names above it. An unconfined place gives AT_FDCWD and its path.
func inDir(pl place, fn func(dirfd int, name string) error) error {
	if pl.Root == nil {
		return fn(unix.AT_FDCWD, pl.Path)
	}
	dir, name := filepath.Split(pl.Rel)
	if dir == "" {
		dir = "."
	}
	d, err := pl.Root.Open(dir)
	if err != nil {
		return escaped(pl, err)
	}
	defer d.Close()
	return fn(int(d.Fd()), name)
}

// renameAt is rename(2) from one place to another (the two may be under
// different grants).
func renameAt(from, to place) error {
	if from.Root == nil && to.Root == nil {
		return syscall.Rename(from.Path, to.Path)
	}
	return inDir(from, func(fd1 int, n1 string) error {
		return inDir(to, func(fd2 int, n2 string) error {
			return unix.Renameat(fd1, n1, fd2, n2)
		})
	})
}

// linkAt is link(2): a hard link at to of the entry at from (a symlink
// itself, not what it points to).
func linkAt(from, to place) error {
	if from.Root == nil && to.Root == nil {
		return os.Link(from.Path, to.Path)
	}
	return inDir(from, func(fd1 int, n1 string) error {
		return inDir(to, func(fd2 int, n2 string) error {
			return unix.Linkat(fd1, n1, fd2, n2, 0)
		})
	})
}

// unlinkAt is unlink(2) (EISDIR for a directory).
func unlinkAt(pl place) error {
	return inDir(pl, func(fd int, name string) error { return unix.Unlinkat(fd, name, 0) })
}

// rmdirAt is rmdir(2) (ENOTDIR for a file).
func rmdirAt(pl place) error {
	return inDir(pl, func(fd int, name string) error { return unix.Unlinkat(fd, name, unix.AT_REMOVEDIR) })
}

// accessAt is access(2) of pl (without following a link put in its place
// meanwhile: pl's path is already resolved).
func accessAt(pl place, mode int) error {
	if pl.Root == nil {
		return access(pl.Path, mode)
	}
	return inDir(pl, func(fd int, name string) error {
		return unix.Faccessat(fd, name, uint32(mode), unix.AT_SYMLINK_NOFOLLOW)
	})
}
