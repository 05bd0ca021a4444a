package tally

import (
	"math/big"
	"strconv"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// Points is a score in hundredths of a point: 9258 is 92,58 points.
// Sums, caps and comparisons of scores are integer arithmetic on it, so
// that a total never drifts and equal totals compare equal.
type Points int64

// pointsOf converts a record's number to points; it fails when the number
// has more than two decimals.
func pointsOf(n record.Number) (Points, bool) {
	if n.Scale > 2 {
		return 0, false
	}
	p := n.Units
	for s := n.Scale; s < 2; s++ {
		p *= 10
	}
	return Points(p), true
}

// Float64 returns the points as a number of points (92.58).
func (p Points) Float64() float64 { return float64(p) / 100 }

// String writes the points the Vietnamese way without trailing zeros:
// "92,58", "95,5", "100".
func (p Points) String() string { return vn.FormatDecimal(p.Float64(), 2) }

// MarshalJSON writes the points as a JSON number: 92.58.
func (p Points) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, p.Float64(), 'f', -1, 64), nil
}

// Percent is a ratio shown as a percentage with two decimals. Exact is
// the ratio itself; Shown is what papers print, in hundredths of a
// percent, rounded as percentOf says.
type Percent struct {
	Exact *big.Rat
	Shown int64
}

// percentOf shows the ratio r as a percentage with two decimals. A ratio
// that reaches the mark it is measured against is rounded half away from
// zero (2/3 is 66,67%); one that falls short is rounded down, so that it
// never prints as reaching it (79,996% is 79,99%, not 80,00%).
func percentOf(r *big.Rat, reached bool) Percent {
	x := new(big.Rat).Mul(r, big.NewRat(10000, 1))
	num, den := x.Num(), x.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor, 0 <= m < den
	if reached {
		// half away from zero: up when the remainder is at least half
		// (for negatives, floor already moved away from zero; move back
		// unless the remainder is at most half).
		twice := new(big.Int).Mul(m, big.NewInt(2))
		c := twice.Cmp(den)
		if (num.Sign() >= 0 && c >= 0) || (num.Sign() < 0 && c > 0) {
			q.Add(q, big.NewInt(1))
		}
	}
	return Percent{Exact: r, Shown: q.Int64()}
}

// String writes the percentage: "83,33%".
func (p Percent) String() string { return vn.FormatPercent(float64(p.Shown)/100, 2) }

// Number writes it without the sign, for table columns headed "(%)".
func (p Percent) Number() string { return vn.FormatNumber(float64(p.Shown)/100, 2) }

// MarshalJSON writes the shown percentage as a JSON number: 83.33.
func (p Percent) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(p.Shown)/100, 'f', -1, 64), nil
}

// ratio is a/b as an exact fraction.
func ratio(a, b int64) *big.Rat { return big.NewRat(a, b) }
