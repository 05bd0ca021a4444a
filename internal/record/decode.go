package record

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"thidua/fonts"
	"thidua/internal/fieldpath"
	"thidua/internal/input"
	"thidua/internal/suggest"
	"thidua/internal/tomlguard"
	"thidua/internal/vn"
)

// Load reads and checks the record in the file at path (a regular file
// within input.Text's size limit).
func Load(path string) (*Record, error) {
	data, err := input.ReadFile(path, input.Text)
	if err != nil {
		return nil, ReadError(path, "không đọc được tệp hồ sơ: ", "kiểm tra lại đường dẫn và tên tệp (đuôi .toml)", err)
	}
	return Parse(path, data)
}

// ReadError turns an error of input.ReadFile into Errors: what starts the
// message, then why; hint is used when the reason has none of its own.
func ReadError(path, what, hint string, err error) Errors {
	var ie *input.Error
	if errors.As(err, &ie) {
		return Errors{{File: path, Msg: what + ie.Why, Hint: cmp.Or(ie.Hint, hint)}}
	}
	return Errors{{File: path, Msg: what + err.Error(), Hint: hint}}
}

// Parse decodes and checks a record; file names it in error messages. The
// error, when not nil, is an Errors holding every problem found.
func Parse(file string, data []byte) (*Record, error) {
	tree, ix, err := readTOML(file, data)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: file, ix: ix, ok: map[string]bool{}}
	if cum, ok := tree["cum"].(map[string]any); ok {
		if s, ok := cum["kieu_dau"].(string); ok {
			d.style = toneStyle(s)
		}
	}
	r := &Record{file: file, ix: ix}
	d.table(tree, reflect.ValueOf(r).Elem(), "", "")
	d.check(r)
	if len(d.errs) > 0 {
		return nil, d.errs.sort()
	}
	return r, nil
}

// readTOML parses a TOML source (a leading byte order mark is dropped) and
// indexes the positions of its keys; a syntax error comes back as Errors
// with its position. A text whose shape would make the decoder slow
// (tomlguard) is refused before it reaches it.
func readTOML(file string, data []byte) (map[string]any, *index, error) {
	src := string(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if p := tomlguard.Check(src); p != nil {
		return nil, nil, Errors{{File: file, Line: p.Line, Col: p.Col, Msg: p.Msg, Hint: p.Hint}}
	}
	ix := newIndex(src)
	var tree map[string]any
	if _, err := toml.Decode(src, &tree); err != nil {
		pe, ok := asParseError(err)
		if !ok {
			return nil, ix, Errors{{File: file, Line: 1, Col: 1, Msg: "không đọc được tệp TOML: " + err.Error(),
				Hint: "so tệp với ví dụ trong docs/record.md"}}
		}
		return nil, ix, Errors{syntaxError(file, ix, pe)}
	}
	return tree, ix, nil
}

// decoder walks the parsed TOML tree into a Record, guided by the struct
// tags, and collects every problem instead of stopping at the first.
type decoder struct {
	file  string
	ix    *index
	style vn.ToneStyle
	ok    map[string]bool // field paths whose value decoded without error
	errs  Errors
	ids   []string // the members' ids as written, for hints
}

// keyErr reports a problem about a key (unknown, misspelt, missing child).
func (d *decoder) keyErr(field, msg, hint string) {
	off, ok := d.ix.keyOff(field)
	d.add(off, ok, field, msg, hint)
}

// valErr reports a problem about a value.
func (d *decoder) valErr(field, msg, hint string) {
	off, ok := d.ix.valOff(field)
	d.add(off, ok, field, msg, hint)
}

func (d *decoder) add(off int, ok bool, field, msg, hint string) {
	e := &Error{File: d.file, Line: 1, Col: 1, Field: field, Msg: msg, Hint: hint}
	if ok {
		e.Line, e.Col = d.ix.lineCol(off)
	}
	d.errs = append(d.errs, e)
}

// owner names the list item a table belongs to ("thành viên thứ 2"), or
// is empty outside lists.
type owner string

// prefix starts a message: "thành viên thứ 2: ".
func (o owner) prefix() string {
	if o == "" {
		return ""
	}
	return string(o) + ": "
}

// of ends a phrase: " của thành viên thứ 2".
func (o owner) of() string {
	if o == "" {
		return ""
	}
	return " của " + string(o)
}

// field describes one struct field from its tags.
type field struct {
	key, label, item, eg string
	required             bool
	enum, need           []string // the enum and need tags, split at commas
	enumLabels           []string // what each enum value means, for people ("" if the tag says nothing)
	ref                  string   // the list whose item's id the value names
	// breaks lets the value hold line breaks: a name printed in the
	// frame, where a "\n" says where its line ends (tag breaks:"true").
	breaks bool
	index  int
}

// fieldsOf returns the fields of struct type t that have a toml tag, read
// from the tags once per type: every table of every record asks.
func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	f, _ := fieldCache.LoadOrStore(t, readFields(t))
	return f.([]field)
}

