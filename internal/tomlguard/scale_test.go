package tomlguard

import (
	"strconv"
	"strings"
	"testing"
)

// shapes are texts of n bytes or so that the decoder finds hard: nesting
// as deep as allowed, dotted keys as long as allowed, strings and
// comments full of brackets, and the refused ones (too deep at the end).
var shapes = map[string]func(n int) string{
	"nested": func(n int) string {
		line := "k = " + strings.Repeat("{a=", MaxDepth) + "1" + strings.Repeat("}", MaxDepth) + "\n"
		return strings.Repeat(line, n/len(line))
	},
	"dotted": func(n int) string {
		line := strings.Repeat("a.", MaxKeyParts-1) + "b = 'x'\n"
		return strings.Repeat(line, n/len(line))
	},
	"strings": func(n int) string {
		line := "x = \"[{\\\"[{\" # [[[[{{{{\ny = '''\n[[[[\n'''\n"
		return strings.Repeat(line, n/len(line))
	},
	"refused at the end": func(n int) string {
		return strings.Repeat("# ghi chú: [{\n", n/15) + "x = " + strings.Repeat("[", MaxDepth+1)
	},
}

// TestCheckAllocsConstant shows that the scan allocates the same for a
// text four times as long: it keeps no per-line or per-key state.
func TestCheckAllocsConstant(t *testing.T) {
	for name, shape := range shapes {
		small, large := shape(64<<10), shape(256<<10)
		a := testing.AllocsPerRun(5, func() { Check(small) })
		b := testing.AllocsPerRun(5, func() { Check(large) })
		if b > a {
			t.Errorf("%s: %v allocations for 64 KB, %v for 256 KB", name, a, b)
		}
	}
}

// BenchmarkCheckScaling shows that the scan takes time in proportion to
// the text: ns/op for 1 MB is about 4 times that for 256 KB, whatever the
// shape.
func BenchmarkCheckScaling(b *testing.B) {
	for _, name := range []string{"nested", "dotted", "strings", "refused at the end"} {
		for _, n := range []int{256 << 10, 1 << 20} {
			src := shapes[name](n)
			b.Run(name+"/"+strconv.Itoa(n>>10)+"KB", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Check(src)
				}
			})
		}
	}
}
