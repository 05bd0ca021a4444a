package vn

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Upper capitalises s keeping every diacritic: "Ủy ban" -> "ỦY BAN",
// "đồng" -> "ĐỒNG". The result is in NFC.
func Upper(s string) string {
	return strings.ToUpper(norm.NFC.String(s))
}

// SplitName splits a Vietnamese full name into family name (the first
// word), middle name (the words between) and given name (the last word):
// "Nguyễn Thị Minh Khai" -> "Nguyễn", "Thị Minh", "Khai". A single word
// is a given name; white space is tidied and the parts are in NFC.
// Compound family names ("Tôn Thất", "Âu Dương") cannot be told from a
// middle name by spelling alone and come out as family + middle.
func SplitName(full string) (family, middle, given string) {
	f := strings.Fields(norm.NFC.String(full))
	switch len(f) {
	case 0:
		return "", "", ""
	case 1:
		return "", "", f[0]
	}
	return f[0], strings.Join(f[1:len(f)-1], " "), f[len(f)-1]
}

// collators holds Vietnamese collators: a Collator is not safe for
// concurrent use, so each caller borrows one.
var collators = sync.Pool{New: func() any { return collate.New(language.Vietnamese) }}

// nameKey is the collation key of a name: given, middle, family.
type nameKey [3][]byte

func makeKey(c *collate.Collator, buf *collate.Buffer, name string) nameKey {
	family, middle, given := SplitName(Normalize(name, ToneModern))
	var k nameKey
	for i, part := range [3]string{given, middle, family} {
		k[i] = slices.Clone(c.KeyFromString(buf, part))
		buf.Reset()
	}
	return k
}

func (k nameKey) compare(o nameKey) int {
	for i := range k {
		if c := bytes.Compare(k[i], o[i]); c != 0 {
			return c
		}
	}
	return 0
}

// CompareNames orders two personal names the Vietnamese way: by given
// name, then middle name, then family name, each in Vietnamese collation
// (a ă â b c d đ e ê ..., tones after letters, case after tones). Both
// tone styles compare equal ("Thủy" and "Thuỷ"). It returns -1, 0 or +1.
func CompareNames(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	return makeKey(c, &buf, a).compare(makeKey(c, &buf, b))
}

// SortNames sorts names in place in the order of CompareNames; names that
// compare equal keep their order.
func SortNames(names []string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	type item struct {
		key  nameKey
		name string
	}
	items := make([]item, len(names))
	for i, n := range names {
		items[i] = item{makeKey(c, &buf, n), n}
	}
	slices.SortStableFunc(items, func(x, y item) int { return x.key.compare(y.key) })
	for i := range items {
		names[i] = items[i].name
	}
}

// unitWords are the administrative units that a name may begin with, as a
// table cell writes them ("Xã Vĩnh Lộc"), longest first.
var unitWords = []string{"Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Xã", "Phường"}

// InSentence writes a name for the middle of a sentence: a leading
// administrative unit is written in lower case before its proper name, as
// Nghị định 30/2020 writes "xã Vĩnh Lộc", "thành phố Huế" ("Xã Vĩnh Lộc"
// starts a table cell, not a clause). Other names are left as they are.
func InSentence(name string) string {
	for _, u := range unitWords {
		rest, ok := strings.CutPrefix(name, u+" ")
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return strings.ToLower(u) + " " + rest
		}
		return name
	}
	return name
}

// PositionAt writes a position with its unit, "Giám đốc Sở Tài chính
// tỉnh Bình An", without saying the unit's word twice when the position
// ends with it: "Trưởng ban" of "Ban Dân tộc tỉnh Bình An" is "Trưởng Ban
// Dân tộc tỉnh Bình An", "Chánh Thanh tra" of "Thanh tra tỉnh Bình An"
// is "Chánh Thanh tra tỉnh Bình An", and a position that already names
// the unit ("Giám đốc Sở Tài chính") is not followed by it again.
func PositionAt(position, unit string) string { return positionJoin(position, unit, " ") }

// PositionAnd writes a person's position and the body they work in, as
// minutes present them: "Chuyên viên, Sở Tài chính", but "Bí thư Thị ủy"
// of "Thị ủy Hồng Lĩnh" is "Bí thư Thị ủy Hồng Lĩnh", not "Bí thư Thị ủy,
// Thị ủy Hồng Lĩnh". Either may be empty.
func PositionAnd(position, body string) string {
	switch {
	case strings.TrimSpace(body) == "":
		return position
	case strings.TrimSpace(position) == "":
		return body
	}
	return positionJoin(position, body, ", ")
}

// positionJoin writes position and unit with sep between them, or as one
// name where the position ends with the words the unit begins with.
func positionJoin(position, unit, sep string) string {
	pw, uw := strings.Fields(position), strings.Fields(unit)
	if len(pw) == 0 {
		return unit
	}
	for k := min(len(pw)-1, len(uw)); k > 0; k-- {
		same := true
		for i := range k {
			if !strings.EqualFold(pw[len(pw)-k+i], uw[i]) {
				same = false
				break
			}
		}
		if same {
			return strings.Join(pw[:len(pw)-k], " ") + " " + unit
		}
	}
	return position + sep + unit
}

// OneSpaced returns s with each run of white space made one space and none
// at its ends, as strings.Join(strings.Fields(s), " ") does, without a copy
// when s is so already.
func OneSpaced(s string) string {
	prevSpace := true // at the start, a space would be a leading one
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
