//go:build linux

package node

import (
	"bufio"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
)

// uname reads what uname(2) reports, from /proc.
func uname() unameInfo {
	read := func(p string) string {
		b, _ := os.ReadFile(p)
		return strings.TrimSpace(string(b))
	}
	u := unameInfo{
		release: read("/proc/sys/kernel/osrelease"),
		version: read("/proc/sys/kernel/version"),
		machine: map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i686"}[goruntime.GOARCH],
	}
	if u.machine == "" {
		u.machine = goruntime.GOARCH
	}
	return u
}

func totalMem() int64 { return meminfo("MemTotal") }

func freeMem() int64 { return meminfo("MemAvailable") }

func meminfo(key string) int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) >= 2 && fs[0] == key+":" {
			kb, _ := strconv.ParseInt(fs[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func uptime() float64 {
	b, err := os.ReadFile("/proc/uptime")
	if err != nil {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(b) + " 0")[0], 64)
	return f
}

func loadavg() []float64 {
	out := []float64{0, 0, 0}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		for i, f := range strings.Fields(string(b)) {
			if i < 3 {
				out[i], _ = strconv.ParseFloat(f, 64)
			}
		}
	}
	return out
}

// cpus is os.cpus(): model and speed from /proc/cpuinfo, times from
// /proc/stat.
func cpus() []map[string]any {
	var models []string
	var speeds []int
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "model name":
				models = append(models, strings.TrimSpace(v))
			case "cpu MHz":
				f, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
				speeds = append(speeds, int(f))
			}
		}
	}
	times := map[int][]int64{}
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			fs := strings.Fields(line)
			if len(fs) < 8 || !strings.HasPrefix(fs[0], "cpu") || fs[0] == "cpu" {
				continue
			}
			i, err := strconv.Atoi(fs[0][3:])
			if err != nil {
				continue
			}
			// user nice system idle iowait irq: clock ticks (USER_HZ, 100
			// a second); Node reports ms
			var t [6]int64
			for j := range t {
				t[j], _ = strconv.ParseInt(fs[j+1], 10, 64)
				t[j] *= 10
			}
			times[i] = []int64{t[0], t[1], t[2], t[3], t[5]}
		}
	}
	return cpuList(models, speeds, times)
}

// residentSet is the process's resident set size, from /proc/self/statm.
func residentSet() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fs := strings.Fields(string(b))
	if len(fs) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(fs[1], 10, 64)
	return pages * int64(os.Getpagesize())
}
