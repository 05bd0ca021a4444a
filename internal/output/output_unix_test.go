//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe under a paper's name does not block the write.
func TestFifoNotOpened(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a.pdf"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	done := make(chan error)
	go func() { _, err := Write(dir, "a.pdf", []byte("giấy")); done <- err }()
	select {
	case err := <-done:
		if err != nil || read(t, filepath.Join(dir, "a.pdf")) != "giấy" {
			t.Errorf("err %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Write opened the pipe")
	}
}

// A writer whose new temporary file a Clean removed before it took the
// lock sees it gone and starts another (the race lockTemp closes).
func TestLockSeesRemoval(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := removeIfAbandoned(f.Name()); err != nil {
		t.Fatal(err)
	}
	if gone, err := lockTemp(f); err != nil || !gone {
		t.Errorf("gone %v, err %v: the writer would write into a removed file", gone, err)
	}
}
