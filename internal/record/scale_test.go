package record_test

import (
	"strconv"
	"strings"
	"testing"

	"thidua/internal/batch/synth"
	"thidua/internal/record"
)

// Records whose reading must grow in proportion to their size: a real
// one with n nominees, and TOML shaped as badly as internal/tomlguard
// lets through (inline tables nested as deep as allowed, dotted keys as
// long as allowed), which BurntSushi/toml decodes in quadratic time when
// unbounded.
var scaleShapes = map[string]func(n int) []byte{
	"nominees": func(n int) []byte { return synth.Record(max(n/3400, 1), 7) }, // 3.4 KB a nominee
	"nested": func(n int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString("k" + strconv.Itoa(i) + " = " + strings.Repeat("{a=", 8) + "1" + strings.Repeat("}", 8) + "\n")
		}
		return []byte(b.String())
	},
	"dotted": func(n int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("p.", 15) + "q" + strconv.Itoa(i) + " = 1\n")
		}
		return []byte(b.String())
	},
}

// TestParseAllocsLinear reads each shape at 16 KB and 64 KB: four times
// the text may take at most about four times the allocations.
func TestParseAllocsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a few hundred KB several times")
	}
	for name, shape := range scaleShapes {
		small, large := shape(16<<10), shape(64<<10)
		a := testing.AllocsPerRun(1, func() { record.Parse("r.toml", small) })
		b := testing.AllocsPerRun(1, func() { record.Parse("r.toml", large) })
		if b > 4.5*a {
			t.Errorf("%s: %.0f allocations for 16 KB, %.0f for 64 KB: more than linear", name, a, b)
		}
	}
}

// BenchmarkParseScaling: ns/op and allocs/op of 256 KB should be about
// 4 times those of 64 KB for every shape (1 MB of the nested shape passes
// tomlguard's count of values and is refused at once).
func BenchmarkParseScaling(b *testing.B) {
	for _, name := range []string{"nominees", "nested", "dotted"} {
		for _, n := range []int{64 << 10, 256 << 10} {
			src := scaleShapes[name](n)
			b.Run(name+"/"+strconv.Itoa(n>>10)+"KB", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					record.Parse("r.toml", src)
				}
			})
		}
	}
}
