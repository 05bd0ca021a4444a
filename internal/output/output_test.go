package output

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func temps(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// WriteAll reports, for each file, whether it was new, replaced or left
// alone, and leaves no temporary file behind.
func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "b")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(dir, "giu.pdf"), []byte("giữ nguyên"), 0o644)
	os.WriteFile(filepath.Join(dir, "thay.pdf"), []byte("cũ cùng cỡ"), 0o644)
	os.WriteFile(filepath.Join(sub, "ngan.docx"), []byte("x"), 0o644)
	before, _ := os.Stat(filepath.Join(dir, "giu.pdf"))
	time.Sleep(10 * time.Millisecond)
	got := WriteAll([]File{
		{dir, "moi.pdf", []byte("mới")},
		{dir, "giu.pdf", []byte("giữ nguyên")},
		{dir, "thay.pdf", []byte("mới cùng cỡ")},
		{sub, "ngan.docx", []byte("dài hơn")},
		{dir, "../ra-ngoai.pdf", []byte("x")},
	})
	want := []Result{Created, Unchanged, Replaced, Replaced}
	for i, w := range want {
		if got[i].Err != nil || got[i].Result != w {
			t.Errorf("file %d: %v, %v; want %v", i, got[i].Result, got[i].Err, w)
		}
	}
	if got[4].Err == nil || !strings.Contains(got[4].Err.Error(), "phân cách") {
		t.Errorf("a name leaving the folder: %v", got[4].Err)
	}
	if read(t, filepath.Join(dir, "thay.pdf")) != "mới cùng cỡ" || read(t, filepath.Join(sub, "ngan.docx")) != "dài hơn" || read(t, filepath.Join(dir, "moi.pdf")) != "mới" {
		t.Error("contents not written")
	}
	if after, _ := os.Stat(filepath.Join(dir, "giu.pdf")); !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	if info, _ := os.Stat(filepath.Join(dir, "moi.pdf")); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	if m := append(temps(t, dir), temps(t, sub)...); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "ra-ngoai.pdf")); err == nil {
		t.Error("a file was written outside the folder")
	}
	if err := SyncDirs([]string{dir, sub}); err != nil {
		t.Error(err)
	}
}

// An output file that is a symbolic link is replaced by the paper, never
// read or written through: the file it points to stays as it was, even
// when it is endless (/dev/zero) or the same size as the paper.
func TestSymlinkNotFollowed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir, elsewhere := t.TempDir(), t.TempDir()
	secret := filepath.Join(elsewhere, "bi-mat.txt")
	os.WriteFile(secret, []byte("abc"), 0o600)
	os.Symlink(secret, filepath.Join(dir, "a.pdf"))
	os.Symlink("/dev/zero", filepath.Join(dir, "b.pdf"))
	os.Symlink(filepath.Join(elsewhere, "chua-co"), filepath.Join(dir, "c.pdf"))
	done := make(chan []Outcome)
	go func() {
		done <- WriteAll([]File{{dir, "a.pdf", []byte("abc")}, {dir, "b.pdf", []byte("giấy")}, {dir, "c.pdf", []byte("giấy")}})
	}()
	var got []Outcome
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("WriteAll read through a link to /dev/zero")
	}
	for i, o := range got {
		if o.Err != nil || o.Result != Replaced {
			t.Errorf("file %d: %v %v, want the link replaced", i, o.Result, o.Err)
		}
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		if info, err := os.Lstat(filepath.Join(dir, n)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s: not a regular file after the write (%v)", n, err)
		}
	}
	if read(t, secret) != "abc" {
		t.Error("the link's target was changed")
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "chua-co")); err == nil {
		t.Error("a file was created through a dangling link")
	}
}

// Clean removes what a dead run left, never a temporary file another
// writer holds: two runs into one folder must not break each other.
func TestCleanLeavesLiveTemporaries(t *testing.T) {
	dir := t.TempDir()
	dead := filepath.Join(dir, tempPrefix+"mot-lan-chay-bi-giet")
	os.WriteFile(dead, []byte("nửa"), 0o600)
	live, err := writeTemp(File{dir, "a.pdf", []byte("đang ghi")})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("the dead run's temporary file is still there")
	}
	if _, err := os.Stat(live.Name()); err != nil && runtime.GOOS != "windows" {
		t.Fatalf("Clean removed a temporary file being written: %v", err)
	}
	os.Remove(live.Name())
}

// Many files in one call: all written, each complete.
func TestWriteAllMany(t *testing.T) {
	dir := t.TempDir()
	var files []File
	for i := range 300 {
		files = append(files, File{dir, fmt.Sprintf("giay-%03d.pdf", i), bytes.Repeat([]byte{byte(i)}, i*37)})
	}
	for i, o := range WriteAll(files) {
		if o.Err != nil || o.Result != Created {
			t.Fatalf("file %d: %v %v", i, o.Result, o.Err)
		}
	}
	for _, f := range files {
		if got, _ := os.ReadFile(filepath.Join(dir, f.Name)); !bytes.Equal(got, f.Data) {
			t.Fatalf("%s: %d bytes, want %d", f.Name, len(got), len(f.Data))
		}
	}
}
