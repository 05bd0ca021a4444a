package docx

import (
	"fmt"
	"strings"

	"thidua/internal/doc"
)

// ctx is where a list of blocks is laid: the width of its column and
// whether its paragraphs must keep with the next (a row that keeps with the
// next row).
type ctx struct {
	width  float64
	keep   bool
	inCell bool
}

// pprOpts says what a paragraph's w:pPr holds besides its properties.
type pprOpts struct {
	styleID     string // w:pStyle, left out for Normal
	all         bool   // write every value, not only those that differ from base
	keepNext    bool   // keep with next, forced by the row or table
	breakBefore bool   // start on a new page
	rule        bool   // top border: the paragraph draws a doc.Rule
	mark        bool   // run properties of the paragraph mark
	sect        string // w:sectPr that ends a section here
}

// appendPPr writes the paragraph properties of s: values where they differ
// from base (all of them when o.all), on/off properties where they differ
// from base, in the order the schema requires. Nothing is written when
// nothing differs.
func (p *pkg) appendPPr(w *buf, s, base *doc.Style, o pprOpts) {
	start := len(w.b)
	w.s(`<w:pPr>`)
	open := len(w.b)
	if o.styleID != "" && o.styleID != normalID {
		w.s(`<w:pStyle w:val="`)
		w.text(o.styleID) // checked by validStyleText
		w.s(`"/>`)
	}
	if keep := s.KeepNext || o.keepNext; keep != base.KeepNext {
		w.toggle("w:keepNext", keep)
	}
	if s.KeepLines != base.KeepLines {
		w.toggle("w:keepLines", s.KeepLines)
	}
	if o.breakBefore {
		w.s(`<w:pageBreakBefore/>`)
	}
	if o.rule {
		w.s(`<w:pBdr><w:top w:val="single"`)
		w.attr("w:sz", int64(doc.RuleThickness*8))
		w.s(` w:space="0" w:color="000000"/></w:pBdr>`)
	}
	after, line := o.all || s.After != base.After, o.all || s.Line != base.Line
	if after || line {
		w.s(`<w:spacing`)
		if o.all {
			w.s(` w:before="0"`)
		}
		if after {
			w.attr("w:after", tw(s.After))
		}
		if line {
			w.attr("w:line", max(tw(s.Line), 1))
			w.s(` w:lineRule="exact"`)
		}
		w.s(`/>`)
	}
	left, right, first := o.all || s.Left != base.Left, o.all || s.Right != base.Right, o.all || s.FirstLine != base.FirstLine
	if left || right || first {
		w.s(`<w:ind`)
		if left {
			w.attr("w:left", tw(s.Left))
		}
		if right {
			w.attr("w:right", tw(s.Right))
		}
		if first {
			if s.FirstLine < 0 {
				w.attr("w:hanging", tw(-s.FirstLine))
			} else {
				w.attr("w:firstLine", tw(s.FirstLine))
			}
		}
		w.s(`/>`)
	}
	if o.all || s.Align != base.Align {
		w.s(jc(s.Align))
	}
	if o.mark {
		appendRPr(w, s.Bold, s.Italic, s.Size, base)
	}
	w.s(o.sect)
	if len(w.b) == open {
		w.b = w.b[:start]
		return
	}
	w.s(`</w:pPr>`)
}

// jc is the w:jc element of an alignment.
func jc(a doc.Align) string {
	switch a {
	case doc.Center:
		return `<w:jc w:val="center"/>`
	case doc.Right:
		return `<w:jc w:val="right"/>`
	case doc.Justify:
		return `<w:jc w:val="both"/>`
	}
	return `<w:jc w:val="left"/>`
}

// appendRPr writes a w:rPr with the run properties that differ from base,
// or nothing when none does.
func appendRPr(w *buf, bold, italic bool, size float64, base *doc.Style) {
	start := len(w.b)
	w.s(`<w:rPr>`)
	open := len(w.b)
	appendRunDiff(w, bold, italic, size, base, false)
	if len(w.b) == open {
		w.b = w.b[:start]
		return
	}
	w.s(`</w:rPr>`)
}

// appendRunDiff writes the run properties bold, italic and size where they
// differ from base (the size always when all).
func appendRunDiff(w *buf, bold, italic bool, size float64, base *doc.Style, all bool) {
	if bold != base.Bold {
		w.toggle("w:b", bold)
	}
	if italic != base.Italic {
		w.toggle("w:i", italic)
	}
	if all || size != base.Size {
		w.val("w:sz", halfPt(size))
		w.val("w:szCs", halfPt(size))
	}
}

