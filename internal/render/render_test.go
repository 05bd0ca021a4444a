package render

import (
	"testing"

	"thidua/internal/forms"
	"thidua/internal/record"
)

// benchPaper loads the Bắc Trung Bộ sample: a giao ước of 3 pages with 6
// signers.
func benchPaper(b *testing.B) (*forms.Template, map[string]any) {
	rec, err := record.Load("../../samples/bac-trung-bo-2023.toml")
	if err != nil {
		b.Fatal(err)
	}
	data, err := Data(rec)
	if err != nil {
		b.Fatal(err)
	}
	set, err := forms.LoadSet("")
	if err != nil {
		b.Fatal(err)
	}
	t, _ := set.Get("giao-uoc")
	return t, data
}

// BenchmarkGiaoUoc measures one paper, built and written, per format; the
// record is read once as in a batch.
func BenchmarkGiaoUoc(b *testing.B) {
	t, data := benchPaper(b)
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if _, err := Paper(t, data, []string{f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRecord measures a whole record from its file: read, check,
// build, both formats.
func BenchmarkRecord(b *testing.B) {
	t, _ := benchPaper(b)
	for b.Loop() {
		rec, err := record.Load("../../samples/bac-trung-bo-2023.toml")
		if err != nil {
			b.Fatal(err)
		}
		data, _ := Data(rec)
		if _, err := Paper(t, data, Formats); err != nil {
			b.Fatal(err)
		}
	}
}
