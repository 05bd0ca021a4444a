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
