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

// MaxCoef is the largest coefficient thidua accepts: 100 times the base
// salary. The decrees' coefficients are far below it; a larger one is a
// typing error (a salary or an amount written where the coefficient goes).
const MaxCoef Coef = 100_00

// ParseCoef reads a coefficient written the Vietnamese way ("4,5") or
// with a decimal point ("4.5"), with at most two decimals; it must be
// above zero and at most MaxCoef.
func ParseCoef(s string) (Coef, error) {
	s = strings.TrimSpace(s)
	intPart, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	bad := fmt.Errorf("hệ số %q viết sai: ghi số thập phân dùng dấu phẩy, tối đa hai chữ số sau dấu phẩy, ví dụ \"4,5\" hoặc \"12\"", s)
	if intPart == "" || (hasFrac && (frac == "" || len(frac) > 2)) {
		return 0, bad
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return 0, bad
		}
	}
	tooLarge := fmt.Errorf("hệ số %q lớn bất thường: hệ số tiền thưởng là số lần mức lương cơ sở, không quá %s (hệ số của các nghị định về thi đua, khen thưởng đều nhỏ hơn nhiều)", s, MaxCoef)
	if len(strings.TrimLeft(intPart, "0")) > 6 {
		return 0, tooLarge
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
	if c > MaxCoef {
		return 0, tooLarge
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
