package fill

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"thidua/internal/vn"
)

// runtimeFuncs are the functions the compiled template calls back. With a
// nil collector they stop at the first problem (Execute); with one they
// record every problem and carry on (Check). They count the loops' work in
// st, which is one fill's.
func (pt *part) runtimeFuncs(col *collector, st *fillState) template.FuncMap {
	return template.FuncMap{
		"_fill_s":    func(i int) string { return pt.statics[i] },
		"_fill_iter": func(id int, v any) (any, error) { return v, st.iterate(pt, pt.tags[id], v) },
		"_fill_id":   st.nextID,
		"_fill_need": func(id int, bases ...any) (bool, error) {
			t := pt.tags[id]
			ok := true
			for _, r := range t.refs {
				base := bases[r.base]
				if _, found := lookup(base, r.path); found {
					continue
				}
				switch {
				case t.opt:
					return false, nil
				case col == nil:
					return false, &missingError{pt: pt, t: t, display: r.display}
				}
				col.miss(pt, t, r.display, base)
				ok = false
			}
			return ok, nil
		},
		"_fill_esc": func(id int, base, v any) (string, error) {
			s, ok := formatValue(v)
			if ok {
				return pt.escape(s), nil
			}
			t := pt.tags[id]
			display := ""
			if t.bare {
				display = t.refs[0].display
			}
			switch {
			case t.opt:
			case col == nil:
				return "", &missingError{pt: pt, t: t, display: display}
			default:
				col.miss(pt, t, display, base)
			}
			return "", nil
		},
	}
}

// fillState is what one fill has used of its limits.
type fillState struct {
	lim   Limits
	iters int64 // loop iterations begun, all loops together
	out   int64 // bytes written
	loop  *tag  // the loop entered last
	part  *part
	ids   idMax // the last id given of each kind
}

// nextID gives the next unique id of a kind, as its attribute writes it.
func (st *fillState) nextID(kind int) string {
	if st == nil {
		return ""
	}
	st.ids[kind]++
	v := st.ids[kind]
	switch kind {
	case idPara:
		// Word keeps paragraph ids below 0x80000000.
		return fmt.Sprintf("%08X", v%0x7FFFFFFF)
	case idControl:
		return strconv.FormatInt(int64(int32(v)), 10)
	}
	return strconv.FormatInt(v%0xFFFFFFFF, 10)
}

// iterate counts the iterations of a loop over v before it begins.
func (st *fillState) iterate(pt *part, t *tag, v any) error {
	if st == nil {
		return nil
	}
	st.loop, st.part = t, pt
	var n int64
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		n = int64(rv.Len())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = max(rv.Int(), 0)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n = int64(min(rv.Uint(), 1<<62))
	}
	st.iters += min(n, int64(st.lim.MaxIterations)+1)
	if st.iters > int64(st.lim.MaxIterations) {
		return &limitError{pt: pt, t: t, limit: LimitIterations, msg: fmt.Sprintf("các vòng lặp của mẫu phải lặp hơn %d lần (tính cả các vòng lồng nhau; vòng này %d lần); hãy kiểm tra lại danh sách hay con số mà thẻ range lặp qua", st.lim.MaxIterations, n)}
	}
	return nil
}

// limitWriter fails a fill that writes more than its limit.
type limitWriter struct {
	w  io.Writer
	st *fillState
}

func (l *limitWriter) Write(p []byte) (int, error) {
	l.st.out += int64(len(p))
	if l.st.out > l.st.lim.MaxOutputSize {
		e := &limitError{pt: l.st.part, t: l.st.loop, limit: LimitOutput, msg: "văn bản điền ra vượt quá " + sizeText(l.st.lim.MaxOutputSize)}
		if e.t != nil {
			e.msg += "; thẻ này là vòng lặp cuối cùng đã chạy: hãy kiểm tra lại danh sách hay con số mà nó lặp qua"
		}
		return 0, e
	}
	return l.w.Write(p)
}

// limitError is a fill that went past one of its limits.
type limitError struct {
	pt    *part
	t     *tag // the loop at fault, if known
	msg   string
	limit string // LimitIterations or LimitOutput
}

func (e *limitError) Error() string { return e.problem().String() }

func (e *limitError) problem() Problem {
	p := Problem{Msg: e.msg, Limit: e.limit}
	if e.pt != nil {
		p.Where.Part = e.pt.name
	}
	if e.t != nil {
		p.Where, p.Tag = e.t.loc, e.t.raw
	}
	return p
}

