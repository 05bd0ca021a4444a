package vn

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// oldNormalize is Normalize as it was before the scan after each fixed
// word stopped at the next word to fix (it read the rest of the text
// again each time): the reference the linear version must agree with.
func oldNormalize(s string, style ToneStyle) string {
	s = norm.NFC.String(s)
	fix, _ := scanTones(s, style, true)
	if fix < 0 {
		return s
	}
	var b strings.Builder
	var sy syllable
	pos := 0
	for fix >= 0 {
		end := wordEnd(s, fix)
		b.WriteString(s[pos:fix])
		target, _ := toneTarget(s[fix:end], style, &sy)
		t := sy.l[sy.tonePos].tone
		for j := 0; j < sy.n; j++ {
			l := sy.l[j]
			switch j {
			case sy.tonePos:
				b.WriteRune(untoned(l))
			case target:
				b.WriteRune(withTone(l.vowel, t, l.upper))
			default:
				b.WriteRune(l.r)
			}
		}
		pos = end
		if next, _ := scanTones(s[end:], style, true); next >= 0 {
			fix = end + next
		} else {
			fix = -1
		}
	}
	b.WriteString(s[pos:])
	return b.String()
}

// toneWords are pieces of random text: words either style rewrites,
// words neither touches, onsets that hold a misplaced mark, NFD, and
// separators.
var toneWords = []string{"hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "Uỷ", "Ủy", "qúy", "quý", "gìa", "già",
	"hòan", "hoàn", "hùynh", "huỳnh", "HOÀ", "ngoài", "khuya", "Nguyễn", "a", "x",
	norm.NFD.String("hoà"), norm.NFD.String("thủy"), "\u0301", " ", ", ", "\n", "-", "日本", "é"}

func randomToneText(r *rand.Rand, words int) string {
	var b strings.Builder
	for range words {
		b.WriteString(toneWords[r.IntN(len(toneWords))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestNormalizeMatchesOldAlgorithm(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	for i := range 3000 {
		s := randomToneText(r, 1+i%40)
		for _, style := range []ToneStyle{ToneModern, ToneClassic} {
			if got, want := Normalize(s, style), oldNormalize(s, style); got != want {
				t.Fatalf("Normalize(%q, %d) = %q, the old algorithm gives %q", s, style, got, want)
			}
		}
	}
}

// oldStyleText is n bytes or so of old-style text full of words the
// modern style rewrites: the input that took 93 s for 1 MB before.
func oldStyleText(n int) string {
	return strings.Repeat("hoà, thuỷ, khoẻ ", n/len("hoà, thuỷ, khoẻ "))
}

func TestNormalizeAllocsLinear(t *testing.T) {
	small, large := oldStyleText(64<<10), oldStyleText(256<<10)
	a := testing.AllocsPerRun(3, func() { Normalize(small, ToneModern) })
	b := testing.AllocsPerRun(3, func() { Normalize(large, ToneModern) })
	if b > 4*a+4 {
		t.Fatalf("allocations grow faster than the text: %v for 64 KB, %v for 256 KB", a, b)
	}
}

// BenchmarkNormalizeScaling shows that rewriting an old-style text takes
// time in proportion to its length: ns/op of 4n should be about 4 times
// that of n (it was 16 times, quadratic, before).
func BenchmarkNormalizeScaling(b *testing.B) {
	for _, n := range []int{256 << 10, 1 << 20} {
		s := oldStyleText(n)
		b.Run(sizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Normalize(s, ToneModern)
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
