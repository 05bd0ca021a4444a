package docx

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"thidua/internal/doc"
)

// needTools skips the test when a command is missing, naming the Debian
// package that provides it; under CI=true it fails instead.
func needTools(t testing.TB, tools ...string) {
	t.Helper()
	pkgs := map[string]string{"soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdftoppm": "poppler-utils"}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " không có trên máy; hãy cài gói Debian " + pkgs[tool] + " (apt-get install " + pkgs[tool] + ")"
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

// toPDF writes each document as DOCX into dir and converts them all with
// one headless LibreOffice run, in a profile of its own; it returns the
// PDF paths in the order of docs.
func toPDF(t testing.TB, dir string, docs map[string]*doc.Document) map[string]string {
	t.Helper()
	needTools(t, "soffice")
	var files []string
	for name, d := range docs {
		var b bytes.Buffer
		if err := Write(&b, d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// One LibreOffice run converts a few files; a long list makes it stop
	// half way without a word.
	for len(files) > 0 {
		n := min(len(files), 20)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"),
			"--headless", "--convert-to", "pdf", "--outdir", dir}, files[:n]...)
		out, err := exec.CommandContext(ctx, "soffice", args...).CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		for _, f := range files[:n] {
			if _, err := os.Stat(strings.TrimSuffix(f, ".docx") + ".pdf"); err != nil {
				t.Fatalf("LibreOffice did not convert %s: %s", f, out)
			}
		}
		files = files[n:]
	}
	pdfs := map[string]string{}
	for name := range docs {
		pdfs[name] = filepath.Join(dir, name+".pdf")
	}
	return pdfs
}

// pdfInfo returns pdfinfo's fields: "Pages", "Page size", ...
func pdfInfo(t testing.TB, pdf string) map[string]string {
	t.Helper()
	needTools(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pageCount is the number of pages of a PDF.
func pageCount(t testing.TB, pdf string) int {
	n, err := strconv.Atoi(pdfInfo(t, pdf)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo pages: %v", err)
	}
	return n
}

// pageText is pdftotext -layout of one page.
func pageText(t testing.TB, pdf string, page int) string {
	t.Helper()
	needTools(t, "pdftotext")
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// word is one word of pdftotext -bbox, in points from the page's top left.
type word struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

// words lists the words of a PDF with their boxes.
func words(t testing.TB, pdf string) []word {
	t.Helper()
	needTools(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var ws []word
	page := 0
	attr := func(line, name string) float64 {
		_, rest, _ := strings.Cut(line, name+`="`)
		v, _, _ := strings.Cut(rest, `"`)
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "<page "):
			page++
		case strings.HasPrefix(line, "<word "):
			_, text, _ := strings.Cut(line, ">")
			text, _, _ = strings.Cut(text, "</word>")
			ws = append(ws, word{page, text, attr(line, "xMin"), attr(line, "yMin"), attr(line, "xMax"), attr(line, "yMax")})
		}
	}
	return ws
}
