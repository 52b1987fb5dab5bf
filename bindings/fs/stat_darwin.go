//go:build darwin

package fs

import (
	"io/fs"
	"syscall"
)

// statArray returns the fields of a Stats object (see the Linux version);
// macOS has the file's birth time too.
func statArray(fi fs.FileInfo) []float64 {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return statArrayPortable(fi)
	}
	ms := func(ts syscall.Timespec) float64 { return float64(ts.Sec)*1e3 + float64(ts.Nsec)/1e6 }
	return []float64{
		float64(st.Dev), float64(st.Mode), float64(st.Nlink), float64(st.Uid), float64(st.Gid),
		float64(st.Rdev), float64(st.Blksize), float64(st.Ino), float64(st.Size), float64(st.Blocks),
		ms(st.Atimespec), ms(st.Mtimespec), ms(st.Ctimespec), ms(st.Birthtimespec),
	}
}

// access is access(2).
func access(path string, mode int) error { return syscall.Access(path, uint32(mode)) }
