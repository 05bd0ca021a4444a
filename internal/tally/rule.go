package tally

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"thidua/internal/awards"
	"thidua/internal/record"
	"thidua/internal/vn"
)

// Rule is the share of votes a proposal needs: at least Min (or more
// than Min when Strict) of the counting base.
type Rule struct {
	// Text is the share as written: "80%", "2/3", "66,67%".
	Text   string
	Min    *big.Rat
	Strict bool
	// Source is where the share comes from (record.ThresholdRegulation,
	// ThresholdDecree, ThresholdMeeting) and Basis the text that sets it.
	Source, Basis string
}

// Origin says where the rule comes from, for the minutes: "theo Quy chế
// hoạt động của Cụm ...", "do hội nghị thống nhất".
func (r Rule) Origin() string {
	switch {
	case r.Source == record.ThresholdMeeting:
		return "do hội nghị thống nhất"
	case r.Basis != "":
		return "theo " + r.Basis
	case r.Source == record.ThresholdDecree:
		return "theo nghị định"
	}
	return "theo quy chế hoạt động của cụm"
}

// sourceWords name the sources of a threshold in check's table.
var sourceWords = map[string]string{record.ThresholdRegulation: "quy chế", record.ThresholdDecree: "nghị định", record.ThresholdMeeting: "hội nghị"}

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

// awardKey is how award names compare (see awards.Key).
func awardKey(s string) string { return awards.Key(s) }

// councilRule returns the share the award catalogue sets for an award:
// the Hội đồng Thi đua - Khen thưởng's share under the decrees, which a
// cluster's own vote does not take unless its record says so. It only
// serves the hint of a missing threshold.
func (c *checker) councilRule(award string) (int, bool) {
	return c.catalogue.Threshold(award)
}
