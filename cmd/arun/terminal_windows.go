//go:build windows

package main

import (
	"encoding/binary"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var procWriteConsoleInput = windows.NewLazySystemDLL("kernel32.dll").NewProc("WriteConsoleInputW")

// inputRecord is the console's INPUT_RECORD: an event type and its
// 16-byte union.
type inputRecord struct {
	eventType uint16
	_         uint16
	event     [16]byte
}

// redraw asks the line editor (liner) to repaint its prompt line: it does
// when it reads a window-size event from the console input, so one with
// the console's current size is put there.
func redraw() {
	var info windows.ConsoleScreenBufferInfo
	if windows.GetConsoleScreenBufferInfo(windows.Handle(os.Stdout.Fd()), &info) != nil {
		return
	}
	rec := inputRecord{eventType: windows.WINDOW_BUFFER_SIZE_EVENT}
	binary.LittleEndian.PutUint16(rec.event[0:], uint16(info.Size.X))
	binary.LittleEndian.PutUint16(rec.event[2:], uint16(info.Size.Y))
	var n uint32
	_, _, _ = procWriteConsoleInput.Call(os.Stdin.Fd(), uintptr(unsafe.Pointer(&rec)), 1, uintptr(unsafe.Pointer(&n)))
}

// enableVT turns on the console's handling of ANSI escapes (colors, the
// REPL's line clearing) for f, as Node's terminal does, and reports
// whether f now takes them (Windows 10 and later; not a console: false).
func enableVT(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