// missingError is a value the data lacks, found while filling.
type missingError struct {
	pt      *part
	t       *tag
	display string // the field; "" when the tag as a whole gave no value
}

func (e *missingError) Error() string { return e.problem().String() }

func (e *missingError) problem() Problem {
	return Problem{Where: e.t.loc, Tag: e.t.raw, Msg: missingMessage(e.t, e.display, nil)}
}

func missingMessage(t *tag, display string, items []string) string {
	var msg string
	if display == "" {
		msg = "thẻ không cho ra giá trị nào (trường không có trong hồ sơ, hoặc hàm trả về rỗng)"
	} else {
		msg = fmt.Sprintf("hồ sơ không có giá trị cho %q", display)
	}
	if len(items) > 0 {
		msg += " (ở mục " + strings.Join(items, ", ") + ")"
	}
	if t.kind == kOutput || t.kind == kRange {
		ex := "{{" + t.src + "?}}"
		if t.kind == kRange {
			ex = "{{range " + t.pipe + "?}}"
		}
		msg += "; hãy thêm vào hồ sơ, hoặc nếu được bỏ trống thì viết thẻ là " + ex
	}
	return msg
}

// lookup follows a field path through maps (and, for other values,
// exported fields and methods without arguments, as templates do). A nil
// value counts as absent.
func lookup(v any, path []string) (any, bool) {
	for _, name := range path {
		if m, ok := v.(map[string]any); ok {
			x, found := m[name]
			if !found || x == nil {
				return nil, false
			}
			v = x
			continue
		}
		rv := reflect.ValueOf(v)
		if !rv.IsValid() {
			return nil, false
		}
		if mv := rv.MethodByName(name); mv.IsValid() && mv.Type().NumIn() == 0 && mv.Type().NumOut() >= 1 {
			v = mv.Call(nil)[0].Interface()
			continue
		}
		for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
			if rv.IsNil() {
				return nil, false
			}
			rv = rv.Elem()
		}
		switch rv.Kind() {
		case reflect.Map:
			if rv.Type().Key().Kind() != reflect.String {
				return nil, false
			}
			x := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key()))
			if !x.IsValid() {
				return nil, false
			}
			v = x.Interface()
		case reflect.Struct:
			f := rv.FieldByName(name)
			if !f.IsValid() || !f.CanInterface() {
				return nil, false
			}
			v = f.Interface()
		default:
			return nil, false
		}
		if v == nil {
			return nil, false
		}
	}
	return v, v != nil
}

// formatValue writes a value the way a Vietnamese paper prints it when no
// function formats it: dates as dd/mm/yyyy, decimals with a comma, lists of
// lines one per line. It reports false for no value at all.
func formatValue(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return vn.FormatDecimal(x, 4), true
	case bool:
		if x {
			return "có", true
		}
		return "không", true
	case time.Time:
		return vn.ShortDate(x), true
	case []string:
		return strings.Join(x, "\n"), true
	case []any:
		lines := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := formatValue(e)
			if !ok {
				return "", false
			}
			lines = append(lines, s)
		}
		return strings.Join(lines, "\n"), true
	case fmt.Stringer:
		return x.String(), true
	}
	rv := reflect.ValueOf(v)
	if (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface) && rv.IsNil() {
		return "", false
	}
	return fmt.Sprint(v), true
}

// escape makes text safe inside <w:t>: XML specials escaped, characters XML
// cannot hold dropped, line breaks and tabs turned into Word's own elements.
func (pt *part) escape(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case r == '\n' || r == '\r' || r == '\v' || r == '\u2028' || r == '\u2029':
			b.WriteString(pt.brk)
		case r == '\t':
			b.WriteString(pt.tab)
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\ufffd')
		case r < 0x20, r == 0xfffe, r == 0xffff:
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// collector gathers every problem found while checking data.
type collector struct {
	misses map[missKey]*missInfo
	other  problems
}

type missKey struct {
	part, tag int
	display   string
}

type missInfo struct {
	t     *tag
	items []string
}

func (c *collector) miss(pt *part, t *tag, display string, base any) {
	if c.misses == nil {
		c.misses = map[missKey]*missInfo{}
	}
	k := missKey{pt.index, t.id, display}
	m := c.misses[k]
	if m == nil {
		m = &missInfo{t: t}
		c.misses[k] = m
	}
	if item := itemName(base); item != "" && !contains(m.items, item) {
		m.items = append(m.items, item)
	}
}

// itemName names a list item for messages by its id or its name.
func itemName(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	for _, key := range []string{"id", "ho_ten", "ten"} {
		if s, ok := m[key].(string); ok && s != "" {
			return strconv.Quote(s)
		}
	}
	return ""
}

func (c *collector) err() error {
	keys := make([]missKey, 0, len(c.misses))
	for k := range c.misses {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.part != b.part {
			return a.part < b.part
		}
		if a.tag != b.tag {
			return a.tag < b.tag
		}
		return a.display < b.display
	})
	var ps problems
	for _, k := range keys {
		m := c.misses[k]
		ps.add(Problem{Where: m.t.loc, Tag: m.t.raw, Msg: missingMessage(m.t, k.display, m.items)})
	}
	for _, p := range c.other.list {
		ps.add(p)
	}
	err := ps.err()
	if e, ok := err.(*Error); ok {
		e.data = true
	}
	return err
}

