package sheet_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/sheet"
	"thidua/internal/tally"
)

// sampleSource is a sample record's text.
func sampleSource(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "samples", name+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// without drops sections from a record's text, as a clerk's record that
// has not got them yet.
func without(src []byte, paths ...string) []byte {
	var secs []sheet.Section
	for _, p := range paths {
		secs = append(secs, sheet.Section{Path: p})
	}
	return []byte(sheet.Replace(string(src), secs))
}

// check is what thidua nhap checks a record with: the decoder, the tally
// and the award dossier.
func check(file string, data []byte) error {
	r, err := record.Parse(file, data)
	if err != nil {
		return err
	}
	return render.Check(r)
}

// importInto reads workbooks into a record's text the way thidua nhap does.
func importInto(t testing.TB, src []byte, files ...string) ([]byte, error) {
	t.Helper()
	names, err := sheet.Names(src)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := sheet.Read(sheet.Options{Into: names}, files...)
	if err != nil {
		return nil, err
	}
	return imp.Into("ho-so.toml", src, check)
}

// importRecord imports files into src, which must succeed, and reads the
// record that comes out.
func importRecord(t testing.TB, src []byte, files ...string) *record.Record {
	t.Helper()
	out, err := importInto(t, src, files...)
	if err != nil {
		t.Fatal(err)
	}
	back, err := record.Parse("ho-so.toml", out)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// scoreSheet writes a score sheet shaped like the ones clerks keep for
// the Bắc Trung Bộ sample: a title, a two-row header with "Điểm cụm chấm"
// merged over the criteria, a row of column numbers, blank rows, a total
// row, numbers typed as text, a hidden column; edit changes it first.
func scoreSheet(t testing.TB, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	s := "Điểm"
	must(t, f.SetSheetName("Sheet1", s))
	must(t, f.SetCellValue(s, "A1", "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"))
	must(t, f.MergeCell(s, "A1", "O1"))
	header := []any{"STT", "Tên đơn vị", "Điểm cụm chấm", nil, nil, nil, nil, nil, nil, nil, nil, "Điểm thưởng", "Điểm trừ", "TỔNG ĐIỂM", "ghi chép riêng"}
	must(t, f.SetSheetRow(s, "A3", &header))
	codes := []any{nil, nil, "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2"}
	must(t, f.SetSheetRow(s, "A4", &codes))
	for _, m := range [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "K3"}, {"L3", "L4"}, {"M3", "M4"}, {"N3", "N4"}} {
		must(t, f.MergeCell(s, m[0], m[1]))
	}
	numbers := []any{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)", "(14)"}
	must(t, f.SetSheetRow(s, "A5", &numbers))
	rows := [][]any{
		{1, "Thanh Hóa", 142, 94, 94, 135, 138, 90, 90, 74, 64, 15, nil, 936, "x"},
		{2, "Nghệ An", 140, "95,0", "92,5", 142, 145, 96, 95, 78, 68, 30, nil, 981.5, "y"},
		nil,
		{3, "ha tinh", 135, 90, 88, 138, 140, 92, 90, 75, 65, 10, nil, 923, 12},
		{4, "Quảng Bình", 130, 88, 86, 134, 136, 88, 88, 74, 64, "15", "5", 898, nil},
		{5, "UBND tỉnh Quảng Trị", 132, 88, 85, 136, 138, 90, 88, 76, 66, 20, nil, 919, nil},
		{6, "Thừa Thiên Huế", 138, 92, 90, 140, 142, 95, 92, 76, 66, 20, nil, 951, nil},
		nil,
		{"Tổng cộng", nil, 817, 547, 535.5, 825, 839, 551, 543, 453, 393, 110, 5, 5608.5, nil},
	}
	for i, r := range rows {
		if r != nil {
			must(t, f.SetSheetRow(s, "A"+itoa(6+i), &r))
		}
	}
	must(t, f.SetColVisible(s, "O", false))
	if edit != nil {
		edit(f)
	}
	p := filepath.Join(t.TempDir(), "diem.xlsx")
	must(t, f.SaveAs(p))
	return p
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string {
	return string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

// The Quảng Trị row names the member by its full name ("Ủy ban nhân dân
// tỉnh Quảng Trị" is written "UBND tỉnh Quảng Trị": not a name); fix it.
func fixQuangTri(f *excelize.File) { _ = f.SetCellValue("Điểm", "B11", "Quảng Trị") }

func TestImportRealShapedScores(t *testing.T) {
	const name = "bac-trung-bo-tong-ket-2022"
	src := without(sampleSource(t, name), "diem")
	out, err := importInto(t, src, scoreSheet(t, fixQuangTri))
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		`thanh_vien = "nghe-an"`, `"1.3" = 92.5`, `"1.2" = 95.0`, `thanh_vien = "ha-tinh"`, "thuong = 15\ntru = 5",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("imported record lacks %q", want)
		}
	}
	if n := strings.Count(text, "[[diem]]"); n != 6 {
		t.Errorf("%d score tables, want 6 (blank and total rows skipped)", n)
	}
	if strings.Contains(text, "ghi chép") || strings.Contains(text, `"x"`) {
		t.Error("the hidden column was read")
	}
	// Imported into the sample itself, the scores go where its [[diem]]
	// were and everything else is the sample's text, byte for byte,
	// comments included.
	full := sampleSource(t, name)
	again, err := importInto(t, full, scoreSheet(t, fixQuangTri))
	if err != nil {
		t.Fatal(err)
	}
	if string(without(again, "diem")) != string(src) {
		t.Error("the rest of the record changed")
	}
	if i, j := strings.Index(string(again), "[[diem]]"), strings.Index(string(again), "[binh_xet]"); i < 0 || i > j ||
		!strings.Contains(string(again[:i]), "# ---- Điểm (MINH HỌA") {
		t.Error("the scores are not where the sample had them, after their comment")
	}
	rec, err := record.Parse(name, out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := tally.Compute(rec, awards.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	{
		first := res.Scoring.Rows[0]
		if first.Name != "Nghệ An" || first.Total.String() != "981,5" {
			t.Errorf("first: %s %s, want Nghệ An 981,5", first.Name, first.Total)
		}
	}
}

// TestImportBadSheets: each bad sheet gets its problem at its cell.
func TestImportBadSheets(t *testing.T) {
	src := without(sampleSource(t, "bac-trung-bo-tong-ket-2022"), "diem")
	cases := []struct {
		name       string
		edit       func(f *excelize.File)
		cell, want string
	}{
		{"missing column", func(f *excelize.File) {
			fixQuangTri(f)
			_ = f.SetCellValue("Điểm", "B3", "Tên đơn vj")
		}, "Điểm!A3", "thiếu cột Đơn vị"},
		{"unknown member", nil, "Điểm!B11", `"UBND tỉnh Quảng Trị" không phải thành viên`},
		{"duplicate member", func(f *excelize.File) {
			fixQuangTri(f)
			_ = f.SetCellValue("Điểm", "B12", "nghệ an")
		}, "Điểm!B12", "đã có bảng điểm"},
		{"score above the maximum", func(f *excelize.File) {
			fixQuangTri(f)
			_ = f.SetCellValue("Điểm", "C6", 160)
		}, "Điểm!C6", "vượt điểm tối đa 150"},
		{"bad text number", func(f *excelize.File) {
			fixQuangTri(f)
			_ = f.SetCellValue("Điểm", "D7", "95.5")
		}, "Điểm!D7", "dấu chấm chỉ để ngăn cách hàng nghìn"},
		{"formula error", func(f *excelize.File) {
			fixQuangTri(f)
			_ = f.SetCellFormula("Điểm", "D7", "1/0")
		}, "Điểm!D7", "lỗi công thức #DIV/0!"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := scoreSheet(t, tc.edit)
			if tc.name == "formula error" {
				errorCell(t, p, "D7", "#DIV/0!")
			}
			_, err := importInto(t, src, p)
			var errs record.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("no errors: %v", err)
			}
			found := false
			for _, e := range errs {
				if e.Field == tc.cell && strings.Contains(e.Msg, tc.want) && e.Hint != "" && e.File == p {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s: ...%s..., got\n%v", tc.cell, tc.want, errs)
			}
		})
	}
	// Problems in two rows, one found reading the cell, the other by the
	// record's checks, come together; the row with an unreadable cell gets
	// no other message.
	p2 := scoreSheet(t, func(f *excelize.File) {
		fixQuangTri(f)
		_ = f.SetCellValue("Điểm", "C6", 160)
		_ = f.SetCellValue("Điểm", "D7", "95.5")
	})
	_, err2 := importInto(t, src, p2)
	var errs record.Errors
	if !errors.As(err2, &errs) || len(errs) != 2 || errs[0].Field != "Điểm!D7" || errs[1].Field != "Điểm!C6" {
		t.Errorf("want the errors at D7 and C6, got\n%v", err2)
	}

	// The misspelt title is suggested.
	p := scoreSheet(t, func(f *excelize.File) { _ = f.SetCellValue("Điểm", "B3", "Tên đơn vj") })
	_, err := importInto(t, src, p)
	if err == nil || !strings.Contains(err.Error(), `có phải cột B3 "Tên đơn vj"`) {
		t.Errorf("no did-you-mean for the misspelt column: %v", err)
	}
}

// errorCell turns a formula cell of a saved workbook into one holding a
// formula error, as Excel saves 1/0.
func errorCell(t testing.TB, path, ref, value string) {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	re := regexp.MustCompile(`<c r="` + ref + `"[^>]*>(<f>[^<]*</f>)(<v>[^<]*</v>|<v/>)?</c>`)
	changed := false
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		b, err := io.ReadAll(rc)
		must(t, err)
		rc.Close()
		if strings.HasPrefix(f.Name, "xl/worksheets/") && re.Match(b) {
			b = re.ReplaceAll(b, []byte(`<c r="`+ref+`" t="e">$1<v>`+value+`</v></c>`))
			changed = true
		}
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(b)
		must(t, err)
	}
	must(t, zw.Close())
	if !changed {
		t.Fatalf("no formula cell %s", ref)
	}
	must(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// TestRoundTrip exports a sample's tables, imports them into the sample
// without those sections, and renders both: the papers are the same.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"bac-trung-bo-tong-ket-2022", "hai-phong-khoi-huyen-tong-ket-2023", "hong-linh-tong-ket-2023", "hai-phong-khen-thuong-2023", "an-binh-so-ket-6-thang-2025"} {
		t.Run(name, func(t *testing.T) {
			src := sampleSource(t, name)
			rec, data := load(t, name)
			dir := t.TempDir()
			var paths []string
			for _, f := range workbooks(t, data) {
				if f.Paper == "tong-hop-tien-thuong" {
					continue // sums by award: nothing to import
				}
				p := filepath.Join(dir, f.Name)
				must(t, os.WriteFile(p, f.Data, 0o644))
				paths = append(paths, p)
			}
			var cut []string
			if len(rec.Indicators) > 0 {
				cut = append(cut, "chi_tieu")
			}
			if len(rec.Scores) > 0 {
				cut = append(cut, "diem")
			}
			if rec.Vote != nil {
				cut = append(cut, "binh_xet.ung_vien")
			}
			if len(rec.Nominees) > 0 {
				cut = append(cut, "de_nghi")
			}
			bare := without(src, cut...)
			for _, c := range cut {
				if strings.Contains(string(bare), "[["+c+"]]") {
					t.Fatalf("[[%s]] still in the record", c)
				}
			}
			out, err := importInto(t, bare, paths...)
			if err != nil {
				t.Fatal(err)
			}
			back, err := record.Parse(name, out)
			if err != nil {
				t.Fatal(err)
			}
			d2, err := render.Data(back)
			if err != nil {
				t.Fatal(err)
			}
			a, b := papers(t, data), papers(t, d2)
			if len(a) == 0 || len(a) != len(b) {
				t.Fatalf("%d papers before, %d after", len(a), len(b))
			}
			for i := range a {
				if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
					t.Errorf("%s differs after the round trip", a[i].Name)
				}
			}
		})
	}
}

// papers renders every paper of data as DOCX.
func papers(t testing.TB, data map[string]any) []render.File {
	t.Helper()
	set, err := forms.LoadSet("")
	must(t, err)
	tpls, err := set.Pick("", data)
	must(t, err)
	var out []render.File
	for _, tp := range tpls {
		for _, item := range tp.Each(data) {
			files, err := render.Paper(tp, item, []string{"docx"})
			must(t, err)
			out = append(out, files...)
		}
	}
	return out
}

func writeFile(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }
