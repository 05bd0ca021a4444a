//go:build unix

package input

import (
	"os"
	"syscall"
)

// openFlags opens without waiting for a writer, should a FIFO take the
// file's place between Stat and Open; the opened file is checked again.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
