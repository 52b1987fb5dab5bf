//go:build unix

package bindings

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// childSys is the platform's part of a Child: nothing here, the wait
// status says which signal ended it.
//
//lint:ignore U1000 the field that holds it is used on Windows only
type childSys struct{}

// detachedAttr starts a child in a process group of its own (Node's
// detached: a terminal's Ctrl-C does not reach it).
func detachedAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// verbatimAttr is attr: POSIX passes the arguments as they are.
func verbatimAttr(attr *syscall.SysProcAttr, _ []string) *syscall.SysProcAttr { return attr }

// signal sends sig to the running child; c.mu is held.
func (c *Child) signal(sig os.Signal) error { return c.cmd.Process.Signal(sig) }

// statusOf is how the reaped child ended.
func (c *Child) statusOf(ps *os.ProcessState) ExitStatus {
	if ps == nil {
		return ExitStatus{Code: -1}
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		n := int(ws.Signal())
		return ExitStatus{Code: -n, Signal: SignalName(n), SignalNum: n}
	}
	return ExitStatus{Code: ps.ExitCode()}
}

// signalNames maps this system's signal numbers to their names (SIGUSR1
// is 10 on Linux, 30 on macOS), as its signal.h has them.
var signalNames = func() map[syscall.Signal]string {
	m := map[syscall.Signal]string{}
	for n := syscall.Signal(1); n < 65; n++ {
		if name := unix.SignalName(n); name != "" {
			m[n] = name
		}
	}
	return m
}()
