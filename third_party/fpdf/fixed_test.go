package fpdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendFixed writes what strconv.AppendFloat(..., 'f', prec, 64) writes,
// for every kind of value a page holds and for the edges of its fast path.
func TestAppendFixedAsStrconv(t *testing.T) {
	check := func(v float64, prec int) {
		t.Helper()
		want := strconv.AppendFloat(nil, v, 'f', prec, 64)
		if got := appendFixed(nil, v, prec); string(got) != string(want) {
			t.Fatalf("appendFixed(%v, %d) = %s, want %s", v, prec, got, want)
		}
	}
	edges := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 0.005, 0.015,
		0.045, 1.005, 2.675, 1e-9, -1e-9, 0.0049999999, 0.00500001, 4294967295, 4294967296,
		42949672.955, 1e300, -1e300, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 841.89, 595.28, 56.6929133858}
	r := rand.New(rand.NewPCG(1, 2))
	for prec := -1; prec <= 8; prec++ {
		for _, v := range edges {
			check(v, prec)
		}
		for range 200000 {
			check((r.Float64()*2-1)*1000, prec) // coordinates and sizes
			// decimal values with a few digits, and their neighbours:
			// the halves that rounding must break as strconv does
			d := float64(r.IntN(2000000)-1000000) / pow10[r.IntN(len(pow10))]
			check(d, prec)
			check(math.Nextafter(d, math.Inf(1)), prec)
			check(math.Nextafter(d, math.Inf(-1)), prec)
			check(math.Float64frombits(r.Uint64()), prec) // any bits at all
		}
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	buf := make([]byte, 0, 32)
	for i := 0; b.Loop(); i++ {
		buf = appendFixed(buf[:0], float64(i%84189)/100, 2)
	}
}

func BenchmarkAppendFloat(b *testing.B) {
	buf := make([]byte, 0, 32)
	for i := 0; b.Loop(); i++ {
		buf = strconv.AppendFloat(buf[:0], float64(i%84189)/100, 'f', 2, 64)
	}
}
