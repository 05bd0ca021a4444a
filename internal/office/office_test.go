package office

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// need skips the test when LibreOffice is absent, unless CI=true.
func need(t *testing.T) {
	t.Helper()
	if _, err := Find(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("LibreOffice is required in CI: %v", err)
		}
		t.Skip("LibreOffice not installed (Debian package libreoffice-writer-nogui)")
	}
}

func TestFindErrorNamesThePackage(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	saved := candidates
	candidates = []string{"soffice", "libreoffice"}
	defer func() { candidates = saved }()
	_, err := Find()
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "libreoffice-writer-nogui") {
		t.Fatalf("Find() error = %v, want ErrNotFound naming libreoffice-writer-nogui", err)
	}
}

// flatODT is a one-paragraph OpenDocument text in a single XML file.
func flatODT(text string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" ` +
		`office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>` +
		`<text:p>` + text + `</text:p></office:text></office:body></office:document>`
}

// TestToPDFInParallel converts two documents at once; each must come out
// with its own text, which proves the profiles do not collide.
func TestToPDFInParallel(t *testing.T) {
	need(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is required in CI (Debian package poppler-utils)")
		}
		t.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	dir := t.TempDir()
	texts := []string{"Bảng đăng ký giao ước thi đua", "Tờ trình đề nghị khen thưởng"}
	errs := make(chan error, len(texts))
	pdfs := make([]string, len(texts))
	for i, s := range texts {
		src := filepath.Join(dir, "doc"+string(rune('a'+i))+".fodt")
		if err := os.WriteFile(src, []byte(flatODT(s)), 0o644); err != nil {
			t.Fatal(err)
		}
		go func() {
			p, err := ToPDF(context.Background(), src, dir)
			pdfs[i] = p
			errs <- err
		}()
	}
	for range texts {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range texts {
		out, err := exec.Command("pdftotext", pdfs[i], "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), s) {
			t.Errorf("%s: text %q lacks %q", pdfs[i], out, s)
		}
	}
}

func TestToPDFTimeout(t *testing.T) {
	need(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "a.fodt")
	os.WriteFile(src, []byte(flatODT("x")), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := ToPDF(ctx, src, dir); err == nil || !strings.Contains(err.Error(), "quá lâu") {
		t.Fatalf("ToPDF with a 50ms deadline: err = %v, want a timeout", err)
	}
}

func TestToPDFMissingFile(t *testing.T) {
	need(t)
	dir := t.TempDir()
	_, err := ToPDF(context.Background(), filepath.Join(dir, "khong-co.docx"), dir)
	if err == nil {
		t.Fatal("ToPDF of a missing file succeeded")
	}
}
