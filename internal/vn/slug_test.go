package vn

import (
	"regexp"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestSlug(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"UBND tỉnh Thừa Thiên Huế", 0, "ubnd-tinh-thua-thien-hue"},
		{"Đắk Lắk", 0, "dak-lak"},
		{"Cụm thi đua số 3 (khối huyện)", 0, "cum-thi-dua-so-3-khoi-huyen"},
		{"Hồ Chí Minh 2024/2025", 0, "ho-chi-minh-2024-2025"},
		{"../../etc/passwd", 0, "etc-passwd"},
		{`C:\Windows\..\x`, 0, "c-windows-x"},
		{"Ñoño Müller", 0, "nono-muller"},
		{"Die Straße", 0, "die-strasse"},
		{norm.NFD.String("Huế"), 0, "hue"},
		{"", 0, "van-ban"},
		{"  !!! ", 0, "van-ban"},
		{"日本", 0, "van-ban"},
		{"CON", 0, "con-vb"},
		{"nul", 0, "nul-vb"},
		{"com1", 0, "com1-vb"},
		{"console", 0, "console"},
		// Bounded length, cut at a "-" when possible.
		{"UBND tỉnh Thừa Thiên Huế", 15, "ubnd-tinh-thua"},
		{"UBND tỉnh Thừa Thiên Huế", 14, "ubnd-tinh-thua"},
		{"UBND tỉnh Thừa Thiên Huế", 3, "ubn"},
		{"Nghệ An", 5, "nghe"},
		{"abcdefghij", 4, "abcd"},
		{"", 3, "van"},
		{"Con người", 3, "vb"},
	}
	for _, c := range cases {
		got := Slug(c.in, c.max)
		if got != c.want {
			t.Errorf("Slug(%q, %d) = %q; want %q", c.in, c.max, got, c.want)
		}
		if !slugShape.MatchString(got) || c.max > 0 && len(got) > c.max {
			t.Errorf("Slug(%q, %d) = %q: not a safe slug", c.in, c.max, got)
		}
	}
}

func TestUniqueSlugs(t *testing.T) {
	cases := []struct {
		names []string
		max   int
		want  []string
	}{
		{[]string{"UBND tỉnh", "ubnd tinh", "UBND-TỈNH", "Khác"}, 0, []string{"ubnd-tinh", "ubnd-tinh-2", "ubnd-tinh-3", "khac"}},
		{[]string{"ubnd tinh 2", "ubnd tinh", "ubnd tinh"}, 0, []string{"ubnd-tinh-2", "ubnd-tinh", "ubnd-tinh-3"}},
		{[]string{"Cụm thi đua", "Cụm thi đua", "Cụm thi đua"}, 10, []string{"cum-thi", "cum-thi-2", "cum-thi-3"}},
		{[]string{"abcdefgh", "abcdefgh"}, 8, []string{"abcdefgh", "abcdef-2"}},
		{[]string{"", "", ""}, 0, []string{"van-ban", "van-ban-2", "van-ban-3"}},
	}
	for _, c := range cases {
		got := UniqueSlugs(c.names, c.max)
		if !slices.Equal(got, c.want) {
			t.Errorf("UniqueSlugs(%q, %d) = %q; want %q", c.names, c.max, got, c.want)
		}
	}
	// Many equal names stay unique and bounded.
	set := NewSlugSet(8)
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		s := set.Add("Thi đua khen thưởng")
		if seen[s] || len(s) > 8 || !slugShape.MatchString(s) {
			t.Fatalf("slug %d = %q: repeated, too long or unsafe", i, s)
		}
		seen[s] = true
	}
}
