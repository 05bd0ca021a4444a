package sheet

import (
	"cmp"
	"reflect"
	"regexp"
	"strings"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// kind is a table a workbook may hold and the record section it becomes.
// Its columns name record keys; a column's first title is the key's label
// in the record's struct tags, the others what clerks write instead.
type kind struct {
	section string       // TOML path of the list: "diem", "binh_xet.ung_vien"
	name    string       // what the table is, in messages
	sheets  []string     // sheet names that say the table is this one
	item    reflect.Type // the record type of one row
	cols    []*column
	// scores: the criteria's columns come from the criteria set.
	scores bool
	fields map[string]int // the item type's keys, in order
	// grouped: the member may be named in a row of its own above its
	// rows ("I. Nghệ An") instead of in a column.
	grouped bool
}

// column is one column of a kind.
type column struct {
	key  string   // key path in the item: "thu_truong.ho_ten"; "" for a column read and ignored
	also []string // other titles
	as   valueType
	// optional and needed override the struct tag: the column may be
	// absent (a member's id is made from its name), or must be there (the
	// unit or person voted on, one of two keys).
	optional, needed bool
	titles           []string // normalised titles, label first
	label            string
	// name, when set, is the label instead of the struct tag's: two
	// columns of one sheet whose keys have one label (the head's and the
	// certifier's ho_ten).
	name     string
	required bool
}

// valueType is how a cell becomes a TOML value.
type valueType int

const (
	asText   valueType = iota
	asNumber           // exact decimal
	asInt
	asDate
	asLines  // one line per line of the cell
	asMember // a member's id, written as its id, short or full name
	asWho    // a member, or else a person's name (ho_ten)
	asAward  // an award's id, written as its id or name
	asKind   // tập thể or cá nhân
	// asEarlier: titles or awards received before, one a line, their
	// parts (year; name; decision; date; issuer) parted by ";".
	asEarlier
)

// ignored are computed columns thidua makes itself: recognised so they do
// not count as unknown, and never read.
var ignored = []string{"STT", "Số thứ tự", "TT", "Cộng", "Tổng điểm", "Tổng", "Xếp hạng", "Hạng", "Xếp loại",
	"So với kế hoạch (%)", "Tỷ lệ (%)", "Tỷ lệ", "Tỷ lệ so với kế hoạch", "Đánh giá", "Kết quả", "Mức đạt",
	"So với chỉ tiêu kỳ (%)", "So với cùng kỳ (%)", "Tăng, giảm (%)", "Nhận xét",
	"Cơ sở tính tỷ lệ", "Tiền thưởng (đồng)", "Tiền thưởng", "Chức vụ, đơn vị, địa chỉ", "Mức thưởng", "Thành tiền", "Hệ số"}

var kinds = []*kind{
	{section: "thanh_vien", name: "danh sách thành viên", item: reflect.TypeFor[record.Member](),
		sheets: []string{"Thành viên", "Đơn vị thành viên", "Danh sách thành viên"},
		cols: []*column{
			{key: "id", also: []string{"Mã", "Mã đơn vị", "ID"}, optional: true},
			{key: "ten", also: []string{"Tên đơn vị", "Đơn vị", "Tên đầy đủ", "Tên"}},
			{key: "ten_ngan", also: []string{"Tên gọi tắt", "Tên viết tắt", "Tên ngắn gọn"}},
			{key: "dia_danh", also: []string{"Địa bàn"}},
			{key: "thu_truong.ho_ten", also: []string{"Họ và tên", "Họ tên", "Thủ trưởng", "Người ký", "Họ và tên người ký"}},
			{key: "thu_truong.chuc_vu", also: []string{"Chức vụ", "Chức vụ người ký"}},
			{key: "thu_truong.tham_quyen", also: []string{"Thẩm quyền ký", "Thẩm quyền"}, as: asLines},
		}},
	{section: "chi_tieu", name: "bảng chỉ tiêu", item: reflect.TypeFor[record.Indicator](), grouped: true,
		sheets: []string{"Chỉ tiêu", "Các chỉ tiêu", "Bảng chỉ tiêu"},
		cols: []*column{
			{key: "thanh_vien", also: []string{"Đơn vị", "Tên đơn vị", "Thành viên", "Mã thành viên"}, as: asMember},
			{key: "ten", also: []string{"Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Nội dung"}},
			{key: "don_vi_tinh", also: []string{"ĐVT", "Đơn vị tính"}},
			{key: "ke_hoach", also: []string{"Kế hoạch", "KH", "Kế hoạch năm", "Chỉ tiêu kế hoạch"}, as: asNumber},
			{key: "chi_tieu_ky", also: []string{"Chỉ tiêu kỳ", "Chỉ tiêu 6 tháng", "Kế hoạch kỳ", "Kế hoạch 6 tháng"}, as: asNumber},
			{key: "thuc_hien", also: []string{"Thực hiện", "TH", "Kết quả thực hiện", "Ước thực hiện"}, as: asNumber},
			{key: "cung_ky", also: []string{"Cùng kỳ năm trước", "Cùng kỳ", "Thực hiện cùng kỳ"}, as: asNumber},
			{key: "chieu", also: []string{"Chiều", "Chiều tốt"}},
		}},
	{section: "diem", name: "bảng điểm", item: reflect.TypeFor[record.Score](), scores: true,
		sheets: []string{"Bảng điểm", "Điểm", "Chấm điểm", "Bảng chấm điểm"},
		cols: []*column{
			{key: "thanh_vien", also: []string{"Đơn vị", "Tên đơn vị", "Thành viên", "Mã thành viên"}, as: asMember},
			{key: "thuong", also: []string{"Điểm thưởng", "Thưởng", "Điểm cộng"}, as: asNumber},
			{key: "tru", also: []string{"Điểm trừ", "Trừ"}, as: asNumber},
			{key: "ghi_chu", also: []string{"Ghi chú"}},
		}},
	{section: "binh_xet.ung_vien", name: "kết quả bình xét", item: reflect.TypeFor[record.Candidate](),
		sheets: []string{"Bình xét", "Kết quả bình xét", "Suy tôn", "Bỏ phiếu"},
		cols: []*column{
			{key: "thanh_vien", also: []string{"Đơn vị, cá nhân", "Tên đơn vị, cá nhân", "Đơn vị", "Họ và tên", "Tên", "Tập thể, cá nhân"}, as: asWho, needed: true},
			{key: "chuc_vu", also: []string{"Chức vụ", "Chức vụ, đơn vị"}},
			{key: "khen_thuong", also: []string{"Hình thức khen thưởng", "Hình thức", "Danh hiệu", "Hình thức đề nghị"}},
			{key: "so_phieu", also: []string{"Số phiếu đồng ý", "Số phiếu", "Phiếu đồng ý", "Số phiếu bầu"}, as: asInt},
		}},
	{section: "de_nghi", name: "danh sách đề nghị khen thưởng", item: reflect.TypeFor[record.Nominee](),
		sheets: []string{sheetNomineeData, "Đề nghị", "Đề nghị khen thưởng", "Tập thể", "Cá nhân", "Danh sách tập thể", "Danh sách cá nhân"},
		cols: []*column{
			{key: "loai", also: []string{"Loại", "Tập thể hay cá nhân", "Đối tượng"}, as: asKind},
			{key: "ten", also: []string{"Tên tập thể, họ và tên cá nhân", "Tên tập thể, cá nhân", "Họ và tên", "Họ tên", "Tên tập thể", "Tên"}},
			{key: "hinh_thuc", also: []string{"Hình thức khen thưởng", "Hình thức đề nghị", "Hình thức", "Danh hiệu"}, as: asAward},
			{key: "thanh_vien", also: []string{"Mã thành viên", "Thành viên", "Đơn vị thành viên"}, as: asMember},
			{key: "chuc_vu", also: []string{"Chức vụ"}},
			{key: "don_vi", also: []string{"Đơn vị", "Đơn vị công tác"}},
			{key: "dia_chi", also: []string{"Địa chỉ"}},
			{key: "dia_danh", also: []string{"Địa danh"}},
			{key: "ngay_sinh", also: []string{"Ngày sinh", "Ngày tháng năm sinh"}, as: asDate},
			{key: "gioi_tinh", also: []string{"Giới tính", "Nam/Nữ"}},
			{key: "que_quan", also: []string{"Quê quán"}},
			{key: "tru_quan", also: []string{"Trú quán", "Nơi ở"}},
			{key: "trinh_do", also: []string{"Trình độ", "Trình độ chuyên môn"}},
			{key: "hoc_ham_hoc_vi", also: []string{"Học hàm, học vị", "Học hàm, học vị, danh hiệu"}},
			{key: "phieu_dong_y", also: []string{"Số phiếu đồng ý", "Số phiếu", "Phiếu đồng ý"}, as: asInt},
			{key: "so_nguoi_bieu_quyet", also: []string{"Số người biểu quyết", "Tổng số phiếu"}, as: asInt},
			{key: "dac_diem", also: []string{"Đặc điểm, tình hình", "Đặc điểm"}, as: asLines},
			{key: "chuc_nang", also: []string{"Chức năng, nhiệm vụ", "Chức năng"}, as: asLines},
			{key: "thanh_tich", also: []string{"Thành tích", "Tóm tắt thành tích", "Thành tích đạt được"}, as: asLines},
			{key: "thu_truong.ho_ten", name: "họ và tên thủ trưởng đơn vị", also: []string{"Thủ trưởng đơn vị", "Thủ trưởng", "Họ và tên thủ trưởng"}},
			{key: "thu_truong.chuc_vu", name: "chức vụ thủ trưởng đơn vị", also: []string{"Chức vụ thủ trưởng", "Chức vụ của thủ trưởng"}},
			{key: "thu_truong.tham_quyen", name: "thẩm quyền ký của thủ trưởng đơn vị", also: []string{"Thẩm quyền ký của thủ trưởng", "Thẩm quyền ký thủ trưởng"}, as: asLines},
			{key: "xac_nhan.ho_ten", name: "họ và tên người ký xác nhận", also: []string{"Người ký xác nhận", "Người xác nhận", "Họ và tên người xác nhận"}},
			{key: "xac_nhan.chuc_vu", name: "chức vụ người ký xác nhận", also: []string{"Chức vụ người ký xác nhận", "Chức vụ người xác nhận"}},
			{key: "xac_nhan.tham_quyen", name: "thẩm quyền ký xác nhận", also: []string{"Thẩm quyền ký xác nhận", "Thẩm quyền xác nhận"}, as: asLines},
			{key: "danh_hieu_thi_dua", also: []string{"Danh hiệu thi đua đã đạt", "Danh hiệu thi đua", "Danh hiệu đã đạt"}, as: asEarlier},
			{key: "hinh_thuc_khen_thuong", also: []string{"Hình thức khen thưởng đã nhận", "Khen thưởng đã nhận", "Hình thức khen thưởng đã đạt"}, as: asEarlier},
		}},
}

func init() {
	for _, k := range kinds {
		k.fields = map[string]int{}
		for i := 0; i < k.item.NumField(); i++ {
			k.fields[k.item.Field(i).Tag.Get("toml")] = i
		}
		for _, c := range k.cols {
			f, required, ok := fieldOf(k.item, c.key)
			if !ok {
				panic("sheet: " + k.section + " has no key " + c.key)
			}
			c.label = cmp.Or(c.name, f.Tag.Get("label"))
			c.required = required && !c.optional || c.needed
			c.titles = append(c.titles, norm(c.label))
			for _, a := range c.also {
				c.titles = append(c.titles, norm(a))
			}
		}
	}
	for i, s := range ignored {
		ignored[i] = norm(s)
	}
}

// fieldOf finds the struct field of a key path by its toml tags.
// The field is required when every table on the way is:
// thu_truong.ho_ten only when the member's thu_truong is.
func fieldOf(t reflect.Type, path string) (f reflect.StructField, required, ok bool) {
	required = true
	for _, key := range strings.Split(path, ".") {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		found := false
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("toml") == key {
				f, t, found = t.Field(i), t.Field(i).Type, true
				required = required && f.Tag.Get("required") == "true"
				break
			}
		}
		if !found {
			return f, false, false
		}
	}
	return f, required, true
}

