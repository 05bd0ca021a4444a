package awards

import (
	"math/bits"

	"thidua/internal/vn"
)

// Money is an amount of đồng. Every product and sum of prize money goes
// through its checked arithmetic: a result beyond MaxMoney is reported,
// never wrapped into a negative number or rounded to zero.
type Money int64

// MaxMoney bounds every amount thidua computes: 10^15 đồng (một triệu
// tỷ), far above any dossier's prize money and far below the limit of
// int64, so that a sum of amounts each within the bound cannot wrap.
const MaxMoney Money = 1_000_000_000_000_000

// String writes the amount as papers do: "2.340.000".
func (m Money) String() string { return vn.FormatInt(int64(m)) }

// Add returns m + n; false when either is negative or the sum is beyond
// MaxMoney.
func (m Money) Add(n Money) (Money, bool) {
	if m < 0 || n < 0 || m > MaxMoney || n > MaxMoney-m {
		return 0, false
	}
	return m + n, true
}

// roundStep is the step prize money is rounded up to: "làm tròn số lên
// hàng chục nghìn đồng" (Nghị định 91/2017 and 98/2023; Nghị định
// 152/2025, Điều 49).
const roundStep = 10_000

// Prize is the prize money for a coefficient and a base salary:
// coefficient x salary, rounded up to the next 10.000 đồng. Integers
// throughout, so nothing drifts: 0,3 x 2.340.000 = 702.000 gives 710.000.
// It is false when an input is negative or the result is beyond MaxMoney.
func Prize(c Coef, salary Money) (Money, bool) {
	if c < 0 || salary < 0 {
		return 0, false
	}
	const unit = 100 * roundStep // the product is in hundredths of a đồng
	hi, lo := bits.Mul64(uint64(c), uint64(salary))
	if hi != 0 || lo > uint64(MaxMoney)*100 {
		return 0, false
	}
	return Money((lo + unit - 1) / unit * roundStep), true
}
