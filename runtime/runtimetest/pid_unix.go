//go:build unix

package runtimetest

import (
	"errors"
	"syscall"
)

// PidGone reports whether process pid no longer exists at all: neither
// running nor a zombie waiting to be reaped (kill(pid, 0) is ESRCH).
func PidGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
