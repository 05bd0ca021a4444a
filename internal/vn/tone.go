package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in NFC with tone marks placed in the given style.
//
// Only the pairs oa, oe and uy move, and only where they make up the
// whole vowel of a syllable: ToneModern writes "hòa", "khỏe", "thủy",
// ToneClassic "hoà", "khoẻ", "thuỷ". In a closed syllable both styles
// put the mark on the second vowel ("hoàn", "huỳnh"), and a mark found
// on the first one there is moved. The u of qu- and the i of gi- belong
// to the onset, so "quý", "quả", "già" never change, and a mark written
// on them ("qúy") is moved to the vowel. Clusters whose mark position is
// fixed (oai, uya, uyê, ươ, ...) are left as written. Words that are not
// Vietnamese syllables are never touched.
//
// The common case, text already in NFC and in the chosen style, returns
// s itself without allocating.
func Normalize(s string, style ToneStyle) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	if norm.NFC.QuickSpanString(s[i:]) < len(s)-i {
		s = norm.NFC.String(s)
	}
	if firstToneFix(s, style) < 0 {
		return s
	}
	return fixTones(s, style)
}

// isWordRune reports whether r can be part of a word for tone fixing.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z') || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

// firstToneFix returns the byte offset of the first word of s whose tone
// mark must move, or -1. It looks at a word only when a toned vowel sits
// next to the vowel or onset letter that could take its mark instead.
func firstToneFix(s string, style ToneStyle) int {
	var prev rune // previous rune within the current word, 0 at a word start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				prev = rune(c)
			} else {
				prev = 0
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		li := lookup(r)
		if li.tone != toneNone && candidate(li.vowel, prev, s[i+size:]) {
			start := wordStart(s, i)
			end := wordEnd(s, i)
			if needsFix(s[start:end], style) {
				return start
			}
			prev, i = 0, end // the rest of this word needs no second look
			continue
		}
		if isWordRune(r) {
			prev = r
		} else {
			prev = 0
		}
		i += size
	}
	return -1
}

// candidate reports whether a toned vowel v, after prev and before rest,
// could be part of oa, oe, uy, qu- or gi- with a misplaced mark.
func candidate(v uint8, prev rune, rest string) bool {
	pv := prev | 0x20
	switch v {
	case vA, vE:
		return pv == 'o' || pv == 'q' // hoà / hòa; qùa
	case vY:
		return pv == 'u' || pv == 'q' // thuỷ / thủy; qúy
	case vO, vU:
		if len(rest) > 0 {
			n := rest[0] | 0x20
			return n == 'a' || n == 'e' || n == 'y' || rest[0] >= utf8.RuneSelf
		}
	case vI:
		return pv == 'g'
	}
	return false
}

func wordStart(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	return i
}

func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// toneTarget parses word and returns where its tone mark should go, or
// ok=false when the word is left alone.
func toneTarget(word string, style ToneStyle, sy *syllable) (target int, ok bool) {
	if !sy.parse(word) || sy.tonePos < 0 {
		return 0, false
	}
	want := sy.tonePlace(style)
	if want == sy.tonePos {
		return 0, false
	}
	if sy.tonePos < sy.vs || sy.isStylePair() {
		return want, true
	}
	return 0, false
}

func needsFix(word string, style ToneStyle) bool {
	var sy syllable
	_, ok := toneTarget(word, style, &sy)
	return ok
}

// fixTones rewrites every word of s whose tone mark must move.
func fixTones(s string, style ToneStyle) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	var sy syllable
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		end := wordEnd(s, i)
		word := s[i:end]
		if target, ok := toneTarget(word, style, &sy); ok {
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
		} else {
			b.WriteString(word)
		}
		i = end
	}
	return b.String()
}

// untoned returns the letter l without its tone.
func untoned(l letter) rune {
	if l.vowel == 0 {
		return l.r
	}
	return withTone(l.vowel, toneNone, l.upper)
}

// Same reports whether a and b are the same text once both are in NFC,
// in one tone style, and with runs of white space reduced to one space
// and trimmed at both ends: Same("Nguyễn Thị Thuỷ", "Nguyễn  Thị Thủy")
// is true. Letter case still matters.
func Same(a, b string) bool {
	return strings.Join(strings.Fields(Normalize(a, ToneModern)), " ") ==
		strings.Join(strings.Fields(Normalize(b, ToneModern)), " ")
}
