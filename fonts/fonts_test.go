package fonts

import (
	"math"
	"testing"
)

// Times New Roman's advance widths in 1/2048 em, from its hmtx table:
// the faces must keep them or the PDF breaks lines where Word does not.
func TestTimesMetrics(t *testing.T) {
	cases := []struct {
		style Style
		r     rune
		units float64
	}{
		{Regular, ' ', 512}, {Regular, 'a', 909}, {Regular, 'M', 1821}, {Regular, 'W', 1933},
		{Regular, '0', 1024}, {Bold, 'a', 1024}, {Bold, 'M', 1933}, {Italic, 'a', 1024},
		{Regular, 'ệ', 909},
	}
	for _, c := range cases {
		got := Get(c.style).Advance(c.r)
		want := c.units * 1000 / 2048
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s %q: advance %.3f, want %.3f", c.style.Name(), c.r, got, want)
		}
	}
}

func TestWidthAndCoverage(t *testing.T) {
	f := Get(Regular)
	if got, want := f.Width("aa", 14), 2*909.0/2048*14; math.Abs(got-want) > 1e-9 {
		t.Errorf("Width(aa, 14) = %v, want %v", got, want)
	}
	for _, r := range "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc “”–…" {
		if !Has(r) {
			t.Errorf("charset lacks %q", r)
		}
	}
	if got := string(Missing("a\u0301 漢字 ok 漢")); got != "\u0301漢字" {
		t.Errorf("Missing = %q", got)
	}
	if len(Charset()) < 300 {
		t.Errorf("charset has %d characters", len(Charset()))
	}
}
