//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"thidua/internal/input"
	"thidua/internal/record"
	"thidua/internal/testkit"
)

// Hostile inputs, run as a user would: each ends at once with a
// Vietnamese error naming the file (and, for a record, the line and
// column) and how to fix it, or with the right paper. docs/gioi-han.md
// lists the limits.

// cliWithin runs thidua in-process and fails the test if it has not
// returned in 10 s (a read that blocks on a FIFO, or one that never ends).
func cliWithin(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := run(&env{stdout: &out, stderr: &errOut}, args)
		done <- result{code, out.String(), errOut.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.errOut
	case <-time.After(10 * time.Second):
		t.Fatalf("thidua %s: still running after 10 s", strings.Join(args, " "))
		return 0, "", ""
	}
}

// hostile makes a folder holding a FIFO and a file larger than the text
// limit the test sets (1 MB).
func hostile(t *testing.T) (dir, fifo, big string) {
	t.Helper()
	dir = t.TempDir()
	fifo = filepath.Join(dir, "ong.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big = filepath.Join(dir, "lon.toml")
	src, _ := os.ReadFile("../../samples/bac-trung-bo-2023.toml")
	pad := bytes.Repeat([]byte("# "+strings.Repeat("x", 98)+"\n"), 12<<10) // 1,2 MB of comments
	os.WriteFile(big, append(src, pad...), 0o644)
	t.Setenv("THIDUA_GIOI_HAN_VAN_BAN", "1MB")
	t.Setenv("THIDUA_GIOI_HAN_MAU_WORD", "1MB")
	return dir, fifo, big
}

// sizeOf is the size of a file as messages write it.
func sizeOf(t *testing.T, path string) string {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return input.FormatSize(info.Size())
}

func wantError(t *testing.T, what string, code int, errOut string, wantCode int, wants ...string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("%s: exit %d, want %d; stderr:\n%s", what, code, wantCode, errOut)
	}
	for _, w := range wants {
		if !strings.Contains(errOut, w) {
			t.Errorf("%s: stderr lacks %q:\n%s", what, w, errOut)
		}
	}
}

func TestInputsNotRegularOrTooLarge(t *testing.T) {
	dir, fifo, big := hostile(t)
	bigSize := sizeOf(t, big)
	const notRegular = "đây không phải tệp thường trên đĩa"
	const tooLarge = "quá giới hạn 1 MB"
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"record /dev/zero", []string{"check", "/dev/zero"}, []string{"/dev/zero: không đọc được tệp hồ sơ: " + notRegular + " (thiết bị ký tự", "Cách sửa:"}},
		{"record FIFO", []string{"render", fifo, "-o", filepath.Join(dir, "ra")}, []string{fifo + ": không đọc được tệp hồ sơ: " + notRegular + " (ống FIFO)"}},
		{"record too large", []string{"check", big}, []string{big + ": không đọc được tệp hồ sơ: tệp lớn " + bigSize + ", " + tooLarge, "THIDUA_GIOI_HAN_VAN_BAN=2MB", "docs/gioi-han.md"}},
		{"record folder", []string{"check", dir}, []string{dir + ": không đọc được tệp hồ sơ: đây là thư mục, không phải tệp", "Cách sửa: kiểm tra lại đường dẫn"}},
		{"form /dev/zero", []string{"fill", "/dev/zero", "../../samples/bac-trung-bo-2023.toml", "-o", filepath.Join(dir, "x.docx")}, []string{"/dev/zero: không đọc được mẫu Word: " + notRegular}},
		{"form FIFO", []string{"fill", fifo, "../../samples/bac-trung-bo-2023.toml", "-o", filepath.Join(dir, "x.docx")}, []string{fifo + ": không đọc được mẫu Word: " + notRegular}},
		{"form too large", []string{"fill", big, "../../samples/bac-trung-bo-2023.toml", "-o", filepath.Join(dir, "x.docx")}, []string{"không đọc được mẫu Word: tệp lớn " + bigSize + ", quá giới hạn 1 MB của mẫu Word", "THIDUA_GIOI_HAN_MAU_WORD="}},
		{"catalogue /dev/zero", []string{"render", "../../samples/hong-linh-khen-thuong-2023.toml", "--khen-thuong", "/dev/zero", "-o", filepath.Join(dir, "ra")}, []string{"/dev/zero: không đọc được danh mục khen thưởng: " + notRegular}},
		{"catalogue FIFO", []string{"check", "../../samples/hong-linh-khen-thuong-2023.toml", "--khen-thuong", fifo}, []string{fifo + ": không đọc được danh mục khen thưởng: " + notRegular}},
		{"convert /dev/zero", []string{"convert", "/dev/zero", "-o", filepath.Join(dir, "x.toml")}, []string{"/dev/zero: không đọc được tệp: " + notRegular}},
		{"convert too large", []string{"convert", big}, []string{big + ": không đọc được tệp: tệp lớn " + bigSize + ", " + tooLarge}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := cliWithin(t, c.args...)
			wantError(t, c.name, code, errOut, exitInput, c.want...)
		})
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 2 {
		t.Errorf("files were written: %v", files)
	}

	// The limit is raised by its variable, and the same file then works.
	t.Setenv("THIDUA_GIOI_HAN_VAN_BAN", "2MB")
	if code, _, errOut := cliWithin(t, "check", big); code != exitOK {
		t.Errorf("with THIDUA_GIOI_HAN_VAN_BAN=2MB: exit %d\n%s", code, errOut)
	}
	t.Setenv("THIDUA_GIOI_HAN_VAN_BAN", "hai mê")
	code, _, errOut := cliWithin(t, "check", big)
	wantError(t, "a bad limit", code, errOut, exitInput, `biến môi trường THIDUA_GIOI_HAN_VAN_BAN = "hai mê" không hợp lệ`, "Cách sửa: ghi một cỡ như 32MB")
}

