package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"thidua/internal/frame"
	"thidua/internal/vn"
	"thidua/internal/zipflate"
)

// table is one sheet to write: the NĐ30 header block, header rows and
// data rows. Header rows use the merge marks of the templates' Markdown
// tables: "<" joins a cell to the one on its left, "^" to the one above.
type table struct {
	sheet string
	head  frame.Head
	// note, when set, replaces the NĐ30 block: a blank workbook says how
	// to fill it in.
	note   string
	header [][]string
	rows   [][]cell
	// wide marks the columns that hold long text (names): they wrap at
	// a bounded width instead of growing.
	wide []bool
	// input, when set, is called before the rows are written, with the
	// first and last data row, to add data validation.
	input func(f *excelize.File, sheet string, first, last int) error
	// rowFormulas, when set, gives the formulas of sheet row r by
	// zero-based column; firstRow is the sheet row of the first data row.
	rowFormulas func(r int) map[int]string
	firstRow    int
}

// cell is one data cell: a value (string, int, int64, float64 or nil), or
// a formula (without "=") with its value cached so that viewers which do
// not recalculate show it.
type cell struct {
	v     any
	style style
	// join merges the cell into the one on its left, up into the one
	// above.
	join, up bool
}

// style is how a cell looks: its number format and weight.
type style struct {
	format format
	bold   bool
	center bool
}

// format is a number format: text, integers or decimals with a fixed
// number of digits after the comma, shown the Vietnamese way whatever
// the viewer's locale ([$-42A] is Vietnamese).
type format int

const (
	text format = iota
	dec0
	dec1
	dec2
	dec3
	dec4
)

// decimals gives the format with n digits after the comma.
func decimals(n int) format { return dec0 + format(min(max(n, 0), 4)) }

var formatCodes = map[format]string{
	dec0: `[$-42A]#,##0`, dec1: `[$-42A]#,##0.0`, dec2: `[$-42A]#,##0.00`,
	dec3: `[$-42A]#,##0.000`, dec4: `[$-42A]#,##0.0000`,
}

// Fonts: Times New Roman as the decree asks (LibreOffice shows Liberation
// Serif, which has its widths).
const (
	fontName  = "Times New Roman"
	fontSize  = 12
	headSize  = 13
	titleSize = 14
)

// book writes tables into one workbook.
type book struct {
	f      *excelize.File
	styles map[styleKey]int
}

type styleKey struct {
	style
	role role
}

// role is where a cell sits: in the table (bordered), its header, or the
// NĐ30 header block above it.
type role int

const (
	body role = iota
	headerCell
	headBlock
	headBold
	headItalic
	title
)

func newBook() *book {
	f := excelize.NewFile()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	return &book{f: f, styles: map[styleKey]int{}}
}

// style returns the id of a cell style, made once per workbook.
func (b *book) style(s style, r role) (int, error) {
	k := styleKey{s, r}
	if id, ok := b.styles[k]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: fontSize, Bold: s.bold},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}
	if s.center {
		st.Alignment.Horizontal = "center"
	}
	switch r {
	case body, headerCell:
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
		if r == headerCell {
			st.Font.Bold, st.Alignment.Horizontal = true, "center"
		}
	case headBlock, headBold, headItalic:
		st.Font.Size = headSize
		st.Font.Bold = r == headBold
		st.Font.Italic = r == headItalic
		st.Alignment.Horizontal = "center"
	case title:
		st.Font.Size, st.Font.Bold, st.Alignment.Horizontal = titleSize, true, "center"
	}
	if code := formatCodes[s.format]; code != "" {
		st.CustomNumFmt = &code
	}
	id, err := b.f.NewStyle(st)
	b.styles[k] = id
	return id, err
}

