// Package pdf lays out a doc.Document on A4 pages and writes it as PDF
// with fpdf, breaking lines and pages the way Word does with the same
// model: greedy line filling with the Times New Roman widths of the
// embedded faces, exact line pitches, two-line widow and orphan control,
// keep-with-next, rows that never split and repeated header rows.
package pdf

import (
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"

	"thidua/fonts"
	"thidua/internal/doc"
)

// Epoch is the creation date written into every PDF, so that the same
// document gives the same bytes.
var Epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

const eps = 0.01

// baselineRatio places the baseline in a line of exact height, as
// LibreOffice does: four fifths down from the line's top.
const baselineRatio = 0.8

// PageNumberSize is the size of the page numbers in the top margin.
const PageNumberSize = 13

// Write lays out d and writes it to w as PDF. Nothing reaches w unless
// the whole document could be made.
func Write(w io.Writer, d *doc.Document) error {
	b, err := Bytes(d)
	if err == nil {
		_, err = w.Write(b)
	}
	return err
}

// Bytes lays out d and returns it as PDF: fpdf's own buffer, not a copy.
func Bytes(d *doc.Document) ([]byte, error) {
	p := fpdf.New("P", "pt", "A4", "")
	p.SetAutoPageBreak(false, 0)
	// Content streams are not deflated: on the 3-page giao ước of the
	// benchmark that would make the file 17 % smaller (97 KB to 81 KB; the
	// embedded faces, which ./gen compressed once, are most of it) and the
	// writer 90 % slower (2,2 to 4,2 M instructions with fpdf's zlib, its
	// writers pooled): a paper in about 1 ms counts for more.
	p.SetCompression(false)
	p.SetMargins(0, 0, 0)
	p.SetCatalogSort(true)
	p.SetCreationDate(Epoch)
	p.SetModificationDate(Epoch)
	p.SetProducer("thidua", false)
	p.SetCreator("thidua", false)
	p.SetTitle(d.Title, true)
	p.SetSubject(d.Subject, true)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
	r := renderers.Get().(*renderer)
	defer r.release()
	r.p = p
	for _, s := range d.Sections {
		r.section(s)
		if r.err != nil {
			return nil, r.err
		}
	}
	if len(d.Sections) == 0 {
		r.section(&doc.Section{})
	}
	if r.err != nil {
		return nil, r.err
	}
	return p.OutputBytes()
}

// renderers keeps renderers between documents, with the memory their
// caches and scratch slices have grown.
var renderers = sync.Pool{New: func() any {
	return &renderer{lineCache: map[*doc.Paragraph]cachedLines{}, tableCache: map[*doc.Table]*tableLayout{}}
}}

// release empties r, keeping its memory but nothing of the document, and
// puts it back in the pool.
func (r *renderer) release() {
	r.br.reset()
	clear(r.lineCache)
	clear(r.tableCache)
	clear(r.segs[:cap(r.segs)])
	*r = renderer{
		br: r.br, scratch: r.scratch[:0], text: r.text[:0], segs: r.segs[:0], frags: r.frags[:0],
		lineCache: r.lineCache, tableCache: r.tableCache,
	}
	renderers.Put(r)
}

// renderer places blocks on pages, top to bottom.
type renderer struct {
	p     *fpdf.Fpdf
	added [2][4]bool
	sec   *doc.Section
	page  int // page number within the section, from 1
	y     float64
	// geometry of the current section's pages
	left, top, width, bottom float64
	ws                       float64 // current word spacing (Tw)
	font                     [3]int  // current encoding, style, size*100: avoids redundant Tf
	// br breaks lines; scratch, text, segs and frags are reused from line
	// to line by drawLines.
	br      breaker
	scratch []chunk
	text    []byte
	segs    []segment
	frags   []frag
	err     error
	// lineCache and tableCache keep each paragraph's lines and each
	// table's measures: pagination asks for them several times.
	lineCache  map[*doc.Paragraph]cachedLines
	tableCache map[*doc.Table]*tableLayout
}

type cachedLines struct {
	width float64
	lines []line
}

// lines breaks p for a width, once.
func (r *renderer) lines(p *doc.Paragraph, width float64) []line {
	if c, ok := r.lineCache[p]; ok && c.width == width {
		return c.lines
	}
	l := r.br.breakLines(p, width)
	r.lineCache[p] = cachedLines{width, l}
	return l
}

// measure measures t, once.
func (r *renderer) measure(t *doc.Table) *tableLayout {
	if m, ok := r.tableCache[t]; ok {
		return m
	}
	m := r.measureTable(t)
	r.tableCache[t] = m
	return m
}