// An edited templates folder holding a FIFO or a huge template.
func TestTemplatesFolderGuarded(t *testing.T) {
	dir, _, big := hostile(t)
	bigSize := sizeOf(t, big)
	mau := filepath.Join(dir, "mau")
	os.Mkdir(mau, 0o755)
	syscall.Mkfifo(filepath.Join(mau, "giao-uoc.md"), 0o644)
	os.Link(big, filepath.Join(mau, "bao-cao.md"))
	code, _, errOut := cliWithin(t, "render", "../../samples/bac-trung-bo-2023.toml", "--mau", mau, "-o", filepath.Join(dir, "ra"))
	wantError(t, "--mau", code, errOut, exitInput,
		filepath.Join(mau, "giao-uoc.md")+": không đọc được mẫu: đây không phải tệp thường trên đĩa (ống FIFO)",
		filepath.Join(mau, "bao-cao.md")+": không đọc được mẫu: tệp lớn "+bigSize+", quá giới hạn 1 MB", "Cách sửa:")

	// Many templates, each under the limit, together over it.
	many := filepath.Join(dir, "nhieu-mau")
	os.Mkdir(many, 0o755)
	src, _ := os.ReadFile("../../templates/giao-uoc.md")
	src = append(src, bytes.Repeat([]byte("Đoạn văn.\n\n"), 300<<10/12)...)
	for i := range 5 {
		os.WriteFile(filepath.Join(many, "mau-"+strconv.Itoa(i)+".md"), src, 0o644)
	}
	code, _, errOut = cliWithin(t, "render", "../../samples/bac-trung-bo-2023.toml", "--mau", many, "-o", filepath.Join(dir, "ra"))
	wantError(t, "--mau, many", code, errOut, exitInput, many+": các tệp mẫu .md trong thư mục cộng lại lớn hơn giới hạn 1 MB", "THIDUA_GIOI_HAN_VAN_BAN")
}

// batch reports a FIFO and /dev/zero among its records and makes the rest.
func TestBatchInputsGuarded(t *testing.T) {
	dir, fifo, _ := hostile(t)
	code, out, errOut := cliWithin(t, "batch", fifo, "/dev/zero", "../../samples/hong-linh-2024.toml", "-o", filepath.Join(dir, "ra"), "--dinh-dang", "docx")
	if code != exitInput || !strings.Contains(out, fifo+": không đọc được tệp hồ sơ: đây không phải tệp thường trên đĩa (ống FIFO)") ||
		!strings.Contains(out, "/dev/zero: không đọc được tệp hồ sơ") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if docx, _ := filepath.Glob(filepath.Join(dir, "ra", "*", "*.docx")); len(docx) != 1 {
		t.Errorf("the good record's paper: %v", docx)
	}
}

