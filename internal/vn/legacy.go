package vn

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// String names the encoding as Vietnamese users know it.
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	case Windows1258:
		return "Windows-1258"
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}

// ParseEncoding reads an encoding name as a user types it on the command
// line: "tcvn3", "abc", "vni", "cp1258", "windows-1258", "unicode".
func ParseEncoding(name string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "unicode", "utf8", "utf-8":
		return Unicode, nil
	case "tcvn3", "tcvn", "abc", "vn3", "tcvn5712":
		return TCVN3, nil
	case "vni", "vni-windows":
		return VNI, nil
	case "windows-1258", "windows1258", "cp1258", "1258":
		return Windows1258, nil
	}
	return Unicode, fmt.Errorf("không biết bảng mã %q: hãy dùng tcvn3, vni, cp1258 hoặc unicode", name)
}

// A legacy text read as Windows-1252 is kept as units: a value below 0x100
// is a byte of the legacy encoding; anything else is a rune that no byte
// produces (an arrow, a CJK character) and passes through unchanged.

// cp1252Byte maps the Windows-1252 characters of 0x80..0x9F to their bytes.
var cp1252Byte = map[rune]byte{}

func init() {
	for b := 0x80; b < 0xA0; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			cp1252Byte[r] = byte(b)
		}
	}
}

// byteOf returns the byte that a Windows-1252 or Latin-1 reading turned
// into r.
func byteOf(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	b, ok := cp1252Byte[r]
	return b, ok
}

// runeOf returns what a Windows-1252 reader shows for b (Latin-1 for the
// five bytes Windows-1252 leaves undefined).
func runeOf(b byte) rune {
	if r := charmap.Windows1252.DecodeByte(b); r != utf8.RuneError {
		return r
	}
	return rune(b)
}

// toUnits turns s into legacy units. It fails on the first letter or mark
// that no byte could have produced: such text is already Unicode.
func toUnits(s string) (units []rune, bad rune, ok bool) {
	units = make([]rune, 0, len(s))
	for _, r := range s {
		if b, ok := byteOf(r); ok {
			units = append(units, rune(b))
			continue
		}
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return nil, r, false
		}
		units = append(units, r)
	}
	return units, 0, true
}

// nfc returns s in NFC, without allocating when it already is.
func nfc(s string) string {
	if knownNFC(s) || norm.NFC.QuickSpanString(s) == len(s) {
		return s
	}
	return norm.NFC.String(s)
}

// fromUnits writes units back as the characters a Windows-1252 reader shows.
func fromUnits(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for _, c := range b {
		sb.WriteRune(runeOf(c))
	}
	return sb.String()
}

// FromLegacy converts s, Vietnamese written in enc and read as Unicode, to NFC.
//
// Each character of s stands for one byte of the legacy text, as a
// Windows-1252 (or Latin-1) reader showed it. TCVN3 means the VN3 set
// that ABC and the .VnTime fonts use; capitals with tones, which VN3
// lacks, come out in capitals when the rest of the word is in capitals
// ("CéNG HOµ" gives "CỘNG HOÀ"). The result is in NFC but its tone marks
// are where the source put them: pass it to Normalize for one style.
// s may have gone through NFD on the way (as file names on macOS do): it
// is put in NFC first. FromLegacy fails when s holds a letter no legacy
// byte can produce, which means s is already Unicode.
func FromLegacy(s string, enc Encoding) (string, error) {
	if enc == Unicode {
		return norm.NFC.String(s), nil
	}
	if enc != TCVN3 && enc != VNI && enc != Windows1258 {
		return "", fmt.Errorf("không biết bảng mã số %d: chỉ chuyển được từ TCVN3, VNI hoặc Windows-1258", int(enc))
	}
	units, bad, ok := toUnits(nfc(s))
	if !ok {
		return "", fmt.Errorf("không thể chuyển từ %s: ký tự %q không có trong bảng mã này, văn bản có lẽ đã là Unicode", enc, bad)
	}
	return decodeUnits(units, enc), nil
}