// fieldCache holds fieldsOf's answers by type; they are never changed.
var fieldCache sync.Map

func readFields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		if key == "" || !f.IsExported() {
			continue
		}
		out = append(out, field{key: key, label: f.Tag.Get("label"), item: f.Tag.Get("item"),
			eg: f.Tag.Get("eg"), required: f.Tag.Get("required") == "true", breaks: f.Tag.Get("breaks") == "true",
			need: tagList(f.Tag.Get("need")), ref: f.Tag.Get("ref"), index: i})
		last := &out[len(out)-1]
		last.enum, last.enumLabels = enumTag(f.Tag.Get("enum"))
	}
	return out
}

// enumTag splits an enum tag, "ky-ket:ký kết giao ước,so-ket:sơ kết", into
// its values and what each means (a value without ":" means itself).
func enumTag(tag string) (values, labels []string) {
	for _, item := range tagList(tag) {
		v, label, _ := strings.Cut(item, ":")
		values, labels = append(values, v), append(labels, label)
	}
	return values, labels
}

// tagList splits a tag holding a comma-separated list; nil when empty.
func tagList(tag string) []string {
	if tag == "" {
		return nil
	}
	return strings.Split(tag, ",")
}

var (
	dateType   = reflect.TypeFor[Date]()
	linesType  = reflect.TypeFor[Lines]()
	numberType = reflect.TypeFor[Number]()
)

// table decodes the TOML table m into the struct rv. path is the table's
// field path, who says whose table it is ("thành viên thứ 2").
func (d *decoder) table(m map[string]any, rv reflect.Value, path string, who owner) {
	if path == "" {
		d.ids = memberIDs(m)
	}
	fields := fieldsOf(rv.Type())
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	seen := map[string]bool{}
	for _, k := range keys {
		fp := fieldpath.Key(path, k)
		i := slices.IndexFunc(fields, func(f field) bool { return f.key == k })
		if i < 0 {
			d.unknownKey(fields, k, fp, path, who)
			if j := slices.IndexFunc(fields, func(f field) bool { return strings.EqualFold(f.key, k) }); j >= 0 {
				seen[fields[j].key] = true
			}
			continue
		}
		f := fields[i]
		seen[k] = true
		d.value(m[k], rv.Field(f.index), fp, f, who)
	}
	for _, f := range fields {
		if f.required && !seen[f.key] {
			fp := fieldpath.Key(path, f.key)
			d.keyErr(fp, fmt.Sprintf("%sthiếu %s (khóa %s)", who.prefix(), f.label, f.key), d.addHint(rv.Field(f.index).Type(), f, path, who))
		}
	}
}

// addHint says how to add a missing field.
func (d *decoder) addHint(t reflect.Type, f field, path string, who owner) string {
	full := tablePath(fieldpath.Key(path, f.key))
	if t.Kind() == reflect.Pointer && t.Elem() != numberType {
		t = t.Elem() // an optional table
	}
	switch {
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return fmt.Sprintf("thêm các mục, mỗi mục mở đầu bằng dòng [[%s]]; xem docs/record.md", full)
	case isTableType(t):
		return fmt.Sprintf("thêm bảng [%s]%s với các khóa của nó; xem docs/record.md", full, who.of())
	}
	eg := f.eg
	if eg == "" {
		eg = map[reflect.Type]string{dateType: "2024-01-12", linesType: `["..."]`, reflect.TypeFor[int](): "...", numberType: "...", reflect.PointerTo(numberType): "..."}[t]
	}
	if eg == "" {
		eg = `"..."`
	}
	where := "vào bảng [" + tablePath(path) + "]" + who.of()
	if path == "" {
		where = "vào đầu tệp"
	}
	if f.ref != "" {
		// A member's id: the record's own, never an example's.
		hint := fmt.Sprintf(`thêm %s = "..." %s`, f.key, where)
		if len(d.ids) > 0 {
			hint += ", ghi mã (id) của một thành viên: " + strings.Join(d.ids, ", ")
		}
		return hint
	}
	return fmt.Sprintf("thêm %s = %s %s", f.key, eg, where)
}

