package vn

import (
	"unicode"
	"unicode/utf8"
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
// So text whose every word is already a syllable is never suspected. Text holding any letter that no
// legacy byte can produce (ư, ơ, đ, ộ, a combining mark, a CJK letter) is
// Unicode and is never suspected, nor is plain ASCII. The conversion that
// mends the most words wins; original is in NFC, with its tone marks
// where the source put them.
func Suspect(s string) (enc Encoding, original string, ok bool) {
	if !mayBeLegacy(s) {
		return Unicode, "", false
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

// mayBeLegacy is the quick test: s has a character a legacy byte could
// have produced beyond ASCII, and no letter only Unicode can hold.
func mayBeLegacy(s string) bool {
	high := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if _, ok := byteOf(r); ok {
			high = true
			continue
		}
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return false
		}
	}
	return high
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
