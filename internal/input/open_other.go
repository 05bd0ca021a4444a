//go:build !unix

package input

import "os"

// openFlags: other systems have no FIFO to wait on; the opened file is
// checked again after Stat.
const openFlags = os.O_RDONLY
