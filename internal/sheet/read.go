package sheet

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"thidua/internal/awards"
	"thidua/internal/input"
	"thidua/internal/record"
	"thidua/internal/suggest"
	"thidua/internal/tomlguard"
	"thidua/internal/vn"
)

// Options say what an import resolves names against.
type Options struct {
	// Into is the record the sections go into; its members, criteria
	// and award kinds resolve the names the sheets use. nil for a new file.
	Into *record.Record
	// Catalogue resolves award names; awards.Builtin() when nil.
	Catalogue *awards.Catalogue
}

// Import is what a workbook's tables become: record sections, and where
// each of their fields came from, to put the record's own checks of the
// result back on the cells.
type Import struct {
	File     string // the workbooks, for messages
	Sections []Section
	cells    map[string]cellRef // field path -> file and "Điểm!D7"
	// problems are the cells that could not be read; Into and Fragment
	// report them with what the record's checks find in the other rows.
	problems record.Errors
	badRows  map[rowKey]bool
}

// rowKey is a row of a sheet of a file.
type rowKey struct {
	file, sheet string
	row         int
}

// Section is the TOML text of one list of a record, replacing all of it.
type Section struct {
	Path  string // "diem", "binh_xet.ung_vien"
	Name  string // what it is, for people: "bảng điểm"
	Sheet string // the sheets it came from
	Rows  int
	Text  string
}

// Read reads the tables of .xlsx workbooks, tables of one kind in
// several sheets or files adding up. The error, when not nil, is a
// record.Errors with every problem found, each at its file, sheet and cell,
// when a table cannot be read at all (a missing column); a cell that
// cannot be read is left out and reported by Into or Fragment, with what
// the record's checks find in the rest.
func Read(o Options, files ...string) (*Import, error) {
	if o.Catalogue == nil {
		o.Catalogue = awards.Builtin()
	}
	rd := &reader{o: o, items: map[*kind][]*item{},
		imp: &Import{File: strings.Join(files, ", "), cells: map[string]cellRef{}, badRows: map[rowKey]bool{}}}
	rd.members()
	var found []*kind
	for _, file := range files {
		rd.file = file
		const what, hint = "không đọc được tệp Excel: ", "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx (Sổ làm việc Excel)"
		data, err := input.ReadFile(file, input.Sheet)
		if err != nil {
			rd.errs = append(rd.errs, record.ReadError(file, what, hint, err)...)
			continue
		}
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit})
		if err == nil {
			if rd.extras, err = readExtras(data); err != nil {
				f.Close()
			}
		}
		if err != nil {
			rd.errs = append(rd.errs, &record.Error{File: file, Msg: what + err.Error(), Hint: hint})
			continue
		}
		rd.f = f
		tables, errs := 0, len(rd.errs)
		for _, name := range f.GetSheetList() {
			if visible, err := f.GetSheetVisible(name); err == nil && !visible {
				continue // a hidden sheet (lists for pickers, old data)
			}
			k := rd.sheet(name)
			if k == nil {
				continue
			}
			tables++
			if !slices.Contains(found, k) {
				found = append(found, k)
			}
		}
		f.Close()
		if tables == 0 && len(rd.errs) == errs {
			rd.errs = append(rd.errs, &record.Error{File: file, Msg: "không thấy bảng nào thidua đọc được (thành viên, chỉ tiêu, bảng điểm, bình xét, danh sách đề nghị), hoặc các bảng chưa có dòng nào",
				Hint: "mỗi bảng một trang tính, có một dòng tiêu đề cột như \"STT | Đơn vị | ...\"; lấy mẫu bằng lệnh: thidua nhap --mau THƯ_MỤC"})
		}
	}
	if len(rd.errs) > 0 {
		return nil, append(rd.errs, rd.imp.problems...)
	}
	for _, k := range kinds {
		if slices.Contains(found, k) {
			rd.imp.Sections = append(rd.imp.Sections, rd.section(k))
		}
	}
	return rd.imp, nil
}

// unzipLimit bounds what a workbook may unpack to: a few megabytes of
// .xlsx hold tables far larger than a cluster's, and no more is read.
const unzipLimit = 256 << 20

// cellRef is where a value came from.
type cellRef struct{ file, at string }

// reader holds the state of one Read.
type reader struct {
	file   string
	f      *excelize.File
	extras map[string]*extras // of the file's sheets
	o      Options
	imp    *Import
	errs   record.Errors
	items  map[*kind][]*item
	// sheets of each kind, for Section.Sheet
	sheetNames map[*kind][]string
	// member names -> id, from the record or the workbook's member sheet
	byName  map[string]string
	names   []string          // each member's short name, for hints
	display map[string]string // id -> short name
	hasList bool
	awards  map[string]string // award ids by the text that named them
	noList  map[string]bool   // sheets told there is no member list
}

