package main

import (
	"syscall"
	"unsafe"
)

// doubleClicked reports whether the program was started from Explorer
// (a double click) rather than from a terminal: then it is the only
// process of its console window.
func doubleClicked() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var pids [4]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
