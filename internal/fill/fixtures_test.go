package fill

import (
	"fmt"
	"strings"
	"testing"
	"text/template"
	"time"
)

// testFuncs stand in for the functions the record package provides, with
// the same names and output conventions.
var testFuncs = template.FuncMap{
	"ngay": func(t time.Time) string {
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", t.Day(), int(t.Month()), t.Year())
	},
	"so": func(x float64) string {
		neg := x < 0
		if neg {
			x = -x
		}
		cents := int64(x*100 + 0.5)
		s := groupThousands(cents/100) + fmt.Sprintf(",%02d", cents%100)
		if neg {
			s = "-" + s
		}
		return s
	},
	"tien":     func(n int64) string { return groupThousands(n) },
	"bang_chu": moneyWords,
	"in_hoa":   strings.ToUpper,
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var digitWords = []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// threeDigits spells 0..999; full says a hundreds digit must be spoken
// even when zero (a group after a higher one).
func threeDigits(n int64, full bool) string {
	h, t, u := n/100, n/10%10, n%10
	var w []string
	if h > 0 || full {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u > 0 && (h > 0 || full):
		w = append(w, "linh")
	case t == 1:
		w = append(w, "mười")
	case t > 1:
		w = append(w, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t > 1:
		w = append(w, "mốt")
	case u == 5 && t > 0:
		w = append(w, "lăm")
	default:
		w = append(w, digitWords[u])
	}
	return strings.Join(w, " ")
}

// moneyWords spells an amount of đồng: 2340000 -> "Hai triệu ba trăm bốn mươi nghìn đồng".
func moneyWords(n int64) string {
	if n == 0 {
		return "Không đồng"
	}
	units := []string{"", "nghìn", "triệu", "tỷ"}
	var groups []int64
	for x := n; x > 0; x /= 1000 {
		groups = append(groups, x%1000)
	}
	var w []string
	for i := len(groups) - 1; i >= 0; i-- {
		if groups[i] == 0 {
			continue
		}
		w = append(w, threeDigits(groups[i], i < len(groups)-1))
		if units[i] != "" {
			w = append(w, units[i])
		}
	}
	s := strings.Join(w, " ") + " đồng"
	return strings.ToUpper(s[:1]) + s[1:]
}

func TestMoneyWordsFixture(t *testing.T) {
	for n, want := range map[int64]string{
		2340000: "Hai triệu ba trăm bốn mươi nghìn đồng",
		1050000: "Một triệu không trăm năm mươi nghìn đồng",
		105:     "Một trăm linh năm đồng",
		21000:   "Hai mươi mốt nghìn đồng",
	} {
		if got := moneyWords(n); got != want {
			t.Errorf("moneyWords(%d) = %q, want %q", n, got, want)
		}
	}
}

// member builds one thanh_vien entry.
func member(id, ten, hoTen, chucVu string) map[string]any {
	return map[string]any{
		"id": id, "ten": ten, "ten_ngan": strings.TrimPrefix(ten, "Ủy ban nhân dân "),
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
			"can_cu":   []string{"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"},
			"muc_dich": []string{"Thi đua hoàn thành xuất sắc nhiệm vụ năm 2023.", "Phát hiện, nhân rộng điển hình tiên tiến."},
			"noi_dung": []string{"Hoàn thành các chỉ tiêu kinh tế - xã hội.", "Làm tốt công tác cải cách hành chính."},
		},
	}
}

// testSchema is record schema v1 written as field paths.
func testSchema(t testing.TB) *Schema {
	t.Helper()
	s, err := NewSchema(
		"cum.ten", "cum.ky_hieu", "cum.co_quan_chu_quan", "cum.nam", "cum.cum_truong", "cum.cum_pho", "cum.kieu_dau",
		"thanh_vien[].id", "thanh_vien[].ten", "thanh_vien[].ten_ngan", "thanh_vien[].dia_danh",
		"thanh_vien[].thu_truong.ho_ten", "thanh_vien[].thu_truong.chuc_vu", "thanh_vien[].thu_truong.tham_quyen[]",
		"phien.loai", "phien.ten", "phien.ngay", "phien.gio", "phien.dia_diem", "phien.don_vi_dang_cai",
		"phien.chu_tri[].ho_ten", "phien.chu_tri[].chuc_vu", "phien.chu_tri[].don_vi",
		"phien.khach_moi[].ho_ten", "phien.khach_moi[].chuc_vu", "phien.khach_moi[].don_vi",
		"giao_uoc.so", "giao_uoc.ky_hieu", "giao_uoc.ngay", "giao_uoc.dia_danh", "giao_uoc.trich_yeu",
		"giao_uoc.can_cu[]", "giao_uoc.muc_dich[]", "giao_uoc.noi_dung[]", "giao_uoc.to_chuc_thuc_hien[]",
		"giao_uoc.so_ban", "giao_uoc.noi_nhan[]",
	)
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
