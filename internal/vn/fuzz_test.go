package vn

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Seeds beyond these live in testdata/fuzz/<FuzzName>.

func FuzzSuspect(f *testing.F) {
	for _, c := range legacyCases {
		f.Add(c.mojibake)
		f.Add(c.vietnamse)
	}
	f.Add("Tô Lâm")
	f.Add("café Müller")
	f.Fuzz(func(t *testing.T, s string) {
		enc, orig, ok := Suspect(s)
		if !ok {
			if enc != Unicode || orig != "" {
				t.Fatalf("Suspect(%q) = %v, %q, false: a result without a suspicion", s, enc, orig)
			}
		} else {
			if enc != TCVN3 && enc != VNI && enc != Windows1258 {
				t.Fatalf("Suspect(%q) names encoding %v", s, enc)
			}
			if orig == s || !utf8.ValidString(orig) || !norm.NFC.IsNormalString(orig) {
				t.Fatalf("Suspect(%q) = %q: unchanged, invalid or not NFC", s, orig)
			}
			back, err := FromLegacy(s, enc)
			if err != nil || back != orig {
				t.Fatalf("Suspect(%q) = %q but FromLegacy gives %q, %v", s, orig, back, err)
			}
		}
		// Converting and writing back must never panic, and a text a legacy
		// encoding can hold must survive the round trip.
		for _, e := range []Encoding{TCVN3, VNI, Windows1258} {
			if out, err := FromLegacy(s, e); err == nil && !utf8.ValidString(out) {
				t.Fatalf("FromLegacy(%q, %v) = %q: invalid UTF-8", s, e, out)
			}
			l, err := ToLegacy(s, e)
			if err != nil {
				continue
			}
			back, err := FromLegacy(l, e)
			want := norm.NFC.String(s)
			if e == TCVN3 {
				// ABC has no capitals with tones: compare without case.
				back, want = strings.ToLower(back), strings.ToLower(want)
			}
			if err != nil || back != want {
				t.Fatalf("%v round trip of %q: %q -> %q, %v", e, s, l, back, err)
			}
		}
	})
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"UBND tỉnh Thừa Thiên Huế", "../..", "con", "", "Đắk Lắk 2024/2025", "日本", "a\u0301b"} {
		f.Add(s, 0)
		f.Add(s, 12)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max %= 300
		got := Slug(s, max)
		if !slugShape.MatchString(got) || strings.Contains(got, "..") {
			t.Fatalf("Slug(%q, %d) = %q: not a safe slug", s, max, got)
		}
		if max > 0 && len(got) > max {
			t.Fatalf("Slug(%q, %d) = %q: longer than %d", s, max, got, max)
		}
		if windowsReserved[got] {
			t.Fatalf("Slug(%q, %d) = %q: a name Windows reserves", s, max, got)
		}
		if again := Slug(got, max); again != got {
			t.Fatalf("Slug is not stable: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzMoneyWords(f *testing.F) {
	for _, c := range moneyCases {
		f.Add(c.n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		w := MoneyWords(n)
		if got, err := ParseWords(w); err != nil || got != n {
			t.Fatalf("ParseWords(MoneyWords(%d) = %q) = %d, %v", n, w, got, err)
		}
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || !strings.HasSuffix(w, " đồng") || strings.Contains(w, "  ") {
			t.Fatalf("MoneyWords(%d) = %q: wrong shape", n, w)
		}
		if nw := NumberWords(n); strings.ToLower(strings.TrimSuffix(w, " đồng")) != nw {
			t.Fatalf("MoneyWords(%d) = %q but NumberWords = %q", n, w, nw)
		}
	})
}

// FuzzNormalize checks that Normalize gives NFC, is stable, and that the
// two styles convert into each other without loss.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"hoà thuỷ khoẻ", "qúy gìa hòan", "Cộng hòa", norm.NFD.String("Ủy ban"), "plain ascii"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, style := range []ToneStyle{ToneModern, ToneClassic} {
			n := norm.NFC.String(s)
			if fix, _ := scanTones(n, style, true); fix < 0 && fixEveryWord(n, style) != n {
				t.Fatalf("the quick scan misses a mark to move in %q (style %d)", n, style)
			}
		}
		m := Normalize(s, ToneModern)
		c := Normalize(s, ToneClassic)
		if !norm.NFC.IsNormalString(m) || !norm.NFC.IsNormalString(c) {
			t.Fatalf("Normalize(%q) is not NFC: %q, %q", s, m, c)
		}
		if Normalize(m, ToneModern) != m || Normalize(c, ToneClassic) != c {
			t.Fatalf("Normalize(%q) is not stable", s)
		}
		if Normalize(c, ToneModern) != m || Normalize(m, ToneClassic) != c {
			t.Fatalf("styles of %q do not convert: modern %q, classic %q", s, m, c)
		}
	})
}

// fixEveryWord moves the tone marks of s word by word, parsing every word:
// the slow reference for the quick scan of Normalize.
func fixEveryWord(s string, style ToneStyle) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		end := wordEnd(s, i)
		var sy syllable
		if _, ok := toneTarget(s[i:end], style, &sy); ok {
			b.WriteString(fixTones(s[i:end], style, 0))
		} else {
			b.WriteString(s[i:end])
		}
		i = end
	}
	return b.String()
}
