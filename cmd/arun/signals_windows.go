//go:build windows

package main

// terminalForeground is true on Windows: a console's Ctrl-C and Ctrl-Break
// reach every process attached to the console (arun's children included,
// but detached ones), and a SIGINT cannot come any other way, so it is
// never forwarded (forwarding would terminate the children: see
// bindings.Child.Signal).
func terminalForeground() bool { return true }
