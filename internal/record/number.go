package record

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"thidua/internal/vn"
)

// Number is an exact decimal number as a record writes it: 92.58 is
// {Units: 9258, Scale: 2}, 1721.4 is {17214, 1}. Scores, plans and results
// are kept this way so that no sum or comparison drifts as floating point
// would (0.1 + 0.2 is 0.3 here).
type Number struct {
	Units int64 // the digits as an integer
	Scale int   // how many of them are decimals
}

// maxDigits bounds a Number's significant digits, so that it converts to
// float64 and back without loss (vn formats through float64).
const maxDigits = 15

// Rat returns the number as an exact fraction.
func (n Number) Rat() *big.Rat {
	return new(big.Rat).SetFrac(big.NewInt(n.Units), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n.Scale)), nil))
}

// Float64 returns the number as the nearest float64, whose shortest form
// has the same digits.
func (n Number) Float64() float64 {
	f, _ := strconv.ParseFloat(n.plain(), 64)
	return f
}

// IsZero reports whether the number is zero (or was not given).
func (n Number) IsZero() bool { return n.Units == 0 }

// Sign returns -1, 0 or 1.
func (n Number) Sign() int {
	switch {
	case n.Units < 0:
		return -1
	case n.Units > 0:
		return 1
	}
	return 0
}

// String writes the number the Vietnamese way with the decimals it was
// written with: "1.721,4", "92,58", "18.500".
func (n Number) String() string { return vn.FormatNumber(n.Float64(), n.Scale) }

// Decimals writes n with at least the given number of decimals, so that a
// column of figures shows one precision: 4.120 with 2 is "4.120,00".
func (n Number) Decimals(d int) string { return vn.FormatNumber(n.Float64(), max(d, n.Scale)) }

// TemplateValue is what templates see: the number as a float64.
func (n Number) TemplateValue() any { return n.Float64() }

// plain writes the number as Go reads it: "-1721.4".
func (n Number) plain() string {
	s := strconv.FormatInt(n.Units, 10)
	if n.Scale <= 0 {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= n.Scale {
		s = strings.Repeat("0", n.Scale-len(s)+1) + s
	}
	s = s[:len(s)-n.Scale] + "." + s[len(s)-n.Scale:]
	if neg {
		s = "-" + s
	}
	return s
}

const numberHint = `ghi số không có ngoặc kép, phần thập phân sau dấu chấm: 92.58; hoặc trong ngoặc kép theo cách viết Việt Nam: "92,58", "1.721,4"`

// numberFrom accepts a TOML integer or float, or a string written the
// Vietnamese way ("1.721,4": "." between thousands, "," before decimals).
func numberFrom(v any) (Number, *problem) {
	switch x := v.(type) {
	case int64:
		return parseDigits(strconv.FormatInt(x, 10), strconv.FormatInt(x, 10))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return Number{}, &problem{msg: "số " + strconv.FormatFloat(x, 'f', -1, 64) + " không dùng được", hint: numberHint}
		}
		s := strconv.FormatFloat(x, 'f', -1, 64)
		return parseDigits(s, s)
	case string:
		return parseVietnamese(x)
	}
	return Number{}, &problem{typeErr: true, value: v, msg: "phải là số, đang là " + describe(v), hint: numberHint}
}

// parseVietnamese reads "1.721,4", "-92,58", "18.500", "7".
func parseVietnamese(s string) (Number, *problem) {
	t := strings.TrimSpace(s)
	intPart, frac, hasComma := strings.Cut(t, ",")
	groups := strings.Split(strings.TrimPrefix(intPart, "-"), ".")
	for i, g := range groups {
		if g == "" || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return Number{}, &problem{msg: fmt.Sprintf("số %q viết sai: dấu chấm chỉ để ngăn cách hàng nghìn (1.721,4), dấu phẩy đứng trước phần thập phân", s), hint: numberHint}
		}
	}
	if hasComma && frac == "" {
		return Number{}, &problem{msg: fmt.Sprintf("số %q thiếu chữ số sau dấu phẩy", s), hint: numberHint}
	}
	digits := strings.Join(groups, "")
	if strings.HasPrefix(intPart, "-") {
		digits = "-" + digits
	}
	if hasComma {
		digits += "." + frac
	}
	return parseDigits(digits, s)
}

// parseDigits reads "-1721.4" (an optional sign, digits, an optional point
// and decimals); shown is the value as the record wrote it, for messages.
func parseDigits(s, shown string) (Number, *problem) {
	bad := &problem{msg: fmt.Sprintf("%q không phải là số", shown), hint: numberHint}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" || strings.Trim(intPart, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return Number{}, bad
	}
	all := strings.TrimLeft(intPart+frac, "0")
	if len(all) > maxDigits {
		return Number{}, &problem{msg: fmt.Sprintf("số %s có quá %d chữ số", shown, maxDigits), hint: "bớt chữ số thập phân, hoặc đổi sang đơn vị tính lớn hơn (tỷ đồng thay cho đồng)"}
	}
	u, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return Number{}, bad
	}
	if neg {
		u = -u
	}
	return Number{Units: u, Scale: len(frac)}, nil
}

// Add returns n + m, exactly, with the larger of their scales.
func (n Number) Add(m Number) Number {
	for n.Scale < m.Scale {
		n.Units, n.Scale = n.Units*10, n.Scale+1
	}
	for m.Scale < n.Scale {
		m.Units, m.Scale = m.Units*10, m.Scale+1
	}
	return Number{Units: n.Units + m.Units, Scale: n.Scale}
}

// Neg returns -n.
func (n Number) Neg() Number { return Number{Units: -n.Units, Scale: n.Scale} }

// MarshalJSON writes the number as a JSON number with its decimals: 1721.4.
func (n Number) MarshalJSON() ([]byte, error) { return []byte(n.plain()), nil }
