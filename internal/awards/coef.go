package awards

import (
	"fmt"
	"strconv"
	"strings"

	"thidua/internal/vn"
)

// Coef is a prize coefficient, a multiple of the base salary, held
// exactly in hundredths: 4,5 is 450, 0,15 is 15. Zero means unknown.
type Coef int64

// ParseCoef reads a coefficient written the Vietnamese way ("4,5") or
// with a decimal point ("4.5"), with at most two decimals; it must be
// above zero.
func ParseCoef(s string) (Coef, error) {
	s = strings.TrimSpace(s)
	intPart, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	bad := fmt.Errorf("hệ số %q viết sai: ghi số thập phân dùng dấu phẩy, tối đa hai chữ số sau dấu phẩy, ví dụ \"4,5\" hoặc \"12\"", s)
	if intPart == "" || len(intPart) > 6 || (hasFrac && (frac == "" || len(frac) > 2)) {
		return 0, bad
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return 0, bad
		}
	}
	whole, _ := strconv.ParseInt(intPart, 10, 64)
	hundredths := int64(0)
	if hasFrac {
		hundredths, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			hundredths *= 10
		}
	}
	c := Coef(whole*100 + hundredths)
	if c <= 0 {
		return 0, fmt.Errorf("hệ số %q phải lớn hơn 0", s)
	}
	return c, nil
}

// String writes the coefficient as decrees do, with a decimal comma and
// at least one decimal: "4,5", "12,0", "0,15".
func (c Coef) String() string {
	decimals := 2
	if c%10 == 0 {
		decimals = 1
	}
	return vn.FormatNumber(float64(c)/100, decimals)
}

// roundStep is the step prize money is rounded up to: "làm tròn số lên
// hàng chục nghìn đồng" (Nghị định 91/2017 and 98/2023; Nghị định
// 152/2025, Điều 49).
const roundStep = 10_000

// Prize is the prize money, in đồng, for a coefficient and a base salary:
// coefficient x salary, rounded up to the next 10.000 đồng. Integers
// throughout, so nothing drifts: 0,3 x 2.340.000 = 702.000 gives 710.000.
func Prize(c Coef, salary int64) int64 {
	raw := int64(c) * salary // in hundredths of a đồng
	const unit = 100 * roundStep
	return (raw + unit - 1) / unit * roundStep
}