// item is one row: its values in column order, and the cells they came from.
type item struct {
	row    int
	file   string
	sheet  string
	values []kv
	cells  map[string]string // key path in the item -> cell
	first  string            // the row's first read cell
}

// kv is one key and its TOML value: a string, record.Number, int64,
// record.Date, []string or []kv (an inline table).
type kv struct {
	key string
	val any
}

// cellErrorf reports a problem with one cell: the rest of the table is
// still read and checked, and the record's checks say nothing more about
// the cell's row.
func (rd *reader) cellErrorf(sheet, ref, hint, format string, args ...any) {
	rd.errorf(sheet, ref, hint, format, args...)
	e := rd.errs[len(rd.errs)-1]
	rd.errs = rd.errs[:len(rd.errs)-1]
	rd.imp.problems = append(rd.imp.problems, e)
	_, row, _ := excelize.SplitCellName(ref)
	rd.imp.badRows[rowKey{rd.file, sheet, row}] = true
}

// errorf reports a problem that stops the import before any check.
func (rd *reader) errorf(sheet, ref, hint, format string, args ...any) {
	at := sheet
	if ref != "" {
		at += "!" + ref
	}
	rd.errs = append(rd.errs, &record.Error{File: rd.file, Field: at, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// members collects the names members are referred to by: the record's.
func (rd *reader) members() {
	rd.byName = map[string]string{}
	if rd.o.Into == nil {
		return
	}
	for _, m := range rd.o.Into.Members {
		rd.addMember(m.ID, m.ShortName(), m.Name)
	}
}

// addMember makes a member known by its id, short name and name.
func (rd *reader) addMember(id, short, name string) {
	if rd.display == nil {
		rd.display = map[string]string{}
	}
	rd.hasList = true
	rd.display[id] = cmp.Or(short, name, id)
	rd.names = append(rd.names, rd.display[id])
	for _, n := range []string{id, short, name} {
		if k := norm(n); k != "" {
			if _, taken := rd.byName[k]; !taken {
				rd.byName[k] = id
			}
		}
	}
}

// grid is a sheet's cells as text, merged ranges filled with their value.
type grid struct {
	name   string
	cells  [][]string
	hidden map[int]bool
	merges []excelize.MergeCell
}

func (g *grid) at(r, c int) string {
	if r < len(g.cells) && c < len(g.cells[r]) {
		return g.cells[r][c]
	}
	return ""
}

// mergedDown is the last row a merge starting at row r covers.
func (g *grid) mergedDown(r int) int {
	last := r
	for _, m := range g.merges {
		_, r0, _ := excelize.SplitCellName(m.GetStartAxis())
		_, r1, _ := excelize.SplitCellName(m.GetEndAxis())
		if r0-1 == r {
			last = max(last, r1-1)
		}
	}
	return last
}

func (rd *reader) grid(name string) (*grid, error) {
	rows, err := rd.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	ex := rd.extras[name]
	if ex == nil {
		ex = &extras{}
	}
	g := &grid{name: name, cells: rows, hidden: ex.hidden, merges: ex.merges}
	for _, m := range g.merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		v := g.at(r0-1, c0-1)
		if v == "" {
			continue
		}
		for r := r0 - 1; r < r1 && r < len(g.cells)+200; r++ {
			for len(g.cells) <= r {
				g.cells = append(g.cells, nil)
			}
			for c := c0 - 1; c < c1; c++ {
				for len(g.cells[r]) <= c {
					g.cells[r] = append(g.cells[r], "")
				}
				g.cells[r][c] = v
			}
		}
	}
	return g, nil
}

// header is a table's header: its rows and what each column is.
type header struct {
	top, bottom int // rows, zero-based
	cols        map[int]*column
	crit        map[int]criterionCol
	titles      map[int]string // every non-empty title, for messages
}

type criterionCol struct{ block, code string }

// required counts the required columns and criteria a header names.
func (h *header) required() int {
	n := len(h.crit)
	for _, c := range h.cols {
		if c.required {
			n++
		}
	}
	return n
}

// sheet reads one sheet; it returns the kind of table it held, or nil.
func (rd *reader) sheet(name string) *kind {
	g, err := rd.grid(name)
	if err != nil {
		rd.errorf(name, "", "mở tệp bằng Excel hoặc LibreOffice và lưu lại", "không đọc được trang tính: %v", err)
		return nil
	}
	k := kindBySheet(name)
	var h *header
	if k != nil {
		h = rd.findHeader(g, k)
	} else {
		// Known by its titles alone, a table must name three of its
		// columns, three of its required ones (or all, if fewer): a sheet
		// of notes that says "Đơn vị" and "Ghi chú" is no score sheet,
		// the printed danh sách (name, award, votes, prize) no nominee
		// list to import.
		best := 0
		for _, kk := range kinds {
			hh := rd.findHeader(g, kk)
			if hh == nil || hh.required() < min(3, kk.requiredCount()) || len(hh.cols)+len(hh.crit) < 3 {
				continue
			}
			if n := len(hh.cols) + len(hh.crit); n > best {
				k, h, best = kk, hh, n
			}
		}
	}
	if k == nil {
		return nil // not a table thidua reads (notes, a cover sheet)
	}
	if h == nil {
		rd.errorf(name, "", fmt.Sprintf("thêm dòng tiêu đề cột, ví dụ: %s; lấy mẫu bằng lệnh: thidua nhap --mau THƯ_MỤC", exampleHeader(k)),
			"trang %q là %s nhưng không thấy dòng tiêu đề cột", name, k.name)
		return nil
	}
	if !rd.checkColumns(g, k, h) {
		return nil
	}
	before := len(rd.items[k])
	rd.rows(g, k, h)
	if len(rd.items[k]) == before {
		return nil // a table without rows (a blank template) replaces nothing
	}
	if rd.sheetNames == nil {
		rd.sheetNames = map[*kind][]string{}
	}
	rd.sheetNames[k] = append(rd.sheetNames[k], name)
	return k
}

// exampleHeader writes the required columns of a kind.
func exampleHeader(k *kind) string {
	parts := []string{"STT"}
	for _, c := range k.cols {
		if c.required || c == k.cols[0] {
			parts = append(parts, capital(c.also[0]))
		}
	}
	return strings.Join(parts, " | ")
}

func capital(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return vn.Upper(string(r[0])) + string(r[1:])
}

// findHeader finds the header row of a table of kind k among the first
// rows: the one naming the most of its columns (at least two), with the
// rows below it its merged cells cover (a title over its sub-columns).
func (rd *reader) findHeader(g *grid, k *kind) *header {
	var best *header
	for r := 0; r < min(len(g.cells), 30); r++ {
		bottom := g.mergedDown(r)
		h := rd.readHeader(g, k, r, bottom)
		if len(h.cols)+len(h.crit) >= 2 && (best == nil || len(h.cols)+len(h.crit) > len(best.cols)+len(best.crit)) {
			best = h
		}
	}
	return best
}

// maxTitle is the longest column title, in bytes: longer texts in the
// first rows are data.
const maxTitle = 120

var reCode = regexp.MustCompile(`^[0-9IVXivx]+([.][0-9a-zA-Z]+)*[.]?$`)

// readHeader reads the titles of rows top..bottom.
func (rd *reader) readHeader(g *grid, k *kind, top, bottom int) *header {
	h := &header{top: top, bottom: bottom, cols: map[int]*column{}, crit: map[int]criterionCol{}, titles: map[int]string{}}
	width := len(g.cells[top])
	for r := top; r <= bottom && r < len(g.cells); r++ {
		width = max(width, len(g.cells[r]))
	}
	codes := rd.criteria()
	taken := map[*column]bool{}
	for c := 0; c < width; c++ {
		if g.hidden[c] {
			continue
		}
		var parts []string
		for r := top; r <= bottom; r++ {
			if s := strings.TrimSpace(g.at(r, c)); s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
				parts = append(parts, s)
			}
		}
		if len(parts) == 0 || len(parts[len(parts)-1]) > maxTitle {
			continue // a long text is data, not a title
		}
		h.titles[c] = strings.Join(parts, " / ")
		last := parts[len(parts)-1]
		code := strings.TrimSuffix(last, ".")
		// Without the record's criteria, a code is a criterion only under
		// a title ("Điểm cụm chấm" above "1.1"), never a number alone.
		// A code that is a plain number ("1") also needs its title, or the
		// numbers of a data row would pass for one.
		titled := len(parts) > 1
		if _, err := strconv.Atoi(code); err != nil && codes != nil {
			titled = true
		}
		if k.scores && titled && (codes != nil && codes[code] || codes == nil && reCode.MatchString(last)) {
			block := "cum_cham"
			for _, p := range parts[:len(parts)-1] {
				if strings.Contains(norm(p), "tu cham") || strings.Contains(norm(p), "tu danh gia") {
					block = "tu_cham"
				}
			}
			h.crit[c] = criterionCol{block, code}
			continue
		}
		for _, t := range []string{last, strings.Join(parts, " "), parts[0]} {
			if col, ok := k.match(t); ok && !taken[col] {
				h.cols[c], taken[col] = col, true
				break
			}
		}
	}
	return h
}

// criteria are the criterion codes of the record's criteria set, or nil.
func (rd *reader) criteria() map[string]bool {
	if rd.o.Into == nil || rd.o.Into.Criteria == nil {
		return nil
	}
	out := map[string]bool{}
	for _, g := range rd.o.Into.Criteria.Groups {
		for _, k := range g.Criteria {
			out[k.Code] = true
		}
	}
	return out
}

// checkColumns reports the required columns a header lacks, with the
// title it probably meant.
func (rd *reader) checkColumns(g *grid, k *kind, h *header) bool {
	have := map[*column]bool{}
	for _, c := range h.cols {
		have[c] = true
	}
	ok := true
	for _, col := range k.cols {
		if !col.required || have[col] || k.grouped && col.as == asMember {
			continue // a grouped table may name its members in rows of their own
		}
		if col.as == asKind && sheetKind(g.name) != "" {
			continue // the sheet's name says it: "Tập thể", "Cá nhân"
		}
		ok = false
		hint := fmt.Sprintf("thêm cột có tiêu đề %q vào dòng tiêu đề (dòng %d)", capital(col.also[0]), h.top+1)
		for _, c := range slices.Sorted(maps.Keys(h.titles)) {
			title := h.titles[c]
			if _, known := h.cols[c]; known || isIgnored(title) {
				continue
			}
			if s := suggest.Closest(norm(lastPart(title)), col.titles); s != "" {
				hint = fmt.Sprintf("có phải cột %s %q? Sửa tiêu đề thành %q", cellName(c+1, h.top+1), lastPart(title), capital(col.also[0]))
				break
			}
		}
		rd.errorf(g.name, cellName(1, h.top+1), hint, "%s thiếu cột %s (%s)", k.name, capital(col.also[0]), col.label)
	}
	if k.scores && len(h.crit) == 0 {
		ok = false
		rd.errorf(g.name, cellName(1, h.top+1), "mỗi tiêu chí một cột, tiêu đề là mã tiêu chí (1.1, 1.2...), dưới tiêu đề chung \"Điểm tự chấm\" hoặc \"Điểm cụm chấm\"",
			"bảng điểm không có cột điểm nào theo mã tiêu chí của bộ tiêu chí")
	}
	return ok
}

func lastPart(title string) string {
	parts := strings.Split(title, " / ")
	return parts[len(parts)-1]
}

var reNumbering = regexp.MustCompile(`^\(?\d+\)?$`)

// rows reads the data rows under a header.
func (rd *reader) rows(g *grid, k *kind, h *header) {
	cols := make([]int, 0, len(h.cols)+len(h.crit))
	for c := range h.cols {
		cols = append(cols, c)
	}
	for c := range h.crit {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	defaultKind := sheetKind(g.name)
	start := h.bottom + 1
	if start < len(g.cells) && numberingRow(g.cells[start]) {
		start++
	}
	group, groupRef := "", "" // the member a group row names, for the rows under it
	for r := start; r < len(g.cells); r++ {
		if blankRow(g, r, cols) || totalRow(g.cells[r]) {
			continue
		}
		if k.grouped {
			if id, ref, ok := rd.groupRow(g, r); ok {
				group, groupRef = id, ref
				continue
			}
		}
		it := &item{row: r, file: rd.file, sheet: g.name, cells: map[string]string{}}
		maps := map[string][]kv{}
		cluster := false // the unit cell says "Toàn cụm"
		for _, c := range cols {
			raw := strings.TrimSpace(g.at(r, c))
			ref := cellName(c+1, r+1)
			if it.first == "" {
				it.first = ref
			}
			if isFormulaError(raw) {
				rd.cellErrorf(g.name, ref, "sửa công thức của ô (hoặc gõ thẳng giá trị), rồi nhập lại",
					"ô có lỗi công thức %s (cột %s)", raw, h.titles[c])
				continue
			}
			if raw == "" {
				continue
			}
			if cc, ok := h.crit[c]; ok {
				n, ok := rd.number(g.name, ref, raw, "điểm tiêu chí "+cc.code)
				if ok {
					maps[cc.block] = append(maps[cc.block], kv{cc.code, n})
					it.cells[record.KeyPath(cc.block, cc.code)] = ref
				}
				continue
			}
			col := h.cols[c]
			if k.grouped && col.as == asMember && isCluster(raw) {
				cluster = true
				continue
			}
			key, v, ok := rd.value(g.name, ref, raw, col)
			if ok {
				it.values = append(it.values, kv{key, v})
				it.cells[key] = ref
			}
		}
		switch {
		case !k.grouped:
		case cluster:
			group, groupRef = "", "" // "Toàn cụm": the cluster's figure
		case hasKey(it.values, "thanh_vien"):
			// A unit written once, on its first row, goes for the rows
			// below it whose unit cell is blank.
			group, groupRef = valueOf(it.values, "thanh_vien"), it.cells["thanh_vien"]
		case rd.imp.badRows[rowKey{rd.file, g.name, r + 1}]:
			continue // the unit's cell said what is wrong with it
		case group != "":
			it.values = append([]kv{{"thanh_vien", group}}, it.values...)
			it.cells["thanh_vien"] = groupRef
		case k.memberRequired():
			rd.cellErrorf(g.name, cellName(1, r+1), "thêm cột \"Đơn vị\", hoặc một dòng ghi tên đơn vị phía trên các dòng của đơn vị đó",
				"không biết dòng %d là của đơn vị nào", r+1)
			continue
		}
		if k.section == "de_nghi" && defaultKind != "" && !hasKey(it.values, "loai") {
			it.values = append([]kv{{"loai", defaultKind}}, it.values...)
		}
		if k.section == "thanh_vien" && !hasKey(it.values, "id") {
			name := cmp.Or(valueOf(it.values, "ten_ngan"), valueOf(it.values, "ten"))
			it.values = append([]kv{{"id", vn.Slug(name, 60)}}, it.values...)
			it.cells["id"] = it.cells["ten"]
		}
		for _, block := range []string{"tu_cham", "cum_cham"} {
			if len(maps[block]) > 0 {
				it.values = append(it.values, kv{block, maps[block]})
			}
		}
		it.values = nest(it.values)
		if k.section == "thanh_vien" {
			rd.addListMember(it)
		}
		rd.items[k] = append(rd.items[k], it)
	}
}

// sheetKind is the nominee kind a sheet's name says ("Danh sách cá
// nhân"), or "".
func sheetKind(name string) string {
	switch n := norm(name); {
	case strings.Contains(n, "tap the"):
		return record.Collective
	case strings.Contains(n, "ca nhan"):
		return record.Individual
	}
	return ""
}

var reGroupMark = regexp.MustCompile(`^\s*(?:[IVXLC]+|[0-9]+|[A-Za-z])\s*[.)/-]\s*`)

// groupRow reports whether row r names a member and nothing else (one
// value, possibly merged across the row, "I. Nghệ An"): the rows below it
// are that member's.
func (rd *reader) groupRow(g *grid, r int) (id, ref string, ok bool) {
	text, at := "", -1
	for c, v := range g.cells[r] {
		v = strings.TrimSpace(v)
		if v == "" || g.hidden[c] {
			continue
		}
		if text != "" && v != text {
			return "", "", false
		}
		if text == "" {
			text, at = v, c
		}
	}
	if text == "" {
		return "", "", false
	}
	for _, t := range []string{text, reGroupMark.ReplaceAllString(text, "")} {
		if id, ok := rd.byName[norm(t)]; ok {
			return id, cellName(at+1, r+1), true
		}
		if isCluster(t) {
			return "", "", true
		}
	}
	return "", "", false
}

// clusterWords name the cluster as a whole in a unit cell.
var clusterWords = []string{"toan cum", "toan khoi", "ca cum", "ca khoi", "chung toan cum", "chung toan khoi"}

// isCluster reports whether a unit cell names the cluster as a whole.
func isCluster(s string) bool { return slices.Contains(clusterWords, norm(s)) }

// addListMember makes a member of the workbook's own member sheet known
// to the other sheets, when no record gives the members.
func (rd *reader) addListMember(it *item) {
	if rd.o.Into != nil {
		return
	}
	rd.addMember(valueOf(it.values, "id"), valueOf(it.values, "ten_ngan"), valueOf(it.values, "ten"))
}

func hasKey(kvs []kv, key string) bool {
	return slices.ContainsFunc(kvs, func(x kv) bool { return x.key == key })
}

func valueOf(kvs []kv, key string) string {
	for _, x := range kvs {
		if x.key == key {
			s, _ := x.val.(string)
			return s
		}
	}
	return ""
}

// nest turns keys "a.b" into inline tables a = { b = ... }, in order.
func nest(kvs []kv) []kv {
	var out []kv
	for _, x := range kvs {
		head, rest, dotted := strings.Cut(x.key, ".")
		if !dotted || x.key != head+"."+rest || strings.Contains(x.key, `"`) {
			out = append(out, x)
			continue
		}
		i := slices.IndexFunc(out, func(y kv) bool { return y.key == head })
		if i < 0 {
			out = append(out, kv{head, []kv{}})
			i = len(out) - 1
		}
		out[i].val = append(out[i].val.([]kv), kv{rest, x.val})
	}
	return out
}

// numberingRow is a row of column numbers under a header: (1) (2) (3)...
func numberingRow(row []string) bool {
	n := 0
	for _, s := range row {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !reNumbering.MatchString(s) {
			return false
		}
		n++
	}
	return n >= 3
}

func blankRow(g *grid, r int, cols []int) bool {
	for _, c := range cols {
		if strings.TrimSpace(g.at(r, c)) != "" {
			return false
		}
	}
	return true
}

// totalRow is a row that adds up the ones above: "Tổng cộng", "Cộng".
func totalRow(row []string) bool {
	for _, s := range row {
		n := norm(s)
		if n == "" || reNumbering.MatchString(n) {
			continue
		}
		// Whole words only: "Tổng công ty ..." is a unit, not a total.
		return slices.Contains(totalWords, n)
	}
	return false
}

var totalWords = []string{"cong", "tong", "tong cong", "tong so", "tong diem", "cong chung"}

var formulaErrors = []string{"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"}

func isFormulaError(s string) bool { return slices.Contains(formulaErrors, s) }

// isNumeric reports whether a cell holds a number (not text).
func (rd *reader) isNumeric(sheet, ref string) bool {
	ex := rd.extras[sheet]
	return ex != nil && !ex.text[ref]
}

// number reads a number cell: a number, or text written the Vietnamese way.
func (rd *reader) number(sheet, ref, raw, what string) (record.Number, bool) {
	var v any = raw
	if !strings.Contains(raw, ",") && rd.isNumeric(sheet, ref) {
		f, err := strconv.ParseFloat(raw, 64)
		if err == nil {
			v = f
		}
	}
	n, err := record.ParseNumber(v)
	if err != nil {
		rd.cellErrorf(sheet, ref, `gõ số vào ô, hoặc chữ số theo cách viết Việt Nam: "95,5", "1.234,5"`, "%s: %v", what, err)
		return n, false
	}
	return n, true
}

// value reads a cell of a column as its TOML value.
func (rd *reader) value(sheet, ref, raw string, col *column) (string, any, bool) {
	key := col.key
	switch col.as {
	case asNumber:
		n, ok := rd.number(sheet, ref, raw, col.label)
		return key, n, ok
	case asInt:
		n, ok := rd.number(sheet, ref, raw, col.label)
		if ok && (n.Scale > 0 && n.Units%int64(math.Pow10(n.Scale)) != 0) {
			rd.cellErrorf(sheet, ref, "ghi số nguyên", "%s phải là số nguyên, đang là %s", col.label, n)
			return key, nil, false
		}
		if ok {
			return key, int64(n.Float64()), true
		}
		return key, nil, false
	case asDate:
		if rd.isNumeric(sheet, ref) {
			if f, err := strconv.ParseFloat(raw, 64); err == nil {
				if f >= 1900 && f <= 2100 && f == math.Trunc(f) {
					rd.cellErrorf(sheet, ref, "gõ đủ ngày, tháng, năm, ví dụ 12/07/1988", "%s: ô chỉ có năm %s, chưa phải một ngày", col.label, raw)
					return key, nil, false
				}
				t, err := excelize.ExcelDateToTime(f, false)
				if err == nil {
					return key, record.DateOf(t), true
				}
			}
		}
		t, err := vn.ParseDate(raw)
		if err != nil {
			rd.cellErrorf(sheet, ref, "gõ ngày dạng 12/07/2023, hoặc định dạng ô là ngày", "%s: %v", col.label, err)
			return key, nil, false
		}
		return key, record.DateOf(t), true
	case asLines:
		var lines []string
		for _, l := range strings.Split(raw, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return key, lines, true
	case asMember, asWho:
		if id, ok := rd.byName[norm(raw)]; ok {
			return "thanh_vien", id, true
		}
		if col.as == asWho {
			return "ho_ten", oneLine(raw), true
		}
		if !rd.hasList {
			if rd.noList[sheet] {
				_, row, _ := excelize.SplitCellName(ref)
				rd.imp.badRows[rowKey{rd.file, sheet, row}] = true
				return key, nil, false // said once for the sheet
			}
			if rd.noList == nil {
				rd.noList = map[string]bool{}
			}
			rd.noList[sheet] = true
			rd.cellErrorf(sheet, ref, "nhập vào một hồ sơ đã có [[thanh_vien]] (--vao HO_SO.toml), hoặc thêm trang \"Thành viên\" vào tệp Excel",
				"không biết %q là thành viên nào: chưa có danh sách thành viên", raw)
			return key, nil, false
		}
		hint := "ghi tên ngắn, tên đầy đủ hoặc mã của một thành viên: " + strings.Join(rd.names, ", ")
		known := slices.Sorted(maps.Keys(rd.byName))
		if s := suggest.Closest(norm(raw), known); s != "" {
			hint = fmt.Sprintf("có phải là %q? Các thành viên: %s", rd.display[rd.byName[s]], strings.Join(rd.names, ", "))
		}
		rd.cellErrorf(sheet, ref, hint, "%q không phải thành viên nào của cụm", raw)
		return key, nil, false
	case asAward:
		if id, ok := rd.awards[raw]; ok {
			return "hinh_thuc", id, true
		}
		k, v, ok := rd.award(sheet, ref, raw)
		if ok {
			if rd.awards == nil {
				rd.awards = map[string]string{}
			}
			rd.awards[raw] = v.(string)
		}
		return k, v, ok
	case asEarlier:
		return rd.earlier(sheet, ref, raw, col)
	case asKind:
		switch n := norm(raw); {
		case strings.Contains(n, "tap the"):
			return key, record.Collective, true
		case strings.Contains(n, "ca nhan"):
			return key, record.Individual, true
		}
		rd.cellErrorf(sheet, ref, `ghi "Tập thể" hoặc "Cá nhân"`, "loại %q không rõ", raw)
		return key, nil, false
	}
	return key, oneLine(raw), true
}

// oneLine joins the lines of a cell (Alt+Enter in Excel) with blanks.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func normAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = norm(n)
	}
	return out
}

// award resolves an award written by id or name: the record's award
// kinds first, then the catalogue.
func (rd *reader) award(sheet, ref, raw string) (string, any, bool) {
	n := norm(raw)
	var names []string
	if rd.o.Into != nil && rd.o.Into.Awards != nil {
		for _, k := range rd.o.Into.Awards.Kinds {
			if norm(k.ID) == n || k.Name != "" && norm(k.Name) == n {
				return "hinh_thuc", k.ID, true
			}
			names = append(names, cmp.Or(k.Name, k.ID))
		}
	}
	if a, ok := rd.o.Catalogue.Award(strings.TrimSpace(raw)); ok {
		return "hinh_thuc", a.ID, true
	}
	if a, ok := rd.o.Catalogue.Named(raw); ok {
		return "hinh_thuc", a.ID, true
	}
	for _, a := range rd.o.Catalogue.Awards {
		names = append(names, a.Name)
	}
	hint := "ghi tên hoặc mã một hình thức của hồ sơ ([[khen_thuong.hinh_thuc]]) hoặc của danh mục khen thưởng (thidua templates export)"
	if s := suggest.Closest(n, normAll(names)); s != "" {
		for _, name := range names {
			if norm(name) == s {
				hint = fmt.Sprintf("có phải là %q?", name)
			}
		}
	}
	rd.cellErrorf(sheet, ref, hint, "không có hình thức khen thưởng %q", raw)
	return "hinh_thuc", nil, false
}

// section writes the items of a kind as TOML and records their cells.
func (rd *reader) section(k *kind) Section {
	var b strings.Builder
	items := rd.items[k]
	if len(items) > 0 {
		rd.imp.cells[k.section] = cellRef{items[0].file, items[0].sheet}
	}
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", k.section, i+1)
		rd.imp.cells[p] = cellRef{it.file, it.sheet + "!" + it.first}
		for key, ref := range it.cells {
			rd.imp.cells[p+"."+key] = cellRef{it.file, it.sheet + "!" + ref}
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("[[" + k.section + "]]\n")
		slices.SortStableFunc(it.values, func(a, b kv) int { return cmp.Compare(k.order(a.key), k.order(b.key)) })
		for _, x := range it.values {
			b.WriteString(tomlKey(x.key) + " = " + tomlValue(x.val) + "\n")
		}
	}
	return Section{Path: k.section, Name: k.name, Sheet: strings.Join(rd.sheetNames[k], ", "), Rows: len(items), Text: b.String()}
}

// Locate puts errors the record's checks found in the imported sections
// on the cells the values came from (or the sheet, for a whole list);
// others stay where they are. Errors about rows with a cell that could
// not be read are left out: that cell's problem says it first. The cells'
// problems come first.
func (imp *Import) Locate(errs record.Errors) record.Errors {
	out := slices.Clone(imp.problems)
	for _, e := range errs {
		c := *e
		for p := e.Field; p != ""; p = parent(p) {
			if at, ok := imp.cells[p]; ok {
				c.File, c.Line, c.Col, c.Field = at.file, 0, 0, at.at
				break
			}
		}
		if sheet, ref, ok := strings.Cut(c.Field, "!"); ok && c.Line == 0 {
			if _, row, err := excelize.SplitCellName(ref); err == nil && imp.badRows[rowKey{c.File, sheet, row}] {
				continue
			}
		}
		out = append(out, &c)
	}
	return out
}

// parent drops the last part of a field path: `diem[2].cum_cham."1.1"` ->
// "diem[2].cum_cham" -> "diem[2]" -> "".
func parent(p string) string {
	if strings.HasSuffix(p, `"`) {
		if i := strings.LastIndex(p[:len(p)-1], `."`); i >= 0 {
			return p[:i]
		}
	}
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// Names reads from a record's source only what an import resolves names
// against (members, criteria, award kinds), for a record that does not
// check yet: one whose imported sections are still missing.
func Names(src []byte) (*record.Record, error) {
	var part struct {
		Members  []record.Member  `toml:"thanh_vien"`
		Criteria *record.Criteria `toml:"bo_tieu_chi"`
		Awards   *record.Awards   `toml:"khen_thuong"`
	}
	if p := tomlguard.Check(string(src)); p != nil {
		return nil, p // a shape that would make the decoder slow
	}
	if _, err := toml.Decode(string(src), &part); err != nil {
		return nil, err
	}
	return &record.Record{Members: part.Members, Criteria: part.Criteria, Awards: part.Awards}, nil
}

// earlierParts are the parts of a line of an earlier title or award, in
// the order a cell writes them, parted by ";".
var earlierParts = []string{"nam", "ten", "so_quyet_dinh", "ngay_quyet_dinh", "co_quan"}

// earlierHint says how a cell of earlier titles or awards is written.
const earlierHint = `mỗi danh hiệu, hình thức một dòng (Alt+Enter để xuống dòng trong ô), các phần cách nhau bởi dấu chấm phẩy: ` +
	`năm; tên; số quyết định; ngày quyết định; cơ quan ban hành, ví dụ "2022; Chiến sĩ thi đua cơ sở; 125/QĐ-UBND; 12/01/2023; Ủy ban nhân dân huyện" (chỉ năm và tên là bắt buộc)`

// earlier reads a cell of titles or awards a nominee received before:
// one a line, "năm; tên; số quyết định; ngày quyết định; cơ quan".
func (rd *reader) earlier(sheet, ref, raw string, col *column) (string, any, bool) {
	var out [][]kv
	ok := true
	n := 0
	for _, line := range strings.Split(raw, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		parts := strings.Split(line, ";")
		if len(parts) > len(earlierParts) {
			rd.cellErrorf(sheet, ref, earlierHint, "%s, dòng %d: có %d phần, nhiều hơn 5 phần (năm; tên; số quyết định; ngày quyết định; cơ quan)", col.label, n, len(parts))
			ok = false
			continue
		}
		var it []kv
		for i, part := range parts {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if earlierParts[i] == "ngay_quyet_dinh" {
				t, err := vn.ParseDate(part)
				if err != nil {
					rd.cellErrorf(sheet, ref, earlierHint, "%s, dòng %d: ngày quyết định: %v", col.label, n, err)
					ok = false
					continue
				}
				it = append(it, kv{earlierParts[i], record.DateOf(t)})
				continue
			}
			it = append(it, kv{earlierParts[i], part})
		}
		if !hasKey(it, "nam") || !hasKey(it, "ten") {
			rd.cellErrorf(sheet, ref, earlierHint, "%s, dòng %d: thiếu năm hoặc tên danh hiệu, hình thức (%q)", col.label, n, strings.TrimSpace(line))
			ok = false
			continue
		}
		out = append(out, it)
	}
	if !ok || len(out) == 0 {
		return col.key, nil, false
	}
	return col.key, out, true
}
