package vn

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestUpper(t *testing.T) {
	for in, want := range map[string]string{
		"Ủy ban nhân dân tỉnh Nghệ An": "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
		"đồng chí":                     "ĐỒNG CHÍ",
		"cụm trưởng, cụm phó":          "CỤM TRƯỞNG, CỤM PHÓ",
		norm.NFD.String("thưởng"):      "THƯỞNG",
	} {
		if got := Upper(in); got != want {
			t.Errorf("Upper(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSplitName(t *testing.T) {
	for in, want := range map[string][3]string{
		"Nguyễn Thị Minh Khai":           {"Nguyễn", "Thị Minh", "Khai"},
		"  Lê   Lợi ":                    {"Lê", "", "Lợi"},
		"Trần Văn An":                    {"Trần", "Văn", "An"},
		"Hùng":                           {"", "", "Hùng"},
		"":                               {"", "", ""},
		norm.NFD.String("Đặng Ngọc Sơn"): {"Đặng", "Ngọc", "Sơn"},
	} {
		f, m, g := SplitName(in)
		if [3]string{f, m, g} != want {
			t.Errorf("SplitName(%q) = %q, %q, %q; want %q", in, f, m, g, want)
		}
	}
}

func TestCompareNames(t *testing.T) {
	less := [][2]string{
		{"Lê Văn An", "Nguyễn Văn Anh"},        // given name first: An < Anh
		{"Trần Anh", "Lê Ánh"},                 // tones after letters
		{"Lê Ánh", "Phạm Ăn"},                  // a < ă
		{"Vũ Thị Ăn", "Vũ Thị Ân"},             // ă < â
		{"Trần Dũng", "Lê Đạt"},                // d < đ
		{"Nguyễn Thị Bình", "Nguyễn Văn Bình"}, // same given name: middle decides
		{"Lê Văn Bình", "Nguyễn Văn Bình"},     // then family
		{"Hoàng Oanh", "Hoàng Ơn"},             // o < ô < ơ
		{"Lê Văn Ôn", "Lê Văn Ơn"},
		{"Nguyễn Uyên", "Nguyễn Ưng"}, // u < ư
		{"Trần Xuân", "Lê Yến"},
		{"Lê Hòa", "Lê Hoan"}, // hoa < hoan whatever the tone
	}
	for _, p := range less {
		if c := CompareNames(p[0], p[1]); c != -1 {
			t.Errorf("CompareNames(%q, %q) = %d; want -1", p[0], p[1], c)
		}
		if c := CompareNames(p[1], p[0]); c != 1 {
			t.Errorf("CompareNames(%q, %q) = %d; want 1", p[1], p[0], c)
		}
	}
	if c := CompareNames("Nguyễn Thị Thủy", "Nguyễn Thị Thuỷ"); c != 0 {
		t.Errorf("CompareNames of the two tone styles = %d; want 0", c)
	}
}

func TestSortNames(t *testing.T) {
	names := []string{"Nguyễn Văn Đạt", "Trần Thị Dung", "Lê Ánh", "Phạm Anh", "Hoàng Ăn", "Vũ Thị Bình", "Đặng Anh", "Lê Thị Yến"}
	want := []string{"Đặng Anh", "Phạm Anh", "Lê Ánh", "Hoàng Ăn", "Vũ Thị Bình", "Trần Thị Dung", "Nguyễn Văn Đạt", "Lê Thị Yến"}
	SortNames(names)
	if !slices.Equal(names, want) {
		t.Errorf("SortNames =\n%q\nwant\n%q", names, want)
	}
}

// Mid-sentence, an administrative unit before its proper name is lower
// case (Nghị định 30/2020); other names are left alone.
func TestInSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Xã Vĩnh Lộc":               "xã Vĩnh Lộc",
		"Phường An Cựu":             "phường An Cựu",
		"Thành phố Huế":             "thành phố Huế",
		"Thị xã Hồng Lĩnh":          "thị xã Hồng Lĩnh",
		"Sở Tư pháp":                "Sở Tư pháp",
		"Xã hội":                    "Xã hội",
		"Ủy ban nhân dân xã An Hòa": "Ủy ban nhân dân xã An Hòa",
		"Trần Thị Bình":             "Trần Thị Bình",
	} {
		if got := InSentence(in); got != want {
			t.Errorf("InSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// A position followed by its unit says the unit's word once.
func TestPositionAt(t *testing.T) {
	for _, c := range [][3]string{
		{"Trưởng ban", "Ban Dân tộc tỉnh Bình An", "Trưởng Ban Dân tộc tỉnh Bình An"},
		{"Phó Trưởng ban", "Ban Quản lý các khu công nghiệp tỉnh Bình An", "Phó Trưởng Ban Quản lý các khu công nghiệp tỉnh Bình An"},
		{"Chánh Thanh tra", "Thanh tra tỉnh Bình An", "Chánh Thanh tra tỉnh Bình An"},
		{"Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh Bình An", "Chánh Văn phòng Ủy ban nhân dân tỉnh Bình An"},
		{"Giám đốc Sở Tài chính", "Sở Tài chính tỉnh Bình An", "Giám đốc Sở Tài chính tỉnh Bình An"},
		{"Giám đốc", "Sở Tài chính tỉnh Bình An", "Giám đốc Sở Tài chính tỉnh Bình An"},
		{"Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An", "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"},
		{"Hiệu trưởng", "Trường Đại học Bình An", "Hiệu trưởng Trường Đại học Bình An"},
	} {
		if got := PositionAt(c[0], c[1]); got != c[2] {
			t.Errorf("PositionAt(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// A person's position and body: a comma between them, but the body's
// words not said twice.
func TestPositionAnd(t *testing.T) {
	for _, c := range [][3]string{
		{"Tỉnh ủy viên, Bí thư Thị ủy", "Thị ủy Hồng Lĩnh", "Tỉnh ủy viên, Bí thư Thị ủy Hồng Lĩnh"},
		{"Phó Bí thư Thường trực Thị ủy, Chủ tịch Hội đồng nhân dân thị xã", "Hội đồng nhân dân thị xã Hồng Lĩnh", "Phó Bí thư Thường trực Thị ủy, Chủ tịch Hội đồng nhân dân thị xã Hồng Lĩnh"},
		{"Chuyên viên", "Sở Tài chính tỉnh Bình An", "Chuyên viên, Sở Tài chính tỉnh Bình An"},
		{"Chuyên viên", "", "Chuyên viên"},
		{"", "Sở Tài chính", "Sở Tài chính"},
	} {
		if got := PositionAnd(c[0], c[1]); got != c[2] {
			t.Errorf("PositionAnd(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// OneSpaced is strings.Join(strings.Fields(s), " "), returning s itself
// when nothing changes.
func TestOneSpaced(t *testing.T) {
	for _, s := range []string{"", " ", "Sở Tài chính", " Sở Tài chính", "Sở Tài chính ", "Sở  Tài chính",
		"Sở\nTài chính", "Sở\u00a0Tài chính", "Sở Tài\tchính", "Ủy ban nhân dân\u3000tỉnh", "a", "ă b", "x\u2028y"} {
		want := strings.Join(strings.Fields(s), " ")
		got := OneSpaced(s)
		if got != want {
			t.Errorf("OneSpaced(%q) = %q, want %q", s, got, want)
		}
		if got == s && len(s) > 0 && unsafe.StringData(got) != unsafe.StringData(s) {
			t.Errorf("OneSpaced(%q) copied a text that needed no change", s)
		}
	}
}
