// Package doc is the document model both renderers write: sections of
// paragraphs, tables, rules and spacers, with every measure resolved in
// points. It knows nothing of clusters or awards (the forms package builds
// documents) and nothing of XML or PDF operators (the renderers do).
//
// Layout follows Word's model so that the DOCX, laid out by Word or
// LibreOffice, and the PDF, laid out by package pdf, break lines and pages
// alike: exact line pitches, space only after paragraphs, rows that never
// split, the same fonts and widths.
package doc

import "math"

// Mm converts millimetres to points.
func Mm(mm float64) float64 { return mm * 72 / 25.4 }

// Page geometry of Nghị định 30/2020: A4 with margins 20/20/30/15 mm.
var (
	PageWidth    = Mm(210)
	PageHeight   = Mm(297)
	MarginTop    = Mm(20)
	MarginBottom = Mm(20)
	MarginLeft   = Mm(30)
	MarginRight  = Mm(15)
	// HeaderTop is where the page-number line starts, in the top margin.
	HeaderTop = Mm(10)
)

// Document is a whole paper.
type Document struct {
	// Title and Subject go to the file's properties.
	Title, Subject string
	Sections       []*Section
}

// Section is a run of pages with one orientation and one page numbering.
type Section struct {
	Landscape bool
	// Numbered shows page numbers centred in the top margin, from the
	// section's second page; the count starts at 1 on its first page.
	Numbered bool
	Blocks   []Block
}

// Width returns the width between the margins of the section's pages.
func (s *Section) Width() float64 {
	if s.Landscape {
		return PageHeight - MarginLeft - MarginRight
	}
	return PageWidth - MarginLeft - MarginRight
}

// Height returns the height between the margins of the section's pages.
func (s *Section) Height() float64 {
	if s.Landscape {
		return PageWidth - MarginTop - MarginBottom
	}
	return PageHeight - MarginTop - MarginBottom
}

// Block is a Paragraph, *Table, Rule, Spacer or PageBreak.
type Block interface{ block() }

func (*Paragraph) block() {}
func (*Table) block()     {}
func (*Rule) block()      {}
func (*Spacer) block()    {}
func (PageBreak) block()  {}

// PageBreak starts a new page.
type PageBreak struct{}

// Align is the horizontal alignment of a paragraph, a rule or a table.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
	Justify
)

// Style is a named paragraph style. The DOCX writes each one used into
// styles.xml and paragraphs refer to it by ID; the PDF lays out with the
// same values.
type Style struct {
	// ID is the style id in styles.xml; Name is what Word shows.
	ID, Name string
	Size     float64 // font size, pt
	Bold     bool
	Italic   bool
	Align    Align
	// FirstLine is the first-line indent; Left and Right the indents of
	// every line, all in points.
	FirstLine, Left, Right float64
	// After is the space after the paragraph, pt (there is never space before).
	After float64
	// Line is the exact distance between baselines, pt.
	Line float64
	// KeepNext keeps the paragraph on the page of the next block.
	KeepNext bool
	// KeepLines keeps all lines of the paragraph on one page.
	KeepLines bool
}

// LinePitch is the exact line pitch used for text of a given size: 1.2
// times the size, rounded to half a point (17 pt for 14 pt text). It lies
// within the decree's "single to 1.5 lines".
func LinePitch(size float64) float64 { return math.Round(size*1.2*2) / 2 }

// Paragraph is a run of text laid out in lines. Its fields start as a copy
// of its Style's and may then be changed; the DOCX writes only what differs.
type Paragraph struct {
	Style *Style
	Props Style
	Runs  []Run
}

// NewParagraph returns a paragraph of the style with the given runs.
func NewParagraph(s *Style, runs ...Run) *Paragraph {
	return &Paragraph{Style: s, Props: *s, Runs: runs}
}

// Text returns the paragraph's text, runs joined.
func (p *Paragraph) Text() string {
	n := 0
	for _, r := range p.Runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range p.Runs {
		b = append(b, r.Text...)
	}
	return string(b)
}

// Run is text in one face. Bold and Italic add to the paragraph's own.
// A "\n" in Text is a line break inside the paragraph (Word's w:br), which
// the frame uses to break a name where clerks break it; a new paragraph
// is a new Paragraph. A no-break space (U+00A0) joins two words on a line.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Rule is a horizontal line of a given length, centred in its column,
// drawn at the top of a box Height points tall: the short lines under the
// issuing body, the motto and the summary.
type Rule struct {
	Width  float64
	Height float64
}

// RuleThickness is the stroke width of every rule and table border, pt.
const RuleThickness = 0.5

// Spacer is empty vertical space, such as the room left for a signature
// and seal. It is never split across pages.
type Spacer struct {
	Height float64
}

// Table is a grid of cells. Rows never split across pages.
type Table struct {
	// Columns are the widths of the grid's columns, pt.
	Columns []float64
	// Align places a table narrower than the text column.
	Align Align
	// Borders draws single lines around every cell; without it the table
	// is only for layout (the header, signature blocks).
	Borders bool
	// HeaderRows repeat at the top of every page the table reaches.
	HeaderRows int
	// Padding is the space inside each cell: left and right, top and bottom.
	PadX, PadY float64
	Rows       []*Row
	// KeepNext keeps the table's last row on the page of the next block.
	KeepNext bool
}

// Width returns the sum of the column widths.
func (t *Table) Width() float64 {
	w := 0.0
	for _, c := range t.Columns {
		w += c
	}
	return w
}

// Row is one table row.
type Row struct {
	Cells []*Cell
	// KeepNext keeps the row on the page of the next row.
	KeepNext bool
}

// VMerge marks a cell that starts or continues a vertical merge.
type VMerge int

// Vertical merge states.
const (
	NoMerge VMerge = iota
	MergeStart
	MergeContinue
)

// VAlign is a cell's vertical alignment.
type VAlign int

// Vertical alignments.
const (
	Top VAlign = iota
	Middle
	Bottom
)

// Cell is one table cell. Span is the number of grid columns it covers
// (0 means 1). A continued merge cell has no blocks of its own.
type Cell struct {
	Blocks []Block
	Span   int
	Merge  VMerge
	VAlign VAlign
}

// Columns returns how many grid columns the cell covers.
func (c *Cell) Columns() int {
	if c.Span < 1 {
		return 1
	}
	return c.Span
}

// Paragraphs lists every paragraph of the document in order, those in
// table cells included.
func (d *Document) Paragraphs() []*Paragraph {
	var out []*Paragraph
	var walk func([]Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Paragraph:
				out = append(out, b)
			case *Table:
				for _, r := range b.Rows {
					for _, c := range r.Cells {
						walk(c.Blocks)
					}
				}
			}
		}
	}
	for _, s := range d.Sections {
		walk(s.Blocks)
	}
	return out
}
