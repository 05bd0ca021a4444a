//go:build !linux

package output

import "os"

// syncAll makes the content of files durable, one fsync each.
func syncAll(files []*os.File) error {
	for _, f := range files {
		if err := f.Sync(); err != nil {
			return err
		}
	}
	return nil
}

// SyncDirs makes the names given by earlier writes into dirs durable,
// where the system can sync a folder (not on Windows, which has no need).
func SyncDirs(dirs []string) error {
	for _, d := range dirs {
		if f, err := os.Open(d); err == nil {
			f.Sync()
			f.Close()
		}
	}
	return nil
}
