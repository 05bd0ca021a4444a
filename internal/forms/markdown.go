package forms

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"thidua/internal/doc"
	"thidua/internal/frame"
	"thidua/internal/view"
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// escapeMarkdown prints a value so that Markdown reads it back as the
// same text: ASCII punctuation is backslash-escaped and line breaks
// become spaces. Values of type view.Markdown pass unchanged.
func escapeMarkdown(v any) string {
	if m, ok := v.(view.Markdown); ok {
		return string(m)
	}
	s := view.Print(v)
	special := func(c byte) bool { return c == '\n' || c == '\r' || c == '\t' || c < 0x80 && util.IsPunct(c) }
	i := 0
	for i < len(s) && !special(s[i]) {
		i++
	}
	if i == len(s) {
		return s // nothing to escape: no copy
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\r' || c == '\t':
			b.WriteByte(' ')
		case c < 0x80 && util.IsPunct(c):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// tableAfter is the space after a table, as a paragraph has after it.
const tableAfter = 6

// Directives are HTML comments a template writes on a line of their own.
const (
	dirPageBreak = "trang-moi"    // start a new page
	dirLandscape = "ngang"        // start a landscape section (wide tables)
	dirPortrait  = "doc"          // back to portrait
	dirAppendix  = "phu-luc"      // start an appendix: new page, numbering from 1
	dirCentre    = "giua"         // centre the next paragraph, without indent
	dirColumns   = "cot"          // "cot: 12mm, *, 30mm": widths of the next table's columns
	dirRowNumber = "so-theo-dong" // the next table's numbers keep their own decimals, row by row
)

// converter turns Markdown into blocks, opening sections at directives.
type converter struct {
	src []byte
	// br joins the words of a header cell's joints ("đồng ý", "kế
	// hoạch"), which a narrow column must not part.
	br       frame.Breaker
	sections []*doc.Section
	cur      *doc.Section
	err      error
	// appendix is the index of the first appendix section, -1 before one.
	appendix int
	// centre centres the next paragraph.
	centre bool
	// pins are the column widths a "cot" directive gives the next table.
	pins []float64
	// rowNumbers: the next table's numbers keep their decimals (each row
	// is another quantity, such as the indicators of a report).
	rowNumbers bool
}

// fail records the first error met while converting.
func (c *converter) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (c *converter) add(b doc.Block) { c.cur.Blocks = append(c.cur.Blocks, b) }

// newSection starts a section on a new page; a section still empty
// (two directives in a row, such as an appendix in landscape) is reused.
func (c *converter) newSection(landscape bool) {
	if len(c.sections) > 1 && len(c.cur.Blocks) == 0 {
		c.cur.Landscape = landscape
		return
	}
	c.cur = &doc.Section{Landscape: landscape, Numbered: true}
	c.sections = append(c.sections, c.cur)
}

// convert parses md and appends its blocks to sec, opening further
// sections where the Markdown asks. body is the index of the last section
// before the appendices, where the paper's signatures go.
func convert(md []byte, sec *doc.Section, br frame.Breaker) (sections []*doc.Section, body int, err error) {
	c := &converter{src: md, br: br, sections: []*doc.Section{sec}, cur: sec, appendix: -1}
	root := markdown.Parser().Parse(text.NewReader(c.src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		c.block(n, 0)
	}
	for _, s := range c.sections {
		for _, b := range s.Blocks {
			p, ok := b.(*doc.Paragraph)
			switch {
			case !ok:
			case p.Props.Align == doc.Justify:
				frame.AvoidRunt(p, s.Width())
			case (p.Style == frame.Part || p.Style == frame.Note) && p.Props.Align == doc.Center && len(p.Runs) == 1:
				// a centred title ("Phụ lục", its name, "(Kèm theo ...)")
				// breaks as the frame's titles do
				p.Runs[0].Text = br.Centred(p.Runs[0].Text, &p.Props, s.Width(), false)
			}
		}
	}
	body = len(c.sections) - 1
	if c.appendix > 0 {
		body = c.appendix - 1
	}
	return c.sections, body, c.err
}

func (c *converter) block(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		style := map[int]*doc.Style{1: frame.Part, 2: frame.Section, 3: frame.Clause, 6: frame.Note}[n.Level]
		if style == nil {
			style = frame.Point
		}
		c.add(doc.NewParagraph(style, c.inlines(n)...))
	case *ast.Paragraph, *ast.TextBlock:
		c.paragraphs(frame.Body, "", c.inlines(n))
	case *ast.Blockquote:
		for p := n.FirstChild(); p != nil; p = p.NextSibling() {
			c.paragraphs(frame.Basis, "", c.inlines(p))
		}
	case *ast.List:
		c.list(n, depth)
	case *east.Table:
		// A paragraph that leads into the table ("... như sau:") stays
		// on the page of its first rows.
		if k := len(c.cur.Blocks) - 1; k >= 0 {
			if p, ok := c.cur.Blocks[k].(*doc.Paragraph); ok && strings.HasSuffix(strings.TrimSpace(p.Text()), ":") {
				p.Props.KeepNext = true
			}
		}
		c.add(c.table(n))
		c.add(&doc.Spacer{Height: tableAfter})
	case *ast.ThematicBreak:
		c.add(doc.PageBreak{})
	case *ast.HTMLBlock:
		c.directive(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			c.add(doc.NewParagraph(frame.Body, doc.Run{Text: strings.TrimRight(string(seg.Value(c.src)), "\n")}))
		}
	}
}

// paragraphs adds a paragraph of runs; a hard line break inside starts a
// new paragraph of the same style without first-line indent.
func (c *converter) paragraphs(style *doc.Style, prefix string, runs []doc.Run) {
	if prefix != "" {
		runs = append([]doc.Run{{Text: prefix}}, runs...)
	}
	first, centre := true, c.centre
	c.centre = false
	var cur []doc.Run
	flush := func() {
		p := doc.NewParagraph(style, trimRuns(cur)...)
		if !first || centre {
			p.Props.FirstLine = 0
		}
		if centre {
			p.Props.Align = doc.Center
		}
		c.add(p)
		first, cur = false, nil
	}
	for _, r := range runs {
		if r.Text == "\n" {
			flush()
			continue
		}
		cur = append(cur, r)
	}
	flush()
}

func (c *converter) list(l *ast.List, depth int) {
	num := l.Start
	if num == 0 {
		num = 1
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		prefix := "- "
		if l.IsOrdered() {
			if depth == 0 {
				prefix = fmt.Sprintf("%d. ", num)
			} else {
				prefix = string(rune('a'+(num-1)%26)) + ") "
			}
		}
		num++
		first := true
		for b := item.FirstChild(); b != nil; b = b.NextSibling() {
			switch b := b.(type) {
			case *ast.List:
				c.list(b, depth+1)
			case *ast.Paragraph, *ast.TextBlock:
				p := prefix
				if !first {
					p = ""
				}
				c.paragraphs(frame.Body, p, c.inlines(b))
				first = false
			default:
				c.block(b, depth+1)
			}
		}
	}
}

func (c *converter) directive(n *ast.HTMLBlock) {
	var sb strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.Write(seg.Value(c.src))
	}
	s := strings.TrimSpace(sb.String())
	if !strings.HasPrefix(s, "<!--") || !strings.HasSuffix(s, "-->") {
		return // other HTML is not part of a paper
	}
	d := strings.TrimSpace(s[4 : len(s)-3])
	if rest, ok := strings.CutPrefix(d, dirColumns+":"); ok {
		pins, err := parsePins(rest)
		if err != nil {
			c.fail(err)
		}
		c.pins = pins
		return
	}
	switch d {
	case dirPageBreak:
		c.add(doc.PageBreak{})
	case dirLandscape:
		c.newSection(true)
	case dirPortrait:
		c.newSection(false)
	case dirAppendix:
		c.newSection(c.cur.Landscape)
		if c.appendix < 0 {
			c.appendix = len(c.sections) - 1
		}
	case dirCentre:
		c.centre = true
	case dirRowNumber:
		c.rowNumbers = true
	}
}

// inlines flattens a node's inline content into runs. A run "\n" marks a
// hard line break.
func (c *converter) inlines(n ast.Node) []doc.Run {
	var runs []doc.Run
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *ast.Text:
				runs = appendRun(runs, doc.Run{Text: unescape(ch.Segment.Value(c.src)), Bold: bold, Italic: italic})
				if ch.HardLineBreak() {
					runs = append(runs, doc.Run{Text: "\n"})
				} else if ch.SoftLineBreak() {
					runs = appendRun(runs, doc.Run{Text: " ", Bold: bold, Italic: italic})
				}
			case *ast.String:
				runs = appendRun(runs, doc.Run{Text: string(ch.Value), Bold: bold, Italic: italic})
			case *ast.Emphasis:
				walk(ch, bold || ch.Level >= 2, italic || ch.Level == 1)
			case *ast.CodeSpan:
				walk(ch, bold, italic)
			case *ast.RawHTML:
				// not part of a paper
			default:
				walk(ch, bold, italic)
			}
		}
	}
	walk(n, false, false)
	return runs
}

