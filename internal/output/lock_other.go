//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package output

import "os"

// noFollow: Lstat alone guards against links here.
const noFollow = 0

// renameOpen: Windows cannot rename a file that is open; a temporary
// file is closed first.
const renameOpen = false

// lockTemp: where there is no flock (Windows), an open file cannot be
// removed, which protects a temporary being written just as well.
func lockTemp(t *os.File) (gone bool, err error) { return false, nil }

// removeIfAbandoned removes path; a temporary another process has open
// cannot be removed, and is left to it.
func removeIfAbandoned(path string) error {
	os.Remove(path)
	return nil
}
