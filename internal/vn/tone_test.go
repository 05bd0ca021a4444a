package vn

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeModern(t *testing.T) {
	for in, want := range map[string]string{
		"hoà":    "hòa",
		"Hoà":    "Hòa",
		"HOÀ":    "HÒA",
		"thuỷ":   "thủy",
		"khoẻ":   "khỏe",
		"Uỷ ban": "Ủy ban",
		"toà án": "tòa án",
		"xoè":    "xòe",
		"hoạ sĩ": "họa sĩ",
		"tuý":    "túy",
		"Oà":     "Òa",
		"(hoà).": "(hòa).",
		"Cộng hoà xã hội chủ nghĩa Việt Nam": "Cộng hòa xã hội chủ nghĩa Việt Nam",
		"Nguyễn Thị Thuỷ, Lê Văn Hoà":        "Nguyễn Thị Thủy, Lê Văn Hòa",
		// Closed syllables put the mark on the second vowel in both styles.
		"hòan thành": "hoàn thành",
		"Hùynh":      "Huỳnh",
		"hoạch":      "hoạch",
		// The u of qu- and the i of gi- are part of the onset.
		"quý": "quý", "qúy": "quý", "quả": "quả", "qùa": "quà", "quyển": "quyển",
		"già": "già", "gìa": "già", "gì": "gì", "giữ gìn": "giữ gìn", "giường": "giường",
		// Marks whose place is fixed.
		"ngoài": "ngoài", "khuya": "khuya", "khuyên": "khuyên", "khuỷu": "khuỷu", "người": "người",
		"thuở": "thuở", "ngoáy": "ngoáy",
		// Not Vietnamese syllables: never touched.
		"Chloé": "Chloé", "Zoë": "Zoë", "Joào": "Joào",
	} {
		if got := Normalize(in, ToneModern); got != want {
			t.Errorf("Normalize(%q, ToneModern) = %q; want %q", in, got, want)
		}
	}
}

func TestNormalizeClassic(t *testing.T) {
	for in, want := range map[string]string{
		"hòa":        "hoà",
		"HÒA":        "HOÀ",
		"thủy":       "thuỷ",
		"khỏe":       "khoẻ",
		"Ủy ban":     "Uỷ ban",
		"họa sĩ":     "hoạ sĩ",
		"Cộng hòa":   "Cộng hoà",
		"hòan":       "hoàn",
		"quý":        "quý",
		"qúy":        "quý",
		"già":        "già",
		"ngoài":      "ngoài",
		"khuya":      "khuya",
		"hoàn thành": "hoàn thành",
	} {
		if got := Normalize(in, ToneClassic); got != want {
			t.Errorf("Normalize(%q, ToneClassic) = %q; want %q", in, got, want)
		}
	}
}

func TestNormalizeNFC(t *testing.T) {
	nfd := norm.NFD.String("Ủy ban nhân dân tỉnh Thừa Thiên Huế, hoà")
	if got, want := Normalize(nfd, ToneModern), "Ủy ban nhân dân tỉnh Thừa Thiên Huế, hòa"; got != want {
		t.Errorf("Normalize(NFD) = %q; want %q", got, want)
	}
}

func TestNormalizeCommonCaseDoesNotAllocate(t *testing.T) {
	for _, s := range []string{
		"Report 2023: score 95/100",
		"Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc",
		"Nguyễn Thị Thủy, Ủy viên Ban Thường vụ",
	} {
		if got := Normalize(s, ToneModern); got != s {
			t.Fatalf("Normalize(%q) changed the text: %q", s, got)
		}
		if n := testing.AllocsPerRun(100, func() { Normalize(s, ToneModern) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %.0f times; want 0", s, n)
		}
	}
}

func TestNormalizeSeedsAreStable(t *testing.T) {
	// Changing the style twice gives the text back, and only oa/oe/uy words change.
	for name, text := range readSeeds(t) {
		modern := Normalize(text, ToneModern)
		if back := Normalize(Normalize(modern, ToneClassic), ToneModern); back != modern {
			t.Errorf("%s: modern -> classic -> modern is not stable", name)
		}
		mw, tw := strings.Fields(modern), strings.Fields(text)
		for i := range tw {
			if mw[i] != tw[i] && !strings.ContainsAny(mw[i], "òóỏõọ") && !strings.ContainsAny(mw[i], "ùúủũụÙÚỦŨỤ") {
				t.Errorf("%s: %q became %q", name, tw[i], mw[i])
			}
		}
	}
}

func TestSame(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Nguyễn Thị Thuỷ", "Nguyễn  Thị Thủy", true},
		{" Hoà ", "Hòa", true},
		{norm.NFD.String("Lê Văn Hòa"), "Lê Văn Hòa", true},
		{"Hòa", "hòa", false},
		{"Hòa", "Hoa", false},
	}
	for _, c := range cases {
		if got := Same(c.a, c.b); got != c.want {
			t.Errorf("Same(%q, %q) = %v; want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestIsSyllable(t *testing.T) {
	valid := []string{"a", "ăn", "nghiêng", "người", "quốc", "quý", "quỳnh", "gì", "gìn", "già", "giường",
		"khuya", "khuyên", "huỳnh", "hoạch", "xoong", "thuở", "Ủy", "HÒA", "Việt", "yêu", "oái", "Đắk", "kỹ", "ký",
		"hoà", "hòa", "thủy", "thuỷ"}
	invalid := []string{"", "hOa", "qu", "ca'", "ka", "ce", "gha", "ngha", "ngi", "ge", "bă", "ăc", "at", "ănh",
		"ich", "ing", "anhh", "website", "Müller", "café", "Huế" + "x", "hóan", "maù", "qúy", "gìa", "hòan", "ba" + "m" + "n",
		"ă", "â", "tiê", "uyê", "phở" + "c", "fan", "zô", "wê", "jăm"}
	for _, w := range valid {
		if !isSyllable(w) {
			t.Errorf("isSyllable(%q) = false; want true", w)
		}
	}
	for _, w := range invalid {
		if isSyllable(w) {
			t.Errorf("isSyllable(%q) = true; want false", w)
		}
	}
}

// TestSeedWordsAreSyllables checks the syllable rules against real text:
// every lower-case word of the three articles must pass.
func TestSeedWordsAreSyllables(t *testing.T) {
	foreign := map[string]bool{"website": true, "c": true, "đ": true} // đ: the đồng sign
	for name, text := range readSeeds(t) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
			if w == strings.ToLower(w) && !foreign[w] && !isSyllable(w) {
				t.Errorf("%s: %q is not taken for a syllable", name, w)
			}
		}
	}
}
