package sheet_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/sheet"
)

// nomineeExtras are a collective nominee's head, certifier, earlier
// titles and awards, as a clerk writes them in the record.
const nomineeExtras = `thu_truong = { ho_ten = "Nguyễn Văn Hải", chuc_vu = "Chủ tịch", tham_quyen = ["TM. Ủy ban nhân dân huyện Vĩnh Bảo", "CHỦ TỊCH"] }
xac_nhan = { ho_ten = "Trần Thị Lan", chuc_vu = "Trưởng ban", tham_quyen = "TM. Ban Thi đua - Khen thưởng" }
danh_hieu_thi_dua = [
  { nam = "2021", ten = "Cờ thi đua của Ủy ban nhân dân thành phố", so_quyet_dinh = "125/QĐ-UBND", ngay_quyet_dinh = 2022-01-12, co_quan = "Ủy ban nhân dân thành phố Hải Phòng" },
  { nam = "2022", ten = "Tập thể lao động xuất sắc" },
]
hinh_thuc_khen_thuong = [
  { nam = "2020-2022", ten = "Bằng khen của Thủ tướng Chính phủ", so_quyet_dinh = "88/QĐ-TTg", co_quan = "Thủ tướng Chính phủ" },
]
`

// withExtras is the award sample whose first nominee has nomineeExtras.
func withExtras(t testing.TB) []byte {
	t.Helper()
	src := string(sampleSource(t, "hai-phong-khen-thuong-2023"))
	i := strings.Index(src, "[[de_nghi]]\n")
	if i < 0 {
		t.Fatal("no [[de_nghi]] in the sample")
	}
	i += len("[[de_nghi]]\n")
	return []byte(src[:i] + nomineeExtras + src[i:])
}

// The sheet "Dữ liệu đề nghị" carries a nominee's head, certifier and
// earlier titles and awards: exported, imported into the record without
// its nominees, they are the same, and so are the papers.
func TestNomineeExtrasRoundTrip(t *testing.T) {
	src := withExtras(t)
	rec, err := record.Parse("ho-so.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := render.Data(rec)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var list string
	for _, f := range workbooks(t, data) {
		if f.Paper == "danh-sach" {
			list = filepath.Join(dir, f.Name)
			must(t, os.WriteFile(list, f.Data, 0o644))
		}
	}
	if list == "" {
		t.Fatal("no list workbook")
	}
	// What the clerk sees in the sheet.
	f, err := excelize.OpenFile(list)
	must(t, err)
	rows, err := f.GetRows("Dữ liệu đề nghị")
	must(t, err)
	f.Close()
	hr := -1
	for r, row := range rows {
		if len(row) > 1 && row[0] == "STT" {
			hr = r
		}
	}
	if hr < 0 || hr+1 >= len(rows) {
		t.Fatalf("no header in the data sheet: %q", rows)
	}
	cell := func(title string) string {
		for c, h := range rows[hr] {
			if h == title && c < len(rows[hr+1]) {
				return rows[hr+1][c]
			}
		}
		t.Errorf("no column %q in %q", title, rows[hr])
		return ""
	}
	if got := cell("Danh hiệu thi đua đã đạt"); got != "2021; Cờ thi đua của Ủy ban nhân dân thành phố; 125/QĐ-UBND; 12/01/2022; Ủy ban nhân dân thành phố Hải Phòng\n2022; Tập thể lao động xuất sắc" {
		t.Errorf("earlier titles cell: %q", got)
	}
	if got := cell("Hình thức khen thưởng đã nhận"); got != "2020-2022; Bằng khen của Thủ tướng Chính phủ; 88/QĐ-TTg; ; Thủ tướng Chính phủ" {
		t.Errorf("earlier awards cell: %q", got)
	}
	if got := cell("Thủ trưởng đơn vị"); got != "Nguyễn Văn Hải" {
		t.Errorf("head cell: %q", got)
	}
	if got := cell("Thẩm quyền ký của thủ trưởng"); got != "TM. Ủy ban nhân dân huyện Vĩnh Bảo\nCHỦ TỊCH" {
		t.Errorf("head's authority cell: %q", got)
	}
	if got := cell("Người ký xác nhận"); got != "Trần Thị Lan" {
		t.Errorf("certifier cell: %q", got)
	}

	back := importRecord(t, without(src, "de_nghi"), list)
	if len(back.Nominees) != len(rec.Nominees) {
		t.Fatalf("%d nominees back, want %d", len(back.Nominees), len(rec.Nominees))
	}
	a, b := rec.Nominees[0], back.Nominees[0]
	for _, f := range []struct {
		what      string
		got, want any
	}{{"head", b.Head, a.Head}, {"certifier", b.Certifier, a.Certifier}, {"titles", b.Titles, a.Titles}, {"awards", b.Honoured, a.Honoured}} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s back: %+v, want %+v", f.what, f.got, f.want)
		}
	}
	if a.Titles[0].Date.String() != "12/01/2022" || len(a.Honoured) != 1 {
		t.Fatalf("the record read: %+v", a)
	}
	d2, err := render.Data(back)
	if err != nil {
		t.Fatal(err)
	}
	pa, pb := papers(t, data), papers(t, d2)
	if len(pa) == 0 || len(pa) != len(pb) {
		t.Fatalf("%d papers before, %d after", len(pa), len(pb))
	}
	for i := range pa {
		if pa[i].Name != pb[i].Name || !bytes.Equal(pa[i].Data, pb[i].Data) {
			t.Errorf("%s differs after the round trip", pa[i].Name)
		}
	}
}

