package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/testkit"
)

// toPDF writes each document as DOCX into dir and converts them all with
// LibreOffice; it returns the PDF paths by document name.
func toPDF(t testing.TB, dir string, docs map[string]*doc.Document) map[string]string {
	t.Helper()
	var names, files []string
	for name, d := range docs {
		var b bytes.Buffer
		if err := Write(&b, d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names, files = append(names, name), append(files, f)
	}
	pdfs := map[string]string{}
	for i, p := range testkit.LibreOffice(t, dir, files...) {
		pdfs[names[i]] = p
	}
	return pdfs
}

// pageText is pdftotext -layout of one page.
func pageText(t testing.TB, pdf string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	return testkit.Text(t, pdf, "-layout", "-f", p, "-l", p)
}
