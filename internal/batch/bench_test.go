package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"thidua/internal/batch/synth"
	"thidua/internal/forms"
)

// benchInputs writes n generated records of one nominee each.
func benchInputs(b *testing.B, n int) []string {
	dir := b.TempDir()
	var files []string
	for i := 1; i <= n; i++ {
		f := filepath.Join(dir, fmt.Sprintf("ho-so-%04d.toml", i))
		if err := os.WriteFile(f, synth.Record(1, uint64(i)), 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// BenchmarkDossiers makes 100 one-nominee dossiers (4 papers each, DOCX
// and PDF) per iteration into a fresh folder; it reports files per second.
func BenchmarkDossiers(b *testing.B) {
	files := benchInputs(b, 100)
	set, err := forms.LoadSet("")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	written := 0
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "ra")
		s := Run(context.Background(), files, Options{Out: out, Templates: set})
		if !s.OK() {
			b.Fatalf("errors: %v", s.Errors)
		}
		written += len(s.Files)
	}
	b.ReportMetric(float64(written)/b.Elapsed().Seconds(), "files/s")
}