// TOML shaped to make the decoder quadratic is refused at its place.
func TestQuadraticTOMLRefused(t *testing.T) {
	dir := t.TempDir()
	n := 64 << 10 / 3
	nested := filepath.Join(dir, "long-nhau.toml")
	os.WriteFile(nested, []byte("# 64 KB\nx = "+strings.Repeat("{a=", n)+"1"+strings.Repeat("}", n)+"\n"), 0o644)
	dotted := filepath.Join(dir, "khoa-dai.toml")
	os.WriteFile(dotted, []byte("[cum]\nten = \"Cụm\"\n  "+strings.Repeat("a.", 20000)+"b = 1\n"), 0o644)
	code, _, errOut := cliWithin(t, "check", nested)
	wantError(t, "nested", code, errOut, exitInput, nested+":2:29: danh sách [...] và bảng {...} lồng vào nhau quá 8 tầng", "Cách sửa:")
	code, _, errOut = cliWithin(t, "render", dotted, "-o", filepath.Join(dir, "ra"))
	wantError(t, "dotted", code, errOut, exitInput, dotted+":3:3: khóa có hơn 16 phần nối bằng dấu chấm", "Cách sửa:")
}

// A megabyte of old-style tone marks ("hoà, thuỷ, khoẻ") is rewritten in
// the modern style, every word of it (this took 93 s before).
func TestLongOldStyleText(t *testing.T) {
	src, _ := os.ReadFile("../../samples/bac-trung-bo-2023.toml")
	const unit = "hoà, thuỷ, khoẻ "
	at := bytes.Index(src, []byte("noi_dung = [")) + len("noi_dung = [")
	long := strings.Repeat(unit, (1<<20)/len(unit))
	rec := string(src[:at]) + "\n\"" + long + "\"," + string(src[at:])
	path := filepath.Join(t.TempDir(), "dau-cu.toml")
	os.WriteFile(path, []byte(rec), 0o644)
	if code, _, errOut := cliWithin(t, "check", path); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	r, err := record.Load(path) // what check and render read
	if err != nil {
		t.Fatal(err)
	}
	got := r.Pledge.Pledges[0]
	if want := strings.Repeat("hòa, thủy, khỏe ", (1<<20)/len(unit)); got != want {
		t.Errorf("the text was not rewritten word for word: %d bytes, starts %q", len(got), got[:min(40, len(got))])
	}
}

// A negative so_phieu is called negative.
func TestNegativeVotes(t *testing.T) {
	src, _ := os.ReadFile("../../samples/bac-trung-bo-tong-ket-2022.toml")
	bad := strings.Replace(string(src), "so_phieu = 6", "so_phieu = -2", 1)
	path := filepath.Join(t.TempDir(), "phieu-am.toml")
	os.WriteFile(path, []byte(bad), 0o644)
	code, _, errOut := cliWithin(t, "check", path)
	line := strconv.Itoa(strings.Count(bad[:strings.Index(bad, "so_phieu = -2")], "\n") + 1)
	wantError(t, "so_phieu = -2", code, errOut, exitInput, path+":"+line+":12: binh_xet.ung_vien[1].so_phieu:", "Nghệ An có số phiếu âm (-2)", "Cách sửa: ghi số phiếu đồng ý, từ 0 trở lên")
	if strings.Contains(errOut, "nhiều hơn") {
		t.Errorf("a negative count called too many:\n%s", errOut)
	}
}

