package serve

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/tally"
	"thidua/internal/tomledit"
	"thidua/internal/vn"
)

// analysis is what the page shows of a record's text: its values for the
// forms, its problems, what thidua check computes, and its papers.
type analysis struct {
	Values map[string]any `json:"gia_tri"` // nil when the text is not valid TOML
	Errors []fieldError   `json:"loi"`
	// Check is what `thidua check` prints; Results is its --json.
	Check   string         `json:"kiem_tra,omitempty"`
	Results *tally.Results `json:"ket_qua,omitempty"`
	Prizes  *prizes        `json:"tien_thuong,omitempty"`
	Papers  []paperInfo    `json:"giay"`
	// Sections names the papers whose sections the record has (what
	// thidua render makes of it), even while a problem stops them.
	Sections []string `json:"giay_co_phan"`
	// Lacking is what the papers chosen on the page (Sections unless the
	// clerk chose others) print and the record does not give yet, less
	// what Errors already says: record.Need over those papers.
	Lacking []fieldError `json:"thieu"`
}

// fieldError is a record.Error for the page.
type fieldError struct {
	Path string `json:"khoa"`
	Line int    `json:"dong"`
	Col  int    `json:"cot"`
	Msg  string `json:"loi"`
	Hint string `json:"cach_sua,omitempty"`
	// Papers, for a field missing from Lacking, are the chosen papers
	// that print it (template names).
	Papers []string `json:"giay,omitempty"`
}

// paperInfo is a paper the record makes; Items names the papers of a
// template made once per nominee.
type paperInfo struct {
	Name  string   `json:"ten"`
	Title string   `json:"mo_ta"`
	Items []string `json:"muc,omitempty"`
}

// prizes is the prize money package awards computed, as the papers print it.
type prizes struct {
	Salary  any        `json:"luong_co_so,omitempty"`
	Entries []prizeRow `json:"de_nghi"`
	Total   any        `json:"tong,omitempty"`
}

type prizeRow struct {
	Name  string `json:"ten"`
	Award string `json:"hinh_thuc"`
	Coef  any    `json:"he_so"`
	Money any    `json:"tien"`
	Vote  any    `json:"phieu,omitempty"`
}

// prepared is a record decoded and computed for its papers.
type prepared struct {
	rec    *record.Record
	data   map[string]any
	papers []*forms.Template
	// picked names the papers whose sections the record has, before the
	// check of what they print.
	picked []string
	errs   record.Errors
}

// prepare decodes a record's text and computes its papers' data, as
// thidua render does; errs holds every problem.
func (s *Server) prepare(name, text string) *prepared {
	p := &prepared{}
	rec, err := record.Parse(name, []byte(text))
	if err != nil {
		p.errs = asErrors(name, err)
		return p
	}
	p.rec = rec
	data, err := render.Data(rec, render.WithCatalogue(s.cfg.Catalogue))
	if err != nil {
		p.errs = asErrors(name, err) // as thidua render: no paper while a problem is left
		return p
	}
	papers, _ := s.cfg.Templates.Pick("", data)
	p.picked = forms.Names(papers)
	if err := rec.Need(forms.Names(papers)); err != nil {
		p.errs = asErrors(name, err) // what those papers print, as thidua render asks
		return p
	}
	p.data, p.papers = data, papers
	return p
}

// asErrors makes any error a list of positioned ones.
func asErrors(name string, err error) record.Errors {
	var errs record.Errors
	if errors.As(err, &errs) {
		return errs
	}
	var one *record.Error
	if errors.As(err, &one) {
		return record.Errors{one}
	}
	return record.Errors{{File: name, Msg: err.Error()}}
}

// analyse checks a record's text as thidua check and render would.
// chosen names the papers the clerk has chosen on the page; nil means
// those the record has the sections of.
func (s *Server) analyse(name, text string, chosen []string) *analysis {
	a, _ := s.analysePrepared(name, text, chosen)
	return a
}

