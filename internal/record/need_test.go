package record

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A member's head is needed only by the papers that print it, and a
// pledge on a review session has no signing date unless the record says.
func TestNeedPerPaper(t *testing.T) {
	src := edit(t, "thu_truong = { ho_ten = \"Nguyễn Đức Trung\", chuc_vu = \"Chủ tịch\" }\n", "")
	r, err := Parse("rec.toml", []byte(src))
	if err != nil {
		t.Fatalf("a record without a member's head is refused before any paper is chosen: %v", err)
	}
	if err := r.Need([]string{"bao-cao", "bien-ban-hoi-nghi"}); err != nil {
		t.Errorf("papers that do not print the head ask for it: %v", err)
	}
	checkErrors(t, r.Need([]string{"giao-uoc"}), []wantErr{{"6:1", "thanh_vien[1].thu_truong",
		[]string{"giấy giao-uoc cần thu_truong (thủ trưởng đơn vị) của thành viên thứ 1 (Ủy ban nhân dân tỉnh Nghệ An)"},
		[]string{"thêm bảng [thanh_vien.thu_truong] của thành viên thứ 1"}}})

	review := strings.Replace(strings.Replace(goodRecord, `loai = "ky-ket"`, `loai = "so-ket"`, 1), "ngay = 2023-03-14", "ngay = 2023-07-14", 1)
	r, err = Parse("rec.toml", []byte(review))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Pledge.Date.IsZero() || r.Pledge.Venue != "" {
		t.Errorf("a review session's date became the pledge's: %v %q", r.Pledge.Date, r.Pledge.Venue)
	}
	checkErrors(t, r.Need([]string{"giao-uoc"}), []wantErr{{"25:1", "giao_uoc.ngay",
		[]string{"giấy giao-uoc cần ngay (ngày ký giao ước)"}, []string{"không phải phiên ký kết", "thêm ngay = "}}})

	r, err = Parse("rec.toml", []byte(goodRecord))
	if err != nil {
		t.Fatal(err)
	}
	if r.Pledge.Date != r.Session.Date || r.Pledge.Venue != r.Session.Place {
		t.Errorf("a signing session's date and place are not the pledge's: %v %q", r.Pledge.Date, r.Pledge.Venue)
	}
}

// Every value an enum tag names is accepted, any other refused with the list.
func TestEnumTag(t *testing.T) {
	f, ok := reflect.TypeFor[Cluster]().FieldByName("Tone")
	values, labels := enumTag(f.Tag.Get("enum"))
	if !ok || !slices.Equal(values, []string{"moi", "cu"}) || !slices.Equal(labels, []string{"kiểu mới — hòa; thủy", "kiểu cũ — hoà; thuỷ"}) {
		t.Fatalf("cum.kieu_dau enum tag: %q", f.Tag.Get("enum"))
	}
	for _, v := range []string{"moi", "cu"} {
		if _, err := Parse("rec.toml", []byte(edit(t, "nam = 2023\n", "nam = 2023\nkieu_dau = \""+v+"\"\n"))); err != nil {
			t.Errorf("kieu_dau = %q: %v", v, err)
		}
	}
	_, err := Parse("rec.toml", []byte(edit(t, "nam = 2023\n", "nam = 2023\nkieu_dau = \"mới\"\n")))
	checkErrors(t, err, []wantErr{{"4:12", "cum.kieu_dau", []string{`kiểu đặt dấu "mới" không có`}, []string{`kieu_dau = "moi" (kiểu mới — hòa; thủy), "cu" (kiểu cũ — hoà; thuỷ)`}}})

	_, err = Parse("rec.toml", []byte(edit(t, `loai = "ky-ket"`, "loai = \"ky-ket\"\nky = \"6-thang\"")))
	checkErrors(t, err, []wantErr{{"21:6", "phien.ky", []string{`kỳ "6-thang" chỉ dùng cho phiên sơ kết`}, nil}})
}

// Two members with one short name would make tables ambiguous.
func TestDuplicateShortName(t *testing.T) {
	src := edit(t, "dia_danh = \"Nghệ An\"\n", "ten_ngan = \"Bắc Trung Bộ\"\ndia_danh = \"Nghệ An\"\n")
	src = strings.Replace(src, "ten = \"Ủy ban nhân dân tỉnh Quảng Trị\"\n", "ten = \"Ủy ban nhân dân tỉnh Quảng Trị\"\nten_ngan = \"Bắc Trung Bộ\"\n", 1)
	_, err := Parse("rec.toml", []byte(src))
	checkErrors(t, err, []wantErr{{"16:12", "thanh_vien[2].ten_ngan", []string{`thành viên thứ 2: tên ngắn "Bắc Trung Bộ" trùng với thành viên thứ 1`}, []string{"ten_ngan riêng"}}})
}

// A missing member reference is hinted with the record's own ids, not an
// example's.
func TestRefHintListsTheRecordsIDs(t *testing.T) {
	src := strings.ReplaceAll(goodRecord, "nghe-an", "vinh") + "\n[bien_ban]\nthu_ky = { ho_ten = \"(Họ và tên)\" }\nnoi_dung = [\"Khai mạc.\"]\nvang = [{ ly_do = \"bận công tác\" }]\n"
	_, err := Parse("rec.toml", []byte(src))
	checkErrors(t, err, []wantErr{{"33:9", "bien_ban.vang[1].thanh_vien", []string{"thành viên vắng thứ 1: thiếu mã thành viên vắng mặt (khóa thanh_vien)"},
		[]string{`thêm thanh_vien = "..." vào bảng [bien_ban.vang] của thành viên vắng thứ 1, ghi mã (id) của một thành viên: vinh, quang-tri`}}})
	if strings.Contains(err.Error(), "nghe-an") {
		t.Errorf("the hint names an id the record does not have:\n%v", err)
	}
}
