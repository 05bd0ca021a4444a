package sheet_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"thidua/internal/record"
	"thidua/internal/sheet"
)

// TestImportNominees reads a nominee sheet (awards by name, votes typed
// as text, dates as text and as Excel dates, achievements over several
// lines) into a record that checks.
func TestImportNominees(t *testing.T) {
	rec, src, data := nomineeRecord(t, 30)
	p := nomineeSheet(t, rec, data)
	f, err := excelize.OpenFile(p)
	must(t, err)
	must(t, f.SetCellValue("Danh sách", "H4", 32310.0)) // 16/06/1988 as Excel stores a date
	must(t, f.SetCellValue("Danh sách", "H5", "5/3/1979"))
	must(t, f.SetCellValue("Danh sách", "B4", "Cá nhân"))
	must(t, f.Save())
	imp, err := sheet.Read(sheet.Options{Into: rec}, p)
	if err != nil {
		t.Fatal(err)
	}
	out, err := imp.Into("synth.toml", src, check)
	if err != nil {
		t.Fatal(err)
	}
	back, err := record.Parse("synth.toml", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Nominees) != 30 {
		t.Fatalf("%d nominees, want 30", len(back.Nominees))
	}
	n0, n1 := back.Nominees[0], back.Nominees[1]
	if n0.Birth.String() != "16/06/1988" || n1.Birth.String() != "05/03/1979" {
		t.Errorf("birth dates %s, %s", n0.Birth, n1.Birth)
	}
	for i, n := range back.Nominees {
		want := rec.Nominees[i]
		if n.Name != want.Name || n.Award != want.Award || n.Votes != want.Votes || len(n.Achievements) != len(want.Achievements) {
			t.Errorf("nominee %d: %+v, want %+v", i+1, n, want)
			break
		}
	}
}