// decodeUnits converts legacy units to NFC text.
func decodeUnits(units []rune, enc Encoding) string {
	var sb strings.Builder
	sb.Grow(len(units) * 2)
	switch enc {
	case TCVN3:
		decodeTCVN3(&sb, units)
	case VNI:
		decodeVNI(&sb, units)
	case Windows1258:
		for _, u := range units {
			if u < 0x100 {
				sb.WriteRune(cp1258[u])
			} else {
				sb.WriteRune(u)
			}
		}
	}
	return norm.NFC.String(sb.String())
}

// ToLegacy writes NFC text s in enc and returns what a Windows-1252 reader
// would show: the inverse of FromLegacy. It is how test fixtures of
// legacy text are made. Capitals with tones are written in TCVN3 with the
// lower-case code, as ABC users typed them. It fails on a character the
// encoding cannot hold.
func ToLegacy(s string, enc Encoding) (string, error) {
	s = norm.NFC.String(s)
	if enc == Unicode {
		return s, nil
	}
	b := make([]byte, 0, len(s)+len(s)/2)
	for _, r := range s {
		var ok bool
		switch enc {
		case TCVN3:
			b, ok = encodeTCVN3(b, r)
		case VNI:
			b, ok = encodeVNI(b, r)
		case Windows1258:
			b, ok = encode1258(b, r)
		default:
			return "", fmt.Errorf("không biết bảng mã số %d", int(enc))
		}
		if !ok {
			return "", fmt.Errorf("không viết được ký tự %q bằng bảng mã %s", r, enc)
		}
	}
	return fromUnits(b), nil
}

// passThrough appends r when a legacy text keeps it as itself: ASCII, or
// punctuation that Windows-1252 shows for a byte the encoding does not
// reuse (below lowest, the first byte the encoding gives a letter).
func passThrough(b []byte, r rune, lowest byte) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return append(b, byte(r)), true
	}
	if c, ok := byteOf(r); ok && c < lowest && !unicode.IsLetter(r) && runeOf(c) == r {
		return append(b, c), true
	}
	return b, false
}

// ---- TCVN3 ----

// tcvn3Letters lists the characters of bytes 0xA0..0xFF in TCVN 5712 (VN1
// and its subset VN3); "·" marks the combining tone marks at 0xB0..0xB4.
// Capitals with tones (0xAF, 0xBA, 0xBF..0xC5, ...) are VN1 only.
const tcvn3Letters = "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ" +
	"·····àảãáạẲằẳẵắẴ" +
	"ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" +
	"éẹềểễếệìỉỄẾỒĩíịò" +
	"Ổỏõóọồổỗốộờởỡớợù" +
	"ỖủũúụừửữứựỳỷỹýỵỐ"

var (
	tcvn3     [256]rune // byte -> letter (0 where the byte keeps its Windows-1252 meaning)
	tcvn3Code = map[rune]byte{}
)

func init() {
	i := 0xA0
	for _, r := range tcvn3Letters {
		if r != '·' {
			tcvn3[i] = r
		}
		i++
	}
	if i != 0x100 {
		panic("vn: TCVN3 table has the wrong size")
	}
	for b := 0xA1; b < 0x100; b++ {
		r := tcvn3[b]
		if r == 0 {
			continue
		}
		// ABC writes capitals with tones with the lower-case code.
		if li := lookup(r); li.upper && li.tone != toneNone {
			continue
		}
		tcvn3Code[r] = byte(b)
	}
}

// tcvn3Tone maps the combining bytes 0xB0..0xB4 to tones.
var tcvn3Tone = [5]uint8{toneHuyen, toneHoi, toneNga, toneSac, toneNang}

func isTCVN3Letter(u rune) bool {
	return u < utf8.RuneSelf && (u|0x20 >= 'a' && u|0x20 <= 'z') || u >= 0xA1 && u < 0x100 && tcvn3[u] != 0
}

