//go:build unix

package node

import "syscall"

// getPriority is getpriority(2) for a process; the raw call returns 20 - nice
// on Linux.
func getPriority(pid int) (int, error) {
	p, err := syscall.Getpriority(syscall.PRIO_PROCESS, pid)
	return 20 - p, err
}

func setPriority(pid, prio int) error { return syscall.Setpriority(syscall.PRIO_PROCESS, pid, prio) }
