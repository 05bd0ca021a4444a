package batch

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"thidua/internal/batch/synth"
	"thidua/internal/testkit"
)

// pageWords returns, page by page, the words pdftotext reads from a PDF,
// sorted: the reading order of table cells differs between PDF writers,
// the words on a page must not.
func pageWords(t *testing.T, pdf string) [][]string {
	t.Helper()
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	n := 0
	for _, l := range strings.Split(string(info), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			n, _ = strconv.Atoi(f[1])
		}
	}
	var pages [][]string
	for p := 1; p <= n; p++ {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Fields(string(out))
		slices.Sort(w)
		pages = append(pages, w)
	}
	return pages
}

// Every new paper, as LibreOffice lays out our DOCX, has the pages of our
// PDF with the same words on each: the two outputs paginate alike.
func TestLibreOfficeAgrees(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "soffice", "pdftotext", "pdfinfo")
	dir, out := t.TempDir(), t.TempDir()
	mixed := filepath.Join(dir, "hon-hop.toml") // every award, collectives and persons in one group
	must(t, os.WriteFile(mixed, synth.Record(12, 5), 0o644))
	long := filepath.Join(dir, "danh-sach-dai.toml") // lists and appendices of several pages
	must(t, os.WriteFile(long, synth.Record(70, 6), 0o644))
	set := templates(t)
	s := Run(context.Background(), []string{"../../samples/hai-phong-khen-thuong-2023.toml", "../../samples/hong-linh-khen-thuong-2023.toml", mixed},
		Options{Out: out, Templates: set})
	if !s.OK() {
		t.Fatal(s.Errors)
	}
	if s = Run(context.Background(), []string{long}, Options{Out: out, Templates: set, Papers: "to-trinh,danh-sach,tong-hop-tien-thuong"}); !s.OK() {
		t.Fatal(s.Errors)
	}
	folders, _ := filepath.Glob(filepath.Join(out, "*"))
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	checked, multi := 0, 0
	for _, folder := range folders {
		docx, _ := filepath.Glob(filepath.Join(folder, "*.docx"))
		if len(docx) == 0 {
			continue
		}
		lo := filepath.Join(dir, "lo", filepath.Base(folder))
		for len(docx) > 0 { // one LibreOffice run converts a few files
			k := min(len(docx), 20)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			args := append([]string{profile, "--headless", "--convert-to", "pdf", "--outdir", lo}, docx[:k]...)
			if msg, err := exec.CommandContext(ctx, "soffice", args...).CombinedOutput(); err != nil {
				cancel()
				t.Fatalf("soffice: %v\n%s", err, msg)
			}
			cancel()
			for _, d := range docx[:k] {
				name := strings.TrimSuffix(filepath.Base(d), ".docx") + ".pdf"
				ours, theirs := pageWords(t, strings.TrimSuffix(d, ".docx")+".pdf"), pageWords(t, filepath.Join(lo, name))
				if len(ours) != len(theirs) {
					t.Errorf("%s/%s: %d pages, LibreOffice %d", filepath.Base(folder), name, len(ours), len(theirs))
					continue
				}
				for p := range ours {
					if !slices.Equal(ours[p], theirs[p]) {
						t.Errorf("%s/%s page %d: the words differ from LibreOffice's", filepath.Base(folder), name, p+1)
					}
				}
				checked++
				if len(ours) > 2 {
					multi++
				}
			}
			docx = docx[k:]
		}
	}
	if checked < 40 || multi < 3 {
		t.Errorf("checked %d papers, %d of more than two pages", checked, multi)
	}
}