// decodeTCVN3 decodes word by word so that a word typed in capitals with
// the capitals font (.VnTimeH) comes out in capitals: a word is taken for
// capitals when its ASCII letters are all capitals and one of them is not
// its initial, or when the whole text has no lower-case ASCII letter.
func decodeTCVN3(sb *strings.Builder, units []rune) {
	allCaps := false
	for _, u := range units {
		if u >= 'a' && u <= 'z' {
			allCaps = false
			break
		}
		if u >= 'A' && u <= 'Z' {
			allCaps = true
		}
	}
	var word []rune
	for i := 0; i < len(units); {
		u := units[i]
		if !isTCVN3Letter(u) {
			if u >= 0xB0 && u <= 0xB4 {
				// A combining tone byte after a decoded letter.
				if last, size := utf8.DecodeLastRuneInString(sb.String()); size > 0 && lookup(last).vowel != 0 {
					sb.WriteRune(toneMarks[tcvn3Tone[u-0xB0]])
					i++
					continue
				}
			}
			if u < 0x100 {
				sb.WriteRune(runeOf(byte(u)))
			} else {
				sb.WriteRune(u)
			}
			i++
			continue
		}
		j := i
		upperASCII, lowerASCII := 0, 0
		for ; j < len(units) && isTCVN3Letter(units[j]); j++ {
			c := units[j]
			switch {
			case c >= 'A' && c <= 'Z':
				if j > i { // a capital initial alone says nothing
					upperASCII++
				}
				word = append(word, c)
			case c >= 'a' && c <= 'z':
				lowerASCII++
				word = append(word, c)
			default:
				word = append(word, tcvn3[c])
			}
		}
		capsWord := allCaps || lowerASCII == 0 && upperASCII > 0
		for _, r := range word {
			if capsWord {
				r = unicode.ToUpper(r)
			}
			sb.WriteRune(r)
		}
		word = word[:0]
		i = j
	}
}

func encodeTCVN3(b []byte, r rune) ([]byte, bool) {
	if c, ok := tcvn3Code[r]; ok {
		return append(b, c), true
	}
	if li := lookup(r); li.known && li.upper && li.tone != toneNone {
		return append(b, tcvn3Code[withTone(li.vowel, li.tone, false)]), true
	}
	return passThrough(b, r, 0xA1)
}

// ---- VNI ----

// vniMark describes a VNI mark byte (lower-case form): the diacritic it
// adds ('^' circumflex, '(' breve, 0 none) and the tone.
type vniMark struct {
	mod  byte
	tone uint8
	ok   bool
}

var (
	vniMarks [256]vniMark
	// vniAlone maps the single bytes that stand for a whole letter.
	vniAlone = map[byte]rune{
		0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ', 0xED: 'í', 0xEC: 'ì', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
		0xD4: 'Ơ', 0xD6: 'Ư', 0xD1: 'Đ', 0xCD: 'Í', 0xCC: 'Ì', 0xC6: 'Ỉ', 0xD3: 'Ĩ', 0xD2: 'Ị', 0xCE: 'Ỵ',
	}
	vniAloneCode = map[rune]byte{}
	// vniMarkCode[mod][tone] is the lower-case mark byte.
	vniMarkCode = map[byte]*[6]byte{0: {}, '^': {}, '(': {}}
)

func init() {
	set := func(b byte, mod byte, tone uint8) {
		vniMarks[b] = vniMark{mod, tone, true}
		vniMarks[b-0x20] = vniMark{mod, tone, true}
		vniMarkCode[mod][tone] = b
	}
	set(0xF9, 0, toneSac)
	set(0xF8, 0, toneHuyen)
	set(0xFB, 0, toneHoi)
	set(0xF5, 0, toneNga)
	set(0xEF, 0, toneNang)
	set(0xE2, '^', toneNone)
	set(0xE1, '^', toneSac)
	set(0xE0, '^', toneHuyen)
	set(0xE5, '^', toneHoi)
	set(0xE3, '^', toneNga)
	set(0xE4, '^', toneNang)
	set(0xEA, '(', toneNone)
	set(0xE9, '(', toneSac)
	set(0xE8, '(', toneHuyen)
	set(0xFA, '(', toneHoi)
	set(0xFC, '(', toneNga)
	set(0xEB, '(', toneNang)
	for b, r := range vniAlone {
		vniAloneCode[r] = b
	}
}