// A clerk's own list: headers written their own way find the columns; a
// bad line of earlier titles is reported at its cell.
func TestNomineeExtrasHeadersAndErrors(t *testing.T) {
	src := without(sampleSource(t, "hai-phong-khen-thuong-2023"), "de_nghi")
	p := filepath.Join(t.TempDir(), "de-nghi.xlsx")
	f := excelize.NewFile()
	must(t, f.SetSheetName("Sheet1", "Đề nghị"))
	head := []any{"STT", "Loại", "Họ và tên", "Hình thức khen thưởng", "Thành tích", "THỦ TRƯỞNG", "Chức vụ thủ trưởng", "Người xác nhận", "Chức vụ người xác nhận", "Danh hiệu thi đua", "Khen thưởng đã nhận"}
	must(t, f.SetSheetRow("Đề nghị", "A1", &head))
	ok := []any{1, "Tập thể", "Cán bộ và Nhân dân huyện Vĩnh Bảo", "Cờ thi đua của Chính phủ", "Hoàn thành xuất sắc nhiệm vụ.", "Nguyễn Văn Hải", "Chủ tịch", "Trần Thị Lan", "Trưởng ban",
		"2021; Cờ thi đua của Ủy ban nhân dân thành phố; 125/QĐ-UBND; 12/01/2022", "2022;Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"}
	must(t, f.SetSheetRow("Đề nghị", "A2", &ok))
	must(t, f.SaveAs(p))
	back := importRecord(t, src, p)
	n := back.Nominees[0]
	if n.Head == nil || n.Head.Name != "Nguyễn Văn Hải" || n.Head.Title != "Chủ tịch" || n.Certifier == nil || n.Certifier.Name != "Trần Thị Lan" ||
		len(n.Titles) != 1 || n.Titles[0].Decision != "125/QĐ-UBND" || n.Titles[0].Date.String() != "12/01/2022" ||
		len(n.Honoured) != 1 || n.Honoured[0].Year != "2022" || n.Honoured[0].Name != "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" {
		t.Fatalf("read: %+v", n)
	}

	bad := []any{2, "Tập thể", "Cán bộ và Nhân dân huyện An Lão", "Cờ thi đua của Chính phủ", "Hoàn thành xuất sắc nhiệm vụ.", nil, nil, nil, nil,
		"2021; Tập thể lao động xuất sắc\n2022; Cờ thi đua; 12/QĐ; 31/02/2023"}
	must(t, f.SetSheetRow("Đề nghị", "A3", &bad))
	must(t, f.Save())
	_, err := importInto(t, src, p)
	var errs record.Errors
	if err == nil || !asErrors(err, &errs) {
		t.Fatalf("a date that does not exist was read: %v", err)
	}
	found := false
	for _, e := range errs {
		if strings.Contains(e.Error(), "Đề nghị!J3") && strings.Contains(e.Msg, "dòng 2") && strings.Contains(e.Msg, "ngày quyết định") && strings.Contains(e.Hint, "năm; tên; số quyết định") {
			found = true
		}
	}
	if !found || testing.Verbose() {
		t.Logf("errors: %v", err)
	}
	if !found {
		t.Error("no error at Đề nghị!J3")
	}
}

