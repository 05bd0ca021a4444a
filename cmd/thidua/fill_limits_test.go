package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// withBody writes the sample form with its body replaced by paragraphs of
// the given texts.
func withBody(t *testing.T, texts ...string) []byte {
	t.Helper()
	src, err := os.ReadFile("../../samples/forms/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for _, s := range texts {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			data = regexp.MustCompile(`(?s)<w:body>.*<w:sectPr`).ReplaceAll(data, []byte("<w:body>"+body.String()+"<w:sectPr"))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// Hostile loops in a small form end at once with the loop named, and
// nothing is written (issue 14.5).
func TestFillLoopLimits(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct {
		texts []string
		tag   string
	}{
		"billion": {[]string{"{{range 1000000000}}x{{end}}"}, "thẻ {{range 1000000000}}"},
		"nested":  {[]string{"{{range 1000000}}", "{{range 1000000}}", "{{range 1000000}}", "Dòng", "{{end}}", "{{end}}", "{{end}}"}, "thẻ {{range 1000000}}"},
	} {
		form := filepath.Join(dir, name+".docx")
		os.WriteFile(form, withBody(t, c.texts...), 0o644)
		out := filepath.Join(dir, name+"-ra.docx")
		code, _, errOut := cli(t, "fill", form, "../../samples/bac-trung-bo-2023.toml", "-o", out)
		if code != exitInput || !strings.Contains(errOut, c.tag) || !strings.Contains(errOut, "hơn 100000 lần") {
			t.Errorf("%s: exit %d, %q; want the loop named", name, code, errOut)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: output written", name)
		}
	}
}

// A clerk with a trusted form past a limit raises it for one run with an
// option, which the error names; the option wins over the environment
// variable, and a bad value is a usage error.
func TestFillLimitOptions(t *testing.T) {
	dir := t.TempDir()
	rec := "../../samples/bac-trung-bo-2023.toml"
	loop := filepath.Join(dir, "lap.docx")
	os.WriteFile(loop, withBody(t, "{{range 150000}}x{{end}}"), 0o644)
	out := filepath.Join(dir, "ra.docx")
	code, _, errOut := cli(t, "fill", loop, rec, "-o", out)
	if code != exitInput || !strings.Contains(errOut, "hơn 100000 lần") || !strings.Contains(errOut, "--gioi-han-lap") {
		t.Fatalf("150.000 iterations: exit %d, %q", code, errOut)
	}
	code, stdout, errOut := cli(t, "fill", loop, rec, "-o", out, "--gioi-han-lap", "200000")
	if code != exitOK {
		t.Fatalf("with --gioi-han-lap 200000: exit %d, %s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(stdout, "Đã ghi") {
		t.Fatalf("no output: %v %q", err, stdout)
	}
	if got := strings.Count(docText(t, data), "x"); got != 150000 {
		t.Errorf("the filled form has %d x, want 150000", got)
	}

	// The output's size.
	code, _, errOut = cli(t, "fill", loop, rec, "-o", out, "--gioi-han-lap", "200000", "--gioi-han-ra", "100KB")
	if code != exitInput || !strings.Contains(errOut, "văn bản điền ra vượt quá") || !strings.Contains(errOut, "--gioi-han-ra") {
		t.Errorf("output over 100KB: exit %d, %q", code, errOut)
	}

	// The form's size: the option names itself in the error, and wins
	// over the environment variable.
	small := filepath.Join(dir, "nho.docx")
	os.WriteFile(small, withBody(t, "{{.cum.ten}}"), 0o644)
	code, _, errOut = cli(t, "fill", small, rec, "-o", out, "--gioi-han-mau", "1KB")
	if code != exitInput || !strings.Contains(errOut, "quá giới hạn 1 KB của mẫu Word") || !strings.Contains(errOut, "--gioi-han-mau") {
		t.Errorf("form over 1KB: exit %d, %q", code, errOut)
	}
	t.Setenv("THIDUA_GIOI_HAN_MAU_WORD", "1KB")
	if code, _, errOut = cli(t, "fill", small, rec, "-o", out); code != exitInput {
		t.Errorf("form over the variable's 1KB: exit %d, %q", code, errOut)
	}
	if code, _, errOut = cli(t, "fill", small, rec, "-o", out, "--gioi-han-mau", "64MB"); code != exitOK {
		t.Errorf("--gioi-han-mau 64MB over the variable's 1KB: exit %d, %q", code, errOut)
	}

	// The text of the form.
	code, _, errOut = cli(t, "fill", small, rec, "-o", out, "--gioi-han-mau", "64MB", "--gioi-han-chu", "1KB")
	if code != exitInput || !strings.Contains(errOut, "phần chữ của mẫu") || !strings.Contains(errOut, "--gioi-han-chu") {
		t.Errorf("text over 1KB: exit %d, %q", code, errOut)
	}

	for _, bad := range [][]string{{"--gioi-han-mau", "nhiều"}, {"--gioi-han-ra", "-5MB"}, {"--gioi-han-lap", "-1"}} {
		if code, _, errOut := cli(t, append([]string{"fill", small, rec, "-o", out}, bad...)...); code != exitUsage || !strings.Contains(errOut, bad[0]) {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
}

// docText is the text of a .docx's body.
func docText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), "")
		}
	}
	t.Fatal("no body")
	return ""
}