// memberIDs reads the members' ids from the record's tree as written.
func memberIDs(root map[string]any) []string {
	items, _ := tablesFrom(root["thanh_vien"])
	var ids []string
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			if id, ok := m["id"].(string); ok && id != "" {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// enumHint lists the values a field with an enum tag takes.
func enumHint(f field) string {
	quoted := make([]string, len(f.enum))
	for i, v := range f.enum {
		quoted[i] = strconv.Quote(v)
		if l := f.enumLabels[i]; l != "" {
			quoted[i] += " (" + l + ")"
		}
	}
	return fmt.Sprintf("ghi một trong các giá trị: %s = %s", f.key, strings.Join(quoted, ", "))
}

// tablePath drops item numbers: "thanh_vien[2].thu_truong" -> "thanh_vien.thu_truong",
// the way a table header names it.
func tablePath(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[' && !skip:
			skip = true
		case r == ']' && skip:
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unknownKey reports a key the schema does not have at this level,
// distinguishing a key written in the wrong case from an unknown one.
func (d *decoder) unknownKey(fields []field, k, fp, path string, who owner) {
	where := " ở ngoài cùng tệp"
	if path != "" {
		where = " trong bảng [" + tablePath(path) + "]"
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.key
		if strings.EqualFold(f.key, k) {
			d.keyErr(fp, fmt.Sprintf("%skhóa %q phải viết chữ thường: %q", who.prefix(), k, f.key), fmt.Sprintf("sửa %s thành %s", k, f.key))
			return
		}
	}
	hint := "xóa dòng này, hoặc sửa tên khóa theo docs/record.md; các khóa dùng được ở đây: " + strings.Join(names, ", ")
	if s := suggest.Closest(k, names); s != "" {
		i := slices.Index(names, s)
		hint = fmt.Sprintf("có phải là %s (%s)? Các khóa dùng được ở đây: %s", s, fields[i].label, strings.Join(names, ", "))
	}
	d.keyErr(fp, fmt.Sprintf("%skhóa lạ %q%s", who.prefix(), k, where), hint)
}

// value decodes one TOML value v into the field fv.
func (d *decoder) value(v any, fv reflect.Value, path string, f field, who owner) {
	subject := who.prefix() + f.label
	t := fv.Type()
	switch {
	case t == dateType:
		date, p := dateFrom(v)
		if p != nil && p.typeErr {
			d.typeErr(v, path, subject, "ngày", p.hint)
		} else if p != nil {
			d.valErr(path, p.msg, p.hint)
		} else {
			fv.Set(reflect.ValueOf(date))
			d.ok[path] = true
		}
	case t == numberType:
		n, p := numberFrom(v)
		if p != nil && p.typeErr {
			d.typeErr(v, path, subject, "số", p.hint)
		} else if p != nil {
			d.valErr(path, who.prefix()+f.label+": "+p.msg, p.hint)
		} else {
			fv.Set(reflect.ValueOf(n))
			d.ok[path] = true
		}
	case t.Kind() == reflect.Pointer && t.Elem() == numberType:
		// An optional number: nil when the record leaves it out.
		n := reflect.New(numberType)
		d.value(v, n.Elem(), path, f, who)
		if d.ok[path] {
			fv.Set(n)
		}
	case t == linesType:
		lines, p := linesFrom(v)
		if p != nil {
			at, want := path, "chuỗi hoặc danh sách chuỗi"
			if p.item > 0 {
				at, want = fieldpath.Item(path, p.item), "chuỗi"
				subject = fmt.Sprintf("%smục thứ %d của %s", who.prefix(), p.item, f.label)
			}
			d.typeErr(p.value, at, subject, want, fmt.Sprintf(`ghi một chuỗi, hoặc danh sách chuỗi: %s = ["...", "..."]`, f.key))
			return
		}
		for i := range lines {
			lines[i] = d.text(fieldpath.Item(path, i+1), fmt.Sprintf("%smục thứ %d của %s", who.prefix(), i+1, f.label), lines[i], true)
		}
		if f.required && len(lines) == 0 {
			d.valErr(path, subject+" đang để trống", fmt.Sprintf(`ghi ít nhất một mục: %s = ["..."]`, f.key))
		}
		fv.Set(reflect.ValueOf(lines))
		d.ok[path] = true
	case t.Kind() == reflect.String:
		s, ok := v.(string)
		if !ok {
			d.typeErr(v, path, subject, "chuỗi", fmt.Sprintf("đặt giá trị trong dấu ngoặc kép: %s = %q", f.key, scalarText(v)))
			return
		}
		if f.breaks {
			s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
		}
		if !f.breaks && strings.ContainsAny(strings.TrimSpace(s), "\r\n") || strings.Contains(s, "\r") {
			d.valErr(path, subject+" không được xuống dòng", "viết cả giá trị trên một dòng, trong một cặp dấu ngoặc kép")
		}
		s = d.text(path, subject, s, f.required)
		if len(f.enum) > 0 && !slices.Contains(f.enum, s) {
			d.valErr(path, fmt.Sprintf("%s %q không có", subject, s), enumHint(f))
			return
		}
		fv.SetString(s)
		d.ok[path] = true
	case t.Kind() == reflect.Int:
		n, ok := v.(int64)
		if !ok {
			hint := fmt.Sprintf("ghi số nguyên, không có ngoặc kép, ví dụ: %s = %s", f.key, cmp.Or(f.eg, "1"))
			if s, isStr := v.(string); isStr {
				if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					hint = fmt.Sprintf("bỏ dấu ngoặc kép: %s = %s", f.key, strings.TrimSpace(s))
				}
			}
			d.typeErr(v, path, subject, "số nguyên", hint)
			return
		}
		fv.SetInt(n)
		d.ok[path] = true
	case t.Kind() == reflect.Struct, t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeErr(v, path, subject, "bảng", fmt.Sprintf("viết thành bảng: một dòng [%s] rồi mỗi khóa một dòng bên dưới", tablePath(path)))
			return
		}
		if t.Kind() == reflect.Pointer {
			fv.Set(reflect.New(t.Elem()))
			fv = fv.Elem()
		}
		d.table(m, fv, path, who)
		d.ok[path] = true
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		d.mapValue(v, fv, path, f, who)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		items, ok := tablesFrom(v)
		if !ok {
			d.typeErr(v, path, subject, "danh sách các bảng", fmt.Sprintf("mỗi %s mở đầu bằng dòng [[%s]] (hai cặp ngoặc vuông)", cmp.Or(f.item, "mục"), tablePath(path)))
			return
		}
		fv.Set(reflect.MakeSlice(t, len(items), len(items)))
		for i, v := range items {
			ip := fieldpath.Item(path, i+1)
			item := owner(fmt.Sprintf("%s thứ %d", f.item, i+1))
			m, ok := v.(map[string]any)
			if !ok {
				d.typeErr(v, ip, string(item), "bảng", fmt.Sprintf(`viết %s dạng { ho_ten = "...", chuc_vu = "..." }`, f.item))
				continue
			}
			d.table(m, fv.Index(i), ip, item)
		}
		d.ok[path] = true
	default:
		panic(fmt.Sprintf("record: field %s has unsupported type %s", path, t))
	}
}

// mapValue decodes a TOML table whose keys are data (the codes of
// criteria) into a map; each value is decoded as the map's element type,
// and the keys are normalised like text.
func (d *decoder) mapValue(v any, fv reflect.Value, path string, f field, who owner) {
	m, ok := v.(map[string]any)
	if !ok {
		d.typeErr(v, path, who.prefix()+f.label, "bảng", fmt.Sprintf(`viết thành bảng: %s = { "1.1" = ..., "1.2" = ... }`, f.key))
		return
	}
	t := fv.Type()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := reflect.MakeMapWithSize(t, len(m))
	for _, k := range keys {
		kp := fieldpath.Key(path, k)
		ev := reflect.New(t.Elem()).Elem()
		if sub, isTable := m[k].(map[string]any); isTable && !isTableType(t.Elem()) {
			// "1.1 = 10" without quotes is the table {1 = {1 = 10}}.
			codes := dottedKeys(k, sub)
			d.valErr(kp, fmt.Sprintf("%s%s: mã có dấu chấm (%s) phải đặt trong ngoặc kép", who.prefix(), f.label, strings.Join(codes, ", ")),
				fmt.Sprintf(`viết "%s" = ...`, codes[0]))
			continue
		}
		before := len(d.errs)
		d.value(m[k], ev, kp, field{key: k, label: fmt.Sprintf("%s (%s %s)", f.label, cmp.Or(f.item, "mục"), k)}, who)
		if len(d.errs) == before {
			out.SetMapIndex(reflect.ValueOf(vn.Normalize(k, d.style)), ev)
		}
	}
	fv.Set(out)
	d.ok[path] = true
}

// isTableType reports whether values of type t are written as TOML tables.
func isTableType(t reflect.Type) bool {
	return t.Kind() == reflect.Map || t.Kind() == reflect.Struct && t != dateType && t != numberType
}

// dottedKeys rebuilds the keys a.b.c that TOML read as nested tables
// under k, in order.
func dottedKeys(k string, sub map[string]any) []string {
	var out []string
	for k2, v := range sub {
		if deeper, ok := v.(map[string]any); ok {
			out = append(out, dottedKeys(k+"."+k2, deeper)...)
		} else {
			out = append(out, k+"."+k2)
		}
	}
	slices.Sort(out)
	return out
}

// text normalises a string on its way in and checks that it is Unicode
// Vietnamese the embedded font can print.
func (d *decoder) text(path, subject, s string, required bool) string {
	s = vn.Normalize(s, d.style)
	if strings.TrimSpace(s) == "" {
		if required {
			d.valErr(path, subject+" đang để trống", "ghi nội dung vào giữa hai dấu ngoặc kép")
		}
		return s
	}
	if enc, orig, ok := vn.Suspect(s); ok {
		d.valErr(path, fmt.Sprintf("%s có vẻ là chữ gõ bằng bảng mã %s bị đọc nhầm: %q, có lẽ là %q", subject, encodingName(enc), clip(s), clip(orig)),
			"chuyển mã cả tệp bằng lệnh: thidua convert TỆP (hoặc gõ lại bằng Unicode), rồi kiểm tra lại")
		return s
	}
	if miss := fonts.Missing(s); len(miss) > 0 {
		var parts []string
		for _, r := range miss {
			parts = append(parts, fmt.Sprintf("%q (U+%04X)", r, r))
		}
		d.valErr(path, fmt.Sprintf("%s có ký tự phông chữ không in được: %s", subject, strings.Join(parts, ", ")),
			"thay ký tự đó bằng chữ, dấu thông thường hoặc xóa đi")
	}
	return s
}

// encodingName names a legacy encoding the way clerks know it.
func encodingName(e vn.Encoding) string {
	switch e {
	case vn.TCVN3:
		return "TCVN3 (ABC, phông .VnTime)"
	case vn.VNI:
		return "VNI (phông VNI-Times)"
	case vn.Windows1258:
		return "Windows-1258"
	}
	return "cũ"
}

// typeErr reports a value of the wrong TOML type.
func (d *decoder) typeErr(v any, path, subject, want, hint string) {
	d.valErr(path, fmt.Sprintf("%s phải là %s, đang là %s", subject, want, describe(v)), hint)
}

// describe names a TOML value's type and shows short values.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("chuỗi %q", clip(x))
	case int64:
		return fmt.Sprintf("số nguyên %d", x)
	case float64:
		return "số thập phân " + strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return fmt.Sprintf("giá trị đúng/sai %v", x)
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "ngày " + x.Format("2006-01-02")
		case "time-local":
			return "giờ " + x.Format("15:04:05")
		}
		return "ngày giờ " + x.Format("2006-01-02T15:04:05")
	case map[string]any:
		return "một bảng"
	case []any, []map[string]any:
		return "một danh sách"
	}
	return fmt.Sprintf("%T", v)
}

// scalarText writes a scalar as a clerk would have meant it in quotes.
func scalarText(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return "..."
}

// clip shortens long text for a message.
func clip(s string) string {
	const n = 60
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// tablesFrom accepts an array of tables ([[x]] or [{...}, {...}]).
func tablesFrom(v any) ([]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, true
	case []any:
		return x, true
	}
	return nil, false
}

// problem is what a value decoder found wrong.
type problem struct {
	typeErr   bool // the value has the wrong TOML type
	item      int  // 1-based element of an array the problem is in; 0 for the whole value
	value     any  // the offending value, for type errors
	msg, hint string
}

// linesFrom accepts a string or an array of strings.
func linesFrom(v any) (Lines, *problem) {
	switch x := v.(type) {
	case string:
		return Lines{x}, nil
	case []any:
		out := make(Lines, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, &problem{typeErr: true, item: i + 1, value: e, msg: "mục thứ " + strconv.Itoa(i+1) + " phải là chuỗi, đang là " + describe(e)}
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, &problem{typeErr: true, value: v, msg: "phải là chuỗi hoặc danh sách chuỗi, đang là " + describe(v)}
}
