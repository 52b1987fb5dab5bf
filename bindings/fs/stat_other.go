//go:build !linux

package fs

import (
	"io/fs"
	"os"
)

// statArray returns the fields of a Stats object (see the Linux version);
// here from what package os reports on every platform.
func statArray(fi fs.FileInfo) []float64 { return statArrayPortable(fi) }

// access approximates access(2) with a stat and the permission bits.
func access(path string, mode int) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return accessBits(fi, mode)
}

// accessBits is access's check of fi's permission bits.
func accessBits(fi fs.FileInfo, mode int) error {
	perm := fi.Mode().Perm()
	if mode&wOK != 0 && perm&0o222 == 0 {
		return os.ErrPermission
	}
	if mode&xOK != 0 && perm&0o111 == 0 && !fi.IsDir() {
		return os.ErrPermission
	}
	return nil
}
