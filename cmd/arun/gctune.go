package main

import (
	"os"
	"strconv"

	"github.com/arun-js/arun/runtime"
)

// startGCPolicy applies runtime.TuneGC, the collector policy measured for
// scripts (see its doc), unless GOGC is set in the environment; the
// minimum heap goal is ARUN_MIN_HEAP_MB (0 for none) or 32 MB. It reports
// whether the policy is on.
func startGCPolicy() bool {
	if os.Getenv("GOGC") != "" {
		return false
	}
	minHeap := uint64(runtime.DefaultMinHeap)
	if v := os.Getenv("ARUN_MIN_HEAP_MB"); v != "" {
		if mb, err := strconv.ParseUint(v, 10, 32); err == nil {
			minHeap = mb << 20
		}
	}
	runtime.TuneGC(minHeap)
	return true
}