var reParens = regexp.MustCompile(`\([^)]*\)`)

// norm is how titles are compared: without diacritics, case, anything
// in parentheses, punctuation and extra blanks ("Họ và tên (*)" is
// "ho va ten").
func norm(s string) string {
	s = reParens.ReplaceAllString(s, " ")
	if strings.TrimSpace(s) == "" {
		return "" // vn.Slug names an empty text
	}
	return strings.ReplaceAll(vn.Slug(s, 200), "-", " ")
}

// match finds the column a title names.
func (k *kind) match(title string) (*column, bool) {
	n := norm(title)
	if n == "" {
		return nil, false
	}
	for _, c := range k.cols {
		for _, t := range c.titles {
			if t == n {
				return c, true
			}
		}
	}
	return nil, false
}

// isIgnored reports whether a title names a computed column.
func isIgnored(title string) bool {
	n := norm(title)
	for _, t := range ignored {
		if t == n {
			return true
		}
	}
	return false
}

// kindBySheet finds the kind a sheet's name says.
func kindBySheet(name string) *kind {
	n := norm(name)
	for _, k := range kinds {
		for _, s := range k.sheets {
			if norm(s) == n {
				return k
			}
		}
	}
	return nil
}

// order is where a key of the kind's items comes in the record type, so
// that keys are written in the order docs/record.md lists them.
func (k *kind) order(key string) int {
	if i, ok := k.fields[key]; ok {
		return i
	}
	return len(k.fields)
}

// kindBySection is the kind that becomes a record list.
func kindBySection(section string) *kind {
	for _, k := range kinds {
		if k.section == section {
			return k
		}
	}
	return nil
}

// memberRequired reports whether the kind's items must name a member
// (the record type's tag says so).
func (k *kind) memberRequired() bool {
	for _, c := range k.cols {
		if c.key == "thanh_vien" {
			return c.required
		}
	}
	return false
}

// requiredCount is the number of the kind's required columns (a score
// sheet's criteria count as one).
func (k *kind) requiredCount() int {
	n := 0
	if k.scores {
		n++
	}
	for _, c := range k.cols {
		if c.required {
			n++
		}
	}
	return n
}
