package fill

import (
	"strings"
	"testing"
	"time"

	"thidua/internal/record"
	"thidua/internal/view"
)

// testFuncs are the functions templates and forms get (view.Funcs).
var testFuncs = view.Funcs()

// member builds one thanh_vien entry.
func member(id, ten, hoTen, chucVu string) map[string]any {
	return map[string]any{
		"id": id, "ten": ten, "ten_ngan": strings.TrimPrefix(ten, "Ủy ban nhân dân "),
		"dia_danh":   strings.TrimPrefix(ten, "Ủy ban nhân dân tỉnh "),
		"thu_truong": map[string]any{"ho_ten": hoTen, "chuc_vu": chucVu},
	}
}

// sampleRecord is the Bắc Trung Bộ cluster's signing session of 2023, as
// the record package hands it over.
func sampleRecord() map[string]any {
	return map[string]any{
		"cum": map[string]any{
			"ten": "Cụm thi đua các tỉnh Bắc Trung Bộ", "ky_hieu": "CTĐBTB",
			"co_quan_chu_quan": "Hội đồng Thi đua - Khen thưởng Trung ương", "nam": int64(2023),
			"cum_truong": "nghe-an", "cum_pho": "quang-tri",
		},
		"thanh_vien": []map[string]any{
			member("thanh-hoa", "Ủy ban nhân dân tỉnh Thanh Hóa", "Đỗ Minh Tuấn", "Chủ tịch"),
			member("nghe-an", "Ủy ban nhân dân tỉnh Nghệ An", "Nguyễn Đức Trung", "Chủ tịch"),
			member("ha-tinh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Võ Trọng Hải", "Chủ tịch"),
			member("quang-binh", "Ủy ban nhân dân tỉnh Quảng Bình", "Trần Thắng", "Chủ tịch"),
			member("quang-tri", "Ủy ban nhân dân tỉnh Quảng Trị", "Võ Văn Hưng", "Chủ tịch"),
			member("thua-thien-hue", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Nguyễn Văn Phương", "Chủ tịch"),
		},
		"phien": map[string]any{
			"loai": "ky-ket", "ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC),
			"gio": "08 giờ 00 phút", "dia_diem": "Thành phố Vinh, tỉnh Nghệ An", "don_vi_dang_cai": "nghe-an",
			"chu_tri": []map[string]any{
				{"ho_ten": "Nguyễn Đức Trung", "chuc_vu": "Chủ tịch UBND tỉnh Nghệ An, Cụm trưởng"},
				{"ho_ten": "Võ Văn Hưng", "chuc_vu": "Chủ tịch UBND tỉnh Quảng Trị, Cụm phó"},
			},
		},
		"giao_uoc": map[string]any{
			"so": int64(1), "ky_hieu": "GƯTĐ-CTĐBTB", "trich_yeu": "Năm 2023",
			"dia_danh": "Nghệ An",
			"can_cu":   []string{"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"},
			"muc_dich": []string{"Thi đua hoàn thành xuất sắc nhiệm vụ năm 2023.", "Phát hiện, nhân rộng điển hình tiên tiến."},
			"noi_dung": []string{"Hoàn thành các chỉ tiêu kinh tế - xã hội.", "Làm tốt công tác cải cách hành chính."},
		},
	}
}

// testSchema is the record's field paths, as the fill command builds it.
func testSchema(t testing.TB) *Schema {
	t.Helper()
	s, err := NewSchema(view.Paths(record.Record{})...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mustParse parses a form with the test functions and schema.
func mustParse(t testing.TB, docx []byte) *Form {
	t.Helper()
	f, err := Parse(docx, Options{Funcs: testFuncs, Schema: testSchema(t)})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return f
}

// fillLines fills a form and returns the lines of the given part.
func fillLines(t testing.TB, docx []byte, data map[string]any, part string) []string {
	t.Helper()
	out, err := mustParse(t, docx).Execute(data)
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}
	return lines(t, unzip(t, out)[part])
}