// vniBase returns the vowel a VNI base byte stands for.
func vniBase(u rune) (v uint8, upper bool) {
	switch {
	case u < utf8.RuneSelf && u >= 'a' && u <= 'z':
		return vowelOfASCII(byte(u)), false
	case u < utf8.RuneSelf && u >= 'A' && u <= 'Z':
		return vowelOfASCII(byte(u + 'a' - 'A')), true
	case u == 0xF4:
		return vOw, false
	case u == 0xF6:
		return vUw, false
	case u == 0xD4:
		return vOw, true
	case u == 0xD6:
		return vUw, true
	}
	return 0, false
}

// vniApply adds a mark to vowel v, or reports that VNI never writes it so.
func vniApply(v uint8, m vniMark) (uint8, bool) {
	switch m.mod {
	case '^':
		switch v {
		case vA:
			return vAa, true
		case vE:
			return vEe, true
		case vO:
			return vOo, true
		}
		return 0, false
	case '(':
		return vAw, v == vA
	}
	return v, true
}

func decodeVNI(sb *strings.Builder, units []rune) {
	for i := 0; i < len(units); i++ {
		u := units[i]
		if v, upper := vniBase(u); v != 0 && i+1 < len(units) && units[i+1] < 0x100 {
			if m := vniMarks[units[i+1]]; m.ok {
				if nv, ok := vniApply(v, m); ok {
					sb.WriteRune(withTone(nv, m.tone, upper))
					i++
					continue
				}
			}
		}
		switch {
		case u >= 0x80 && u < 0x100 && vniAlone[byte(u)] != 0:
			sb.WriteRune(vniAlone[byte(u)])
		case u < 0x100:
			sb.WriteRune(runeOf(byte(u)))
		default:
			sb.WriteRune(u)
		}
	}
}

func encodeVNI(b []byte, r rune) ([]byte, bool) {
	if c, ok := vniAloneCode[r]; ok {
		return append(b, c), true
	}
	li := lookup(r)
	if !li.known || li.vowel == 0 || r < utf8.RuneSelf {
		return passThrough(b, r, 0xC0)
	}
	var base byte
	var mod byte
	switch li.vowel {
	case vA, vE, vI, vO, vU, vY:
		base = byte(vowelBases[li.vowel])
	case vAw:
		base, mod = 'a', '('
	case vAa:
		base, mod = 'a', '^'
	case vEe:
		base, mod = 'e', '^'
	case vOo:
		base, mod = 'o', '^'
	case vOw:
		base = 0xF4
	case vUw:
		base = 0xF6
	}
	mark := vniMarkCode[mod][li.tone]
	if li.upper {
		base -= 0x20
		if mark != 0 {
			mark -= 0x20
		}
	}
	b = append(b, base)
	if mark != 0 {
		b = append(b, mark)
	}
	return b, true
}

// ---- Windows-1258 ----

// cp1258 decodes bytes; the four bytes Windows-1258 leaves undefined keep
// their Windows-1252 meaning.
var cp1258 [256]rune

// cp1258Tone holds the byte of each combining tone mark.
var cp1258Tone = [6]byte{0, 0xEC, 0xCC, 0xD2, 0xDE, 0xF2}

func init() {
	for b := 0; b < 256; b++ {
		r := charmap.Windows1258.DecodeByte(byte(b))
		if r == utf8.RuneError {
			r = runeOf(byte(b))
		}
		cp1258[b] = r
	}
}

func encode1258(b []byte, r rune) ([]byte, bool) {
	if c, ok := charmap.Windows1258.EncodeRune(r); ok {
		return append(b, c), true
	}
	li := lookup(r)
	if !li.known || li.tone == toneNone {
		return b, false
	}
	c, ok := charmap.Windows1258.EncodeRune(withTone(li.vowel, toneNone, li.upper))
	if !ok {
		return b, false
	}
	return append(b, c, cp1258Tone[li.tone]), true
}
