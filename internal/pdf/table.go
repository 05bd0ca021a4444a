package pdf

import (
	"fmt"

	"thidua/internal/doc"
)

// tableLayout is a table measured for a width: column positions, the
// grid column each cell starts at, row heights and vertical merges.
type tableLayout struct {
	t       *doc.Table
	colX    []float64 // left edge of each grid column, relative to the table, and the right edge last
	start   [][]int   // start[i][j]: grid column where cell j of row i starts
	heights []float64
	// mergeEnd[i][j] is the last row of the vertical merge started by
	// cell j of row i (i itself when the cell does not start a merge).
	mergeEnd [][]int
}

// border is the height a horizontal border line adds: LibreOffice lays a
// bordered table out with each 0.5-pt line between rows, and one more
// under the last row of each page.
func (m *tableLayout) border() float64 {
	if m.t.Borders {
		return doc.RuleThickness
	}
	return 0
}

// keep reports whether row i must stay on the page of row i+1: it asks
// to, or a vertical merge crosses from one to the other.
func (m *tableLayout) keep(i int) bool {
	if i+1 >= len(m.t.Rows) {
		return false
	}
	if m.t.Rows[i].KeepNext || i < m.t.HeaderRows-1 {
		return true
	}
	for _, c := range m.t.Rows[i+1].Cells {
		if c.Merge == doc.MergeContinue {
			return true
		}
	}
	return false
}

func (m *tableLayout) cellWidth(i, j int) float64 {
	c := m.t.Rows[i].Cells[j]
	s := m.start[i][j]
	return m.colX[s+c.Columns()] - m.colX[s]
}

func (r *renderer) measureTable(t *doc.Table) *tableLayout {
	m := &tableLayout{t: t}
	x := 0.0
	for _, w := range t.Columns {
		m.colX = append(m.colX, x)
		x += w
	}
	m.colX = append(m.colX, x)
	n := len(t.Rows)
	m.start = make([][]int, n)
	m.mergeEnd = make([][]int, n)
	m.heights = make([]float64, n)
	for i, row := range t.Rows {
		m.start[i] = make([]int, len(row.Cells))
		m.mergeEnd[i] = make([]int, len(row.Cells))
		g := 0
		for j, c := range row.Cells {
			m.start[i][j] = min(g, len(t.Columns)-1)
			m.mergeEnd[i][j] = i
			g += c.Columns()
		}
	}
	// content heights of cells that do not span rows
	content := make([][]float64, n)
	for i, row := range t.Rows {
		content[i] = make([]float64, len(row.Cells))
		for j, c := range row.Cells {
			if c.Merge == doc.MergeContinue {
				continue
			}
			content[i][j] = r.blocksHeight(c.Blocks, m.cellWidth(i, j)-2*t.PadX)
		}
	}
	for i, row := range t.Rows {
		h := 0.0
		for j, c := range row.Cells {
			if c.Merge == doc.NoMerge {
				h = max(h, content[i][j]+2*t.PadY)
			}
		}
		m.heights[i] = h + m.border()
	}
	// vertical merges: find where each ends, grow its last row if needed
	for i, row := range t.Rows {
		for j, c := range row.Cells {
			if c.Merge != doc.MergeStart {
				continue
			}
			end := i
			for k := i + 1; k < n; k++ {
				jj := cellAt(m, k, m.start[i][j])
				if jj < 0 || t.Rows[k].Cells[jj].Merge != doc.MergeContinue {
					break
				}
				end = k
			}
			m.mergeEnd[i][j] = end
			sum := 0.0
			for k := i; k <= end; k++ {
				sum += m.heights[k]
			}
			if need := content[i][j] + 2*t.PadY + float64(end-i+1)*m.border(); need > sum {
				m.heights[end] += need - sum
			}
		}
	}
	return m
}

// cellAt returns the index of the cell of row i that starts at grid column g, or -1.
func cellAt(m *tableLayout, i, g int) int {
	for j, s := range m.start[i] {
		if s == g {
			return j
		}
	}
	return -1
}

