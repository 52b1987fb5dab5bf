//go:build !unix

package fs

import (
	"os"
	"syscall"
)

// Without the *at system calls, two-place operations under different
// grants fail with EXDEV (as across devices); the rest goes through
// os.Root.

func sameRoot(a, b place) bool {
	return a.Root != nil && b.Root != nil && a.Root.Name() == b.Root.Name()
}

func renameAt(from, to place) error {
	switch {
	case from.Root == nil && to.Root == nil:
		return os.Rename(from.Path, to.Path)
	case sameRoot(from, to):
		return escaped(from, from.Root.Rename(from.Rel, to.Rel))
	}
	return syscall.EXDEV
}

func linkAt(from, to place) error {
	switch {
	case from.Root == nil && to.Root == nil:
		return os.Link(from.Path, to.Path)
	case sameRoot(from, to):
		return escaped(from, from.Root.Link(from.Rel, to.Rel))
	}
	return syscall.EXDEV
}

func unlinkAt(pl place) error {
	if fi, err := statAt(pl, true); err == nil && fi.IsDir() {
		return syscall.EISDIR
	}
	return removeAt(pl)
}

func rmdirAt(pl place) error {
	if fi, err := statAt(pl, true); err == nil && !fi.IsDir() {
		return syscall.ENOTDIR
	}
	return removeAt(pl)
}

func accessAt(pl place, mode int) error {
	if pl.Root == nil {
		return access(pl.Path, mode)
	}
	fi, err := statAt(pl, false)
	if err != nil {
		return err
	}
	return accessBits(fi, mode)
}
