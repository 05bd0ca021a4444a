package vn

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// digitWords are the digits as read aloud.
var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// billion is one tỷ.
const billion = 1_000_000_000

// MoneyWords spells an amount of đồng the way treasury papers do, with a
// capital first letter: 2340000 -> "Hai triệu ba trăm bốn mươi nghìn đồng",
// 0 -> "Không đồng", -5000 -> "Âm năm nghìn đồng".
//
// The reading is the one of the State Treasury and of e-invoices:
//
//   - groups of three digits with the units nghìn, triệu, tỷ; above that
//     the count of tỷ is read as a number of its own: 10^12 is "một nghìn
//     tỷ", 10^15 "một triệu tỷ", 10^18 "một tỷ tỷ"; every int64 has a
//     reading, there is no error;
//   - a group that is all zeros is skipped ("một triệu đồng", not "một
//     triệu không nghìn không trăm đồng");
//   - every group after the first is read in full with its hundreds, so a
//     zero hundreds digit is said: 1.000.005 is "một triệu không trăm linh
//     năm", 1.005.000.000 "một tỷ không trăm linh năm triệu", 2.010 "hai
//     nghìn không trăm mười";
//   - "linh" (not "lẻ") for a zero tens digit before a unit digit: 105
//     "một trăm linh năm", 1.000.001 "một triệu không trăm linh một";
//   - "mười" for ten, "mươi" for the tens from 20; after "mươi" 1 is
//     "mốt" and 4 is "tư" (21 "hai mươi mốt", 24 "hai mươi tư", but 11
//     "mười một", 14 "mười bốn", 104 "một trăm linh bốn"); after "mười" or
//     "mươi" 5 is "lăm" (15 "mười lăm", 25 "hai mươi lăm", 105 "một trăm
//     linh năm");
//   - "nghìn" (not "ngàn"), "tỷ" (not "tỉ");
//   - a negative amount starts with "âm".
func MoneyWords(n int64) string {
	b := appendNumberWords(make([]byte, 0, 128), n)
	b = append(b, " đồng"...)
	return capitalize(b)
}

// NumberWords spells n in lower case without a unit, read as MoneyWords
// reads it: 105 -> "một trăm linh năm", 21 -> "hai mươi mốt", -3 -> "âm ba".
func NumberWords(n int64) string {
	return string(appendNumberWords(make([]byte, 0, 128), n))
}

func capitalize(b []byte) string {
	r, size := utf8.DecodeRune(b)
	var sb strings.Builder
	sb.Grow(len(b) + 1)
	sb.WriteRune(unicode.ToUpper(r))
	sb.Write(b[size:])
	return sb.String()
}

// word appends w, with a space before it unless b is empty.
func word(b []byte, w string) []byte {
	if len(b) > 0 {
		b = append(b, ' ')
	}
	return append(b, w...)
}

func appendNumberWords(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = word(b, "âm")
		u = -u
	}
	if u == 0 {
		return word(b, digitWords[0])
	}
	return spell(b, u, true)
}

// spell appends the reading of n > 0; leading is true when nothing of the
// number has been read before it.
func spell(b []byte, n uint64, leading bool) []byte {
	if n >= billion {
		b = spell(b, n/billion, leading)
		b = word(b, "tỷ")
		if r := n % billion; r > 0 {
			b = spell(b, r, false)
		}
		return b
	}
	full := !leading
	for _, g := range [...]struct {
		div  uint64
		unit string
	}{{1_000_000, "triệu"}, {1000, "nghìn"}, {1, ""}} {
		v := n / g.div % 1000
		if v == 0 {
			continue
		}
		b = spellGroup(b, int(v), full)
		if g.unit != "" {
			b = word(b, g.unit)
		}
		full = true
	}
	return b
}

