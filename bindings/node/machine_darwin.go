//go:build darwin

package node

import (
	"encoding/binary"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// uname is uname(3).
func uname() unameInfo {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return unameInfo{}
	}
	return unameInfo{release: unix.ByteSliceToString(u.Release[:]), version: unix.ByteSliceToString(u.Version[:]), machine: unix.ByteSliceToString(u.Machine[:])}
}

func totalMem() int64 {
	n, _ := unix.SysctlUint64("hw.memsize")
	return int64(n)
}

// freeMem is the free pages (libuv counts vm.page_free_count too).
func freeMem() int64 {
	n, _ := unix.SysctlUint32("vm.page_free_count")
	return int64(n) * int64(os.Getpagesize())
}

func uptime() float64 {
	tv, err := unix.SysctlTimeval("kern.boottime")
	if err != nil {
		return 0
	}
	return time.Since(time.Unix(tv.Unix())).Seconds()
}

// loadavg reads vm.loadavg: struct loadavg { fixpt_t ldavg[3]; long fscale; }.
func loadavg() []float64 {
	out := []float64{0, 0, 0}
	b, err := unix.SysctlRaw("vm.loadavg")
	if err != nil || len(b) < 24 {
		return out
	}
	scale := float64(binary.LittleEndian.Uint64(b[16:24]))
	if scale == 0 {
		return out
	}
	for i := range out {
		out[i] = float64(binary.LittleEndian.Uint32(b[4*i:])) / scale
	}
	return out
}

// cpus is os.cpus(): the model and speed sysctl has (no speed on Apple
// silicon), no times (macOS keeps them behind host_processor_info).
func cpus() []map[string]any {
	model, _ := unix.Sysctl("machdep.cpu.brand_string")
	hz, _ := unix.SysctlUint64("hw.cpufrequency")
	n, _ := unix.SysctlUint32("hw.logicalcpu")
	var models []string
	var speeds []int
	for i := 0; i < int(n); i++ {
		models = append(models, model)
		speeds = append(speeds, int(hz/1e6))
	}
	return cpuList(models, speeds, nil)
}

// residentSet is 0: the Go runtime's figure stands in.
func residentSet() int64 { return 0 }
