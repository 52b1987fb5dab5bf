//go:build !linux && !darwin

package fs

import (
	"io/fs"
	"os"
	goruntime "runtime"
)

// statArray returns the fields of a Stats object (see the Linux version);
// here from what package os reports on every platform. On Windows, as in
// Node, the permission bits are 0o666, or 0o444 for a read-only file, and
// a directory has no execute bits.
func statArray(fi fs.FileInfo) []float64 {
	arr := statArrayPortable(fi)
	if goruntime.GOOS == "windows" && fi.IsDir() {
		arr[1] = float64(uint32(arr[1]) &^ 0o111)
	}
	return arr
}

// access approximates access(2) with a stat and the permission bits.
func access(path string, mode int) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return accessBits(fi, mode)
}

// accessBits is access's check of fi's permission bits. Windows has no
// execute bit: X_OK is F_OK there, as in Node.
func accessBits(fi fs.FileInfo, mode int) error {
	perm := fi.Mode().Perm()
	if mode&wOK != 0 && perm&0o222 == 0 {
		return os.ErrPermission
	}
	if mode&xOK != 0 && perm&0o111 == 0 && !fi.IsDir() && goruntime.GOOS != "windows" {
		return os.ErrPermission
	}
	return nil
}
