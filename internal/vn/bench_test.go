package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func BenchmarkNormalize(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", "Report 2023: score 95/100, unit UBND"},
		{"nfc-modern", "Nguyễn Thị Thủy, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh"},
		{"nfc-classic", "Nguyễn Thị Thuỷ, Uỷ viên Ban Thường vụ Tỉnh uỷ, Chủ tịch Uỷ ban nhân dân tỉnh"},
		{"nfd", norm.NFD.String("Nguyễn Thị Thủy, Ủy viên Ban Thường vụ Tỉnh ủy")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				Normalize(c.s, ToneModern)
			}
		})
	}
}

func BenchmarkSuspect(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", "Report 2023: score 95/100, unit UBND"},
		{"unicode", "Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc"},
		{"latin1-genuine", "Tô Lâm, Lê Hà, café Müller"},
		{"tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam - §éc lËp - Tù do - H¹nh phóc"},
		{"vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam - Ñoäc laäp - Töï do - Haïnh phuùc"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Suspect(c.s)
			}
		})
	}
}

func BenchmarkMoneyWords(b *testing.B) {
	for _, c := range []struct {
		name string
		n    int64
	}{{"small", 105}, {"salary", 2340000}, {"large", 999999999999999}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				MoneyWords(c.n)
			}
		})
	}
}

func BenchmarkParseWords(b *testing.B) {
	w := MoneyWords(999999999999999)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWords(w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSlug(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Slug("UBND tỉnh Thừa Thiên Huế", 40)
	}
}

func BenchmarkSortNames(b *testing.B) {
	names := []string{"Nguyễn Văn Đạt", "Trần Thị Dung", "Lê Ánh", "Phạm Anh", "Hoàng Ăn", "Vũ Thị Bình", "Đặng Anh", "Lê Thị Yến"}
	buf := make([]string, len(names))
	b.ReportAllocs()
	for b.Loop() {
		copy(buf, names)
		SortNames(buf)
	}
}