// paragraph writes a text paragraph. Its runs carry what differs from the
// style: a bold run in a plain paragraph gets w:b, a run in a paragraph
// whose Props turn bold on gets it too.
func (p *pkg) paragraph(w *buf, para *doc.Paragraph, o pprOpts) error {
	st := para.Style
	if st == nil {
		st = p.normal
	} else {
		st = p.byID[st.ID]
		o.styleID = st.ID
	}
	pr := &para.Props
	o.mark = true
	w.s(`<w:p>`)
	p.appendPPr(w, pr, st, o)
	for i := range para.Runs {
		r := &para.Runs[i]
		if r.Text == "" {
			continue
		}
		w.s(`<w:r>`)
		appendRPr(w, pr.Bold || r.Bold, pr.Italic || r.Italic, pr.Size, st)
		// A "\n" is a line break inside the paragraph.
		for rest, k := r.Text, 0; ; k++ {
			part, after, more := strings.Cut(rest, "\n")
			if k > 0 {
				w.s(`<w:br/>`)
			}
			if part != "" {
				w.s(`<w:t xml:space="preserve">`)
				if err := w.text(part); err != nil {
					return err
				}
				w.s(`</w:t>`)
			}
			if !more {
				break
			}
			rest = after
		}
		w.s(`</w:r>`)
	}
	w.s(`</w:p>`)
	return nil
}

// empty writes a paragraph without text: one exact line of the given
// height, its mark set at 1 pt so that the font cannot make the line
// taller. Rules, spacers and the paragraphs Word needs after a table are
// written with it.
func (p *pkg) empty(w *buf, height, left, right float64, o pprOpts) {
	n := p.normal
	s := doc.Style{Size: 1, Bold: n.Bold, Italic: n.Italic, Align: doc.Left, Line: height, Left: left, Right: right}
	o.all, o.mark = true, true
	w.s(`<w:p>`)
	p.appendPPr(w, &s, n, o)
	w.s(`</w:p>`)
}

// tinyHeight is the height, 1 pt, of the empty paragraphs the model has no
// block for: after a table that ends a section (to carry its w:sectPr) or
// a cell, between two tables that would otherwise merge, before a table
// that starts a new page (to carry pageBreakBefore), and on an empty page
// made by two page breaks in a row.
const tinyHeight = 1

// blocks writes a list of blocks and ends it with a paragraph, as Word
// requires of a cell and as a section break needs; sect (a w:sectPr, or
// "") goes into that last paragraph. A PageBreak becomes pageBreakBefore
// on the next paragraph; one at the start or the end of the list is
// dropped, since a section starts on a new page anyway.
func (p *pkg) blocks(w *buf, bs []doc.Block, c ctx, sect string) error {
	last := len(bs) - 1
	for last >= 0 && isPageBreak(bs[last]) {
		last--
	}
	// started: something is written; pending: a page break waits for the
	// next paragraph; afterTable: the last thing written is a table.
	started, pending, afterTable := false, false, false
	for i := 0; i <= last; i++ {
		o := pprOpts{keepNext: c.keep, breakBefore: pending}
		if i == last {
			o.sect = sect
		}
		switch b := bs[i].(type) {
		case *doc.Paragraph:
			if err := p.paragraph(w, b, o); err != nil {
				return err
			}
		case *doc.Rule:
			// LibreOffice adds the border's width to the paragraph
			// (measured; Word also sets paragraph borders outside the
			// lines): the line is that much shorter, so that the rule
			// takes exactly its Height.
			ind := (c.width - b.Width) / 2
			o.rule = true
			p.empty(w, b.Height-doc.RuleThickness, ind, ind, o)
		case *doc.Spacer:
			p.empty(w, b.Height, 0, 0, o)
		case *doc.Table:
			// Word and LibreOffice merge two tables that touch into one:
			// a tiny paragraph keeps them apart, or carries a page break.
			if pending || afterTable {
				o.sect = ""
				p.empty(w, tinyHeight, 0, 0, o)
			}
			if err := p.table(w, b, c); err != nil {
				return err
			}
		case doc.PageBreak, *doc.PageBreak:
			if c.inCell {
				return fmt.Errorf("docx: ô bảng không được chứa ngắt trang; hãy bỏ ngắt trang khỏi bảng")
			}
			if pending { // a second break in a row: an empty page between
				p.empty(w, tinyHeight, 0, 0, o)
				afterTable = false
			}
			pending = started
			continue
		default:
			return fmt.Errorf("docx: khối nội dung kiểu %T không ghi được (lỗi chương trình)", b)
		}
		_, afterTable = bs[i].(*doc.Table)
		started, pending = true, false
	}
	if afterTable || !started {
		p.empty(w, tinyHeight, 0, 0, pprOpts{keepNext: c.keep, sect: sect})
	}
	return nil
}

