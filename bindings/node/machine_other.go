//go:build unix && !linux && !darwin

package node

import (
	goruntime "runtime"

	"golang.org/x/sys/unix"
)

// On the other Unix systems: uname, the rest unknown (zero).

func uname() unameInfo {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return unameInfo{machine: goruntime.GOARCH}
	}
	return unameInfo{release: unix.ByteSliceToString(u.Release[:]), version: unix.ByteSliceToString(u.Version[:]), machine: unix.ByteSliceToString(u.Machine[:])}
}

func totalMem() int64 { return 0 }

func freeMem() int64 { return 0 }

func uptime() float64 { return 0 }

func loadavg() []float64 { return []float64{0, 0, 0} }

func cpus() []map[string]any { return cpuList(nil, nil, nil) }

func residentSet() int64 { return 0 }
