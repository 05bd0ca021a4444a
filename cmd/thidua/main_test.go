package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"thidua/internal/record"
	"thidua/internal/testkit"
)

// cli runs thidua in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(&env{stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

var samples = []string{"bac-trung-bo-2023", "hai-phong-khoi-huyen-2024", "hong-linh-2024"}

// rendered holds each sample's papers, rendered once for all tests.
var rendered struct {
	once sync.Once
	dir  string
	err  string
}

func renderSamples(t *testing.T) string {
	t.Helper()
	rendered.once.Do(func() {
		dir, err := os.MkdirTemp("", "thidua-samples-")
		if err != nil {
			rendered.err = err.Error()
			return
		}
		rendered.dir = dir
		for _, s := range samples {
			var out, errOut bytes.Buffer
			if code := run(&env{stdout: &out, stderr: &errOut}, []string{"render", "../../samples/" + s + ".toml", "-o", filepath.Join(dir, s)}); code != 0 {
				rendered.err += s + ": " + errOut.String()
			}
		}
	})
	if rendered.err != "" {
		t.Fatal(rendered.err)
	}
	return rendered.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if rendered.dir != "" {
		os.RemoveAll(rendered.dir)
	}
	os.Exit(code)
}

// only returns the one file of an extension in dir.
func only(t *testing.T, dir, ext string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
	if len(m) != 1 {
		t.Fatalf("%s: want one .%s, have %v", dir, ext, m)
	}
	return m[0]
}

// The words a clerk checks first: the national name and motto exactly,
// every member unit and every signer.
func TestSamplePDFText(t *testing.T) {
	dir := renderSamples(t)
	for _, s := range samples {
		t.Run(s, func(t *testing.T) {
			rec, err := record.Load("../../samples/" + s + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			pdf := only(t, filepath.Join(dir, s), "pdf")
			text := testkit.Text(t, pdf)
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BẢN GIAO ƯỚC THI ĐUA"} {
				if !strings.Contains(text, want+"\n") {
					t.Errorf("no line %q in the PDF", want)
				}
			}
			for _, m := range rec.Members {
				if !strings.Contains(flat, m.Name) {
					t.Errorf("member %q missing", m.Name)
				}
				if !strings.Contains(flat, m.Head.Name) {
					t.Errorf("signer %q missing", m.Head.Name)
				}
			}
			if !strings.Contains(flat, "Số:") || !strings.Contains(flat, rec.Pledge.Symbol) {
				t.Errorf("number and symbol %q missing", rec.Pledge.Symbol)
			}
		})
	}
}

// A4 pages, every font embedded, no number on page 1, "2" atop page 2.
func TestSamplePDFPages(t *testing.T) {
	dir := renderSamples(t)
	for _, s := range samples {
		t.Run(s, func(t *testing.T) {
			pdf := only(t, filepath.Join(dir, s), "pdf")
			info := testkit.Info(t, pdf)
			if !strings.Contains(info["Page size"], "595.28 x 841.89") {
				t.Errorf("page size %q, want A4", info["Page size"])
			}
			fonts := testkit.Fonts(t, pdf)
			if len(fonts) == 0 {
				t.Fatal("pdffonts lists no font")
			}
			for _, f := range fonts {
				if !f.Embedded {
					t.Errorf("font %s is not embedded", f.Name)
				}
			}
			pages := testkit.Pages(t, pdf)
			if len(pages) < 2 {
				t.Fatalf("%d pages; the samples run to more than one", len(pages))
			}
			if first := strings.Fields(pages[0])[0]; first == "1" {
				t.Errorf("page 1 starts with a page number")
			}
			for i, p := range pages[1:] {
				if got := strings.Fields(p)[0]; got != strconv.Itoa(i+2) {
					t.Errorf("page %d starts with %q, want its number", i+2, got)
				}
			}
		})
	}
}

// LibreOffice opens each DOCX and lays it out on the same pages, with the
// same words on each page, as thidua's own PDF.
func TestSampleDOCXThroughLibreOffice(t *testing.T) {
	testkit.Need(t, "soffice", "pdftotext")
	dir := renderSamples(t)
	lo := t.TempDir()
	var docx []string
	for _, s := range samples {
		docx = append(docx, only(t, filepath.Join(dir, s), "docx"))
	}
	pdfs := testkit.LibreOffice(t, lo, docx...)
	for i, s := range samples {
		mine := testkit.Pages(t, only(t, filepath.Join(dir, s), "pdf"))
		theirs := testkit.Pages(t, pdfs[i])
		if len(mine) != len(theirs) {
			t.Errorf("%s: thidua's PDF has %d pages, LibreOffice's %d", s, len(mine), len(theirs))
			continue
		}
		for p := range mine {
			a, b := testkit.Words(mine[p]), testkit.Words(theirs[p])
			slices.Sort(a)
			slices.Sort(b)
			if diff := cmp.Diff(b, a); diff != "" {
				t.Errorf("%s page %d: the words differ (-LibreOffice +thidua):\n%s", s, p+1, diff)
			}
		}
	}
}