// isPageBreak reports whether b is a doc.PageBreak.
func isPageBreak(b doc.Block) bool {
	switch b.(type) {
	case doc.PageBreak, *doc.PageBreak:
		return true
	}
	return false
}

// table writes a table: fixed layout on its grid, cell margins from the
// padding, single 0.5 pt borders or none, rows that never split.
func (p *pkg) table(w *buf, t *doc.Table, c ctx) error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("docx: bảng không có cột nào (lỗi chương trình)")
	}
	var total int64
	for _, cw := range t.Columns {
		total += tw(cw)
	}
	w.s(`<w:tbl><w:tblPr><w:tblW`)
	w.attr("w:w", total)
	w.s(` w:type="dxa"/>`)
	switch t.Align {
	case doc.Center:
		w.s(`<w:jc w:val="center"/>`)
	case doc.Right:
		w.s(`<w:jc w:val="right"/>`)
	default:
		w.s(`<w:jc w:val="left"/>`)
	}
	w.s(`<w:tblInd w:w="0" w:type="dxa"/>`)
	if t.Borders {
		w.s(tableBorders)
	} else {
		w.s(noTableBorders)
	}
	w.s(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top`)
	padX, padY := tw(t.PadX), tw(t.PadY)
	w.attr("w:w", padY)
	w.s(` w:type="dxa"/><w:left`)
	w.attr("w:w", padX)
	w.s(` w:type="dxa"/><w:bottom`)
	w.attr("w:w", padY)
	w.s(` w:type="dxa"/><w:right`)
	w.attr("w:w", padX)
	w.s(` w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, cw := range t.Columns {
		w.s(`<w:gridCol`)
		w.attr("w:w", tw(cw))
		w.s(`/>`)
	}
	w.s(`</w:tblGrid>`)
	grid := len(t.Columns)
	for ri, row := range t.Rows {
		w.s(`<w:tr><w:trPr><w:cantSplit/>`)
		if ri < t.HeaderRows {
			w.s(`<w:tblHeader/>`)
		}
		w.s(`</w:trPr>`)
		keep := c.keep || row.KeepNext || (t.KeepNext && ri == len(t.Rows)-1)
		col := 0
		for _, cell := range row.Cells {
			span := cell.Columns()
			if col+span > grid {
				return gridError(ri, row, grid)
			}
			// The cell is as wide as the grid columns it spans, summed
			// in twips as gridCol writes them.
			var cw int64
			var width float64
			for k := col; k < col+span; k++ {
				cw += tw(t.Columns[k])
				width += t.Columns[k]
			}
			col += span
			w.s(`<w:tc><w:tcPr><w:tcW`)
			w.attr("w:w", cw)
			w.s(` w:type="dxa"/>`)
			if span > 1 {
				w.val("w:gridSpan", int64(span))
			}
			switch cell.Merge {
			case doc.MergeStart:
				w.s(`<w:vMerge w:val="restart"/>`)
			case doc.MergeContinue:
				w.s(`<w:vMerge/>`)
			}
			switch cell.VAlign {
			case doc.Middle:
				w.s(`<w:vAlign w:val="center"/>`)
			case doc.Bottom:
				w.s(`<w:vAlign w:val="bottom"/>`)
			}
			w.s(`</w:tcPr>`)
			if cell.Merge == doc.MergeContinue && len(cell.Blocks) > 0 {
				return fmt.Errorf("docx: ô nối dọc (tiếp nối) ở hàng %d của bảng lại có nội dung riêng (lỗi chương trình)", ri+1)
			}
			if err := p.blocks(w, cell.Blocks, ctx{width: width - 2*t.PadX, keep: keep, inCell: true}, ""); err != nil {
				return err
			}
			w.s(`</w:tc>`)
		}
		if col != grid {
			return gridError(ri, row, grid)
		}
		w.s(`</w:tr>`)
	}
	w.s(`</w:tbl>`)
	return nil
}

// gridError says that a row's cells do not cover the table's grid.
func gridError(ri int, row *doc.Row, cols int) error {
	n := 0
	for _, c := range row.Cells {
		n += c.Columns()
	}
	return fmt.Errorf("docx: hàng %d của bảng phủ %d cột nhưng bảng có %d cột (lỗi chương trình)", ri+1, n, cols)
}

// Table borders: single 0.5 pt black lines on every edge and between
// every cell, or none at all.
var (
	tableBorders   = borders(`w:val="single" w:sz="4" w:space="0" w:color="000000"`)
	noTableBorders = borders(`w:val="nil"`)
)

func borders(attrs string) string {
	s := `<w:tblBorders>`
	for _, e := range [...]string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		s += `<w:` + e + ` ` + attrs + `/>`
	}
	return s + `</w:tblBorders>`
}
