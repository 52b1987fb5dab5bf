package bindings

import (
	"errors"
	"syscall"
	"testing"
)

// TestWindowsSignals: the signals Windows knows are Node's there, with
// its numbers (SIGBREAK 21, SIGABRT 22), and only SIGINT, SIGQUIT,
// SIGKILL and SIGTERM terminate; the rest fail as Node's "kill ENOSYS".
func TestWindowsSignals(t *testing.T) {
	want := map[string]syscall.Signal{"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGFPE": 8, "SIGKILL": 9,
		"SIGSEGV": 11, "SIGTERM": 15, "SIGBREAK": 21, "SIGABRT": 22, "SIGWINCH": 28}
	if len(windowsSignals) != len(want) {
		t.Errorf("windowsSignals has %d signals, want %d", len(windowsSignals), len(want))
	}
	for name, n := range want {
		if windowsSignals[n] != name {
			t.Errorf("windowsSignals[%d] = %q, want %q", n, windowsSignals[n], name)
		}
	}
	for n := syscall.Signal(0); n < 65; n++ {
		kills := n == 2 || n == 3 || n == 9 || n == 15
		if terminates(n) != kills {
			t.Errorf("terminates(%d) = %v", n, !kills)
		}
	}
	var be *Error
	if err := errNoSignal(); !errors.As(err, &be) || be.Code != "ENOSYS" || be.Message != "kill ENOSYS" {
		t.Errorf("errNoSignal() = %#v", err)
	}
}
