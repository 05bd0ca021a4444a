package forms

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"thidua/fonts"
	"thidua/internal/doc"
	"thidua/internal/frame"
	"thidua/internal/vn"
)

// gridCell is a cell of a Markdown table before it becomes a doc.Cell.
type gridCell struct {
	runs  []doc.Run
	align doc.Align
	// alignSet: the template chose the alignment (":-", ":-:", "-:").
	alignSet bool
	head     bool
}

func (g gridCell) text() string {
	var sb strings.Builder
	for _, r := range g.runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// marker reports whether the cell only joins a neighbour ("<" or "^").
func (g gridCell) marker() bool { s := g.text(); return s == "<" || s == "^" }

// paragraph is the cell's paragraph.
func (g gridCell) paragraph() *doc.Paragraph {
	st := frame.Cell
	if g.head {
		st = frame.CellHead
	}
	p := doc.NewParagraph(st, g.runs...)
	p.Props.Align = g.align
	return p
}

// unbreakable reports whether the cell holds no letter (a number, a
// fraction, "8/8 (100,00%)"), which is read badly when it wraps.
func (g gridCell) unbreakable() bool {
	return strings.IndexFunc(g.text(), unicode.IsLetter) < 0
}

// alignNumbers gives every column of numbers one precision, the largest
// any of its body cells shows ("100,5", "99,75", "95" become "100,50",
// "99,75", "95,00"), and aligns them right unless the template chose an
// alignment. A column counts as numbers when each of its non-empty body
// cells is a number written the Vietnamese way, possibly followed by a
// mark without letters ("2,0 (*)"). Without unify (a "so-theo-dong"
// directive: each row is another quantity, as the indicators of a
// report) the numbers keep their decimals and are only aligned.
func alignNumbers(grid [][]gridCell, cols int, unify bool) {
	for j := range cols {
		decimals, numbers := 0, 0
		ok := true
		for _, r := range grid {
			if j >= len(r) || r[j].head || r[j].marker() || j+1 < len(r) && r[j+1].text() == "<" {
				continue
			}
			s := r[j].text()
			if s == "" {
				continue
			}
			num, _ := splitMark(s)
			_, d, isNum := vn.ParseNumber(num)
			if !isNum {
				ok = false
				break
			}
			decimals = max(decimals, d)
			numbers++
		}
		if !ok || numbers == 0 {
			continue
		}
		for _, r := range grid {
			if j >= len(r) || r[j].head || r[j].marker() || j+1 < len(r) && r[j+1].text() == "<" {
				continue
			}
			cl := &r[j]
			if !cl.alignSet {
				cl.align = doc.Right
			}
			num, mark := splitMark(cl.text())
			x, d, isNum := vn.ParseNumber(num)
			if !unify || !isNum || d == decimals || len(cl.runs) != 1 {
				continue
			}
			cl.runs[0].Text = vn.FormatNumber(x, decimals) + mark
		}
	}
}

// splitMark parts a number from a mark written after it without letters,
// as in "2,0 (*)": "2,0" and " (*)".
func splitMark(s string) (num, mark string) {
	i := strings.IndexByte(s, ' ')
	if i < 0 || strings.IndexFunc(s[i:], unicode.IsLetter) >= 0 || strings.IndexFunc(s[i:], unicode.IsDigit) >= 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// parsePins reads the widths of a "cot" directive: millimetres ("12mm",
// "12,5") or "*" for a width from the content, comma-separated.
func parsePins(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "*" || f == "" {
			out = append(out, 0)
			continue
		}
		mm, err := strconv.ParseFloat(strings.Replace(strings.TrimSuffix(f, "mm"), ",", ".", 1), 64)
		if err != nil || mm <= 0 {
			return nil, fmt.Errorf("chỉ thị <!-- cot: ... -->: %q không phải độ rộng cột; ghi số mi-li-mét (ví dụ 12mm) hoặc * để tự tính theo nội dung", f)
		}
		out = append(out, doc.Mm(mm))
	}
	return out, nil
}

// columnWidths shares width between the columns the way Word's and the
// browsers' automatic table layout start: each column at least as wide as
// its longest word (a cell without letters, such as "8/8 (100,00%)", is
// one word), pinned columns as the template says. Then, unlike them, it
// gives the room left to the column where it saves the most lines of the
// table per point, while any does, and what remains in proportion to
// what each column would need to set its cells on one line. Widths are
// whole points summing to width; cells spanning columns size none.
func columnWidths(grid [][]gridCell, cols int, pins []float64, width, pad float64) []float64 {
	type entry struct {
		row int
		// fits[n-1] is the least column width that sets the cell on n
		// lines, for n from 1 to its lines at the narrowest
		fits []float64
	}
	cells := make([][]entry, cols)
	mins, maxs := make([]float64, cols), make([]float64, cols)
	extra := 2*pad + 1 // padding, and a point for the borders
	paras := make([][]*doc.Paragraph, len(grid))
	for i, r := range grid {
		paras[i] = make([]*doc.Paragraph, len(r))
		for j, cl := range r {
			if cl.marker() || j+1 < len(r) && r[j+1].text() == "<" {
				continue
			}
			p := cl.paragraph()
			paras[i][j] = p
			one := textWidth(p, cl.text()) + extra
			longest := one
			if !cl.unbreakable() {
				longest = 0
				// words part at spaces, not at the no-break spaces of a joint
				for _, w := range strings.FieldsFunc(cl.text(), breakable) {
					longest = max(longest, textWidth(p, w)+extra)
				}
			}
			mins[j] = max(mins[j], longest)
			maxs[j] = max(maxs[j], one)
		}
	}
	pinned := func(j int) bool { return j < len(pins) && pins[j] > 0 }
	for _, i := range sampleRows(grid, maxSizingRows) {
		r := grid[i]
		for j, p := range paras[i] {
			if p == nil {
				continue
			}
			lo := mins[j]
			if pinned(j) {
				lo = pins[j]
			}
			one := max(textWidth(p, r[j].text())+extra, lo)
			if r[j].unbreakable() {
				cells[j] = append(cells[j], entry{i, []float64{one}})
				continue
			}
			m := frame.Measure(p)
			n := m.Lines(lo - extra)
			fits := make([]float64, n)
			fits[0] = one
			for k := n; k >= 2; k-- {
				// the least width for k lines, to a quarter point
				a, b := lo, one
				for b-a > 0.25 {
					mid := (a + b) / 2
					if m.Lines(mid-extra) <= k {
						b = mid
					} else {
						a = mid
					}
				}
				fits[k-1] = b
			}
			cells[j] = append(cells[j], entry{i, fits})
		}
	}
	lines := func(e entry, cw float64) int {
		for n, f := range e.fits {
			if cw >= f-1e-9 {
				return n + 1
			}
		}
		return len(e.fits)
	}
	w := make([]float64, cols)
	free := width
	for j := range w {
		w[j] = mins[j]
		if pinned(j) {
			w[j] = pins[j]
		}
		free -= w[j]
	}
	// height is the table's height in lines: each row as tall as its
	// tallest cell.
	rows := make([]int, len(grid))
	height := func() int {
		clear(rows)
		for j := range cols {
			for _, e := range cells[j] {
				rows[e.row] = max(rows[e.row], lines(e, w[j]))
			}
		}
		h := 0
		for _, n := range rows {
			h += n
		}
		return h
	}
	if free < 0 {
		// too narrow even for the longest words: share out what there is
		auto := 0.0
		for j := range w {
			if !pinned(j) {
				auto += w[j]
			}
		}
		for j := range w {
			if !pinned(j) && auto > 0 {
				w[j] += free * w[j] / auto
			}
		}
		free = 0
	}
	for free > 0.5 {
		base := height()
		bestJ, bestD, bestRate := -1, 0.0, 0.0
		for j := range cols {
			if pinned(j) {
				continue
			}
			// every widening that takes a line off one of its cells
			old := w[j]
			for _, e := range cells[j] {
				for _, f := range e.fits {
					d := f - old
					if d <= 1e-9 || d > free {
						continue
					}
					w[j] = f
					gain := base - height()
					w[j] = old
					if rate := float64(gain) / d; gain > 0 && rate > bestRate+1e-12 {
						bestJ, bestD, bestRate = j, d, rate
					}
				}
			}
		}
		// a row is only shorter when all its tallest cells are: widen
		// their columns together
		var bestRow []float64
		for r := range grid {
			next := make([]float64, cols)
			copy(next, w)
			d := 0.0
			for j := range cols {
				for _, e := range cells[j] {
					if e.row != r || lines(e, w[j]) != rows[r] || rows[r] < 2 {
						continue
					}
					if pinned(j) {
						d = -1
						break
					}
					next[j] = max(next[j], e.fits[rows[r]-2])
				}
				if d < 0 {
					break
				}
			}
			if d < 0 {
				continue
			}
			for j := range cols {
				d += next[j] - w[j]
			}
			if d <= 1e-9 || d > free {
				continue
			}
			old := w
			w = next
			gain := base - height()
			w = old
			height() // rows back to the current widths
			if rate := float64(gain) / d; gain > 0 && rate > bestRate+1e-12 {
				bestJ, bestD, bestRate, bestRow = -1, d, rate, next
			}
		}
		switch {
		case bestRow != nil:
			w = bestRow
		case bestJ >= 0:
			w[bestJ] += bestD
		}
		if bestRow == nil && bestJ < 0 {
			break
		}
		free -= bestD
	}
	// what is left goes where the text is longer than its column
	want, wantSum := make([]float64, cols), 0.0
	for j := range w {
		if !pinned(j) {
			want[j] = max(maxs[j]-w[j], 0)
			wantSum += want[j]
		}
	}
	if wantSum == 0 {
		for j := range w {
			if !pinned(j) {
				want[j] = w[j]
				wantSum += w[j]
			}
		}
	}
	for j := range w {
		if wantSum > 0 {
			w[j] += free * want[j] / wantSum
		}
	}
	// whole points, summing to the width exactly
	total := 0.0
	for j := range w {
		w[j] = float64(int(w[j]))
		total += w[j]
	}
	w[cols-1] += width - total
	return w
}

// maxSizingRows bounds the rows whose line counts choose the widths: a
// long table is sized by its header and the rows with the longest cells
// of each column, which keeps the choice quick (it grows with the square
// of the rows) and changes it little; every row still sets the least
// width of its columns.
const maxSizingRows = 48

// sampleRows returns the rows that size the columns: all of them when
// there are few, else the first row and, column by column, the rows
// with the longest cells, in order.
func sampleRows(grid [][]gridCell, limit int) []int {
	all := make([]int, len(grid))
	for i := range all {
		all[i] = i
	}
	if len(grid) <= limit {
		return all
	}
	cols := 0
	for _, r := range grid {
		cols = max(cols, len(r))
	}
	keep := map[int]bool{0: true}
	per := max(1, (limit-1)/max(cols, 1))
	for j := range cols {
		byLen := slices.Clone(all)
		slices.SortStableFunc(byLen, func(a, b int) int {
			return cellLen(grid, b, j) - cellLen(grid, a, j)
		})
		for _, i := range byLen[:per] {
			keep[i] = true
		}
	}
	var out []int
	for _, i := range all {
		if keep[i] {
			out = append(out, i)
		}
	}
	return out
}

// cellLen is the length of the text in row i, column j, 0 for none.
func cellLen(grid [][]gridCell, i, j int) int {
	if j >= len(grid[i]) {
		return 0
	}
	return len(grid[i][j].text())
}

// textWidth is the width of s in p's face, bold where its first run is
// (a "**Tổng cộng**" cell).
func textWidth(p *doc.Paragraph, s string) float64 {
	bold := p.Props.Bold || len(p.Runs) > 0 && p.Runs[0].Bold
	return fonts.Get(fonts.StyleOf(bold, p.Props.Italic)).Width(s, p.Props.Size)
}

// breakable reports whether a line may break at r: any space but the
// no-break space.
func breakable(r rune) bool { return r != '\u00a0' && unicode.IsSpace(r) }
