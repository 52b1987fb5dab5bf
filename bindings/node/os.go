package node

import (
	"fmt"
	"net"
	"os"
	"os/user"
	goruntime "runtime"
	"strconv"
	"strings"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// The "os" module reads the machine it runs on (machine_*.go: Linux's
// /proc, macOS's sysctl, Windows's system calls and registry; uname,
// net.Interfaces). What comes from the environment (homedir, tmpdir) is
// read from the host's injected environment, under the env permission,
// as process.env is.

func initOS(env *bindings.Env, module *goja.Object) error {
	vm := env.VM
	o := vm.NewObject()
	fn := func(name string, f func() any) {
		_ = o.Set(name, func(goja.FunctionCall) goja.Value { return vm.ToValue(f()) })
	}
	envVar := func(k string) (string, bool) {
		if err := env.Check(bindings.PermEnv, k); err != nil {
			panic(env.ToJSError(err))
		}
		v, ok := env.Env[k]
		return v, ok && v != ""
	}
	fn("arch", func() any { return bindings.NodeArch(goruntime.GOARCH) })
	fn("platform", func() any { return bindings.NodePlatform(goruntime.GOOS) })
	fn("type", func() any { return osType() })
	fn("release", func() any { return uname().release })
	fn("version", func() any { return uname().version })
	fn("machine", func() any { return uname().machine })
	fn("hostname", func() any { h, _ := os.Hostname(); return h })
	fn("endianness", func() any { return "LE" })
	fn("availableParallelism", func() any { return goruntime.NumCPU() })
	fn("homedir", func() any {
		if h, ok := envVar(host.homeVar()); ok {
			return h
		}
		h, _ := os.UserHomeDir()
		return h
	})
	fn("tmpdir", func() any { return host.tmpdir(envVar) })
	fn("totalmem", func() any { return totalMem() })
	fn("freemem", func() any { return freeMem() })
	fn("uptime", func() any { return uptime() })
	fn("loadavg", func() any { return loadavg() })
	fn("cpus", func() any { return cpus() })
	fn("networkInterfaces", func() any { return interfaces() })
	_ = o.Set("userInfo", func(call goja.FunctionCall) goja.Value {
		u, err := user.Current()
		if err != nil {
			panic(env.ToJSError(&bindings.Error{Name: "SystemError", Code: "ERR_SYSTEM_ERROR", Message: "A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)"}))
		}
		info := vm.NewObject()
		_ = info.SetPrototype(nil)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		var shell any = loginShell(u.Username)
		if host.windows {
			// as Node's: Windows has SIDs, not numbers, and no login shell
			uid, gid, shell = -1, -1, nil
		}
		_ = info.Set("uid", uid)
		_ = info.Set("gid", gid)
		_ = info.Set("username", u.Username)
		_ = info.Set("homedir", u.HomeDir)
		_ = info.Set("shell", shell)
		return info
	})
	_ = o.Set("getPriority", func(call goja.FunctionCall) goja.Value {
		p, err := getPriority(int(call.Argument(0).ToInteger()))
		if err != nil {
			panic(env.ToJSError(&bindings.Error{Name: "SystemError", Code: "ERR_SYSTEM_ERROR", Message: "A system error occurred: uv_os_getpriority returned " + err.Error()}))
		}
		return vm.ToValue(p)
	})
	_ = o.Set("setPriority", func(call goja.FunctionCall) goja.Value {
		pid, prio := 0, call.Argument(0)
		if len(call.Arguments) > 1 {
			pid, prio = int(call.Argument(0).ToInteger()), call.Argument(1)
		}
		if err := setPriority(pid, int(prio.ToInteger())); err != nil {
			panic(env.ToJSError(&bindings.Error{Name: "SystemError", Code: "ERR_SYSTEM_ERROR", Message: "A system error occurred: uv_os_setpriority returned " + err.Error()}))
		}
		return goja.Undefined()
	})
	_ = o.Set("EOL", host.eol())
	_ = o.Set("devNull", host.devNull())
	_ = o.Set("constants", osConstants(vm))
	return module.Set("exports", o)
}

func osType() string {
	switch goruntime.GOOS {
	case "linux":
		return "Linux"
	case "darwin":
		return "Darwin"
	case "windows":
		return "Windows_NT"
	case "freebsd":
		return "FreeBSD"
	}
	return goruntime.GOOS
}

type unameInfo struct{ release, version, machine string }

// cpuList is os.cpus() from what the platform reports: models and speeds
// (MHz) by CPU, times (ms: user, nice, sys, idle, irq) by CPU number; the
// count is the CPUs with times, else runtime.NumCPU.
func cpuList(models []string, speeds []int, times map[int][]int64) []map[string]any {
	n := goruntime.NumCPU()
	if len(times) > 0 {
		n = len(times)
	}
	out := make([]map[string]any, n)
	for i := range out {
		model, speed := "unknown", 0
		if i < len(models) {
			model = models[i]
		}
		if i < len(speeds) {
			speed = speeds[i]
		}
		t := times[i]
		if t == nil {
			t = make([]int64, 5)
		}
		out[i] = map[string]any{"model": model, "speed": speed, "times": map[string]any{
			"user": t[0], "nice": t[1], "sys": t[2], "idle": t[3], "irq": t[4],
		}}
	}
	return out
}

func interfaces() map[string]any {
	out := map[string]any{}
	ifs, err := net.Interfaces()
	if err != nil {
		return out
	}
	for _, ifc := range ifs {
		addrs, err := ifc.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		mac := ifc.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		var list []any
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ones, _ := ipn.Mask.Size()
			e := map[string]any{
				"address":  ipn.IP.String(),
				"netmask":  net.IP(ipn.Mask).String(),
				"family":   "IPv4",
				"mac":      mac,
				"internal": ifc.Flags&net.FlagLoopback != 0,
				"cidr":     fmt.Sprintf("%s/%d", ipn.IP, ones),
			}
			if ipn.IP.To4() == nil {
				e["family"] = "IPv6"
				e["scopeid"] = 0
				if ipn.IP.IsLinkLocalUnicast() {
					e["scopeid"] = ifc.Index
				}
			} else {
				e["netmask"] = net.IP(ipn.Mask).To4().String()
			}
			list = append(list, e)
		}
		if len(list) > 0 {
			out[ifc.Name] = list
		}
	}
	return out
}

