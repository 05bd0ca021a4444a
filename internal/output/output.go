// Package output writes papers into an output folder safely: names are
// checked to stay inside the folder, and each file is written to a
// temporary file, synced and renamed over the old one, so that a crash or
// a bad record never leaves a half-written paper or clobbers a good one.
// A file whose content would not change is left alone.
//
// WriteAll writes many files with one sync for all of them: every
// temporary file is written, the temporaries are synced together (one
// syncfs per file system on Linux), and only then does each take its
// name. After a crash at any moment, every file under a paper's name is
// complete; what is missing is the temporaries, which the next run's Clean
// removes.
//
// Several processes may write into one folder at once: each holds a lock
// on its temporary files until they are renamed, and Clean removes only
// temporaries whose writer is gone.
//
// The output folder is written, never read through: an existing file that
// is a symbolic link, a device or a pipe is replaced by the new file
// without being opened, and a regular file is read only when its size is
// that of the new content.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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

// File is one file to write: a plain name in a folder, and its content.
type File struct {
	Dir, Name string
	Data      []byte
}

// Outcome is what WriteAll did with one file.
type Outcome struct {
	Result Result
	Err    error
}

// Write puts data into dir/name atomically and durably. An existing file
// with the same content is not touched.
func Write(dir, name string, data []byte) (Result, error) {
	o := WriteAll([]File{{dir, name, data}})[0]
	return o.Result, o.Err
}

// WriteAll writes files atomically with one sync for all of them, and
// returns what happened to each, in order. A file that fails does not
// stop the others. Two files of one call must not have the same path.
// Every file's content is durable before it takes its name; the names
// themselves are made durable by the next WriteAll or SyncDirs on the
// same file system.
func WriteAll(files []File) []Outcome {
	out := make([]Outcome, len(files))
	temps := make([]*os.File, len(files))
	defer func() {
		for _, t := range temps {
			if t != nil {
				os.Remove(t.Name())
				t.Close()
			}
		}
	}()
	var synced []*os.File
	for i, f := range files {
		out[i].Result, out[i].Err = plan(f)
		if out[i].Err != nil || out[i].Result == Unchanged {
			continue
		}
		temps[i], out[i].Err = writeTemp(f)
		if out[i].Err == nil {
			synced = append(synced, temps[i])
		}
	}
	if err := syncAll(synced); err != nil {
		for i, t := range temps {
			if t != nil {
				out[i].Err = err
			}
		}
		return out
	}
	for i, t := range temps {
		if t == nil {
			continue
		}
		if !renameOpen {
			t.Close()
		}
		if err := os.Rename(t.Name(), filepath.Join(files[i].Dir, files[i].Name)); err != nil {
			out[i].Err = err
			continue
		}
		t.Close() // renamed: the lock is no longer needed
		temps[i] = nil
	}
	return out
}

// plan checks f's name and finds what writing it would do, reading the
// existing file only when it is a regular file of the same size.
func plan(f File) (Result, error) {
	if err := CheckName(f.Name); err != nil {
		return 0, err
	}
	path := filepath.Join(f.Dir, f.Name)
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Created, nil
	case err != nil:
		return 0, err
	case !info.Mode().IsRegular() || info.Size() != int64(len(f.Data)):
		return Replaced, nil
	}
	old, err := os.OpenFile(path, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return Replaced, nil // replaced since Lstat, or a link: not read
	}
	defer old.Close()
	if info, err = old.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(f.Data)) {
		return Replaced, nil
	}
	buf := make([]byte, len(f.Data)+1) // one more byte tells a file that grew
	n, err := io.ReadFull(old, buf)
	if errors.Is(err, io.ErrUnexpectedEOF) && bytes.Equal(buf[:n], f.Data) {
		return Unchanged, nil
	}
	return Replaced, nil
}

// writeTemp writes f's content into a new locked temporary file in f's
// folder and leaves it open, not yet synced.
func writeTemp(f File) (*os.File, error) {
	for {
		t, err := os.CreateTemp(f.Dir, tempPrefix+"*")
		if err != nil {
			return nil, err
		}
		gone, err := lockTemp(t)
		if err == nil && gone { // a Clean took it between its creation and the lock
			t.Close()
			continue
		}
		if err == nil {
			_, err = t.Write(f.Data)
		}
		if err == nil {
			err = t.Chmod(0o644)
		}
		if err != nil {
			os.Remove(t.Name())
			t.Close()
			return nil, err
		}
		return t, nil
	}
}

// Clean removes the temporary files that runs which are no longer
// running left in dir. Temporaries that another process is writing now
// are left to it.
func Clean(dir string) error {
	matches, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		if err := removeIfAbandoned(m); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