// An edited template missing an {{end}}: the line of its {{if}}, in Vietnamese.
func TestEditedTemplateUnclosedIf(t *testing.T) {
	dir := t.TempDir()
	mau := filepath.Join(dir, "mau")
	if code, _, errOut := cli(t, "templates", "export", mau); code != 0 {
		t.Fatal(errOut)
	}
	path := filepath.Join(mau, "giao-uoc.md")
	src, _ := os.ReadFile(path)
	edited := bytes.Replace(src, []byte("{{else}};{{end}}"), []byte("{{else}};"), 1)
	if bytes.Equal(edited, src) {
		t.Fatal("the template changed: update this test")
	}
	os.WriteFile(path, edited, 0o644)
	at := bytes.Index(edited, []byte("{{if eq $m.stt"))
	line := bytes.Count(edited[:at], []byte("\n")) + 1
	col := utf8.RuneCount(edited[bytes.LastIndexByte(edited[:at], '\n')+1:at]) + 1 // in characters
	code, _, errOut := cliWithin(t, "render", "../../samples/bac-trung-bo-2023.toml", "--mau", mau, "-o", filepath.Join(dir, "ra"))
	wantError(t, "unclosed if", code, errOut, exitInput, path+":"+strconv.Itoa(line)+":"+strconv.Itoa(col)+": {{if eq $m.stt (len $.thanh_vien)}} mở ở đây nhưng chưa có {{end}} đóng", "Cách sửa: thêm {{end}}")
	if strings.Contains(errOut, "unexpected") {
		t.Errorf("English left:\n%s", errOut)
	}
}

// -j 1000000 is capped, with a message, and the papers are made.
func TestBatchWorkersCapped(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := cliWithin(t, "batch", "../../samples/hong-linh-2024.toml", "-o", filepath.Join(dir, "ra"), "-j", "1000000", "--dinh-dang", "docx")
	wantError(t, "-j 1000000", code, errOut, exitOK, "thidua batch: -j 1000000 nhiều hơn máy làm được cùng lúc", "dùng -j "+strconv.Itoa(maxWorkers()))
}

// fill -o x.pdf: refused without --pdf; with it, x.pdf is a PDF of the
// filled form and nothing else is written.
func TestFillPDFName(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "dk.pdf")
	code, _, errOut := cliWithin(t, "fill", "../../samples/forms/dang-ky-giao-uoc.docx", "../../samples/bac-trung-bo-2023.toml", "-o", out)
	wantError(t, "-o x.pdf", code, errOut, exitUsage, "fill viết tệp Word (.docx), không viết thẳng ra PDF", "--pdf", filepath.Join(dir, "dk.docx"))
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s written: %v", out, err)
	}
	testkit.Need(t, "soffice", "pdftotext")
	// LibreOffice may take longer than 10 s on a loaded machine: no time limit here.
	if code, _, errOut := cli(t, "fill", "../../samples/forms/dang-ky-giao-uoc.docx", "../../samples/bac-trung-bo-2023.toml", "-o", out, "--pdf"); code != exitOK {
		t.Fatalf("-o x.pdf --pdf: exit %d\n%s", code, errOut)
	}
	if text := strings.Join(strings.Fields(testkit.Text(t, out)), " "); !strings.Contains(text, "BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM 2023") {
		t.Errorf("the PDF lacks the form's title:\n%s", text)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
		t.Errorf("-o x.pdf --pdf wrote %v, want only the PDF", files)
	}
}

// SIGTERM stops a batch like Ctrl-C: exit 130, files whole.
func TestBatchSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on 60 records")
	}
	in := filepath.Join(t.TempDir(), "ho-so")
	os.Mkdir(in, 0o755)
	src, _ := os.ReadFile("../../samples/hong-linh-2024.toml")
	for i := range 60 {
		os.WriteFile(filepath.Join(in, "r"+strconv.Itoa(i)+".toml"), src, 0o644)
	}
	out := filepath.Join(t.TempDir(), "ra")
	cmd := exec.Command(thidua(t), "batch", in, "-o", out, "-j", "1")
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if final, _ := papers(t, out); len(final) > 0 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
			t.Fatalf("exit %v, want %d\n%s", err, exitInterrupted, cmd.Stderr)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("batch still running 10 s after SIGTERM")
	}
	if _, temp := papers(t, out); len(temp) > 0 {
		t.Errorf("temporary files left: %v", temp)
	}
}
