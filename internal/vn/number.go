package vn

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// maxDecimals bounds the decimals FormatNumber writes.
const maxDecimals = 30

// FormatInt writes n with "." between thousands: 2340000 -> "2.340.000",
// -1500 -> "-1.500".
func FormatInt(n int64) string {
	var buf [32]byte
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u // also right for math.MinInt64
	}
	return string(appendGrouped(buf[:0], neg, strconv.AppendUint(nil, u, 10)))
}

// appendGrouped appends an optional minus sign and the digits with "."
// between groups of three.
func appendGrouped(b []byte, neg bool, digits []byte) []byte {
	if neg {
		b = append(b, '-')
	}
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b = append(b, digits[:first]...)
	for i := first; i < len(digits); i += 3 {
		b = append(b, '.')
		b = append(b, digits[i:i+3]...)
	}
	return b
}

// FormatNumber writes x with exactly decimals digits after the comma, "."
// between thousands and "," before the decimals: 31434.47, 2 ->
// "31.434,47"; 4.5, 1 -> "4,5"; -1721.4, 0 -> "-1.721".
//
// Rounding is half away from zero, done on the shortest decimal form of x
// (the digits a person typed), so 2.675 gives "2,68" and -0.5 with no
// decimals gives "-1", even though neither is exact in binary. A result
// that rounds to zero has no sign: -0.004, 2 gives "0,00". decimals is
// clamped to 0..30. NaN and infinities are written "NaN", "∞", "-∞".
func FormatNumber(x float64, decimals int) string {
	return string(appendNumber(nil, x, decimals, false))
}

// FormatDecimal is FormatNumber without trailing zeros after the comma:
// 4.50, 2 -> "4,5"; 12.0, 2 -> "12"; 1721.404, 2 -> "1.721,4". It suits
// coefficients and values whose precision varies.
func FormatDecimal(x float64, maxDecimals int) string {
	return string(appendNumber(nil, x, maxDecimals, true))
}

// FormatPercent writes x as a percentage with the given decimals, rounded
// as FormatNumber does: 43.31, 2 -> "43,31%". x is already a percentage
// (43.31, not 0.4331).
func FormatPercent(x float64, decimals int) string {
	return string(append(appendNumber(nil, x, decimals, false), '%'))
}

func appendNumber(b []byte, x float64, decimals int, trim bool) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "∞"...)
	case math.IsInf(x, -1):
		return append(b, "-∞"...)
	}
	decimals = min(max(decimals, 0), maxDecimals)
	var buf [64]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(x), 'f', -1, 64)
	intPart, frac := s, []byte(nil)
	if dot := bytes.IndexByte(s, '.'); dot >= 0 {
		intPart, frac = s[:dot], s[dot+1:]
	}
	// digits holds the integer part followed by exactly decimals digits.
	digits := make([]byte, 0, len(intPart)+decimals+1)
	digits = append(digits, intPart...)
	roundUp := false
	if len(frac) > decimals {
		roundUp = frac[decimals] >= '5'
		digits = append(digits, frac[:decimals]...)
	} else {
		digits = append(digits, frac...)
		for i := len(frac); i < decimals; i++ {
			digits = append(digits, '0')
		}
	}
	if roundUp {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
		}
	}
	zero := true
	for _, d := range digits {
		if d != '0' {
			zero = false
			break
		}
	}
	n := len(digits) - decimals
	fracDigits := digits[n:]
	if trim {
		for len(fracDigits) > 0 && fracDigits[len(fracDigits)-1] == '0' {
			fracDigits = fracDigits[:len(fracDigits)-1]
		}
	}
	b = appendGrouped(b, x < 0 && !zero, digits[:n])
	if len(fracDigits) > 0 {
		b = append(b, ',')
		b = append(b, fracDigits...)
	}
	return b
}

// TwoDigits writes a count or number below 10 with a leading zero, as
// papers write them ("08 bản", "Số: 05"); larger ones as FormatInt does.
func TwoDigits(n int64) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return FormatInt(n)
}

// Fraction writes a part of a whole as papers do, without leading zeros:
// "4/5" (đơn vị), "1/1" (chỉ tiêu). Counts standing alone in prose keep
// the decree's leading zero (TwoDigits: "06 bản"); a fraction does not.
func Fraction(part, whole int64) string {
	return FormatInt(part) + "/" + FormatInt(whole)
}

// pointLetters are the letters that number points ("a)", "b)") in
// administrative papers: the Vietnamese alphabet without its accented
// vowels and without f, j, w, z.
var pointLetters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// PointLetter returns the letter of the n-th point (from 1): 1 "a",
// 5 "đ", 6 "e"; past "y" the letters double ("aa").
func PointLetter(n int) string {
	if n < 1 {
		return ""
	}
	k := len(pointLetters)
	return strings.Repeat(pointLetters[(n-1)%k], (n-1)/k+1)
}

// ParseNumber reads a number written the Vietnamese way, as FormatNumber
// writes it ("31.434,47", "-1.721", "95"), and returns its value and how
// many decimals it shows. Groups of thousands must have three digits, so
// "4.5" is not a number (it would be read wrongly either way).
func ParseNumber(s string) (x float64, decimals int, ok bool) {
	t := s
	neg := len(t) > 0 && t[0] == '-'
	if neg {
		t = t[1:]
	}
	intPart, frac, hasFrac := t, "", false
	if i := bytes.IndexByte([]byte(t), ','); i >= 0 {
		intPart, frac, hasFrac = t[:i], t[i+1:], true
	}
	if intPart == "" || hasFrac && frac == "" {
		return 0, 0, false
	}
	digits := make([]byte, 0, len(t)+1)
	for i, group := range bytes.Split([]byte(intPart), []byte{'.'}) {
		if len(group) == 0 || i > 0 && len(group) != 3 || i == 0 && len(group) > 3 && len(intPart) != len(group) {
			return 0, 0, false
		}
		digits = append(digits, group...)
	}
	if hasFrac {
		digits = append(digits, '.')
		digits = append(digits, frac...)
	}
	for _, c := range digits {
		if (c < '0' || c > '9') && c != '.' {
			return 0, 0, false
		}
	}
	v, err := strconv.ParseFloat(string(digits), 64)
	if err != nil {
		return 0, 0, false
	}
	if neg {
		v = -v
	}
	return v, len(frac), true
}
