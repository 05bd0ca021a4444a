//go:build unix

package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func testKind(t *testing.T, def int64) *Kind {
	return &Kind{What: "tệp thử", Env: "THIDUA_GIOI_HAN_THU", Default: def}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "nho.toml")
	os.WriteFile(small, []byte("ten = \"Hòa\"\n"), 0o644)
	big := filepath.Join(dir, "lon.toml")
	os.WriteFile(big, make([]byte, 2<<20+1), 0o644)
	link := filepath.Join(dir, "lien-ket.toml")
	os.Symlink(small, link)
	fifo := filepath.Join(dir, "ong.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	k := testKind(t, 2<<20)

	if got, err := ReadFile(small, k); err != nil || string(got) != "ten = \"Hòa\"\n" {
		t.Fatalf("ReadFile(small) = %q, %v", got, err)
	}
	if got, err := ReadFile(link, k); err != nil || len(got) == 0 {
		t.Fatalf("a symlink to a regular input file must be read: %q, %v", got, err)
	}
	for _, c := range []struct{ path, why, hint string }{
		{filepath.Join(dir, "khong-co.toml"), "tệp không tồn tại", ""},
		{dir, "đây là thư mục, không phải tệp", ""},
		{"/dev/zero", "không phải tệp thường trên đĩa (thiết bị ký tự", "chỉ đến một tệp thường"},
		{fifo, "không phải tệp thường trên đĩa (ống FIFO)", "chỉ đến một tệp thường"},
		{big, "tệp lớn 2049 KB, quá giới hạn 2 MB của tệp thử", "THIDUA_GIOI_HAN_THU=4MB"},
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(c.path, k); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) blocks", c.path)
		}
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Why, c.why) || !strings.Contains(e.Hint, c.hint) || e.Path != c.path {
			t.Errorf("ReadFile(%s) = %#v, want %q with hint %q", c.path, err, c.why, c.hint)
		}
	}

	t.Setenv("THIDUA_GIOI_HAN_THU", "3MB")
	if got, err := ReadFile(big, k); err != nil || len(got) != 2<<20+1 {
		t.Fatalf("with the limit raised: %d bytes, %v", len(got), err)
	}
	t.Setenv("THIDUA_GIOI_HAN_THU", "nhiều")
	if _, err := ReadFile(small, k); err == nil || !strings.Contains(err.Error(), `THIDUA_GIOI_HAN_THU = "nhiều" không hợp lệ`) {
		t.Fatalf("a bad limit: %v", err)
	}
}

// TestReadFileBounded reads a file that is larger than it says (a
// /proc file reports size 0): never more than the limit plus one byte.
func TestReadFileBounded(t *testing.T) {
	if _, err := os.Stat("/proc/self/maps"); err != nil {
		t.Skip("no /proc on this system")
	}
	_, err := ReadFile("/proc/self/maps", testKind(t, 16))
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Why, "lớn hơn giới hạn 16 B") {
		t.Fatalf("got %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"32MB": 32 << 20, "32": 32 << 20, " 500 kb ": 500 << 10, "1GiB": 1 << 30, "2G": 2 << 30, "64mib": 64 << 20} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "1.5MB", "MB", "1TB", "99999999999G"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}
