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
	fix, isNFC := scanTones(s, style, true)
	if !isNFC && norm.NFC.QuickSpanString(s) < len(s) {
		s = norm.NFC.String(s)
		fix, _ = scanTones(s, style, false)
	}
	if fix < 0 {
		return s
	}
	return fixTones(s, style, fix)
}

// stableNFC reports whether r is in NFC whatever surrounds it and never
// combines with a neighbour: Latin-1, the Vietnamese letters, common
// punctuation. False means "look closer", not "not NFC".
func stableNFC(r rune) bool {
	return r < 0x100 || r >= 0x2010 && r <= 0x2027 || r >= 0x2030 && r <= 0x203A || lookup(r).known
}

// knownNFC is a fast test that s is in NFC (see stableNFC).
func knownNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || !stableNFC(r) {
			return false
		}
		i += size
	}
	return true
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return lookup(r).known || unicode.IsLetter(r)
}

// scanTones returns the byte offset of the first word of s whose tone
// mark must move, or -1, and, when wantNFC, whether s is surely in NFC
// (see stableNFC). It parses a word only when a toned vowel sits next to
// the vowel or onset letter that could take its mark instead. Without
// wantNFC it stops at the first word to fix, so that fixTones, which
// calls it after each word it rewrites, reads every byte once.
func scanTones(s string, style ToneStyle, wantNFC bool) (fix int, isNFC bool) {
	fix, isNFC = -1, true
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
		if !li.known && (size == 1 || !stableNFC(r)) {
			isNFC = false
		}
		if fix < 0 && li.tone != toneNone && candidate(li.vowel, prev, s[i+size:], style) {
			start, end := wordStart(s, i), wordEnd(s, i)
			if needsFix(s[start:end], style) {
				fix = start
				if !wantNFC {
					return fix, false
				}
			}
			prev, i = 0, end // the rest of this word needs no second look
			continue
		}
		if li.known || unicode.IsLetter(r) {
			prev = r
		} else {
			prev = 0
		}
		i += size
	}
	return fix, isNFC
}

// candidate reports whether a toned vowel v, after prev and before rest,
// may have its mark in the wrong place for style, so that its word must
// be parsed. Marks already where style wants them ("hòa", "thủy" in the
// modern style) are passed over without parsing.
func candidate(v uint8, prev rune, rest string, style ToneStyle) bool {
	pv := prev | 0x20
	next := byte(0)
	if len(rest) > 0 && rest[0] < utf8.RuneSelf {
		next = rest[0] | 0x20
	}
	switch v {
	case vA, vE: // hoà: modern moves it; hoàn is right in both styles
		return pv == 'o' && style == ToneModern && endsWord(rest)
	case vY: // thuỷ
		return pv == 'u' && style == ToneModern && endsWord(rest)
	case vU:
		if pv == 'q' { // qùa, qúy
			return true
		}
		if next == 'y' { // thủy: classic moves it; hùynh is wrong in both
			return style == ToneClassic || !endsWord(rest[1:])
		}
	case vO:
		if next == 'a' || next == 'e' { // hòa, hòan
			return style == ToneClassic || !endsWord(rest[1:])
		}
	case vI: // gìa
		return pv == 'g' && !endsWord(rest)
	}
	return false
}

// endsWord reports whether no letter starts rest.
func endsWord(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !isWordRune(r)
}

// wordStart returns the offset where the word holding s[i] starts.
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

// wordEnd returns the offset just after the word holding s[i].
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

// needsFix reports whether the tone mark of word must move.
func needsFix(word string, style ToneStyle) bool {
	var sy syllable
	_, ok := toneTarget(word, style, &sy)
	return ok
}

// fixTones rewrites the words of s whose tone mark must move; fix is the
// offset of the first one.
func fixTones(s string, style ToneStyle, fix int) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
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
		if next, _ := scanTones(s[end:], style, false); next >= 0 {
			fix = end + next
		} else {
			fix = -1
		}
	}
	b.WriteString(s[pos:])
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
