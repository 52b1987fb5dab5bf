package bindings

import (
	"fmt"
	goruntime "runtime"
	"syscall"

	"github.com/dop251/goja"
)

// Signals are named as Node names them on each platform: signalNames
// (child_unix.go, child_windows.go) has the platform's numbers, so
// SIGUSR1 is 10 on Linux and 30 on macOS, and Windows knows only Node's
// few there (windowsSignals).

// SignalName is the name of signal number n ("SIGKILL"), or "SIG<n>".
func SignalName(n int) string {
	if s, ok := signalNames[syscall.Signal(n)]; ok {
		return s
	}
	return fmt.Sprintf("SIG%d", n)
}

// SignalNumber is the number of the signal named name on this platform
// ("SIGTERM": 15), and whether it has one: Node's os.constants.signals.
// Node's second names count: SIGIOT (SIGABRT) except on Windows, SIGPOLL
// (SIGIO) on Linux.
func SignalNumber(name string) (int, bool) {
	switch {
	case name == "SIGIOT" && goruntime.GOOS != "windows":
		name = "SIGABRT"
	case name == "SIGPOLL" && goruntime.GOOS == "linux":
		name = "SIGIO"
	}
	for n, nm := range signalNames {
		if nm == name {
			return int(n), true
		}
	}
	return 0, false
}

// ParseSignal reads a signal given by a script: a name this platform has
// ("SIGTERM", see SignalNumber) or a number; undefined is SIGTERM. Number
// 0 checks that the process exists.
func ParseSignal(v goja.Value) (syscall.Signal, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return syscall.SIGTERM, nil
	}
	if s, ok := v.Export().(string); ok {
		if n, ok := SignalNumber(s); ok {
			return syscall.Signal(n), nil
		}
		return 0, &Error{Name: "TypeError", Code: "ERR_UNKNOWN_SIGNAL", Message: "Unknown signal: " + s}
	}
	f := v.ToFloat()
	if f != float64(int(f)) || f < 0 || f > 64 {
		return 0, &Error{Name: "TypeError", Code: "ERR_UNKNOWN_SIGNAL", Message: "Unknown signal: " + v.String()}
	}
	return syscall.Signal(int(f)), nil
}

// windowsSignals are the signals of Node's os.constants.signals on
// Windows, with their numbers there (the C runtime's and libuv's): what
// ParseSignal accepts and SignalName names on Windows. It is kept out of
// child_windows.go so that its rules are tested on every platform.
var windowsSignals = map[syscall.Signal]string{
	1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 8: "SIGFPE", 9: "SIGKILL",
	11: "SIGSEGV", 15: "SIGTERM", 21: "SIGBREAK", 22: "SIGABRT", 28: "SIGWINCH",
}

// terminates reports whether sending s ends the process on Windows
// (SIGINT, SIGQUIT, SIGKILL, SIGTERM: TerminateProcess, as libuv's
// uv_kill); any other signal but 0 fails there with errNoSignal.
func terminates(s syscall.Signal) bool {
	return s == 2 || s == 3 || s == 9 || s == 15
}

// errNoSignal is the error for a signal Windows cannot send, as Node's:
// "kill ENOSYS", code ENOSYS, errno libuv's UV_ENOSYS there.
func errNoSignal() error {
	return &Error{Code: "ENOSYS", Message: "kill ENOSYS", Props: map[string]any{"errno": -4054, "syscall": "kill"}}
}
