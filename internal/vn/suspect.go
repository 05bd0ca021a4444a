package vn

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Suspect reports whether s looks like Vietnamese in a legacy encoding
// read as if it were Unicode, and if so which encoding and what the text
// most likely said.
//
// The test counts words. s is converted from each legacy encoding in
// turn; a conversion is suspected when it leaves fewer words that are not
// Vietnamese syllables than s had and gives more well-formed syllables
// with diacritics than s had, when at least 60% of its words are
// Vietnamese syllables (abbreviations such as UBND and single ASCII
// letters left out) and at least 70% of its words with diacritics are.
// So text whose every word is already a syllable is never suspected, and
// a field too short to tell ("Tù do" is TCVN3 for "Tự do" but also two
// syllables) passes. Plain ASCII is never suspected, nor is text holding
// a letter no legacy byte produces (ư, ơ, đ, ộ, a CJK letter) or a
// combining mark that stays after NFC: that is Unicode. Mojibake that
// went through NFD is read in NFC and still caught. The conversion that
// mends the most words wins; original is in NFC, with its tone marks
// where the source put them.
func Suspect(s string) (enc Encoding, original string, ok bool) {
	switch legacyHint(s) {
	case hintUnicode:
		return Unicode, "", false
	case hintMark:
		if s = norm.NFC.String(s); legacyHint(s) != hintMaybe {
			return Unicode, "", false
		}
	}
	units, _, fits := toUnits(s)
	if !fits {
		return Unicode, "", false
	}
	before := countWords(s)
	if before.invalid() == 0 {
		return Unicode, "", false
	}
	best := 0
	for _, e := range [...]Encoding{TCVN3, VNI, Windows1258} {
		t := decodeUnits(units, e)
		after := countWords(t)
		mended := before.invalid() - after.invalid()
		if mended <= best || after.diacritic <= before.diacritic ||
			after.valid*10 < after.counted*6 || after.diacritic*10 < after.nonASCII*7 {
			continue
		}
		enc, original, ok, best = e, t, true, mended
	}
	return enc, original, ok
}

// Answers of legacyHint.
const (
	hintUnicode = iota // plain ASCII, or a letter no legacy byte produces
	hintMark           // a combining mark: look again in NFC
	hintMaybe          // only characters legacy bytes produce, some beyond ASCII
)

// legacyHint is the quick test before counting words.
func legacyHint(s string) int {
	hint := hintUnicode
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x100 && lookup(r).known:
			return hintUnicode // ă, đ, ơ, ư, ộ ...: Unicode Vietnamese
		case unicode.IsMark(r):
			return hintMark
		}
		if _, ok := byteOf(r); ok {
			hint = hintMaybe
		} else if unicode.IsLetter(r) {
			return hintUnicode
		}
	}
	return hint
}

// wordCount summarises the words of a text.
type wordCount struct {
	counted   int // words that should be Vietnamese
	valid     int // of those, well-formed syllables
	diacritic int // valid syllables with a letter beyond ASCII
	nonASCII  int // counted words with a letter beyond ASCII
}

func (wc wordCount) invalid() int { return wc.counted - wc.valid }

// countWords splits s into runs of letters and checks each one. Single
// ASCII letters (list markers, initials) and words in capitals that are
// not syllables (UBND, HĐND) are left out.
func countWords(s string) wordCount {
	var wc wordCount
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		end := wordEnd(s, i)
		w := s[i:end]
		i = end
		ascii := true
		for j := 0; j < len(w); j++ {
			if w[j] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		switch {
		case ascii && len(w) == 1:
		case isSyllable(w):
			wc.counted++
			wc.valid++
			if !ascii {
				wc.diacritic++
				wc.nonASCII++
			}
		case isAbbreviation(w):
		default:
			wc.counted++
			if !ascii {
				wc.nonASCII++
			}
		}
	}
	return wc
}

// isAbbreviation reports whether w is an abbreviation: two or more
// capitals, ASCII or Đ (UBND, HĐND).
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r == 'Đ') {
			return false
		}
		n++
	}
	return n >= 2
}
