//go:build unix

package main

import (
	"os"
	"syscall"
)

// redraw asks the line editor (liner) to repaint its prompt line: it does
// on a window change, SIGWINCH.
func redraw() { _ = syscall.Kill(os.Getpid(), syscall.SIGWINCH) }

// enableVT reports that a terminal takes ANSI escapes (colors, the
// REPL's line clearing): every Unix terminal does.
func enableVT(*os.File) bool { return true }