func (r *renderer) section(s *doc.Section) {
	r.sec = s
	r.page = 0
	r.left, r.top = doc.MarginLeft, doc.MarginTop
	r.width = s.Width()
	r.bottom = r.top + s.Height()
	r.newPage()
	r.flow(s.Blocks, r.left, r.width)
}

func (r *renderer) newPage() {
	orient := "P"
	if r.sec.Landscape {
		orient = "L"
	}
	r.p.AddPageFormat(orient, fpdf.SizeType{Wd: doc.PageWidth, Ht: doc.PageHeight})
	r.font = [3]int{-1, -1, -1}
	r.ws = 0
	r.page++
	r.y = r.top
	if r.sec.Numbered && r.page > 1 {
		num := strconv.Itoa(r.page)
		pn := &doc.Paragraph{Props: doc.Style{Size: PageNumberSize, Align: doc.Center, Line: doc.LinePitch(PageNumberSize)},
			Runs: []doc.Run{{Text: num}}}
		r.drawLines(pn, r.br.breakLines(pn, r.width), r.left, r.width, doc.HeaderTop)
	}
}

// atTop reports whether nothing has been placed on the current page yet.
func (r *renderer) atTop() bool { return r.y <= r.top+eps }

func (r *renderer) room() float64 { return r.bottom - r.y }

// flow places blocks one after another, breaking pages as needed. A page
// break only takes effect before a block that is not already at the top of
// a page, and two tables in a row are kept 1 pt apart, as the DOCX writes
// them (Word and LibreOffice would merge touching tables).
func (r *renderer) flow(blocks []doc.Block, x, width float64) {
	var prev doc.Block
	breakPending := false
	for i, b := range blocks {
		if r.err != nil {
			return
		}
		if _, ok := b.(doc.PageBreak); ok {
			breakPending = true
			continue
		}
		if breakPending && !r.atTop() {
			r.newPage()
		}
		breakPending = false
		_, wasTable := prev.(*doc.Table)
		if _, isTable := b.(*doc.Table); isTable && wasTable {
			r.y += tableGap
		}
		prev = b
		var next doc.Block
		if i+1 < len(blocks) {
			next = blocks[i+1]
		}
		if keepsNext(b) && !r.atTop() {
			need := r.keepChain(blocks[i:], width)
			if need > r.room()+eps && need <= r.bottom-r.top {
				r.newPage()
			}
		}
		switch b := b.(type) {
		case *doc.Paragraph:
			r.paragraph(b, x, width)
		case *doc.Table:
			after := 0.0
			if b.KeepNext && next != nil {
				after = r.firstPart(next, width)
			}
			r.table(b, x, width, after)
		case *doc.Rule:
			if r.y+b.Height > r.bottom+eps && !r.atTop() {
				r.newPage()
			}
			r.rule(b, x, width, r.y)
			r.y += b.Height
		case *doc.Spacer:
			if r.y+b.Height > r.bottom+eps && !r.atTop() {
				r.newPage()
			}
			r.y += b.Height
		default:
			r.err = fmt.Errorf("pdf: unknown block %T", b)
		}
	}
}

// tableGap is the empty 1-pt paragraph the DOCX puts between two tables.
const tableGap = 1

func keepsNext(b doc.Block) bool {
	if p, ok := b.(*doc.Paragraph); ok {
		return p.Props.KeepNext
	}
	return false
}

// keepChain is the height that must fit on one page for blocks[0], a
// keep-with-next paragraph, to stay with what follows: the whole chain of
// keep-with-next paragraphs and the first part of the block after them.
func (r *renderer) keepChain(blocks []doc.Block, width float64) float64 {
	need := 0.0
	for _, b := range blocks {
		if !keepsNext(b) {
			return need + r.firstPart(b, width)
		}
		need += r.height(b, width)
	}
	return need
}

// firstPart is the least of b that Word places on a page before it would
// rather move b to the next one.
func (r *renderer) firstPart(b doc.Block, width float64) float64 {
	switch b := b.(type) {
	case *doc.Paragraph:
		n := len(r.lines(b, width))
		if b.Props.KeepLines || n <= 3 {
			return float64(n) * b.Props.Line
		}
		return 2 * b.Props.Line
	case *doc.Table:
		m := r.measure(b)
		need := m.border()
		for i := range b.Rows {
			need += m.heights[i]
			if i >= b.HeaderRows && !m.keep(i) {
				break
			}
		}
		return need
	}
	return r.height(b, width)
}

