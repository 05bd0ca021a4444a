package sheet_test

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"thidua/internal/batch/synth"
	"thidua/internal/frame"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/sheet"
)

// nomineeRecord is a generated record of n nominees.
func nomineeRecord(b testing.TB, n int) (*record.Record, []byte, map[string]any) {
	src := synth.Record(n, 1)
	rec, err := record.Parse("synth.toml", src)
	if err != nil {
		b.Fatal(err)
	}
	data, err := render.Data(rec)
	if err != nil {
		b.Fatal(err)
	}
	return rec, src, data
}

// nomineeSheet writes the nominees of rec as a clerk's nominee sheet:
// kind, name, position, unit, award by name, birth date, votes as text,
// achievements over several lines.
func nomineeSheet(b testing.TB, rec *record.Record, data map[string]any) string {
	f := excelize.NewFile()
	s := "Danh sách"
	must(b, f.SetSheetName("Sheet1", s))
	must(b, f.SetCellValue(s, "A1", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
	head := []any{"STT", "Loại", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Mã thành viên", "Hình thức khen thưởng", "Ngày sinh", "Số phiếu đồng ý", "Thành tích"}
	must(b, f.SetSheetRow(s, "A3", &head))
	names := map[string]string{}
	for _, e := range data["ho_so"].(map[string]any)["de_nghi"].([]map[string]any) {
		names[e["ma_hinh_thuc"].(string)] = e["ten_hinh_thuc"].(string)
	}
	sw, err := f.NewStreamWriter(s)
	must(b, err)
	must(b, sw.SetRow("A3", head))
	for i, n := range rec.Nominees {
		kind := "Tập thể"
		if n.Kind == record.Individual {
			kind = "Cá nhân"
		}
		var birth any
		if !n.Birth.IsZero() {
			birth = n.Birth.String()
		}
		row := []any{i + 1, kind, n.Name, n.Position, n.Unit, n.Member, names[n.Award], birth, strconv.Itoa(n.Votes), joinLines(n.Achievements)}
		must(b, sw.SetRow(cellName(1, 4+i), row))
	}
	must(b, sw.Flush())
	p := filepath.Join(b.TempDir(), "danh-sach.xlsx")
	must(b, f.SaveAs(p))
	return p
}

func joinLines(l record.Lines) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += "\n"
		}
		out += s
	}
	return out
}

func cellName(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

// BenchmarkReadNominees reads a 1.000-row nominee sheet into TOML sections.
func BenchmarkReadNominees(b *testing.B) {
	rec, _, data := nomineeRecord(b, 1000)
	p := nomineeSheet(b, rec, data)
	b.ResetTimer()
	for range b.N {
		if _, err := sheet.Read(sheet.Options{Into: rec}, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportNominees reads a 1.000-row nominee sheet into a record
// and checks the result as thidua nhap does.
func BenchmarkImportNominees(b *testing.B) {
	rec, src, data := nomineeRecord(b, 1000)
	p := nomineeSheet(b, rec, data)
	b.ResetTimer()
	for range b.N {
		imp, err := sheet.Read(sheet.Options{Into: rec}, p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := imp.Into("synth.toml", src, check); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportPrizes writes the tổng hợp tiền thưởng of 1.000 nominees.
func BenchmarkExportPrizes(b *testing.B) {
	benchExport(b, "tong-hop-tien-thuong")
}

// BenchmarkExportList writes the danh sách of 1.000 nominees.
func BenchmarkExportList(b *testing.B) {
	benchExport(b, "danh-sach")
}

func benchExport(b *testing.B, paper string) {
	rec, _, data := nomineeRecord(b, 1000)
	src := &sheet.Source{Record: rec, Awards: data["ho_so"].(map[string]any)}
	head := frame.Head{Issuer: "Ủy ban nhân dân thị xã thử nghiệm", Type: "Bảng tổng hợp", PlaceDate: "Hà Tĩnh, ngày 02 tháng 10 năm 2023"}
	b.ResetTimer()
	for range b.N {
		if _, ok, err := sheet.Export(paper, head, src); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkExportOne writes the danh sách of a one-nominee record, as a
// batch of one-nominee records does a thousand times.
func BenchmarkExportOne(b *testing.B) {
	rec, _, data := nomineeRecord(b, 1)
	src := &sheet.Source{Record: rec, Awards: data["ho_so"].(map[string]any)}
	head := frame.Head{Issuer: "Ủy ban nhân dân thị xã thử nghiệm", Type: "Danh sách", PlaceDate: "Hà Tĩnh, ngày 02 tháng 10 năm 2023"}
	b.ResetTimer()
	for range b.N {
		if _, ok, err := sheet.Export("danh-sach", head, src); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
