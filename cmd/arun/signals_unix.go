//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// terminalForeground reports whether arun runs in the foreground process
// group of its controlling terminal: then a Ctrl-C there is delivered to
// the whole group, arun's children included.
func terminalForeground() bool {
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return false
	}
	defer tty.Close()
	pgrp, err := unix.IoctlGetInt(int(tty.Fd()), unix.TIOCGPGRP)
	return err == nil && pgrp == unix.Getpgrp()
}
