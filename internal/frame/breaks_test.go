package frame

import (
	"strings"
	"testing"

	"thidua/internal/doc"
)

// Names break at their joints, as clerks break them, with lines as even
// as the joints allow; a "\n" the record gives is kept.
func TestCentredBreaksAtJoints(t *testing.T) {
	br := Breaker{Places: Places(map[string]any{"thanh_vien": []map[string]any{{"dia_danh": "Bạch Long Vĩ"}}})}
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Ủy ban nhân dân huyện Vĩnh Bảo", HeadLeft, []string{"ỦY BAN NHÂN DÂN", "HUYỆN VĨNH BẢO"}},
		{"TM. Ủy ban nhân dân tỉnh Hà Tĩnh", HeadLeft, []string{"TM. ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"}},
		{"Cụm thi đua các tỉnh Bắc Trung Bộ", HeadLeft, []string{"CỤM THI ĐUA", "CÁC TỈNH BẮC TRUNG BỘ"}},
		{"Hội đồng Thi đua - Khen thưởng thành phố Hải Phòng", HeadLeft, []string{"HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", "THÀNH PHỐ HẢI PHÒNG"}},
		{"Cụm thi đua các tỉnh Duyên hải miền Trung", HeadLeft, []string{"CỤM THI ĐUA CÁC TỈNH", "DUYÊN HẢI MIỀN TRUNG"}},
		{"Cụm thi đua Khối huyện", HeadLeft, []string{"CỤM THI ĐUA KHỐI HUYỆN"}},
		{"Ủy ban nhân dân huyện Bạch Long Vĩ", 150, []string{"ỦY BAN NHÂN DÂN", "HUYỆN BẠCH LONG VĨ"}},
		{"CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ", HeadLeft, []string{"CỤM THI ĐUA", "CÁC TỈNH BẮC TRUNG BỘ"}},
		{"Ủy ban nhân dân\ntỉnh Hà Tĩnh", 400, []string{"ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"}},
	} {
		got := strings.Split(strings.ReplaceAll(br.Centred(c.text, Issuer, c.width, true), NBSP, " "), "\n")
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q in %.0f pt: %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// A text that wraps keeps each joint's words together with no-break
// spaces, so that Word keeps them whole when a clerk edits the line; one
// that fits is left as it is.
func TestNoBreakSpacesOnlyWhenWrapping(t *testing.T) {
	var br Breaker
	if got := br.Centred("Chủ tịch", Authority, 200, true); got != "CHỦ TỊCH" {
		t.Errorf("%q", got)
	}
	got := br.Centred("TM. Ủy ban nhân dân huyện Thủy Nguyên", Authority, 220, true)
	if got != "TM.\u00a0ỦY\u00a0BAN\u00a0NHÂN\u00a0DÂN\nHUYỆN\u00a0THỦY\u00a0NGUYÊN" {
		t.Errorf("%q", got)
	}
}

// Left-aligned lines (Nơi nhận) fill greedily but never end inside a joint.
func TestLeftBreaks(t *testing.T) {
	var br Breaker
	got := strings.ReplaceAll(br.Left("- Ban Thi đua - Khen thưởng (Sở Nội vụ) thành phố;", Copies, 200), NBSP, " ")
	if got != "- Ban Thi đua - Khen thưởng (Sở Nội vụ)\nthành phố;" {
		t.Errorf("%q", got)
	}
}

// Too narrow for a unit with its name, the place name still stays whole.
func TestNarrowKeepsThePlace(t *testing.T) {
	br := Breaker{Places: Places(map[string]any{"dia_danh": "Bạch Long Vĩ"})}
	got := strings.ReplaceAll(br.Centred("Ủy ban nhân dân huyện Bạch Long Vĩ", Issuer, 130, true), NBSP, " ")
	if got != "ỦY BAN NHÂN DÂN\nHUYỆN\nBẠCH LONG VĨ" {
		t.Errorf("%q", got)
	}
}

// Join protects the joints of a text a word processor will break itself.
func TestJoin(t *testing.T) {
	got := Breaker{}.Join("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH HÀ TĨNH")
	if got != "HỘI ĐỒNG THI\u00a0ĐUA\u00a0-\u00a0KHEN\u00a0THƯỞNG TỈNH\u00a0HÀ\u00a0TĨNH" {
		t.Errorf("%q", got)
	}
}

// A justified paragraph whose last line would hold one word alone keeps
// its last two words together; one that ends well is left as it is.
func TestAvoidRunt(t *testing.T) {
	text := "Hội nghị thống nhất kết quả chấm điểm, xếp hạng thi đua năm 2023 theo bộ tiêu chí thi đua của Trung ương."
	found := false
	for w := 150.0; w < 460 && !found; w++ {
		p := doc.NewParagraph(Body, doc.Run{Text: text})
		words, _ := measure(p, nil)
		if n, last := fill(p, words, w); n < 2 || last != len(words)-1 {
			continue
		}
		found = true
		AvoidRunt(p, w)
		if !strings.HasSuffix(p.Text(), "Trung"+NBSP+"ương.") {
			t.Fatalf("at %.0f pt: %q, want the last two words joined", w, p.Text())
		}
	}
	if !found {
		t.Fatal("no width leaves a word alone: the test needs another text")
	}
	p := doc.NewParagraph(Body, doc.Run{Text: "Ngắn gọn thôi."})
	AvoidRunt(p, 400)
	if strings.Contains(p.Text(), NBSP) {
		t.Errorf("a paragraph of one line changed: %q", p.Text())
	}
}

// A khối of the province's agencies: the words of its name ("cơ quan",
// "sự nghiệp", "doanh nghiệp", "nhà nước") are not parted at a line end,
// and a period ("9 tháng đầu năm") stays whole in a title.
func TestAgencyWordsStayWhole(t *testing.T) {
	var br Breaker
	for _, c := range []struct {
		text  string
		st    *doc.Style
		width float64
		upper bool
		bad   []string // line ends that part a word
	}{
		{"Khối thi đua các cơ quan, đơn vị sự nghiệp và doanh nghiệp nhà nước tỉnh Bình An", Issuer, HeadLeft, true,
			[]string{" CƠ", " NHÀ", " SỰ", " DOANH", " ĐƠN"}},
		{"Sơ kết công tác thi đua, khen thưởng 9 tháng đầu năm 2025 của Khối thi đua các cơ quan tổng hợp", Summary, 300, false,
			[]string{" 9", " 9 tháng", " tháng", " đầu"}},
	} {
		got := strings.Split(strings.ReplaceAll(br.Centred(c.text, c.st, c.width, c.upper), NBSP, " "), "\n")
		for _, l := range got[:len(got)-1] {
			for _, b := range c.bad {
				if strings.HasSuffix(l, b) {
					t.Errorf("%q: line %q ends with %q (all: %q)", c.text, l, b, got)
				}
			}
		}
	}
}

// A short name that ends with a unit's word ("Thanh tra tỉnh") keeps its
// own words whole but leaves "tỉnh" to the unit's name after it.
func TestShortNameEndingWithUnit(t *testing.T) {
	br := Breaker{Places: Places(map[string]any{"thanh_vien": []map[string]any{
		{"ten_ngan": "Thanh tra tỉnh", "dia_danh": "Bình An"}, {"ten_ngan": "Văn phòng UBND tỉnh"}, {"ten_ngan": "Liên minh Hợp tác xã"}}})}
	got := strings.ReplaceAll(br.Centred("Chánh Thanh tra tỉnh Bình An", Authority, 200, true), NBSP, " ")
	if got != "CHÁNH THANH TRA\nTỈNH BÌNH AN" {
		t.Errorf("%q", got)
	}
	// "hợp tác xã" is a word, not the unit "xã"
	got = strings.ReplaceAll(br.Centred("Chủ tịch Liên minh Hợp tác xã tỉnh Bình An", Authority, 225, true), NBSP, " ")
	for _, l := range strings.Split(got, "\n") {
		if strings.HasSuffix(l, "TÁC") || strings.HasPrefix(l, "XÃ") {
			t.Errorf("%q", got)
		}
	}
}

// Since 2025 an island district is a special zone, "đặc khu", a unit
// like "xã" and "phường": kept with its name, its two words not parted.
func TestSpecialZoneIsAUnit(t *testing.T) {
	var br Breaker
	for _, c := range []struct {
		text  string
		width float64
		want  string
	}{
		{"Ủy ban nhân dân đặc khu Bạch Long Vĩ", HeadLeft, "ỦY BAN NHÂN DÂN\nĐẶC KHU BẠCH LONG VĨ"},
		{"TM. Ủy ban nhân dân đặc khu Cô Tô", 190, "TM. ỦY BAN NHÂN DÂN\nĐẶC KHU CÔ TÔ"},
	} {
		got := strings.ReplaceAll(br.Centred(c.text, Authority, c.width, true), NBSP, " ")
		if got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}