// The same record gives byte-identical files.
func TestDeterministic(t *testing.T) {
	dir := renderSamples(t)
	again := t.TempDir()
	if code, _, errOut := cli(t, "render", "../../samples/"+samples[0]+".toml", "-o", again); code != 0 {
		t.Fatal(errOut)
	}
	for _, ext := range []string{"docx", "pdf"} {
		a, _ := os.ReadFile(only(t, filepath.Join(dir, samples[0]), ext))
		b, _ := os.ReadFile(only(t, again, ext))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", ext)
		}
	}
	// a second run into the same folder leaves the files alone
	code, out, _ := cli(t, "render", "../../samples/"+samples[0]+".toml", "-o", again)
	if code != 0 || strings.Count(out, "Không đổi") != 2 {
		t.Errorf("re-render: exit %d, %q", code, out)
	}
}

const goodRecord = testkit.Record

// Bad records: each gets its own error at its own place, exit code 1,
// and no file is written; good but unusual text comes out right.
func TestRecordsThroughTheCLI(t *testing.T) {
	cases := []struct {
		name, old, new string
		code           int
		stderr         []string // pieces of the error output
		pdf            []string // pieces of the PDF text when it renders
	}{
		{"unknown key", `nam = 2023`, "nam = 2023\nten_goi = \"x\"", 1, []string{"r.toml:4:1: cum.ten_goi:"}, nil},
		{"wrong type", `nam = 2023`, `nam = "2023"`, 1, []string{"r.toml:3:7: cum.nam:", "số nguyên"}, nil},
		{"missing field", `ky_hieu = "GƯTĐ-CTĐBTB"`, ``, 1, []string{"giao_uoc.ky_hieu", "thiếu"}, nil},
		{"impossible date", `ngay = 2023-03-14`, `ngay = "30/02/2023"`, 1, []string{"r.toml:21:8: phien.ngay:", "không có thật"}, nil},
		{"duplicate id", `id = "quang-tri"`, `id = "nghe-an"`, 1, []string{"r.toml:13:6: thanh_vien[2].id:"}, nil},
		{"TCVN3 text", `ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"`, `ten = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"`, 1, []string{"r.toml:2:7: cum.ten:", "TCVN3", "thidua convert"}, nil},
		{"NFD text", `ten = "Ủy ban nhân dân tỉnh Nghệ An"`, "ten = \"U\u0309y ban nha\u0302n da\u0302n ti\u0309nh Nghe\u0323\u0302 An\"", 0, nil, []string{"Ủy ban nhân dân tỉnh Nghệ An"}},
		{"markup characters", `ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, `ten = "Công ty <A&B> \"Số 1\" *x* _y_"`, 0, nil, []string{`Công ty <A&B> "Số 1" *x* _y_`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			src := strings.Replace(goodRecord, c.old, c.new, 1)
			if src == goodRecord {
				t.Fatalf("%q not in the record", c.old)
			}
			path := filepath.Join(dir, "r.toml")
			os.WriteFile(path, []byte(src), 0o644)
			out := filepath.Join(dir, "ra")
			code, _, errOut := cli(t, "render", path, "-o", out)
			errOut = strings.ReplaceAll(errOut, dir+string(os.PathSeparator), "")
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, errOut)
			}
			for _, w := range c.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("error output lacks %q:\n%s", w, errOut)
				}
			}
			if c.code != 0 {
				if files, _ := os.ReadDir(out); len(files) > 0 {
					t.Errorf("a bad record wrote %d files", len(files))
				}
				return
			}
			flat := strings.Join(strings.Fields(testkit.Text(t, only(t, out, "pdf"))), " ")
			for _, w := range c.pdf {
				if !strings.Contains(flat, w) {
					t.Errorf("PDF lacks %q", w)
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"khong-co"}, {"render"}, {"render", "a.toml", "b.toml"}, {"render", "--khong-co", "a.toml"}, {"render", "a.toml", "--dinh-dang", "odt"}} {
		code, _, errOut := cli(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "Cách dùng") {
			t.Errorf("%v: exit %d, want %d with usage; stderr %q", args, code, exitUsage, errOut)
		}
	}
	code, out, _ := cli(t, "--help")
	if code != 0 || !strings.Contains(out, "render") || !strings.Contains(out, "Các lệnh") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	code, out, _ = cli(t, "render", "-h")
	if code != 0 || !strings.Contains(out, "--dinh-dang") {
		t.Errorf("render -h: exit %d, %q", code, out)
	}
	code, _, errOut := cli(t, "render", "khong-co.toml")
	if code != exitInput || !strings.Contains(errOut, "khong-co.toml") {
		t.Errorf("missing record: exit %d, %q", code, errOut)
	}
}

// Templates exported, edited and used: the edited text appears.
func TestEditedTemplate(t *testing.T) {
	dir := t.TempDir()
	mau := filepath.Join(dir, "mau")
	if code, _, errOut := cli(t, "templates", "export", mau); code != 0 {
		t.Fatal(errOut)
	}
	src, err := os.ReadFile(filepath.Join(mau, "giao-uoc.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(mau, "giao-uoc.md"), bytes.Replace(src, []byte("với những nội dung sau:"), []byte("với những nội dung đã sửa sau đây:"), 1), 0o644)
	out := filepath.Join(dir, "ra")
	if code, _, errOut := cli(t, "render", "../../samples/hong-linh-2024.toml", "-o", out, "--mau", mau, "--dinh-dang", "pdf"); code != 0 {
		t.Fatal(errOut)
	}
	if flat := strings.Join(strings.Fields(testkit.Text(t, only(t, out, "pdf"))), " "); !strings.Contains(flat, "với những nội dung đã sửa sau đây:") {
		t.Errorf("the edited template was not used")
	}
	// exporting again keeps the edit
	_, stdout, _ := cli(t, "templates", "export", mau)
	if !strings.Contains(stdout, "Giữ nguyên") {
		t.Errorf("export overwrote an edited template: %q", stdout)
	}
}

// A TCVN3 record converts to one that renders.
func TestConvert(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(goodRecord, `ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"`, `ten = "Côm thi ®ua c¸c tØnh B¾c Trung Bé"`, 1)
	path := filepath.Join(dir, "r.toml")
	os.WriteFile(path, []byte(bad), 0o644)
	code, out, errOut := cli(t, "convert", path)
	if code != 0 || !regexp.MustCompile(`r\.toml:2: .*\n +-> ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"`).MatchString(out) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := cli(t, "render", filepath.Join(dir, "r.unicode.toml"), "-o", filepath.Join(dir, "ra"), "--dinh-dang", "pdf"); code != 0 {
		t.Fatal(errOut)
	}
}

// A clerk's Word form filled from a sample record, once and once per member.
func TestFill(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "dk.docx")
	code, stdout, errOut := cli(t, "fill", "../../samples/forms/dang-ky-giao-uoc.docx", "../../samples/bac-trung-bo-2023.toml", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(out)
	// names keep their joints with no-break spaces (khong_ngat)
	text := strings.ReplaceAll(testkit.DOCXText(t, data), "\u00a0", " ")
	for _, want := range []string{"BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM 2023", "Nguyễn Đức Trung", "Võ Văn Hưng", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "ngày 14 tháng 3 năm 2023"} {
		if !strings.Contains(text, want) {
			t.Errorf("filled form lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(stdout, "Đã ghi") {
		t.Errorf("stdout %q", stdout)
	}
	each := filepath.Join(dir, "moi")
	if code, _, errOut := cli(t, "fill", "../../samples/forms/to-trinh.docx", "../../samples/bac-trung-bo-2023.toml", "-o", each, "--moi", "thanh_vien"); code != 0 {
		t.Fatalf("--moi: exit %d: %s", code, errOut)
	}
	if files, _ := filepath.Glob(filepath.Join(each, "*.docx")); len(files) != 6 {
		t.Errorf("--moi thanh_vien wrote %d files, want one per member (6)", len(files))
	}
	// a form with a mistake: nothing written, the tag located
	bad := filepath.Join(dir, "bad.docx")
	src, _ := os.ReadFile("../../samples/forms/dang-ky-giao-uoc.docx")
	os.WriteFile(bad, src[:len(src)/2], 0o644)
	if code, _, errOut := cli(t, "fill", bad, "../../samples/bac-trung-bo-2023.toml", "-o", filepath.Join(dir, "x.docx")); code != exitInput || !strings.Contains(errOut, "bad.docx") {
		t.Errorf("broken form: exit %d, %q", code, errOut)
	}
}
