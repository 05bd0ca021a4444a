package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thidua/internal/batch/synth"
)

// TestSpreadsheets: asked for xlsx, a batch writes the tables of the
// papers that have tables, listed in the manifest, and nothing for the
// others.
func TestSpreadsheets(t *testing.T) {
	in := filepath.Join(t.TempDir(), "ho-so.toml")
	if err := os.WriteFile(in, synth.Record(5, 7), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ra")
	s := Run(context.Background(), []string{in}, Options{Out: out, Templates: templates(t), Formats: []string{"pdf", "xlsx"}})
	if !s.OK() {
		t.Fatalf("errors: %v", s.Errors)
	}
	var xlsx []string
	pdfs := 0
	for _, f := range readManifest(t, out).Files {
		switch {
		case strings.HasSuffix(f.Name, ".xlsx"):
			xlsx = append(xlsx, f.Paper)
		case strings.HasSuffix(f.Name, ".pdf"):
			pdfs++
		}
	}
	if strings.Join(xlsx, " ") != "danh-sach tong-hop-tien-thuong" && strings.Join(xlsx, " ") != "tong-hop-tien-thuong danh-sach" {
		t.Errorf("spreadsheets of %v, want danh-sach and tong-hop-tien-thuong", xlsx)
	}
	if pdfs < 5 {
		t.Errorf("%d PDFs", pdfs)
	}
}