// analysePrepared is analyse that also gives the record prepared for its
// papers.
func (s *Server) analysePrepared(name, text string, chosen []string) (*analysis, *prepared) {
	a := &analysis{Errors: []fieldError{}, Papers: []paperInfo{}, Sections: []string{}, Lacking: []fieldError{}}
	var tree map[string]any
	if _, err := decodeTOML(text, &tree); err == nil {
		a.Values = display(tree, record.Key{Type: record.TypeTable, Keys: record.Schema()}).(map[string]any)
	}
	p := s.prepare(name, text)
	for _, e := range p.errs {
		a.Errors = append(a.Errors, fieldError{Path: e.Field, Line: e.Line, Col: e.Col, Msg: e.Msg, Hint: e.Hint})
	}
	if p.rec == nil {
		return a, p
	}
	a.Sections = append(a.Sections, p.picked...)
	a.Lacking = s.lacking(p, chosen, a.Errors)
	if res, err := tally.Compute(p.rec, s.cfg.Catalogue); err == nil && !res.Empty() {
		a.Results = res
		var b strings.Builder
		res.WriteText(&b)
		a.Check = b.String()
	}
	if p.data == nil {
		return a, p
	}
	if hs, ok := p.data["ho_so"].(map[string]any); ok {
		pr := &prizes{Entries: []prizeRow{}}
		if sal, ok := hs["luong_co_so"].(map[string]any); ok {
			pr.Salary = sal["muc"]
		}
		if tc, ok := hs["tong_cong"].(map[string]any); ok {
			pr.Total = tc["tien"]
		}
		list, _ := hs["de_nghi"].([]map[string]any)
		for _, e := range list {
			pr.Entries = append(pr.Entries, prizeRow{Name: fmt.Sprint(e["ten"]), Award: fmt.Sprint(e["ten_hinh_thuc"]), Coef: e["he_so"], Money: e["tien_thuong"], Vote: e["phieu"]})
		}
		a.Prizes = pr
	}
	for _, t := range p.papers {
		pi := paperInfo{Name: t.Name, Title: t.Front.MoTa}
		if t.Front.Moi != "" {
			for _, it := range t.Each(p.data) {
				pi.Items = append(pi.Items, itemLabel(it))
			}
			if len(pi.Items) == 0 {
				continue // one paper per nominee, and no nominee of this kind
			}
		}
		a.Papers = append(a.Papers, pi)
	}
	return a, p
}

// lacking is what the chosen papers print and the record lacks, as
// thidua render --giay would ask, less the fields errs already names.
func (s *Server) lacking(p *prepared, chosen []string, errs []fieldError) []fieldError {
	if chosen == nil {
		chosen = p.picked
	}
	var papers []string
	for _, n := range chosen {
		if _, ok := s.cfg.Templates.Get(n); ok && !slices.Contains(papers, n) {
			papers = append(papers, n)
		}
	}
	out := []fieldError{}
	err := p.rec.Need(papers)
	if err == nil {
		return out
	}
	for _, e := range asErrors("", err) {
		if slices.ContainsFunc(errs, func(f fieldError) bool { return f.Path == e.Field }) {
			continue
		}
		k, _ := record.Lookup(e.Field)
		var by []string
		for _, n := range papers {
			if slices.Contains(k.Need, n) {
				by = append(by, n)
			}
		}
		out = append(out, fieldError{Path: e.Field, Line: e.Line, Col: e.Col, Msg: e.Msg, Hint: e.Hint, Papers: by})
	}
	return out
}

// itemLabel names one paper of a template made per item.
func itemLabel(it map[string]any) string {
	if m, ok := it["muc"].(map[string]any); ok {
		for _, k := range []string{"ten", "ho_ten"} {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
	}
	return "?"
}

// display turns decoded TOML values into what the form inputs show:
// dates as "12/01/2024", numbers of decimal keys the Vietnamese way
// ("1.721,4", "18.500"); k is the schema's key of the value.
func display(v any, k record.Key) any {
	item := record.Key{Type: record.TypeTable, Keys: k.Keys}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for name, e := range x {
			sub := record.Key{Type: k.Of}
			if k.Type != record.TypeMap {
				sub = record.Key{}
				for _, c := range k.Keys {
					if c.Key == name {
						sub = c
					}
				}
			}
			out[name] = display(e, sub)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = display(e, item)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			if k.Type == record.TypeTables {
				out[i] = display(e, item)
			} else {
				out[i] = display(e, k)
			}
		}
		return out
	case time.Time:
		return vn.ShortDate(x) // a time of day, if any, is the decoder's to report
	case float64:
		return vn.FormatDecimal(x, 15)
	case int64:
		if k.Type == record.TypeNumber {
			return vn.FormatInt(x)
		}
	}
	return v
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name   string   `json:"ten"`
		Text   string   `json:"noi_dung"`
		Chosen []string `json:"giay_chon"`
	}
	if !readJSON(w, r, s.limits.request, &req) {
		return
	}
	writeJSON(w, http.StatusOK, s.analyse(req.Name, req.Text, req.Chosen))
}

