//go:build unix

package main

import (
	"os"
	goruntime "runtime"
	"syscall"
)

// peakRSSKB is the peak resident set of the ended process, in KiB
// (getrusage's ru_maxrss: KiB on Linux, bytes on macOS); 0 if unknown.
func peakRSSKB(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if goruntime.GOOS == "darwin" || goruntime.GOOS == "ios" {
		return int64(ru.Maxrss) / 1024
	}
	return int64(ru.Maxrss)
}
