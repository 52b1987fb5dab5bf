//go:build !unix

package main

// terminalForeground is false where there are no process groups: a SIGINT
// is always forwarded to the children.
func terminalForeground() bool { return false }