func loginShell(name string) string {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		fs := strings.Split(line, ":")
		if len(fs) >= 7 && fs[0] == name {
			return fs[6]
		}
	}
	return ""
}

// signalOrder is Node's order of os.constants.signals; each platform has
// some of them, with its own numbers (bindings.SignalNumber).
var signalOrder = []string{
	"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGIOT", "SIGBUS", "SIGFPE",
	"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGCHLD",
	"SIGSTKFLT", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGBREAK", "SIGTTIN", "SIGTTOU", "SIGURG",
	"SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPOLL", "SIGPWR",
	"SIGINFO", "SIGSYS",
}

// errnoOrder are the names of os.constants.errno (errno_*.go has the
// platform's numbers).
var errnoOrder = []string{
	"E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EAGAIN", "EBADF", "EBUSY", "ECHILD",
	"ECONNABORTED", "ECONNREFUSED", "ECONNRESET", "EEXIST", "EHOSTUNREACH", "EINTR", "EINVAL",
	"EIO", "EISDIR", "EMFILE", "ENAMETOOLONG", "ENETUNREACH", "ENFILE", "ENOENT", "ENOMEM",
	"ENOSPC", "ENOSYS", "ENOTDIR", "ENOTEMPTY", "ENOTSUP", "EPERM", "EPIPE", "ERANGE", "EROFS",
	"ESPIPE", "ESRCH", "ETIMEDOUT", "EXDEV",
}

func osConstants(vm *goja.Runtime) *goja.Object {
	nullObj := func(set func(o *goja.Object)) *goja.Object {
		o := vm.NewObject()
		_ = o.SetPrototype(nil)
		set(o)
		return o
	}
	c := vm.NewObject()
	_ = c.Set("UV_UDP_REUSEADDR", 4)
	_ = c.Set("dlopen", nullObj(func(o *goja.Object) {
		for _, kv := range []struct {
			k string
			v int
		}{{"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 256}, {"RTLD_LOCAL", 0}, {"RTLD_DEEPBIND", 8}} {
			_ = o.Set(kv.k, kv.v)
		}
	}))
	_ = c.Set("errno", nullObj(func(o *goja.Object) {
		for _, name := range errnoOrder {
			if n, ok := errnoNumbers[name]; ok {
				_ = o.Set(name, n)
			}
		}
	}))
	_ = c.Set("signals", nullObj(func(o *goja.Object) {
		for _, name := range signalOrder {
			if n, ok := bindings.SignalNumber(name); ok {
				_ = o.Set(name, n)
			}
		}
	}))
	_ = c.Set("priority", nullObj(func(o *goja.Object) {
		for _, kv := range []struct {
			k string
			v int
		}{{"PRIORITY_LOW", 19}, {"PRIORITY_BELOW_NORMAL", 10}, {"PRIORITY_NORMAL", 0}, {"PRIORITY_ABOVE_NORMAL", -7}, {"PRIORITY_HIGH", -14}, {"PRIORITY_HIGHEST", -20}} {
			_ = o.Set(kv.k, kv.v)
		}
	}))
	return c
}

// memoryUsage is process.memoryUsage(): the Go heap stands for V8's.
func memoryUsage() map[string]any {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	rss := residentSet()
	if rss == 0 {
		rss = int64(m.Sys)
	}
	return map[string]any{
		"rss": rss, "heapTotal": int64(m.HeapSys), "heapUsed": int64(m.HeapAlloc),
		"external": 0, "arrayBuffers": 0,
	}
}