// bytes finishes the workbook: its properties fixed so that the same
// record gives the same bytes.
func (b *book) bytes(title, subject, date string) ([]byte, error) {
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Creator: "thidua", LastModifiedBy: "thidua", Title: title, Subject: subject,
		Created: date, Modified: date, Language: "vi-VN",
	}); err != nil {
		return nil, err
	}
	if err := b.f.SetAppProps(&excelize.AppProperties{Application: "thidua"}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// add writes t as a sheet of the workbook; the first table takes the
// workbook's first sheet.
func (b *book) add(t *table) error {
	f := b.f
	name := t.sheet
	if len(f.GetSheetList()) == 1 && f.GetSheetList()[0] == "Sheet1" {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	ncol := len(t.header[0])
	widths := t.widths()
	landscape := sum(widths) > 100
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	paper, fitW, fitH, firstPage := 9, 1, 0, uint(1) // A4, one page wide, each sheet from page 1
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &paper, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH, FirstPageNumber: &firstPage}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	// Margins of the decree (top 20 mm, bottom 20 mm, left 30 mm, right 15 mm), in inches.
	top, bottom, left, right, hf := 20/25.4, 20/25.4, 30/25.4, 15/25.4, 8/25.4
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	// Page numbers at the top centre from the second page, as the decree wants.
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{DifferentFirst: true, OddHeader: "&C&P"}); err != nil {
		return err
	}
	headRows := headRows(t)
	firstHeader := len(headRows) + 1
	lastHeader := firstHeader + len(t.header) - 1
	first, last := lastHeader+1, lastHeader+len(t.rows)
	t.firstRow = first
	if t.input != nil && len(t.rows) > 0 {
		if err := t.input(f, name, first, last); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, firstHeader, lastHeader)}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	top0, _ := excelize.CoordinatesToCellName(1, first)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: lastHeader, TopLeftCell: top0, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// The NĐ30 block.
	for i, hr := range headRows {
		vals := make([]any, ncol)
		for _, part := range hr {
			id, err := b.style(style{}, part.role)
			if err != nil {
				return err
			}
			vals[part.from] = excelize.Cell{StyleID: id, Value: part.text}
			for c := part.from + 1; c <= part.to; c++ {
				vals[c] = excelize.Cell{StyleID: id}
			}
		}
		height := 0.0
		for _, part := range hr {
			size := headSize
			if part.role == title {
				size = titleSize
			}
			height = max(height, lineHeight(size)*float64(lines(part.text, sum(widths[part.from:part.to+1])*fontSize/float64(size))))
		}
		if err := sw.SetRow(cellName(1, i+1), vals, excelize.RowOpts{Height: min(max(height, lineHeight(headSize)), maxRowHeight)}); err != nil {
			return err
		}
		for _, part := range hr {
			if part.to > part.from {
				if err := sw.MergeCell(cellName(part.from+1, i+1), cellName(part.to+1, i+1)); err != nil {
					return err
				}
			}
		}
	}
	// Header rows.
	hid, err := b.style(style{}, headerCell)
	if err != nil {
		return err
	}
	for i, hr := range t.header {
		vals := make([]any, ncol)
		for c, s := range hr {
			if s == "<" || s == "^" {
				s = ""
			}
			vals[c] = excelize.Cell{StyleID: hid, Value: s}
		}
		if err := sw.SetRow(cellName(1, firstHeader+i), vals, excelize.RowOpts{Height: headerHeight(t.header, i, widths)}); err != nil {
			return err
		}
	}
	for _, m := range headerMerges(t.header) {
		if err := sw.MergeCell(cellName(m[1]+1, firstHeader+m[0]), cellName(m[3]+1, firstHeader+m[2])); err != nil {
			return err
		}
	}
	// Data rows.
	vals := make([]any, ncol)
	for i, row := range t.rows {
		r := first + i
		for c := range vals {
			vals[c] = nil
		}
		var formulas map[int]string
		if t.rowFormulas != nil {
			formulas = t.rowFormulas(r)
		}
		for c, x := range row {
			id, err := b.style(x.style, body)
			if err != nil {
				return err
			}
			v := x.v
			if x.join || x.up {
				v = nil
			}
			vals[c] = excelize.Cell{StyleID: id, Value: v, Formula: formulas[c]}
		}
		if err := sw.SetRow(cellName(1, r), vals, excelize.RowOpts{Height: rowHeight(row, widths)}); err != nil {
			return err
		}
		for c := 0; c < len(row); c++ {
			end := c
			for end+1 < len(row) && row[end+1].join {
				end++
			}
			if end > c {
				if err := sw.MergeCell(cellName(c+1, r), cellName(end+1, r)); err != nil {
					return err
				}
			}
			c = end
		}
	}
	for i, row := range t.rows {
		for c, x := range row {
			if x.up || i+1 < len(t.rows) && c < len(t.rows[i+1]) && !t.rows[i+1][c].up {
				continue
			}
			end := i
			for end+1 < len(t.rows) && c < len(t.rows[end+1]) && t.rows[end+1][c].up {
				end++
			}
			if end > i {
				if err := sw.MergeCell(cellName(c+1, first+i), cellName(c+1, first+end)); err != nil {
					return err
				}
			}
		}
	}
	return sw.Flush()
}

