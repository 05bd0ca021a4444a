package render

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"thidua/internal/forms"
	"thidua/internal/record"
)

// benchSample is the record the benchmarks measure: the Hải Phòng
// district cluster's signing, a giao ước of 3 pages with 8 signers.
const benchSample = "../../samples/hai-phong-khoi-huyen-2024.toml"

// benchPaper loads benchSample's giao ước and data.
func benchPaper(b *testing.B) (*forms.Template, map[string]any) {
	rec, err := record.Load(benchSample)
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
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Paper(t, data, []string{f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGiaoUocWrite measures the renderers alone (layout and file)
// on the giao ước built once: BenchmarkGiaoUoc less the template's Build.
func BenchmarkGiaoUocWrite(b *testing.B) {
	t, data := benchPaper(b)
	d, err := t.Build(data)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Write(d, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGiaoUocBuild measures the template's Build alone: the
// document model both renderers start from (BenchmarkGiaoUoc less
// BenchmarkGiaoUocWrite).
func BenchmarkGiaoUocBuild(b *testing.B) {
	t, data := benchPaper(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Build(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecord measures a whole record from its file: read, check,
// build, both formats.
func BenchmarkRecord(b *testing.B) {
	t, _ := benchPaper(b)
	for b.Loop() {
		rec, err := record.Load(benchSample)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := Data(rec)
		if _, err := Paper(t, data, Formats); err != nil {
			b.Fatal(err)
		}
	}
}

// A nominee whose entry states no vote takes it from the session's bình
// xét: the same member unit, counted against the same base.
func TestNomineeVotesFromTheSession(t *testing.T) {
	session, err := os.ReadFile("../../samples/hai-phong-khoi-huyen-tong-ket-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	dossier, err := os.ReadFile("../../samples/hai-phong-khen-thuong-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(session), "thanh_vien = \"vinh-bao\"\nkhen_thuong = \"Cờ thi đua của Chính phủ\"\nso_phieu = 8", "thanh_vien = \"vinh-bao\"\nkhen_thuong = \"Cờ thi đua của Chính phủ\"\nso_phieu = 7", 1)
	if src == string(session) {
		t.Fatal("the session sample changed: Vĩnh Bảo's vote not found")
	}
	tail := string(dossier[strings.Index(string(dossier), "[khen_thuong]"):])
	tail = regexp.MustCompile(`(?m)^phieu_dong_y = \d+\n`).ReplaceAllString(tail, "")
	rec, err := record.Parse("both.toml", []byte(src+"\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	data, err := Data(rec)
	if err != nil {
		t.Fatal(err)
	}
	first := data["ho_so"].(map[string]any)["tap_the"].([]map[string]any)[0]
	vote := first["phieu"].(map[string]any)
	if first["ten"] != "Cán bộ và Nhân dân huyện Vĩnh Bảo" || vote["dong_y"] != 7 || vote["so_nguoi"] != 8 {
		t.Errorf("Vĩnh Bảo's vote = %v (%v), want 7 of 8 from the session", vote, first["ten"])
	}
}
