package vn

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lowerASCII serves one-letter strings without allocating.
const lowerASCII = "abcdefghijklmnopqrstuvwxyz"

// slugFallback is the slug of a name with nothing usable in it.
const slugFallback = "van-ban"

// slugLetters spells letters that have no ASCII base letter.
var slugLetters = map[rune]string{
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ß': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// windowsReserved are names Windows refuses for a file, whatever the extension.
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

func init() {
	for i := '1'; i <= '9'; i++ {
		windowsReserved["com"+string(i)] = true
		windowsReserved["lpt"+string(i)] = true
	}
}

// Slug makes a safe ASCII file name from s: "UBND tỉnh Thừa Thiên Huế" ->
// "ubnd-tinh-thua-thien-hue".
//
// Letters lose their diacritics (đ gives d), everything is lower case,
// and each run of other characters becomes one "-"; the result holds only
// a-z, 0-9 and "-", never starts or ends with "-", and so can hold no
// path separator and no "..". It is never empty: a name with nothing
// usable gives "van-ban". With max > 0 it is at most max bytes, cut at a
// "-" when one leaves something, otherwise cut inside the word. A name
// Windows reserves (con, nul, com1, ...) gets "-vb" added.
func Slug(s string, max int) string {
	b := make([]byte, 0, len(s))
	dash := false
	add := func(piece string) {
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, piece...)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				add(s[i-1 : i])
			case c >= 'A' && c <= 'Z':
				add(lowerASCII[c-'A' : c-'A'+1])
			default:
				dash = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if p, ok := asciiLetter(r); ok {
			add(p)
		} else if !unicode.Is(unicode.Mn, r) {
			dash = true // not a letter we can spell; combining marks are dropped
		}
	}
	out := slugFallback
	if len(b) > 0 {
		out = string(b)
	}
	out = cutSlug(out, max)
	if windowsReserved[out] {
		if max <= 0 || len(out)+3 <= max {
			out += "-vb"
		} else {
			out = cutSlug("vb-"+out, max)
		}
	}
	return out
}

// asciiLetter spells r in ASCII when r is a letter with a Latin base.
func asciiLetter(r rune) (string, bool) {
	if p, ok := slugLetters[r]; ok {
		return p, true
	}
	if li := lookup(r); li.known && li.vowel != 0 {
		return string(vowelBaseASCII[li.vowel]), true
	}
	d := norm.NFD.String(string(r))
	if c := d[0]; d != string(r) && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return string(rune(c | 0x20)), true
	}
	return "", false
}

// vowelBaseASCII spells each vowel code without diacritics.
var vowelBaseASCII = [13]byte{0, 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'}

// cutSlug shortens a slug to at most max bytes (no limit when max <= 0),
// at a "-" when that leaves something.
func cutSlug(s string, max int) string {
	if max <= 0 || len(s) <= max {
		return s
	}
	cut := s[:max]
	if s[max] != '-' {
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, "-")
}

// SlugSet hands out slugs that are unique within the set: the second
// "UBND tỉnh" gets "ubnd-tinh-2", the third "ubnd-tinh-3". It is not safe
// for concurrent use.
type SlugSet struct {
	max  int
	used map[string]bool
	next map[string]int // the next suffix to try for a base slug
}

// minSetSlug is the smallest max a SlugSet accepts: room for a word and a
// numbered suffix.
const minSetSlug = 8

// NewSlugSet returns an empty set whose slugs are at most max bytes
// (no limit when max <= 0; a max below 8 is raised to 8).
func NewSlugSet(max int) *SlugSet {
	if max > 0 && max < minSetSlug {
		max = minSetSlug
	}
	return &SlugSet{max: max, used: map[string]bool{}, next: map[string]int{}}
}

// Add returns the slug of name, made unique by a suffix "-2", "-3", ...
// that fits within the set's length limit, and records it.
func (set *SlugSet) Add(name string) string {
	base := Slug(name, set.max)
	if !set.used[base] {
		set.used[base] = true
		return base
	}
	for k := max(set.next[base], 2); ; k++ {
		suffix := "-" + strconv.Itoa(k)
		cand := base + suffix
		if set.max > 0 && len(cand) > set.max {
			if room := set.max - len(suffix); room > 0 {
				cand = cutSlug(base, room) + suffix
			} else {
				cand = suffix[1:]
			}
		}
		if !set.used[cand] {
			set.used[cand] = true
			set.next[base] = k + 1
			return cand
		}
	}
}

// UniqueSlugs returns the slugs of names, each at most max bytes and all
// different: the first of several equal slugs stays as it is, the others
// get "-2", "-3", ...
func UniqueSlugs(names []string, max int) []string {
	set := NewSlugSet(max)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = set.Add(n)
	}
	return out
}