// appendRun adds r, merging it into the last run when their faces match.
func appendRun(runs []doc.Run, r doc.Run) []doc.Run {
	if r.Text == "" {
		return runs
	}
	if k := len(runs) - 1; k >= 0 && runs[k].Text != "\n" && runs[k].Bold == r.Bold && runs[k].Italic == r.Italic {
		runs[k].Text += r.Text
		return runs
	}
	return append(runs, r)
}

// trimRuns drops spaces at the start and end of a paragraph.
func trimRuns(runs []doc.Run) []doc.Run {
	for len(runs) > 0 {
		runs[0].Text = strings.TrimLeft(runs[0].Text, " ")
		if runs[0].Text != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 {
		k := len(runs) - 1
		runs[k].Text = strings.TrimRight(runs[k].Text, " ")
		if runs[k].Text != "" {
			break
		}
		runs = runs[:k]
	}
	return runs
}

// unescape resolves backslash escapes and character references in one
// pass, as CommonMark reads text.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out.WriteByte(b[i+1])
			i++
		case c == '&':
			end := strings.IndexByte(string(b[i:min(len(b), i+40)]), ';')
			if end > 1 {
				ref := b[i : i+end+1]
				res := util.ResolveEntityNames(util.ResolveNumericReferences(ref))
				if string(res) != string(ref) {
					out.Write(res)
					i += end
					continue
				}
			}
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// table converts a GFM table. A cell holding only "<" joins the cell on
// its left; one holding only "^" joins the cell above (merged cells).
// Column widths come from the cells' content (see columnWidths), or from
// a "cot" directive just before the table; numbers line up (see
// alignNumbers).
func (c *converter) table(t *east.Table) *doc.Table {
	var grid [][]gridCell
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		_, head := row.(*east.TableHeader)
		var cells []gridCell
		for col := row.FirstChild(); col != nil; col = col.NextSibling() {
			tc := col.(*east.TableCell)
			al, set := doc.Left, false
			switch tc.Alignment {
			case east.AlignCenter:
				al, set = doc.Center, true
			case east.AlignRight:
				al, set = doc.Right, true
			case east.AlignLeft:
				set = true
			}
			if head {
				al = doc.Center
			}
			cells = append(cells, gridCell{runs: trimRuns(c.inlines(tc)), align: al, alignSet: set, head: head})
		}
		grid = append(grid, cells)
	}
	// Header rows: the Markdown header and the rows under it that merge
	// into it ("^"), which makes a header of several rows with merged
	// cells; their cells are set as headers.
	headerRows := 1
	for headerRows < len(grid) && slices.ContainsFunc(grid[headerRows], func(cl gridCell) bool { return cl.text() == "^" }) {
		for j := range grid[headerRows] {
			grid[headerRows][j].head, grid[headerRows][j].align = true, doc.Center
		}
		headerRows++
	}
	// A header breaks at the joints of its words as the frame's titles
	// do ("Số phiếu / đồng ý", never "Số phiếu đồng / ý"): no-break
	// spaces inside them, in the DOCX as in the PDF.
	// A table too wide for its joints keeps the old breaks in the cells
	// that do not fit (see below).
	plain := make([][][]doc.Run, headerRows)
	for i, r := range grid[:headerRows] {
		plain[i] = make([][]doc.Run, len(r))
		for j := range r {
			plain[i][j] = slices.Clone(r[j].runs)
			for k := range r[j].runs {
				r[j].runs[k].Text = joinRun(c.br, r[j].runs[k].Text)
			}
		}
	}
	cols := 0
	for _, r := range grid {
		cols = max(cols, len(r))
	}
	alignNumbers(grid, cols, !c.rowNumbers)
	c.rowNumbers = false
	out := &doc.Table{Borders: true, HeaderRows: headerRows, PadX: 4, PadY: 2}
	pins := c.pins
	c.pins = nil
	if len(pins) > cols {
		c.fail(fmt.Errorf("chỉ thị <!-- cot: ... --> ghi %d cột nhưng bảng có %d cột", len(pins), cols))
		pins = pins[:cols]
	}
	out.Columns = columnWidths(grid, cols, pins, c.cur.Width(), out.PadX)
	// A header joint wider than its column (a table of many columns,
	// squeezed below its longest words) gives way in the cells where it
	// does not fit, a few rounds; then in the whole header.
	const rounds = 4
	for round := 0; round < rounds; round++ {
		tight := false
		for i, r := range grid[:headerRows] {
			for j := range r {
				p := r[j].paragraph()
				for _, w := range strings.FieldsFunc(r[j].text(), breakable) {
					if j < len(out.Columns) && r[j].text() != "<" && strings.Contains(w, frame.NBSP) &&
						textWidth(p, w)+2*out.PadX+1 > out.Columns[j]+1e-6 {
						r[j].runs, tight = plain[i][j], true
						break
					}
				}
				if round == rounds-1 {
					r[j].runs = plain[i][j]
				}
			}
		}
		if !tight {
			break
		}
		out.Columns = columnWidths(grid, cols, pins, c.cur.Width(), out.PadX)
	}
	for i, r := range grid {
		row := &doc.Row{KeepNext: i < headerRows}
		for j := 0; j < len(r); j++ {
			cl := r[j]
			s := cl.text()
			switch {
			case s == "<" && len(row.Cells) > 0:
				row.Cells[len(row.Cells)-1].Span = row.Cells[len(row.Cells)-1].Columns() + 1
				continue
			case s == "^" && i > 0:
				g := 0 // the grid column the cell starts at
				for _, c := range row.Cells {
					g += c.Columns()
				}
				row.Cells = append(row.Cells, &doc.Cell{Merge: doc.MergeContinue})
				markMergeStart(out.Rows, g)
				continue
			}
			row.Cells = append(row.Cells, &doc.Cell{Blocks: []doc.Block{cl.paragraph()}, VAlign: doc.Middle})
		}
		out.Rows = append(out.Rows, row)
	}
	// A body row that spans the whole table captions the rows under it,
	// and a row whose cells merge into the next one cannot be parted from
	// it: both stay on the page of the next row. (The PDF keeps merged
	// rows together by itself; Word and LibreOffice need it said.)
	for i, row := range out.Rows[:len(out.Rows)-1] {
		caption := i >= headerRows && len(row.Cells) == 1 && row.Cells[0].Columns() == cols
		merged := slices.ContainsFunc(out.Rows[i+1].Cells, func(c *doc.Cell) bool { return c.Merge == doc.MergeContinue })
		if caption || merged {
			row.KeepNext = true
		}
	}
	return out
}

// markMergeStart marks the cell above grid column g as the start of a
// vertical merge unless it continues one already. Columns count in grid
// columns, so that cells spanning columns to the left do not shift it.
func markMergeStart(rows []*doc.Row, g int) {
	for i := len(rows) - 1; i >= 0; i-- {
		c := cellAtColumn(rows[i], g)
		if c == nil {
			return
		}
		if c.Merge != doc.MergeContinue {
			c.Merge = doc.MergeStart
			return
		}
	}
}

// cellAtColumn returns the cell of row that starts at grid column g, or nil.
func cellAtColumn(row *doc.Row, g int) *doc.Cell {
	col := 0
	for _, c := range row.Cells {
		if col == g {
			return c
		}
		if col += c.Columns(); col > g {
			return nil
		}
	}
	return nil
}

// joinRun is br.Join of a run's text, keeping the spaces at its ends
// (where it meets the next run).
func joinRun(br frame.Breaker, t string) string {
	inner := strings.TrimSpace(t)
	if !strings.Contains(inner, " ") || strings.Contains(inner, "\n") {
		return t
	}
	i := strings.Index(t, inner)
	return t[:i] + br.Join(inner) + t[i+len(inner):]
}
