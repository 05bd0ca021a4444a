// Package output writes papers into an output folder safely: names are
// checked to stay inside the folder, each file is written to a temporary
// file, synced and renamed over the old one, so that a crash or a bad
// record never leaves a half-written paper or clobbers a good one; a file
// whose content would not change is left alone.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Result says what Write did.
type Result int

// Results of Write.
const (
	Created Result = iota
	Replaced
	Unchanged
)

// tempPrefix starts the names of temporary files; Clean removes leftovers.
const tempPrefix = ".thidua-tmp-"

// CheckName reports whether name is a plain file name that stays in its
// folder: no separators, no "..", not hidden, not empty.
func CheckName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return fmt.Errorf("tên tệp rỗng")
	case strings.ContainsAny(name, `/\`+"\x00") || filepath.Base(name) != name:
		return fmt.Errorf("tên tệp %q chứa dấu phân cách thư mục", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("tên tệp %q bắt đầu bằng dấu chấm", name)
	case strings.Contains(name, ".."):
		return fmt.Errorf("tên tệp %q chứa \"..\"", name)
	}
	return nil
}

// Write puts data into dir/name atomically. An existing file with the
// same content is not touched.
func Write(dir, name string, data []byte) (Result, error) {
	if err := CheckName(name); err != nil {
		return 0, err
	}
	path := filepath.Join(dir, name)
	res := Created
	if old, err := os.ReadFile(path); err == nil {
		if bytes.Equal(old, data) {
			return Unchanged, nil
		}
		res = Replaced
	} else if !errors.Is(err, os.ErrNotExist) {
		return 0, err
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return 0, err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	return res, nil
}

// Clean removes temporary files a killed run left in dir.
func Clean(dir string) error {
	matches, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		if err := os.Remove(m); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
