package tally

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"thidua/internal/vn"
)

// Rule is the share of votes a proposal needs: at least Min (or more
// than Min when Strict) of the counting base.
type Rule struct {
	// Text is the share as written: "80%", "2/3", "66,67%".
	Text   string
	Min    *big.Rat
	Strict bool
	// Default is true when the rule comes from DefaultThresholds rather
	// than from the record.
	Default bool
}

// Met reports whether the ratio r reaches the rule.
func (r Rule) Met(x *big.Rat) bool {
	c := x.Cmp(r.Min)
	return c > 0 || c == 0 && !r.Strict
}

// Describe says the rule in words: "từ 80% trở lên", "trên 50%".
func (r Rule) Describe() string {
	if r.Strict {
		return "trên " + r.Text
	}
	return "từ " + r.Text + " trở lên"
}

// ParseRule reads a share of votes: "80%", "66,67%", "2/3", optionally
// "từ ... trở lên" around it, "trên 50%" (strictly more) or "quá bán"
// (more than half).
func ParseRule(s string) (Rule, error) {
	t := strings.Join(strings.Fields(strings.ToLower(vn.Normalize(s, vn.ToneModern))), " ")
	if t == "quá bán" || t == "quá nửa" {
		return Rule{Text: "50%", Min: big.NewRat(1, 2), Strict: true}, nil
	}
	r := Rule{}
	switch {
	case strings.HasPrefix(t, "trên "):
		r.Strict = true
		t = strings.TrimPrefix(t, "trên ")
	case strings.HasPrefix(t, "từ "):
		t = strings.TrimSuffix(strings.TrimPrefix(t, "từ "), " trở lên")
	}
	t = strings.ReplaceAll(t, " ", "")
	bad := fmt.Errorf("tỷ lệ %q không đọc được: viết dạng \"80%%\", \"66,67%%\", \"2/3\", \"trên 50%%\" hoặc \"quá bán\"", s)
	switch {
	case strings.HasSuffix(t, "%"):
		num := strings.TrimSuffix(t, "%")
		intPart, frac, _ := strings.Cut(num, ",")
		if intPart == "" || !allDigits(intPart) || !allDigits(frac) || len(frac) > 2 {
			return Rule{}, bad
		}
		n, _ := strconv.ParseInt(intPart+frac, 10, 64)
		scale := int64(100)
		for range frac {
			scale *= 10
		}
		r.Min, r.Text = big.NewRat(n, scale), num+"%"
	case strings.Contains(t, "/"):
		a, b, _ := strings.Cut(t, "/")
		if !allDigits(a) || !allDigits(b) || a == "" || b == "" {
			return Rule{}, bad
		}
		x, _ := strconv.ParseInt(a, 10, 64)
		y, _ := strconv.ParseInt(b, 10, 64)
		if y == 0 {
			return Rule{}, bad
		}
		r.Min, r.Text = big.NewRat(x, y), a+"/"+b
	default:
		return Rule{}, bad
	}
	if r.Min.Sign() <= 0 || r.Min.Cmp(big.NewRat(1, 1)) > 0 {
		return Rule{}, fmt.Errorf("tỷ lệ %q phải lớn hơn 0 và không quá 100%%", s)
	}
	return r, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) < 10
}

// DefaultThreshold is the share of votes a group of awards needs when a
// record does not set one.
type DefaultThreshold struct {
	Rule   string
	Awards []string
}

// DefaultThresholds are the shares of Nghị định 98/2023/NĐ-CP, Điều 30
// khoản 7: 90% for heroes and emulation fighters above the grassroots,
// 80% for grassroots emulation fighters and emulation flags. That decree
// has been replaced and the rule now in force was not confirmed, so a
// record can set its own ([[binh_xet.nguong]]); awards missing here
// (Bằng khen, Giấy khen, ...) always need one.
var DefaultThresholds = []DefaultThreshold{
	{Rule: "90%", Awards: []string{
		"Anh hùng Lao động", "Anh hùng Lực lượng vũ trang nhân dân",
		"Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
		"Chiến sĩ thi đua cấp bộ", "Chiến sĩ thi đua cấp tỉnh",
	}},
	{Rule: "80%", Awards: []string{
		"Chiến sĩ thi đua cơ sở", "Cờ thi đua của Chính phủ",
		"Cờ thi đua cấp bộ, ban, ngành, tỉnh", "Cờ thi đua cấp bộ", "Cờ thi đua cấp tỉnh",
		"Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua của Ủy ban nhân dân thành phố",
	}},
}

// awardKey is how award names compare: case, spacing, tone-mark placement
// and the spelling "sỹ" do not matter.
func awardKey(s string) string {
	s = strings.ToLower(vn.Normalize(s, vn.ToneModern))
	s = strings.ReplaceAll(s, "sỹ", "sĩ")
	return strings.Join(strings.Fields(s), " ")
}

// defaultRule returns the default share for an award, if it has one.
func defaultRule(award string) (Rule, bool) {
	k := awardKey(award)
	for _, d := range DefaultThresholds {
		for _, a := range d.Awards {
			if awardKey(a) == k {
				r, err := ParseRule(d.Rule)
				if err != nil {
					panic("tally: bad default rule " + d.Rule)
				}
				r.Default = true
				return r, true
			}
		}
	}
	return Rule{}, false
}
