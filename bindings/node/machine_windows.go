//go:build windows

package node

import (
	"fmt"
	goruntime "runtime"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

var (
	kernel32                 = windows.NewLazySystemDLL("kernel32.dll")
	procGlobalMemoryStatusEx = kernel32.NewProc("GlobalMemoryStatusEx")
	procGetTickCount64       = kernel32.NewProc("GetTickCount64")
	procGetProcessMemoryInfo = kernel32.NewProc("K32GetProcessMemoryInfo")
)

// uname is libuv's uv_os_uname: the version numbers, the product name
// from the registry.
func uname() unameInfo {
	v := windows.RtlGetVersion()
	u := unameInfo{
		release: fmt.Sprintf("%d.%d.%d", v.MajorVersion, v.MinorVersion, v.BuildNumber),
		machine: map[string]string{"amd64": "x86_64", "arm64": "arm64", "386": "i686"}[goruntime.GOARCH],
	}
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Windows NT\CurrentVersion`, registry.QUERY_VALUE); err == nil {
		u.version, _, _ = k.GetStringValue("ProductName")
		k.Close()
	}
	return u
}

// memoryStatusEx is MEMORYSTATUSEX.
type memoryStatusEx struct {
	length, memoryLoad                     uint32
	totalPhys, availPhys                   uint64
	totalPageFile, availPageFile           uint64
	totalVirtual, availVirtual, availExtra uint64
}

func memoryStatus() memoryStatusEx {
	m := memoryStatusEx{length: uint32(unsafe.Sizeof(memoryStatusEx{}))}
	if r, _, _ := procGlobalMemoryStatusEx.Call(uintptr(unsafe.Pointer(&m))); r == 0 {
		return memoryStatusEx{}
	}
	return m
}

func totalMem() int64 { return int64(memoryStatus().totalPhys) }

func freeMem() int64 { return int64(memoryStatus().availPhys) }

func uptime() float64 {
	ms, _, _ := procGetTickCount64.Call()
	return float64(ms) / 1000
}

// loadavg is zeros, as Node's on Windows.
func loadavg() []float64 { return []float64{0, 0, 0} }

// cpus is os.cpus(): each processor's name and speed from the registry, no
// times.
func cpus() []map[string]any {
	var models []string
	var speeds []int
	for i := 0; i < goruntime.NumCPU(); i++ {
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, fmt.Sprintf(`HARDWARE\DESCRIPTION\System\CentralProcessor\%d`, i), registry.QUERY_VALUE)
		if err != nil {
			break
		}
		name, _, _ := k.GetStringValue("ProcessorNameString")
		mhz, _, _ := k.GetIntegerValue("~MHz")
		k.Close()
		models = append(models, name)
		speeds = append(speeds, int(mhz))
	}
	return cpuList(models, speeds, nil)
}

// processMemoryCounters is PROCESS_MEMORY_COUNTERS.
type processMemoryCounters struct {
	cb, pageFaultCount                           uint32
	peakWorkingSetSize, workingSetSize           uintptr
	quotaPeakPagedPoolUsage, quotaPagedPoolUsage uintptr
	quotaPeakNonPagedPool, quotaNonPagedPool     uintptr
	pagefileUsage, peakPagefileUsage             uintptr
}

// residentSet is the process's working set.
func residentSet() int64 {
	c := processMemoryCounters{cb: uint32(unsafe.Sizeof(processMemoryCounters{}))}
	if r, _, _ := procGetProcessMemoryInfo.Call(uintptr(windows.CurrentProcess()), uintptr(unsafe.Pointer(&c)), uintptr(c.cb)); r == 0 {
		return 0
	}
	return int64(c.workingSetSize)
}
