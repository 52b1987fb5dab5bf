package fs

import "io/fs"

// statArrayPortable is statArray from os.FileInfo alone.
func statArrayPortable(fi fs.FileInfo) []float64 {
	mt := float64(fi.ModTime().UnixNano()) / 1e6
	size := fi.Size()
	return []float64{0, float64(modeBits(fi.Mode())), 1, 0, 0, 0, 4096, 0, float64(size), float64((size + 511) / 512), mt, mt, mt, mt}
}