// headPart is a run of merged cells of the NĐ30 block.
type headPart struct {
	from, to int
	text     string
	role     role
}

// headRows lays out the NĐ30 block over the table's columns: the issuer
// on the left, the national name and motto on the right, the number and
// the place and date below them, then the paper's type and summary across.
func headRows(t *table) [][]headPart {
	n := len(t.header[0])
	if t.note != "" {
		return [][]headPart{{{0, n - 1, t.note, headItalic}}, nil}
	}
	// The right block takes the columns it needs for the national name in
	// 13 pt bold (about 42 characters of the 12 pt table font), the left
	// one the rest.
	widths := t.widths()
	split, room := n, 0.0
	for split > 1 && room < 42 {
		split--
		room += widths[split]
	}
	leftTo, rightFrom := split-1, split
	if n == 1 {
		rightFrom = 0
	}
	h := t.head
	var left []headPart
	if h.Parent != "" {
		left = append(left, headPart{0, leftTo, vn.Upper(h.Parent), headBlock})
	}
	left = append(left, headPart{0, leftTo, vn.Upper(h.Issuer), headBold})
	right := []headPart{{rightFrom, n - 1, frame.NationText, headBold}, {rightFrom, n - 1, frame.MottoText, headBold}}
	var rows [][]headPart
	for i := 0; i < max(len(left), len(right)); i++ {
		var row []headPart
		if i < len(left) {
			row = append(row, left[i])
		}
		if i < len(right) {
			row = append(row, right[i])
		}
		rows = append(rows, row)
	}
	var numberRow []headPart
	if h.Number != "" {
		numberRow = append(numberRow, headPart{0, leftTo, "Số: " + h.Number, headBlock})
	}
	numberRow = append(numberRow, headPart{rightFrom, n - 1, h.PlaceDate, headItalic})
	rows = append(rows, numberRow, nil)
	if h.Type != "" {
		rows = append(rows, []headPart{{0, n - 1, vn.Upper(h.Type), title}})
	}
	if h.Summary != "" {
		rows = append(rows, []headPart{{0, n - 1, h.Summary, headBold}})
	}
	return append(rows, nil)
}

// headerMerges finds the merged ranges of header rows: [top, left,
// bottom, right], zero-based.
func headerMerges(rows [][]string) [][4]int {
	var out [][4]int
	for r, row := range rows {
		for c, s := range row {
			if s == "<" || s == "^" {
				continue
			}
			right := c
			for right+1 < len(row) && row[right+1] == "<" {
				right++
			}
			bottom := r
			for bottom+1 < len(rows) && rows[bottom+1][c] == "^" {
				bottom++
			}
			if right > c || bottom > r {
				out = append(out, [4]int{r, c, bottom, right})
			}
		}
	}
	return out
}