// change is one edit the form makes: "dat" sets the value at a path
// (empty removes it), "xoa" removes a value, table or item, "them" adds
// an item to an array at a position (0: at the end), "chuyen" moves an
// item to a position.
type change struct {
	Op    string `json:"loai"`
	Path  string `json:"khoa"`
	Value any    `json:"gia_tri"`
	At    int    `json:"vi_tri"`
}

// edit applies a form's changes to the text and checks it; with a paper
// named (giay, muc), the answer carries that paper's PDF too, so that the
// preview follows a change without a second request.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name    string   `json:"ten"`
		Text    string   `json:"noi_dung"`
		Changes []change `json:"thay_doi"`
		Paper   string   `json:"giay"`
		Item    int      `json:"muc"`
		Chosen  []string `json:"giay_chon"` // the papers chosen on the page, see analyse
	}
	if !readJSON(w, r, s.limits.request, &req) {
		return
	}
	text, err := applyChanges(req.Text, req.Changes)
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, "%v", err)
		return
	}
	a, p := s.analysePrepared(req.Name, text, req.Chosen)
	var pdf []byte
	if req.Paper != "" {
		if f, err := renderPrepared(p, req.Paper, req.Item, "pdf"); err == nil {
			pdf = f.Data
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Text string `json:"noi_dung"`
		*analysis
		PDF []byte `json:"pdf,omitempty"` // base64 in JSON
	}{text, a, pdf})
}

// applyChanges edits a record's text in place.
func applyChanges(text string, changes []change) (string, error) {
	d, err := tomledit.Parse(text)
	if err != nil {
		return "", errors.New("tệp đang có lỗi cú pháp TOML nên chưa sửa được bằng biểu mẫu; sửa lỗi ở thẻ \"Văn bản TOML\" trước")
	}
	for _, c := range changes {
		switch c.Op {
		case "dat":
			var v any
			if v, err = tomlValue(c.Path, c.Value); err == nil {
				if v == nil {
					err = d.Delete(c.Path)
				} else {
					err = d.Set(c.Path, v)
				}
			}
		case "xoa":
			err = d.Delete(c.Path)
		case "them":
			at := c.At
			if at <= 0 {
				at = d.Len(c.Path) + 1
			}
			err = d.Insert(c.Path, at)
		case "chuyen":
			err = d.Move(c.Path, c.At)
		default:
			err = fmt.Errorf("không biết thao tác %q", c.Op)
		}
		if err != nil {
			return "", fmt.Errorf("không sửa được %s: %v", c.Path, err)
		}
	}
	return d.String(), nil
}

var reISODate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// tomlValue turns what an input holds into the value to write for the
// key at path, by the key's type in the schema; nil removes the key. A
// value that is not of the key's type is written as text, so that the
// check reports it at the input, in the decoder's words.
func tomlValue(path string, v any) (any, error) {
	k, ok := record.Lookup(path)
	if !ok {
		return nil, fmt.Errorf("hồ sơ không có khóa %s", path)
	}
	typ := k.Type
	if typ == record.TypeMap {
		typ = k.Of
	}
	if list, isList := v.([]any); isList {
		var lines []string
		for _, e := range list {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				lines = append(lines, s)
			}
		}
		if len(lines) == 0 {
			return nil, nil
		}
		return lines, nil
	}
	s, isStr := v.(string)
	if v == nil || isStr && strings.TrimSpace(s) == "" {
		return nil, nil
	}
	if !isStr {
		s = fmt.Sprint(v)
	}
	t := strings.TrimSpace(s)
	switch typ {
	case record.TypeLines:
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, strings.TrimRight(l, "\r"))
			}
		}
		return lines, nil
	case record.TypeInt:
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			return n, nil
		}
	case record.TypeNumber:
		// Digits only are a TOML integer; anything with "." or "," is
		// read by the decoder the Vietnamese way ("1.234,5", "18.500").
		if _, err := strconv.ParseInt(t, 10, 64); err == nil && !strings.HasPrefix(t, "+") {
			return tomledit.Raw(t), nil
		}
	case record.TypeDate:
		if m := reISODate.FindStringSubmatch(t); m != nil {
			t = m[3] + "/" + m[2] + "/" + m[1]
		}
		if d, err := vn.ParseDate(t); err == nil {
			return tomledit.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}, nil
		}
	}
	return s, nil
}

