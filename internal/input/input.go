// Package input reads the files thidua is given: records, award
// catalogues, edited templates, Word forms, files to convert. Every one
// goes through ReadFile, which reads only regular files (a device such as
// /dev/zero, a FIFO, a socket or a folder is refused before it is opened,
// and again after, so nothing blocks or reads forever) and never more
// than the size limit of its kind, plus one byte to tell that it is over.
// The limits have defaults and an environment variable each that changes
// them (docs/gioi-han.md lists them).
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Kind is a kind of input file with its size limit.
type Kind struct {
	What    string // the kind in words, for messages: "tệp văn bản"
	Env     string // the environment variable that changes the limit
	Default int64  // the limit in bytes when Env is not set
	// flag, when set, is the command-line option that sets the limit for
	// this run (WithFlag); set is its value, 0 when not given.
	flag string
	set  int64
}

// WithFlag is k for a command with an option that sets its limit: size,
// when above 0, is the limit (the option given wins over the environment
// variable), and a file over the limit is told to use the option.
func (k *Kind) WithFlag(flag string, size int64) *Kind {
	c := *k
	c.flag, c.set = flag, size
	return &c
}

// The kinds of input.
var (
	// Text is a record, an award catalogue, an edited template or a
	// file to convert. A record of 1000 nominees is about 3.4 MB; laying
	// out the papers of 8 MB of text takes about 300 MB of memory.
	Text = &Kind{What: "tệp văn bản (hồ sơ, danh mục, mẫu)", Env: "THIDUA_GIOI_HAN_VAN_BAN", Default: 8 << 20}
	// Word is a clerk's .docx form for fill; pictures make it large.
	Word = &Kind{What: "mẫu Word", Env: "THIDUA_GIOI_HAN_MAU_WORD", Default: 64 << 20}
	// Sheet is a workbook for thidua nhap; a 1.000-row nominee sheet with
	// achievements is about 120 KB.
	Sheet = &Kind{What: "bảng tính Excel", Env: "THIDUA_GIOI_HAN_EXCEL", Default: 32 << 20}
)

// Error says in Vietnamese why a file was not read.
type Error struct {
	Path string
	Why  string // what is wrong: "tệp không tồn tại"
	Hint string // how to fix it, or "" when the caller knows better
	Err  error  // the system's error, when there is one
}

func (e *Error) Error() string { return e.Why }

func (e *Error) Unwrap() error { return e.Err }

// ErrIsDir is the Err of an Error about a folder given for a file.
var ErrIsDir = errors.New("is a directory")

// Limit returns the size limit of k: its environment variable when set,
// else its default.
func (k *Kind) Limit() (int64, error) {
	if k.set > 0 {
		return k.set, nil
	}
	v, ok := os.LookupEnv(k.Env)
	if !ok || strings.TrimSpace(v) == "" {
		return k.Default, nil
	}
	n, err := ParseSize(v)
	if err != nil {
		return 0, &Error{Why: fmt.Sprintf("biến môi trường %s = %q không hợp lệ", k.Env, v),
			Hint: fmt.Sprintf("ghi một cỡ như 32MB, 500KB hoặc 1GB (số không có đơn vị là MB), ví dụ %s=32MB; hoặc xóa biến để dùng mặc định %s", k.Env, FormatSize(k.Default))}
	}
	return n, nil
}

// ParseSize reads a size: a whole number with an optional unit KB, MB or
// GB (powers of 1024, "KiB" and lower case accepted); a number alone is MB.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	unit := int64(1 << 20)
	switch {
	case strings.HasSuffix(t, "K"):
		unit, t = 1<<10, strings.TrimSuffix(t, "K")
	case strings.HasSuffix(t, "M"):
		t = strings.TrimSuffix(t, "M")
	case strings.HasSuffix(t, "G"):
		unit, t = 1<<30, strings.TrimSuffix(t, "G")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/unit {
		return 0, fmt.Errorf("cỡ %q không hợp lệ", s)
	}
	return n * unit, nil
}