var execLoc = regexp.MustCompile(`(?s)^template: .*?:(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)

// execProblem turns an error from executing a part's template into a
// Problem at the tag it came from.
func (pt *part) execProblem(err error) Problem {
	var m *missingError
	if errors.As(err, &m) {
		return m.problem()
	}
	var l *limitError
	if errors.As(err, &l) {
		return l.problem()
	}
	msg := err.Error()
	sub := execLoc.FindStringSubmatch(msg)
	if sub == nil {
		return Problem{Where: Location{Part: pt.name}, Msg: "lỗi khi điền mẫu: " + msg}
	}
	line, _ := strconv.Atoi(sub[1])
	col, _ := strconv.Atoi(sub[2])
	p := Problem{Where: Location{Part: pt.name}, Msg: execMessage(sub[4])}
	if line >= 1 && line <= len(pt.lines) {
		if t := pt.tagAt(pt.lines[line-1] + col); t != nil {
			p.Where, p.Tag = t.loc, t.raw
		}
	}
	return p
}

// tagAt is the tag whose template text covers offset off.
func (pt *part) tagAt(off int) *tag {
	var best *tag
	for _, s := range pt.spans {
		if s.start <= off && off < s.end {
			best = s.tag
		}
	}
	return best
}

var (
	reCalling  = regexp.MustCompile(`^error calling (\S+): (.*)$`)
	reWrongTyp = regexp.MustCompile(`^wrong type for value; expected (.+); got (.+)$`)
	reArgs     = regexp.MustCompile(`^wrong number of args for (\S+): want (.+) got (\d+)$`)
	reField    = regexp.MustCompile(`^can't evaluate field (\S+) in type (.+)$`)
	reRange    = regexp.MustCompile(`^range can't iterate over (.*)$`)
	reInvalid  = regexp.MustCompile(`^invalid value; expected (.+)$`)
)

// execMessage turns a template execution error into Vietnamese.
func execMessage(msg string) string {
	if m := reCalling.FindStringSubmatch(msg); m != nil {
		return "hàm " + m[1] + " báo lỗi: " + m[2]
	}
	if m := reWrongTyp.FindStringSubmatch(msg); m != nil {
		return "giá trị kiểu " + m[2] + " không dùng được ở đây (cần kiểu " + m[1] + ")"
	}
	if m := reArgs.FindStringSubmatch(msg); m != nil {
		return "hàm " + m[1] + " cần " + m[2] + " tham số nhưng thẻ đưa " + m[3]
	}
	if m := reField.FindStringSubmatch(msg); m != nil {
		return "không lấy được trường " + m[1] + " từ giá trị kiểu " + m[2]
	}
	if m := reRange.FindStringSubmatch(msg); m != nil {
		return "không lặp được qua " + m[1] + ": range cần một danh sách"
	}
	if m := reInvalid.FindStringSubmatch(msg); m != nil {
		return "thiếu giá trị (cần kiểu " + m[1] + "); trường có thể không có trong hồ sơ"
	}
	switch {
	case strings.HasPrefix(msg, "incompatible types for comparison"):
		return "so sánh hai giá trị khác kiểu (ví dụ số với chữ)"
	case strings.Contains(msg, "index out of range"):
		return "chỉ số vượt quá độ dài danh sách"
	case strings.Contains(msg, "nil pointer evaluating"):
		return "lấy trường từ một giá trị rỗng; trường có thể không có trong hồ sơ"
	}
	return "lỗi khi điền thẻ (" + msg + ")"
}
