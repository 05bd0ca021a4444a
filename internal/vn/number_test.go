package vn

import (
	"math"
	"testing"
)

func TestFormatInt(t *testing.T) {
	for n, want := range map[int64]string{
		0:             "0",
		7:             "7",
		999:           "999",
		1000:          "1.000",
		-999:          "-999",
		-1500:         "-1.500",
		100000:        "100.000",
		2340000:       "2.340.000",
		math.MaxInt64: "9.223.372.036.854.775.807",
		math.MinInt64: "-9.223.372.036.854.775.808",
	} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q; want %q", n, got, want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		x        float64
		decimals int
		want     string
	}{
		{31434.47, 2, "31.434,47"},
		{1721.4, 1, "1.721,4"},
		{4.5, 1, "4,5"},
		{43.31, 2, "43,31"},
		{123456.789, 3, "123.456,789"},
		{12, 2, "12,00"},
		{1234.5, 0, "1.235"},
		// Half away from zero, on the decimal digits as written.
		{2.675, 2, "2,68"},
		{2.665, 2, "2,67"},
		{1.005, 2, "1,01"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{0.5, 0, "1"},
		{-0.5, 0, "-1"},
		{2.4999, 2, "2,50"},
		{2.4949, 2, "2,49"},
		// Carries through the thousands.
		{999.996, 2, "1.000,00"},
		{999999.5, 0, "1.000.000"},
		// No "-0".
		{-0.004, 2, "0,00"},
		{math.Copysign(0, -1), 1, "0,0"},
		{-0.4, 0, "0"},
		{0.1 + 0.2, 2, "0,30"},
		{-1721.4, 0, "-1.721"},
		{1e21, 0, "1.000.000.000.000.000.000.000"},
		{2.5, -1, "3"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(-1), 2, "-∞"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.x, c.decimals); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q; want %q", c.x, c.decimals, got, c.want)
		}
	}
}

func TestFormatPercentAndDecimal(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{FormatPercent(43.31, 2), "43,31%"},
		{FormatPercent(100, 0), "100%"},
		{FormatPercent(-12.345, 1), "-12,3%"},
		{FormatPercent(66.666666, 2), "66,67%"},
		{FormatPercent(-0.001, 1), "0,0%"},
		{FormatDecimal(4.5, 2), "4,5"},
		{FormatDecimal(12, 2), "12"},
		{FormatDecimal(1721.404, 2), "1.721,4"},
		{FormatDecimal(0.8, 1), "0,8"},
		{FormatDecimal(1.999, 2), "2"},
		{FormatDecimal(-0.001, 2), "0"},
		{FormatDecimal(31434.47, 2), "31.434,47"},
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
}

func TestFractionAndPointLetter(t *testing.T) {
	if got := Fraction(4, 5); got != "4/5" {
		t.Errorf("Fraction(4, 5) = %q", got)
	}
	if got := Fraction(1200, 1500); got != "1.200/1.500" {
		t.Errorf("Fraction(1200, 1500) = %q", got)
	}
	for n, want := range map[int]string{1: "a", 4: "d", 5: "đ", 6: "e", 7: "g", 23: "y", 24: "aa", 0: ""} {
		if got := PointLetter(n); got != want {
			t.Errorf("PointLetter(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in  string
		x   float64
		dec int
		ok  bool
	}{
		{"31.434,47", 31434.47, 2, true},
		{"-1.721", -1721, 0, true},
		{"95", 95, 0, true},
		{"100,5", 100.5, 1, true},
		{"4.652,8", 4652.8, 1, true},
		{"1234", 1234, 0, true},
		{"4.5", 0, 0, false},
		{"1,", 0, 0, false},
		{"8/8", 0, 0, false},
		{"", 0, 0, false},
		{"12.34.567", 0, 0, false},
		{"1234.567", 0, 0, false},
	} {
		x, dec, ok := ParseNumber(c.in)
		if ok != c.ok || ok && (x != c.x || dec != c.dec) {
			t.Errorf("ParseNumber(%q) = %v, %d, %v; want %v, %d, %v", c.in, x, dec, ok, c.x, c.dec, c.ok)
		}
		if ok && FormatNumber(x, dec) != c.in && c.in != "1234" {
			t.Errorf("%q does not read back", c.in)
		}
	}
}
