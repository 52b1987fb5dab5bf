//go:build windows

package runtimetest

import "golang.org/x/sys/windows"

// PidGone reports whether process pid no longer runs: it cannot be opened,
// or it has an exit code (a handle someone keeps open keeps an ended
// process's object, as a zombie on Unix, but it has ended).
func PidGone(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return true
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return false
	}
	const stillActive = 259
	return code != stillActive
}