// height is the height b takes when nothing breaks it.
func (r *renderer) height(b doc.Block, width float64) float64 {
	switch b := b.(type) {
	case *doc.Paragraph:
		return float64(len(r.lines(b, width)))*b.Props.Line + b.Props.After
	case *doc.Table:
		m := r.measure(b)
		h := m.border()
		for _, rh := range m.heights {
			h += rh
		}
		return h
	case *doc.Rule:
		return b.Height
	case *doc.Spacer:
		return b.Height
	}
	return 0
}

// paragraph places p's lines, splitting it across pages with two-line
// widow and orphan control, as Word's default "Widow/Orphan control" does.
func (r *renderer) paragraph(p *doc.Paragraph, x, width float64) {
	lines := r.lines(p, width)
	lh := p.Props.Line
	for i := 0; i < len(lines); {
		rest := len(lines) - i
		fit := int((r.room() + eps) / lh)
		if fit >= rest {
			r.drawLines(p, lines[i:], x, width, r.y)
			r.y += float64(rest) * lh
			break
		}
		k := fit
		if p.Props.KeepLines {
			k = 0
		}
		if rest-k < 2 {
			k = rest - 2
		}
		if i == 0 && k < 2 {
			k = 0
		}
		if k <= 0 {
			if !r.atTop() {
				r.newPage()
				continue
			}
			k = max(fit, 1) // taller than a page: fill it
		}
		r.drawLines(p, lines[i:i+k], x, width, r.y)
		i += k
		r.newPage()
	}
	r.y += p.Props.After
}

// frag is a run of one face in a line, encoded.
type frag struct {
	style  fonts.Style
	chunks []chunk
}

// drawLines draws lines of p from the top y, one pitch apart.
func (r *renderer) drawLines(p *doc.Paragraph, lines []line, x, width, y float64) {
	pr := &p.Props
	for _, ln := range lines {
		baseline := y + baselineRatio*pr.Line
		y += pr.Line
		// merge segments of one face, encode, measure as the viewer will
		frags := r.frags[:0]
		r.scratch = r.scratch[:0]
		r.segs = ln.segments(p, r.segs[:0])
		segs := r.segs
		natural, spaces := 0.0, 0
		for i := 0; i < len(segs); {
			j := i
			text := r.text[:0]
			for j < len(segs) && segs[j].style == segs[i].style {
				text = append(text, segs[j].text...)
				j++
			}
			r.text = text
			start := len(r.scratch)
			var err error
			r.scratch, err = encode(text, r.scratch)
			if err != nil {
				r.err = err
				return
			}
			frags = append(frags, frag{segs[i].style, r.scratch[start:len(r.scratch):len(r.scratch)]})
			for _, c := range r.scratch[start:] {
				natural += c.width(segs[i].style, pr.Size)
				spaces += c.spaces
			}
			i = j
		}
		r.frags = frags
		left := x + pr.Left + ln.indent
		avail := width - pr.Left - pr.Right - ln.indent
		ws := 0.0
		switch pr.Align {
		case doc.Center:
			left += (avail - natural) / 2
		case doc.Right:
			left += avail - natural
		case doc.Justify:
			if !ln.last && spaces > 0 && avail > natural {
				ws = (avail - natural) / float64(spaces)
			}
		}
		if ws != r.ws {
			r.p.SetWordSpacing(ws)
			r.ws = ws
		}
		// one string for the line, cut into the chunks' texts
		r.text = r.text[:0]
		for _, f := range frags {
			for _, c := range f.chunks {
				r.text = append(r.text, c.bytes...)
			}
		}
		// fpdf's Text copies the text into the page as it is called and
		// keeps no reference: a string over r.text, unchanged until the
		// loop ends, spares a copy of every line.
		text := unsafe.String(unsafe.SliceData(r.text), len(r.text))
		for _, f := range frags {
			for _, c := range f.chunks {
				r.setFont(c.enc, f.style, pr.Size)
				r.p.Text(left, baseline, text[:len(c.bytes)])
				text = text[len(c.bytes):]
				left += c.width(f.style, pr.Size) + ws*float64(c.spaces)
			}
		}
	}
}

func (r *renderer) setFont(enc int, st fonts.Style, size float64) {
	key := [3]int{enc, int(st), int(size * 100)}
	if key == r.font {
		return
	}
	if !r.added[enc][st] {
		addFont(r.p, enc, st)
		r.added[enc][st] = true
	}
	r.p.SetFont(encs[enc].family, fpdfStyle(st), size)
	r.font = key
}

// rule draws a centred horizontal line at the top of its box.
func (r *renderer) rule(b *doc.Rule, x, width, y float64) {
	x0 := x + (width-b.Width)/2
	r.p.SetLineWidth(doc.RuleThickness)
	r.p.Line(x0, y, x0+b.Width, y)
}