// widths sizes each column from its content: the longest value, or for
// a header the longest word, in characters of the 12 pt font.
func (t *table) widths() []float64 {
	n := len(t.header[0])
	w := make([]float64, n)
	for _, row := range t.header {
		for c, s := range row {
			if s == "<" || s == "^" || c+1 < len(row) && row[c+1] == "<" {
				continue // a merged title spreads over its columns
			}
			// A title wraps on at most three lines, never inside a word.
			w[c] = max(w[c], float64(utf8.RuneCountInString(s)+2)/3)
			for _, word := range strings.Fields(s) {
				w[c] = max(w[c], float64(utf8.RuneCountInString(word)))
			}
		}
	}
	for _, row := range t.rows {
		for c, x := range row {
			if x.join {
				continue
			}
			w[c] = max(w[c], float64(displayWidth(x)))
		}
	}
	for c := range w {
		limit := 18.0
		if c < len(t.wide) && t.wide[c] {
			limit = 40
		}
		w[c] = min(max(w[c]+2, 5), limit)
	}
	return w
}

// lineHeight is the height in points of one line of text of a font size.
func lineHeight(size int) float64 { return float64(size)*1.25 + 1 }

// maxRowHeight is the tallest row a spreadsheet allows, in points.
const maxRowHeight = 409

// lines estimates how many lines text wraps to in a width of w
// characters, breaking between words (and at each line break).
func lines(text string, w float64) int {
	limit := w - 1
	n, line, word := 1, 0.0, 0.0
	flush := func() {
		switch {
		case word == 0:
		case line > 0 && line+1+word > limit:
			n++
			line = word
		case line > 0:
			line += 1 + word
		default:
			line = word
		}
		word = 0
	}
	for _, r := range text {
		switch r {
		case '\n':
			flush()
			n++
			line = 0
		case ' ', '\t':
			flush()
		default:
			word++
		}
	}
	flush()
	return n
}

// rowHeight is the height of a data row whose text wraps in its columns.
func rowHeight(row []cell, widths []float64) float64 {
	n := 1
	for c, x := range row {
		if s, ok := x.v.(string); ok && !x.join && !x.up {
			w := widths[c]
			for end := c + 1; end < len(row) && row[end].join; end++ {
				w += widths[end]
			}
			n = max(n, lines(s, w))
		}
	}
	return min(lineHeight(fontSize)*float64(n), maxRowHeight)
}

// headerHeight is the height of header row i: a cell merged down over
// several rows shares its lines with them.
func headerHeight(rows [][]string, i int, widths []float64) float64 {
	n := 1
	for c, s := range rows[i] {
		if s == "<" || s == "^" {
			continue
		}
		w := widths[c]
		for end := c + 1; end < len(rows[i]) && rows[i][end] == "<"; end++ {
			w += widths[end]
		}
		span := 1
		for span+i < len(rows) && rows[i+span][c] == "^" {
			span++
		}
		n = max(n, (lines(s, w)+span-1)/span)
	}
	return min(lineHeight(fontSize)*float64(n), maxRowHeight)
}

// displayWidth estimates the characters a cell shows.
func displayWidth(x cell) int {
	switch v := x.v.(type) {
	case string:
		return utf8.RuneCountInString(v)
	case nil:
		return 0
	default:
		s := fmt.Sprint(v)
		return len(s) + len(s)/3 + int(x.style.format-dec0)
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// cellName is "B7" for column 2, row 7.
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// colName is "B" for column 2.
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// sortedZip writes the workbook's parts in name order, whatever order
// excelize creates them in, so that the same workbook gives the same
// bytes.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.parts == nil {
		z.parts = map[string]*bytes.Buffer{}
	}
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		w, _ := z.Create(p)
		_, err = w.Write(data)
		return err
	})
}

func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	zw := zip.NewWriter(z.w)
	// The parts are small and many workbooks may be made in a batch:
	// the fastest compression is worth more than the last bytes.
	zipflate.Register(zw)
	for _, n := range names {
		method := zip.Deflate
		if z.parts[n].Len() < storeBelow {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			return err
		}
		if _, err := w.Write(z.parts[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// storeBelow is the size under which a part is stored rather than
// compressed: a batch makes many small workbooks, whose parts compress to
// little for the time it takes.
const storeBelow = 16 << 10