// FormatSize writes a size for people, rounded up so that a file over a
// limit never reads as the limit: "16 MB", "2049 KB", "12 B".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0 || n >= 10<<20:
		return strconv.FormatInt((n+(1<<20)-1)>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+(1<<10)-1)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// ReadFile reads the file at path, a regular file of at most k's limit.
// The error, when not nil, is an *Error.
func ReadFile(path string, k *Kind) ([]byte, error) {
	limit, err := k.Limit()
	if err != nil {
		err.(*Error).Path = path
		return nil, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, systemError(path, err)
	}
	if err := k.check(path, info, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, systemError(path, err)
	}
	defer f.Close()
	// The file may have been replaced between Stat and Open.
	if info, err = f.Stat(); err != nil {
		return nil, systemError(path, err)
	}
	if err := k.check(path, info, limit); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(int(min(info.Size(), limit)) + bytes.MinRead) // ReadFrom wants MinRead free to stop
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, systemError(path, err)
	}
	if int64(b.Len()) > limit { // it grew while being read
		return nil, k.tooLarge(path, -1, limit)
	}
	return b.Bytes(), nil
}

// check refuses what is not a regular file, or is larger than limit.
func (k *Kind) check(path string, info fs.FileInfo, limit int64) error {
	switch {
	case info.IsDir():
		return &Error{Path: path, Why: "đây là thư mục, không phải tệp", Err: ErrIsDir}
	case !info.Mode().IsRegular():
		return &Error{Path: path, Why: "đây không phải tệp thường trên đĩa (" + modeWord(info.Mode()) + ")",
			Hint: "chỉ đến một tệp thường; nếu nội dung đến từ chương trình khác, lưu nó ra tệp trước"}
	case info.Size() > limit:
		return k.tooLarge(path, info.Size(), limit)
	}
	return nil
}

func (k *Kind) tooLarge(path string, size, limit int64) error {
	why := fmt.Sprintf("tệp lớn hơn giới hạn %s của %s", FormatSize(limit), k.What)
	if size >= 0 {
		why = fmt.Sprintf("tệp lớn %s, quá giới hạn %s của %s", FormatSize(size), FormatSize(limit), k.What)
	}
	suggest := max(limit, 1<<20)
	for suggest <= size || suggest == limit {
		suggest *= 2
	}
	suggest = (suggest + 1<<20 - 1) &^ (1<<20 - 1) // whole megabytes
	if k.flag != "" {
		return &Error{Path: path, Why: why,
			Hint: fmt.Sprintf("kiểm tra lại có đúng tệp không; nếu đúng, nâng giới hạn bằng tùy chọn %s, ví dụ %s %s (hoặc biến môi trường %s=%s; xem docs/gioi-han.md)",
				k.flag, k.flag, strings.ReplaceAll(FormatSize(suggest), " ", ""), k.Env, strings.ReplaceAll(FormatSize(suggest), " ", ""))}
	}
	return &Error{Path: path, Why: why,
		Hint: fmt.Sprintf("kiểm tra lại có đúng tệp không; nếu đúng, nâng giới hạn bằng biến môi trường %s, ví dụ %s=%s (xem docs/gioi-han.md)",
			k.Env, k.Env, strings.ReplaceAll(FormatSize(suggest), " ", ""))}
}

// modeWord names a kind of file that is not a regular one.
func modeWord(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "ống FIFO"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "thiết bị ký tự, như /dev/zero"
	case m&fs.ModeDevice != 0:
		return "thiết bị"
	}
	return "tệp đặc biệt"
}

// systemError says in Vietnamese what the system refused.
func systemError(path string, err error) *Error {
	why := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "tệp không tồn tại"
	case errors.Is(err, fs.ErrPermission):
		why = "không có quyền đọc"
	}
	return &Error{Path: path, Why: why, Err: err}
}
