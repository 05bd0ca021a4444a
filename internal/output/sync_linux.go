package output

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// syncAll makes the content of files durable: one syncfs for each file
// system they are on, which costs about what one fsync does, however many
// files there are.
func syncAll(files []*os.File) error {
	if len(files) == 1 {
		return files[0].Sync()
	}
	done := map[uint64]bool{}
	for _, f := range files {
		if err := syncFS(f, done); err != nil {
			return err
		}
	}
	return nil
}

// syncFS syncs the file system f is on, unless done says it was.
func syncFS(f *os.File, done map[uint64]bool) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	dev := uint64(0)
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		dev = uint64(st.Dev)
	}
	if done[dev] {
		return nil
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = unix.Syncfs(int(fd)) }); err != nil {
		return err
	}
	if serr != nil {
		return &os.PathError{Op: "syncfs", Path: f.Name(), Err: serr}
	}
	done[dev] = true
	return nil
}

// SyncDirs makes the names given by earlier writes into dirs durable: one
// syncfs for each file system the folders are on.
func SyncDirs(dirs []string) error {
	done := map[uint64]bool{}
	for _, d := range dirs {
		f, err := os.Open(d)
		if err != nil {
			return err
		}
		err = syncFS(f, done)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
