//go:build windows

package bindings

import (
	"os"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
)

// Windows has no signals. As Node (libuv) does: SIGINT, SIGTERM, SIGKILL
// and SIGQUIT terminate the child at once (TerminateProcess), and the
// child is then reported as ended by that signal; signal 0 checks that it
// is still running; any other signal fails with ENOSYS. Detached children
// get a process group and no console of their own (DETACHED_PROCESS |
// CREATE_NEW_PROCESS_GROUP), so a console's Ctrl-C does not reach them.

// childSys is the platform's part of a Child: the signal that terminated
// it (guarded by Child.mu).
type childSys struct {
	killedBy syscall.Signal
}

func detachedAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{CreationFlags: windows.DETACHED_PROCESS | windows.CREATE_NEW_PROCESS_GROUP}
}

// verbatimAttr is attr with the command line argv joined by spaces,
// unquoted (libuv's verbatim arguments).
func verbatimAttr(attr *syscall.SysProcAttr, argv []string) *syscall.SysProcAttr {
	if attr == nil {
		attr = &syscall.SysProcAttr{}
	}
	attr.CmdLine = strings.Join(argv, " ")
	return attr
}

// signal emulates sending sig to the running child; c.mu is held.
func (c *Child) signal(sig os.Signal) error {
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errNoSignal()
	}
	if s == 0 {
		return nil
	}
	if !terminates(s) {
		return errNoSignal()
	}
	if err := c.cmd.Process.Kill(); err != nil {
		return err
	}
	if c.sys.killedBy == 0 {
		c.sys.killedBy = s
	}
	return nil
}

// statusOf is how the reaped child ended: by the signal it was
// terminated with, else its exit code.
func (c *Child) statusOf(ps *os.ProcessState) ExitStatus {
	c.mu.Lock()
	s := c.sys.killedBy
	c.mu.Unlock()
	if s != 0 {
		n := int(s)
		return ExitStatus{Code: -n, Signal: SignalName(n), SignalNum: n}
	}
	if ps == nil {
		return ExitStatus{Code: -1}
	}
	return ExitStatus{Code: ps.ExitCode()}
}

// signalNames are the signals Node knows on Windows, with its numbers.
var signalNames = windowsSignals