// TestImportMembersNewFile reads a member list without ids into a file of
// its own: ids are made from the names, the signing authority keeps its
// lines, and a later sheet of the same workbook refers to the members.
func TestImportMembersNewFile(t *testing.T) {
	f := excelize.NewFile()
	s := "Thành viên"
	must(t, f.SetSheetName("Sheet1", s))
	rows := [][]any{
		{"DANH SÁCH ĐƠN VỊ THÀNH VIÊN"},
		{},
		{"STT", "Tên đơn vị", "Tên gọi tắt", "Địa danh", "Họ và tên", "Chức vụ", "Thẩm quyền ký"},
		{1, "Ủy ban nhân dân huyện Vĩnh Bảo", "Vĩnh Bảo", "Vĩnh Bảo", "Nguyễn Văn A", "Chủ tịch", "TM. Ủy ban nhân dân\nKT. Chủ tịch"},
		{2, "Ủy ban nhân dân huyện An Lão", "An Lão", "An Lão", "Trần Thị B", "Phó Chủ tịch", ""},
	}
	for i, r := range rows {
		must(t, f.SetSheetRow(s, cellName(1, i+1), &r))
	}
	_, err := f.NewSheet("Chỉ tiêu")
	must(t, err)
	ind := [][]any{
		{"STT", "Đơn vị", "Tên chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"},
		{1, "an lao", "Thu ngân sách", "tỷ đồng", "1.234,5", 1300.25},
	}
	for i, r := range ind {
		must(t, f.SetSheetRow("Chỉ tiêu", cellName(1, i+1), &r))
	}
	p := filepath.Join(t.TempDir(), "thanh-vien.xlsx")
	must(t, f.SaveAs(p))
	imp, err := sheet.Read(sheet.Options{}, p)
	if err != nil {
		t.Fatal(err)
	}
	out, err := imp.Fragment("thanh-vien.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`id = "vinh-bao"`, `ten_ngan = "An Lão"`, `tham_quyen = ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]`,
		`thanh_vien = "an-lao"`, "ke_hoach = 1234.5", "thuc_hien = 1300.25",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// A member without its head's name is a problem at its row.
	must(t, f.SetCellValue(s, "E5", ""))
	must(t, f.Save())
	imp, err = sheet.Read(sheet.Options{}, p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = imp.Fragment("thanh-vien.toml")
	var errs record.Errors
	if !errors.As(err, &errs) || errs[0].Field != "Thành viên!B5" || !strings.Contains(errs[0].Msg, "họ và tên thủ trưởng") {
		t.Errorf("want a missing head at Thành viên!B5, got %v", err)
	}
}

// TestBlanks: the blank workbooks have the columns, the pickers and the
// ranges, and a blank filled in imports.
func TestBlanks(t *testing.T) {
	const name = "bac-trung-bo-tong-ket-2022"
	src := sampleSource(t, name)
	rec, _ := load(t, name)
	blanks, err := sheet.Blanks(rec)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	dir := t.TempDir()
	var scores string
	for _, b := range blanks {
		names = append(names, b.Name)
		p := filepath.Join(dir, b.Name)
		must(t, writeFile(p, b.Data))
		if b.Name == "mau-diem.xlsx" {
			scores = p
		}
	}
	if strings.Join(names, " ") != "mau-thanh_vien.xlsx mau-chi_tieu.xlsx mau-diem.xlsx mau-binh_xet.xlsx mau-de_nghi.xlsx" {
		t.Errorf("blanks: %v", names)
	}
	f, err := excelize.OpenFile(scores)
	must(t, err)
	dvs, err := f.GetDataValidations("Bảng điểm")
	must(t, err)
	var kinds []string
	for _, dv := range dvs {
		kinds = append(kinds, dv.Type+":"+dv.Formula1+":"+dv.Formula2)
	}
	all := strings.Join(kinds, " ")
	if !strings.Contains(all, "list:'Danh mục'!$A$1:$A$6") || !strings.Contains(all, "decimal:0") || !strings.Contains(all, "150") {
		t.Errorf("data validation: %s", all)
	}
	// Imported blank, the scores are missing; filled, it checks.
	if _, err := importInto(t, without(src, "diem"), scores); err == nil || !strings.Contains(err.Error(), "thiếu điểm") {
		t.Errorf("a blank imported: %v", err)
	}
	rows, err := f.GetRows("Bảng điểm")
	must(t, err)
	first := len(rows) - len(rec.Members) + 1
	for i := range rec.Members {
		for c := 0; c < 18; c++ {
			must(t, f.SetCellValue("Bảng điểm", cellName(3+c, first+i), 50))
		}
	}
	must(t, f.Save())
	if _, err := importInto(t, without(src, "diem"), scores); err != nil {
		t.Error(err)
	}
}

// TestImportGroupedIndicators reads indicators laid out as the báo cáo
// prints them: each unit's name in a merged row of its own, its
// indicators below, without a unit column.
func TestImportGroupedIndicators(t *testing.T) {
	const name = "bac-trung-bo-tong-ket-2022"
	rec, _ := load(t, name)
	f := excelize.NewFile()
	s := "Sheet1"
	head := []any{"TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "So với kế hoạch (%)"}
	must(t, f.SetSheetRow(s, "A2", &head))
	r := 3
	for i, m := range rec.Members {
		must(t, f.SetCellValue(s, cellName(1, r), []string{"I", "II", "III", "IV", "V", "VI"}[i]+". "+m.ShortName()))
		must(t, f.MergeCell(s, cellName(1, r), cellName(6, r)))
		r++
		for _, in := range rec.Indicators {
			if in.Member != m.ID {
				continue
			}
			row := []any{1, in.Name, in.Unit, in.Plan.String(), in.Result.Float64(), "=E1/D1"}
			must(t, f.SetSheetRow(s, cellName(1, r), &row))
			r++
		}
	}
	p := filepath.Join(t.TempDir(), "chi-tieu.xlsx")
	must(t, f.SaveAs(p))
	out, err := importInto(t, without(sampleSource(t, name), "chi_tieu"), p)
	if err != nil {
		t.Fatal(err)
	}
	back, err := record.Parse(name, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Indicators) != len(rec.Indicators) {
		t.Fatalf("%d indicators, want %d", len(back.Indicators), len(rec.Indicators))
	}
	for i, in := range back.Indicators {
		if !reflect.DeepEqual(in, rec.Indicators[i]) {
			t.Errorf("indicator %d: %+v, want %+v", i+1, in, rec.Indicators[i])
		}
	}
}

// TestImportUnitOnce: a unit written on its first row only goes for the
// rows below it.
func TestImportUnitOnce(t *testing.T) {
	rec, _ := load(t, "bac-trung-bo-tong-ket-2022")
	f := excelize.NewFile()
	rows := [][]any{
		{"STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"},
		{1, "Nghệ An", "Thu ngân sách", "tỷ đồng", 100, "101,5"},
		{2, nil, "Giảm nghèo", "%", 2, 2},
		{3, "Hà Tĩnh", "Thu ngân sách", "tỷ đồng", 90, 88},
	}
	for i, r := range rows {
		must(t, f.SetSheetRow("Sheet1", cellName(1, i+1), &r))
	}
	p := filepath.Join(t.TempDir(), "chi-tieu.xlsx")
	must(t, f.SaveAs(p))
	imp, err := sheet.Read(sheet.Options{Into: rec}, p)
	if err != nil {
		t.Fatal(err)
	}
	text := imp.Sections[0].Text
	if strings.Count(text, `thanh_vien = "nghe-an"`) != 2 || strings.Count(text, `thanh_vien = "ha-tinh"`) != 1 || !strings.Contains(text, "thuc_hien = 101.5") {
		t.Errorf("sections:\n%s", text)
	}
}
