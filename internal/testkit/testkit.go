// Package testkit checks papers the way a user would, for tests: the text
// poppler reads from a PDF, its fonts and pages, and what LibreOffice
// makes of a DOCX. A test that needs a missing tool is skipped with the
// Debian package to install, or fails when CI=true.
package testkit

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"thidua/internal/office"
)

// packages names the Debian package of each tool.
var packages = map[string]string{
	"soffice":   "libreoffice-writer-nogui",
	"pdftotext": "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"pdffonts":  "poppler-utils",
	"pdftoppm":  "poppler-utils",
}

// Need skips the test (fails it under CI=true) when a tool is missing.
func Need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		found := false
		if tool == "soffice" {
			_, err := office.Find()
			found = err == nil
		} else {
			_, err := exec.LookPath(tool)
			found = err == nil
		}
		if !found {
			msg := tool + " không có trên máy: hãy cài gói Debian " + packages[tool] + " (apt-get install " + packages[tool] + ")"
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

// Chromium returns the Chromium (or Chrome) to drive; the test is skipped
// (failed under CI=true) when there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "không có Chromium trên máy: hãy cài gói Debian chromium (apt-get install chromium) để chạy kiểm thử trên trình duyệt"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	Need(t, name)
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// Text returns the text of a PDF as pdftotext reads it, pages separated
// by form feeds. Extra arguments go to pdftotext (e.g. "-layout").
func Text(t testing.TB, pdf string, args ...string) string {
	t.Helper()
	return run(t, "pdftotext", append(append(args, pdf), "-")...)
}

// Pages returns the text of each page of a PDF.
func Pages(t testing.TB, pdf string) []string {
	t.Helper()
	pages := strings.Split(Text(t, pdf), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Info returns pdfinfo's fields: "Pages", "Page size", ...
func Info(t testing.TB, pdf string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", pdf), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// Font is one row of pdffonts.
type Font struct {
	Name, Type string
	Embedded   bool
}

// Fonts lists the fonts a PDF uses.
func Fonts(t testing.TB, pdf string) []Font {
	t.Helper()
	var out []Font
	lines := strings.Split(run(t, "pdffonts", pdf), "\n")
	for _, l := range lines[min(2, len(lines)):] {
		f := strings.Fields(l)
		if len(f) < 7 {
			continue
		}
		// name type [type...] encoding emb sub uni object ID
		n := len(f)
		out = append(out, Font{Name: f[0], Type: strings.Join(f[1:n-6], " "), Embedded: f[n-5] == "yes"})
	}
	return out
}

// LibreOffice converts DOCX files to PDFs in dir and returns their paths.
func LibreOffice(t testing.TB, dir string, docx ...string) []string {
	t.Helper()
	Need(t, "soffice")
	pdfs, err := office.ToPDFs(context.Background(), dir, docx...)
	if err != nil {
		t.Fatal(err)
	}
	return pdfs
}

const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// Sheets recalculates .xlsx workbooks in LibreOffice Calc and returns
// every sheet as the CSV LibreOffice writes, cells as shown, by workbook
// file name and sheet name. It needs the Calc part of LibreOffice
// (libreoffice-calc-nogui).
func Sheets(t testing.TB, dir string, xlsx ...string) map[string]map[string][][]string {
	t.Helper()
	Need(t, "soffice")
	soffice, _ := office.Find()
	profile := t.TempDir()
	// Recalculate every formula on load: by default Calc shows the values
	// an .xlsx file caches.
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcAlways), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nolockcheck",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir}, xlsx...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to csv: %v\n%s", err, out)
	}
	res := map[string]map[string][][]string{}
	for _, x := range xlsx {
		base := strings.TrimSuffix(filepath.Base(x), filepath.Ext(x))
		matches, _ := filepath.Glob(filepath.Join(dir, base+"-*.csv"))
		if len(matches) == 0 {
			msg := "LibreOffice không đọc được " + filepath.Base(x) + ": cần LibreOffice Calc (apt-get install libreoffice-calc-nogui)\n" + string(out)
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
		res[filepath.Base(x)] = map[string][][]string{}
		for _, m := range matches {
			f, err := os.Open(m)
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(f)
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", m, err)
			}
			sheet := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), base+"-"), ".csv")
			res[filepath.Base(x)][sheet] = rows
		}
	}
	return res
}

