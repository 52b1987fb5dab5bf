//go:build linux

package fs

import (
	"io/fs"
	"syscall"
)

// statArray returns the fields of a Stats object, in fs.js's order: dev,
// mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs,
// mtimeMs, ctimeMs, birthtimeMs.
func statArray(fi fs.FileInfo) []float64 {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return statArrayPortable(fi)
	}
	ms := func(ts syscall.Timespec) float64 { return float64(ts.Sec)*1e3 + float64(ts.Nsec)/1e6 }
	return []float64{
		float64(st.Dev), float64(st.Mode), float64(st.Nlink), float64(st.Uid), float64(st.Gid),
		float64(st.Rdev), float64(st.Blksize), float64(st.Ino), float64(st.Size), float64(st.Blocks),
		ms(st.Atim), ms(st.Mtim), ms(st.Ctim), ms(st.Ctim),
	}
}

// access is access(2).
func access(path string, mode int) error { return syscall.Access(path, uint32(mode)) }