func asErrors(err error, errs *record.Errors) bool {
	e, ok := err.(record.Errors)
	*errs = e
	return ok
}

// The blank workbook of nominees (thidua nhap --mau) has the columns of
// the head, the certifier and the earlier titles and awards; a row typed
// into them is imported.
func TestBlankNomineeExtras(t *testing.T) {
	src := without(sampleSource(t, "hai-phong-khen-thuong-2023"), "de_nghi")
	rec, _ := load(t, "hai-phong-khen-thuong-2023") // its members and awards for the pickers
	blanks, err := sheet.Blanks(rec)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "mau-de_nghi.xlsx")
	for _, b := range blanks {
		if b.Name == "mau-de_nghi.xlsx" {
			must(t, os.WriteFile(p, b.Data, 0o644))
		}
	}
	f, err := excelize.OpenFile(p)
	must(t, err)
	sh := f.GetSheetList()[0]
	rows, err := f.GetRows(sh)
	must(t, err)
	hr := -1
	for r, row := range rows {
		if len(row) > 1 && row[0] == "STT" {
			hr = r
		}
	}
	if hr < 0 {
		t.Fatalf("no header: %q", rows)
	}
	put := func(title string, v any) {
		t.Helper()
		for c, h := range rows[hr] {
			if strings.TrimSuffix(h, " (*)") == title {
				must(t, f.SetCellValue(sh, cellName(c+1, hr+2), v))
				return
			}
		}
		t.Fatalf("the blank has no column %q: %q", title, rows[hr])
	}
	put("Loại", "Tập thể")
	put("Tên tập thể, họ và tên cá nhân", "Phòng Tài chính - Kế hoạch huyện Vĩnh Bảo")
	put("Hình thức khen thưởng", "Cờ thi đua của Chính phủ")
	put("Thành tích", "Hoàn thành xuất sắc nhiệm vụ.")
	put("Thủ trưởng đơn vị", "Lê Văn Nam")
	put("Chức vụ thủ trưởng", "Giám đốc")
	put("Thẩm quyền ký của thủ trưởng", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
	put("Người ký xác nhận", "Trần Thị Lan")
	put("Chức vụ người ký xác nhận", "Chủ tịch")
	put("Thẩm quyền ký xác nhận", "TM. Ủy ban nhân dân huyện")
	put("Danh hiệu thi đua đã đạt", "2022; Chiến sĩ thi đua cơ sở; 15/QĐ-UBND; 10/01/2023; Ủy ban nhân dân huyện\n2023; Lao động tiên tiến")
	put("Hình thức khen thưởng đã nhận", "2021; Giấy khen")
	must(t, f.Save())
	back := importRecord(t, src, p)
	n := back.Nominees[0]
	want := record.Nominee{Head: &record.Signer{Name: "Lê Văn Nam", Title: "Giám đốc", Authority: record.Lines{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}},
		Certifier: &record.Signer{Name: "Trần Thị Lan", Title: "Chủ tịch", Authority: record.Lines{"TM. Ủy ban nhân dân huyện"}}}
	if !reflect.DeepEqual(n.Head, want.Head) || !reflect.DeepEqual(n.Certifier, want.Certifier) {
		t.Errorf("head %+v, certifier %+v", n.Head, n.Certifier)
	}
	if len(n.Titles) != 2 || n.Titles[0].Issuer != "Ủy ban nhân dân huyện" || n.Titles[1].Name != "Lao động tiên tiến" || len(n.Honoured) != 1 || n.Honoured[0].Name != "Giấy khen" {
		t.Errorf("earlier: %+v %+v", n.Titles, n.Honoured)
	}
}