// spellGroup appends the reading of 0 < v < 1000; full asks for the
// hundreds even when they are zero.
func spellGroup(b []byte, v int, full bool) []byte {
	h, t, u := v/100, v/10%10, v%10
	if full || h > 0 {
		b = word(b, digitWords[h])
		b = word(b, "trăm")
		full = true
	}
	switch {
	case t == 0 && u == 0:
	case t == 0:
		if full {
			b = word(b, "linh")
		}
		b = word(b, digitWords[u])
	case t == 1:
		b = word(b, "mười")
		b = appendUnitAfterTens(b, u, false)
	default:
		b = word(b, digitWords[t])
		b = word(b, "mươi")
		b = appendUnitAfterTens(b, u, true)
	}
	return b
}

func appendUnitAfterTens(b []byte, u int, muoi bool) []byte {
	switch {
	case u == 0:
		return b
	case u == 5:
		return word(b, "lăm")
	case muoi && u == 1:
		return word(b, "mốt")
	case muoi && u == 4:
		return word(b, "tư")
	}
	return word(b, digitWords[u])
}

// ParseWords reads a number or an amount written in words back: the
// readings MoneyWords and NumberWords give, in any letter case, with or
// without "âm" before and "đồng" (or "đồng chẵn") after, and the common
// variants "ngàn", "tỉ", "lẻ", "mươi một", "mươi bốn", "mươi năm",
// "mười tư", and groups without "không trăm" after a unit ("hai nghìn
// linh năm"). A bare digit after "trăm" or after a unit ("một trăm năm",
// "một triệu hai") is refused, as people read it either way.
func ParseWords(s string) (int64, error) {
	p := wordParser{src: s}
	for _, f := range strings.Fields(strings.ToLower(norm.NFC.String(s))) {
		if f = strings.Trim(f, ",.;:()/"); f != "" {
			p.toks = append(p.toks, f)
		}
	}
	neg := false
	if len(p.toks) > 0 && p.toks[0] == "âm" {
		neg, p.toks = true, p.toks[1:]
	}
	if n := len(p.toks); n > 0 && p.toks[n-1] == "chẵn" {
		p.toks = p.toks[:n-1]
	}
	if n := len(p.toks); n > 0 && p.toks[n-1] == "đồng" {
		p.toks = p.toks[:n-1]
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	p.limit = limit
	u, err := p.number()
	if err != nil {
		return 0, err
	}
	if neg {
		return int64(-u), nil
	}
	return int64(u), nil
}

type wordParser struct {
	src   string
	toks  []string
	i     int
	limit uint64
}

func (p *wordParser) peek(k int) string {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return ""
}

func (p *wordParser) errWord(w, why string) error {
	return fmt.Errorf("không đọc được số %q: từ %q %s", strings.TrimSpace(p.src), w, why)
}

func (p *wordParser) errTooBig() error {
	return fmt.Errorf("số %q quá lớn: chỉ đọc được đến chín tỷ tỷ (khoảng 9,2 × 10^18)", strings.TrimSpace(p.src))
}

func (p *wordParser) add(a, b uint64) (uint64, error) {
	if a > p.limit-b {
		return 0, p.errTooBig()
	}
	return a + b, nil
}

func (p *wordParser) mul(a, b uint64) (uint64, error) {
	if b != 0 && a > p.limit/b {
		return 0, p.errTooBig()
	}
	return a * b, nil
}

// units maps the words of the units to their rank and value.
var units = map[string]struct {
	rank  int
	value uint64
}{"nghìn": {1, 1000}, "ngàn": {1, 1000}, "triệu": {2, 1_000_000}, "tỷ": {3, billion}, "tỉ": {3, billion}}

func digitOf(w string) (int, bool) {
	for d, dw := range digitWords {
		if w == dw {
			return d, true
		}
	}
	return 0, false
}

// number reads the whole token list.
func (p *wordParser) number() (uint64, error) {
	if len(p.toks) == 0 {
		return 0, fmt.Errorf("không đọc được số %q: chưa có chữ số nào", strings.TrimSpace(p.src))
	}
	if len(p.toks) == 1 && p.toks[0] == "không" {
		return 0, nil
	}
	type part struct {
		value uint64
		rank  int
	}
	var stack []part
	sum := func(v uint64) (uint64, error) {
		var err error
		for _, pt := range stack {
			if v, err = p.add(v, pt.value); err != nil {
				return 0, err
			}
		}
		return v, nil
	}
	leading := true
	for p.i < len(p.toks) {
		small, got, err := p.group(leading)
		if err != nil {
			return 0, err
		}
		if p.i == len(p.toks) {
			if !got {
				break
			}
			stack = append(stack, part{uint64(small), 0})
			break
		}
		w := p.toks[p.i]
		unit, ok := units[w]
		if !ok {
			if _, isDigit := digitOf(w); isDigit || w == "lăm" || w == "mốt" || w == "tư" || w == "linh" || w == "lẻ" || w == "mười" || w == "mươi" || w == "trăm" {
				return 0, p.errWord(w, "không đúng chỗ (sau \"trăm\" hay sau đơn vị, hàng chục bằng 0 thì đọc \"linh\")")
			}
			return 0, p.errWord(w, "không phải chữ số hay đơn vị (nghìn, triệu, tỷ)")
		}
		p.i++
		if unit.rank == 3 {
			if !got && len(stack) == 0 {
				return 0, p.errWord(w, "đứng trước mọi chữ số")
			}
			v, err := sum(uint64(small))
			if err != nil {
				return 0, err
			}
			if v, err = p.mul(v, unit.value); err != nil {
				return 0, err
			}
			stack = append(stack[:0], part{v, 3})
		} else {
			if !got {
				return 0, p.errWord(w, "không có chữ số đứng trước")
			}
			if n := len(stack); n > 0 && stack[n-1].rank <= unit.rank {
				return 0, p.errWord(w, "không đúng thứ tự (phải từ lớn đến nhỏ: tỷ, triệu, nghìn)")
			}
			v, err := p.mul(uint64(small), unit.value)
			if err != nil {
				return 0, err
			}
			stack = append(stack, part{v, unit.rank})
		}
		leading = false
	}
	return sum(0)
}

// group reads a number below 1000. leading is true at the start of the
// number, where the hundreds may be left out and a bare digit is allowed.
func (p *wordParser) group(leading bool) (v int, got bool, err error) {
	start := p.i
	hundreds := false
	if d, ok := digitOf(p.peek(0)); ok && p.peek(1) == "trăm" {
		if d == 0 && leading {
			return 0, false, p.errWord("không trăm", "chỉ dùng sau một đơn vị (nghìn, triệu, tỷ)")
		}
		v, hundreds = d*100, true
		p.i += 2
	}
	w := p.peek(0)
	d, isDigit := digitOf(w)
	switch {
	case w == "linh" || w == "lẻ":
		u, ok := digitOf(p.peek(1))
		if p.peek(1) == "tư" {
			u, ok = 4, true
		}
		if !ok || u == 0 {
			return 0, false, p.errWord(w, "phải có một chữ số từ một đến chín theo sau")
		}
		if leading && !hundreds {
			return 0, false, p.errWord(w, "không đứng đầu số được")
		}
		v += u
		p.i += 2
	case w == "mười":
		v += 10
		p.i++
		if u, ok := unitAfterTens(p.peek(0), false); ok {
			v += u
			p.i++
		}
	case isDigit && d >= 2 && p.peek(1) == "mươi":
		v += d * 10
		p.i += 2
		if u, ok := unitAfterTens(p.peek(0), true); ok {
			v += u
			p.i++
		}
	case isDigit && d > 0 && leading && !hundreds:
		v += d
		p.i++
	}
	got = p.i > start
	if got && v == 0 {
		return 0, false, p.errWord(p.toks[start], "không đúng chỗ: nhóm ba chữ số này bằng 0, hãy bỏ cả nhóm")
	}
	return v, got, nil
}

// unitAfterTens reads the unit digit after "mười" (muoi false) or "mươi".
func unitAfterTens(w string, muoi bool) (int, bool) {
	switch w {
	case "lăm", "năm":
		return 5, true
	case "mốt":
		return 1, muoi
	case "tư":
		return 4, true
	case "không":
		return 0, false
	}
	return digitOf(w)
}