// paperRequest asks for one paper of a record's text in one format.
type paperRequest struct {
	Name   string `json:"ten"`
	Text   string `json:"noi_dung"`
	Paper  string `json:"giay"`
	Item   int    `json:"muc"`
	Format string `json:"dinh_dang"`
}

// paper renders one paper of the text in the page, for the preview
// (PDF) and the downloads.
func (s *Server) paper(w http.ResponseWriter, r *http.Request) {
	var req paperRequest
	if !readJSON(w, r, s.limits.request, &req) {
		return
	}
	f, err := s.renderOne(req)
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, "%v", err)
		return
	}
	sendFile(w, f.Name, f.Data)
}

// renderOne makes one paper of a record's text.
func (s *Server) renderOne(req paperRequest) (render.File, error) {
	if req.Format != "docx" {
		req.Format = "pdf"
	}
	return renderPrepared(s.prepare(req.Name, req.Text), req.Paper, req.Item, req.Format)
}

// renderPrepared makes the paper of a template (its item-th copy, for a
// template made per item) of a prepared record, in one format.
func renderPrepared(p *prepared, paper string, item int, format string) (render.File, error) {
	if p.data == nil {
		return render.File{}, fmt.Errorf("hồ sơ còn %d lỗi; sửa xong mới xem được giấy tờ", len(p.errs))
	}
	for _, t := range p.papers {
		if t.Name != paper {
			continue
		}
		items := t.Each(p.data)
		if item < 0 || item >= len(items) {
			return render.File{}, fmt.Errorf("giấy tờ %s không có bản thứ %d", paper, item+1)
		}
		files, err := render.Paper(t, items[item], []string{format})
		if err != nil {
			return render.File{}, err
		}
		return files[0], nil
	}
	return render.File{}, fmt.Errorf("hồ sơ không làm được giấy tờ %q (thiếu phần hồ sơ mẫu cần, hoặc phần đó còn lỗi)", paper)
}

// sendFile answers with a file to show or save.
func sendFile(w http.ResponseWriter, name string, data []byte) {
	ct := map[string]string{".pdf": "application/pdf", ".zip": "application/zip",
		".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
	dot := strings.LastIndexByte(name, '.')
	w.Header().Set("Content-Type", ct[name[max(dot, 0):]])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s"; filename*=UTF-8''%s`, vn.Slug(name[:max(dot, 0)], 120)+name[max(dot, 0):], urlEscape(name)))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// urlEscape percent-encodes a file name for Content-Disposition.
func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// allFormats are the formats of the download of every paper: what
// thidua render --dinh-dang docx,pdf,xlsx writes, the xlsx only for the
// papers that have tables (render.Paper leaves it out of the others).
var allFormats = append(slices.Clip(render.Formats), "xlsx")

// all makes every paper of the text in the page as one .zip: DOCX and
// PDF, and the spreadsheet of each paper that has tables, named as
// thidua render names them.
func (s *Server) all(w http.ResponseWriter, r *http.Request) {
	var req paperRequest
	if !readJSON(w, r, s.limits.request, &req) {
		return
	}
	p := s.prepare(req.Name, req.Text)
	if p.data == nil || len(p.papers) == 0 {
		fail(w, http.StatusUnprocessableEntity, "Hồ sơ chưa làm được giấy tờ nào (còn %d lỗi, hoặc chưa có phần nào để viết giấy tờ).", len(p.errs))
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := vn.NewSlugSet(120) // two nominees of one name get two reports
	for _, t := range p.papers {
		for _, item := range t.Each(p.data) {
			files, err := render.Paper(t, item, allFormats)
			if err != nil {
				fail(w, http.StatusUnprocessableEntity, "%v", err)
				return
			}
			base := names.Add(strings.TrimSuffix(files[0].Name, path.Ext(files[0].Name)))
			for _, f := range files {
				fw, err := zw.CreateHeader(&zip.FileHeader{Name: base + path.Ext(f.Name), Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
				if err == nil {
					_, err = fw.Write(f.Data)
				}
				if err != nil {
					fail(w, http.StatusInternalServerError, "%v", err)
					return
				}
			}
		}
	}
	if err := zw.Close(); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	base := strings.TrimSuffix(req.Name, ".toml")
	if base == "" {
		base = "giay-to"
	}
	sendFile(w, base+".zip", buf.Bytes())
}