// blocksHeight is the height of blocks laid out in a cell, where nothing breaks.
func (r *renderer) blocksHeight(blocks []doc.Block, width float64) float64 {
	h := 0.0
	for _, b := range blocks {
		h += r.height(b, width)
	}
	return h
}

// table places t's rows; a row that does not fit starts a new page, which
// begins with the header rows again. after is the height of the next
// block's first part when the last row must stay with it.
func (r *renderer) table(t *doc.Table, x, width, after float64) {
	m := r.measure(t)
	switch t.Align {
	case doc.Center:
		x += (width - t.Width()) / 2
	case doc.Right:
		x += width - t.Width()
	}
	n := len(t.Rows)
	for i := 0; i < n; {
		// rows that must stay together from i; a chain taller than a
		// page is dropped, as Word does
		j := i
		for j+1 < n && m.keep(j) {
			j++
		}
		if !r.fits(m, i, j) {
			j = i
		}
		if !r.fits(m, i, i) {
			r.err = fmt.Errorf("pdf: hàng %d của bảng cao hơn một trang", i+1)
			return
		}
		need := m.border() // the line under the last row
		for k := i; k <= j; k++ {
			need += m.heights[k]
		}
		if j == n-1 {
			need += after
		}
		if need > r.room()+eps && !r.atTop() {
			r.y += m.border()
			r.newPage()
			if i >= t.HeaderRows {
				for h := 0; h < t.HeaderRows; h++ {
					r.row(m, h, x, t.HeaderRows-1)
				}
			}
		}
		for k := i; k <= j; k++ {
			r.row(m, k, x, n-1)
		}
		i = j + 1
	}
	r.y += m.border()
}

// fits reports whether rows i..j fit on an empty page, below the header
// rows when those repeat.
func (r *renderer) fits(m *tableLayout, i, j int) bool {
	h := 0.0
	for k := 0; i >= m.t.HeaderRows && k < m.t.HeaderRows; k++ {
		h += m.heights[k]
	}
	for k := i; k <= j; k++ {
		h += m.heights[k]
	}
	return h+m.border() <= r.bottom-r.top+eps
}

// row draws row i of the table at r.y and moves below it. lastRow bounds
// vertical merges (header rows merge only among themselves).
func (r *renderer) row(m *tableLayout, i int, x float64, lastRow int) {
	t := m.t
	top := r.y
	for j, c := range t.Rows[i].Cells {
		if c.Merge == doc.MergeContinue {
			continue
		}
		end := min(m.mergeEnd[i][j], lastRow)
		h := 0.0
		for k := i; k <= end; k++ {
			h += m.heights[k]
		}
		cx := x + m.colX[m.start[i][j]]
		w := m.cellWidth(i, j)
		inner := w - 2*t.PadX
		ch := r.blocksHeight(c.Blocks, inner)
		room := h - 2*t.PadY - float64(end-i+1)*m.border()
		y := top + m.border() + t.PadY
		switch c.VAlign {
		case doc.Middle:
			y += (room - ch) / 2
		case doc.Bottom:
			y += room - ch
		}
		r.cellBlocks(c.Blocks, cx+t.PadX, inner, y)
		if t.Borders {
			r.p.SetLineWidth(doc.RuleThickness)
			r.p.Rect(cx, top, w, h, "D")
		}
	}
	r.y = top + m.heights[i]
}

// cellBlocks draws blocks inside a cell from y down; nothing breaks there.
func (r *renderer) cellBlocks(blocks []doc.Block, x, width, y float64) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			lines := r.lines(b, width)
			r.drawLines(b, lines, x, width, y)
			y += float64(len(lines))*b.Props.Line + b.Props.After
		case *doc.Rule:
			r.rule(b, x, width, y)
			y += b.Height
		case *doc.Spacer:
			y += b.Height
		case *doc.Table:
			m := r.measure(b)
			tx := x
			switch b.Align {
			case doc.Center:
				tx += (width - b.Width()) / 2
			case doc.Right:
				tx += width - b.Width()
			}
			save := r.y
			r.y = y
			for i := range b.Rows {
				r.row(m, i, tx, len(b.Rows)-1)
			}
			y, r.y = r.y+m.border(), save
		}
	}
}