// Words splits text into words.
func Words(s string) []string { return strings.Fields(s) }

// Word is one word pdftotext finds, with its box in points from the
// page's top left corner.
type Word struct {
	Page                   int
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Boxes lists the words of a PDF with their boxes (pdftotext -bbox).
func Boxes(t testing.TB, pdf string) []Word {
	t.Helper()
	var ws []Word
	page := 0
	attr := func(line, name string) float64 {
		_, rest, _ := strings.Cut(line, name+`="`)
		v, _, _ := strings.Cut(rest, `"`)
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	for _, line := range strings.Split(run(t, "pdftotext", "-bbox", pdf, "-"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "<page "):
			page++
		case strings.HasPrefix(line, "<word "):
			_, text, _ := strings.Cut(line, ">")
			text, _, _ = strings.Cut(text, "</word>")
			ws = append(ws, Word{page, html.UnescapeString(text), attr(line, "xMin"), attr(line, "yMin"), attr(line, "xMax"), attr(line, "yMax")})
		}
	}
	return ws
}

// PageCount is the number of pages of a PDF.
func PageCount(t testing.TB, pdf string) int {
	t.Helper()
	n, err := strconv.Atoi(Info(t, pdf)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo: no page count in %s", pdf)
	}
	return n
}

// Entry is one file of a zip package, with its contents.
type Entry struct {
	*zip.File
	Data []byte
}

// Unzip reads every entry of a package (a .docx), in the order stored.
func Unzip(t testing.TB, data []byte) []Entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	var out []Entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out = append(out, Entry{f, b})
	}
	return out
}

// DOCXText returns the text of a .docx's body, paragraphs separated by
// newlines, as Word would show it without layout.
func DOCXText(t testing.TB, data []byte) string {
	t.Helper()
	for _, e := range Unzip(t, data) {
		if e.Name == "word/document.xml" {
			s := paraEnd.ReplaceAllString(string(e.Data), "\n")
			return html.UnescapeString(tag.ReplaceAllString(s, ""))
		}
	}
	t.Fatal("no word/document.xml in the .docx")
	return ""
}

var (
	paraEnd = regexp.MustCompile(`</w:p>`)
	tag     = regexp.MustCompile(`<[^>]*>`)
)

// Record is a small record without a fault, for tests to break one key
// at a time: a cluster of two provinces signing their pledge. Tests rely
// on its lines and columns.
const Record = `[cum]
ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"
nam = 2023
cum_truong = "quang-tri"

[[thanh_vien]]
id = "nghe-an"
ten = "Ủy ban nhân dân tỉnh Nghệ An"
dia_danh = "Nghệ An"
thu_truong = { ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch" }

[[thanh_vien]]
id = "quang-tri"
ten = "Ủy ban nhân dân tỉnh Quảng Trị"
[thanh_vien.thu_truong]
ho_ten = "Võ Văn Hưng"
chuc_vu = "Chủ tịch"

[phien]
loai = "ky-ket"
ngay = 2023-03-14
dia_diem = "Thành phố Vinh, tỉnh Nghệ An"
don_vi_dang_cai = "nghe-an"

[giao_uoc]
ky_hieu = "GƯTĐ-CTĐBTB"
muc_dich = "Thi đua hoàn thành xuất sắc nhiệm vụ năm 2023."
noi_dung = ["Hoàn thành các chỉ tiêu kinh tế - xã hội.", "Làm tốt công tác cải cách hành chính."]
`
