//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package output

import (
	"errors"
	"os"
	"syscall"
)

// noFollow makes an open fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW

// renameOpen: a temporary file stays open, and so locked, until renamed.
const renameOpen = true

// lockTemp takes the lock that marks t as being written, and reports
// whether t was removed by a Clean before the lock was taken.
func lockTemp(t *os.File) (gone bool, err error) {
	if err := flock(t, syscall.LOCK_EX); err != nil {
		return false, err
	}
	info, err := t.Stat()
	if err != nil {
		return false, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 0, nil
}

// removeIfAbandoned removes the temporary file at path unless its writer
// still holds its lock. The lock is held while removing, so that a writer
// which locks it afterwards sees it gone.
func removeIfAbandoned(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return os.Remove(path) // not ours: a link named like a temporary
		}
		return err
	}
	defer f.Close()
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil // being written by a live process
		}
		return err
	}
	return os.Remove(path)
}

// flock locks f; it goes through SyscallConn rather than Fd, which would
// switch the file to blocking mode with two more system calls.
func flock(f *os.File, how int) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	err = rc.Control(func(fd uintptr) {
		for {
			ferr = syscall.Flock(int(fd), how)
			if !errors.Is(ferr, syscall.EINTR) {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	return ferr
}
