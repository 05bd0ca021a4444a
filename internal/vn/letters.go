package vn

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tones, numbered as Vietnamese teaching lists them.
const (
	toneNone  = 0
	toneSac   = 1 // acute
	toneHuyen = 2 // grave
	toneHoi   = 3 // hook above
	toneNga   = 4 // tilde
	toneNang  = 5 // dot below
)

// toneMarks are the combining marks of the five tones, indexed by tone.
var toneMarks = [6]rune{0, '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'}

// Vowel codes: a small number for each of the twelve Vietnamese vowel
// letters, so that vowel clusters can be packed into an integer key.
const (
	vA  = 1 + iota // a
	vAw            // ă
	vAa            // â
	vE             // e
	vEe            // ê
	vI             // i
	vO             // o
	vOo            // ô
	vOw            // ơ
	vU             // u
	vUw            // ư
	vY             // y
)

// vowelBases lists the toneless vowel letters, lower case, by vowel code.
var vowelBases = [13]rune{0, 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'}

// letterInfo describes one precomposed Vietnamese letter.
type letterInfo struct {
	base  rune  // the letter without its tone, same case
	vowel uint8 // vowel code, 0 for a consonant
	tone  uint8
	upper bool
	known bool
}

// Precomposed letters live in two blocks: Latin-1 Supplement to Latin
// Extended-B (U+00C0..U+01B0) and Latin Extended Additional
// (U+1EA0..U+1EF9).
const (
	lo1, hi1 = 0x00C0, 0x01B0
	lo2, hi2 = 0x1EA0, 0x1EF9
)

// The tables are built by variable initialisers, which run before every
// init function of the package, so other files' init functions may use
// lookup.
var (
	infoLatin [hi1 - lo1 + 1]letterInfo
	infoExt   [hi2 - lo2 + 1]letterInfo
	// composed[upper][vowel][tone] is the precomposed letter.
	composed = buildLetterTables()
)

func buildLetterTables() (c [2][13][6]rune) {
	for v := 1; v <= 12; v++ {
		for up := 0; up < 2; up++ {
			base := vowelBases[v]
			if up == 1 {
				base = unicode.ToUpper(base)
			}
			for t := 0; t < 6; t++ {
				s := string(base)
				if t > 0 {
					s += string(toneMarks[t])
				}
				r, _ := utf8.DecodeRuneInString(norm.NFC.String(s))
				c[up][v][t] = r
				setInfo(r, letterInfo{base: base, vowel: uint8(v), tone: uint8(t), upper: up == 1, known: true})
			}
		}
	}
	setInfo('đ', letterInfo{base: 'đ', known: true})
	setInfo('Đ', letterInfo{base: 'Đ', upper: true, known: true})
	return c
}

func setInfo(r rune, li letterInfo) {
	switch {
	case r >= lo1 && r <= hi1:
		infoLatin[r-lo1] = li
	case r >= lo2 && r <= hi2:
		infoExt[r-lo2] = li
	}
}

// vowelOfASCII maps a lower-case ASCII letter to its vowel code.
func vowelOfASCII(c byte) uint8 {
	switch c {
	case 'a':
		return vA
	case 'e':
		return vE
	case 'i':
		return vI
	case 'o':
		return vO
	case 'u':
		return vU
	case 'y':
		return vY
	}
	return 0
}

// lookup describes r as a Vietnamese letter; known is false for anything
// that is not a letter of the Vietnamese alphabet (f, j, w, z are kept as
// consonants so that loan words parse, and are rejected later).
func lookup(r rune) letterInfo {
	switch {
	case r >= 'a' && r <= 'z':
		return letterInfo{base: r, vowel: vowelOfASCII(byte(r)), known: true}
	case r >= 'A' && r <= 'Z':
		return letterInfo{base: r, vowel: vowelOfASCII(byte(r + 'a' - 'A')), upper: true, known: true}
	case r >= lo1 && r <= hi1:
		return infoLatin[r-lo1]
	case r >= lo2 && r <= hi2:
		return infoExt[r-lo2]
	}
	return letterInfo{}
}

// withTone returns the vowel v (a vowel code) with tone t in the given case.
func withTone(v, t uint8, upper bool) rune {
	u := 0
	if upper {
		u = 1
	}
	return composed[u][v][t]
}

// Chars counts the characters of s as a reader sees them: a letter typed
// with its combining tone and vowel marks (a decomposed "ầ", NFD, as some
// Windows keyboards and Mac files give it) is one character, as the same
// letter typed precomposed is. Error positions count columns with it.
func Chars(s string) int {
	n := 0
	for i, r := range s {
		if i == 0 || !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
}
