//go:build !unix

package main

import "os"

// peakRSSKB is 0 (the table prints "-"): Windows reports no peak memory
// of a process that has been waited for.
func peakRSSKB(*os.ProcessState) int64 { return 0 }
