//go:build unix

package bindings

import (
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

// TestUnixSignals: signal names and numbers are this system's (SIGUSR1 is
// 10 on Linux, 30 on macOS), SIGIOT is SIGABRT, and ParseSignal reads both
// forms.
func TestUnixSignals(t *testing.T) {
	vm := goja.New()
	for _, tc := range []struct {
		name string
		n    syscall.Signal
	}{{"SIGINT", syscall.SIGINT}, {"SIGUSR1", syscall.SIGUSR1}, {"SIGCHLD", syscall.SIGCHLD}, {"SIGWINCH", syscall.SIGWINCH}, {"SIGIOT", syscall.SIGABRT}} {
		if n, ok := SignalNumber(tc.name); !ok || n != int(tc.n) {
			t.Errorf("SignalNumber(%s) = %d, %v; want %d", tc.name, n, ok, tc.n)
		}
		if s, err := ParseSignal(vm.ToValue(tc.name)); err != nil || s != tc.n {
			t.Errorf("ParseSignal(%q) = %d, %v", tc.name, s, err)
		}
	}
	if got := SignalName(int(syscall.SIGUSR2)); got != "SIGUSR2" {
		t.Errorf("SignalName(SIGUSR2) = %q", got)
	}
	if _, ok := SignalNumber("SIGBREAK"); ok {
		t.Error("SIGBREAK (Windows only) has a number here")
	}
	if _, err := ParseSignal(vm.ToValue("SIGBREAK")); err == nil {
		t.Error("ParseSignal(SIGBREAK) succeeded")
	}
}
