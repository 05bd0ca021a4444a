// Package tomledit edits TOML source text in place: it sets, adds and
// removes values, and adds, removes and moves the items of arrays of
// tables, by field path ("thanh_vien[2].thu_truong.ho_ten", items counted
// from 1, as package record names fields), leaving every other byte of
// the source as it was: comments, blank lines, key order, quoting.
//
// A value written inside an inline table or array ({ ho_ten = "..." },
// ["...", "..."]) is edited inside it, in the same way.
package tomledit

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"thidua/internal/fieldpath"
	"thidua/internal/tomlguard"
)

// Doc is a TOML source being edited.
type Doc struct {
	sc *scan
}

// Parse reads a TOML source; it must be valid TOML.
//
// A leading byte order mark and Windows line ends ("\r\n") are kept, and
// lines added end as the source's lines do.
func Parse(src string) (*Doc, error) {
	if p := tomlguard.Check(src); p != nil {
		return nil, p // a shape that would make decoding (and scanning) slow
	}
	var v map[string]any
	if _, err := toml.Decode(strings.TrimPrefix(src, bom), &v); err != nil {
		return nil, err
	}
	return &Doc{sc: newScan(src)}, nil
}

const bom = "\uFEFF"

// String returns the source as edited so far.
func (d *Doc) String() string { return d.sc.src }

// Has reports whether the source writes a value, table or item at path.
func (d *Doc) Has(path string) bool {
	_, v := d.sc.vals[path]
	_, s := d.sc.sections[path]
	return v || s || d.sc.items[path] > 0
}

// Len returns the number of items of the array at path.
func (d *Doc) Len(path string) int {
	if n := d.sc.items[path]; n > 0 {
		return n
	}
	if in, ok := d.sc.inlines[path]; ok && in.array {
		return len(in.elems)
	}
	return 0
}

// Raw is a value already written as TOML (a number, a date); it is put
// into the source as it is.
type Raw string

// Date is a TOML local date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Encode writes a value as TOML: a string (quoted, escaped), an integer,
// a float, a bool, a Date, Raw, or a slice of strings.
func Encode(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return quote(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s, nil
	case bool:
		return strconv.FormatBool(x), nil
	case Date:
		return fmt.Sprintf("%04d-%02d-%02d", x.Year, x.Month, x.Day), nil
	case Raw:
		return string(x), nil
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = quote(s)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", fmt.Errorf("tomledit: cannot write %T as TOML", v)
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ErrNotFound is returned for an item or array the source does not have.
var ErrNotFound = errors.New("tomledit: no such item")

// apply replaces the span with text, re-reads the source and keeps it only
// when it is still valid TOML.
func (d *Doc) apply(start, end int, text string) error {
	if strings.Contains(d.sc.src, "\r\n") {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	}
	src := d.sc.src[:start] + text + d.sc.src[end:]
	nd, err := Parse(src)
	if err != nil {
		return fmt.Errorf("tomledit: the edit would make invalid TOML: %w", err)
	}
	d.sc = nd.sc
	return nil
}

// Set writes v at path: it replaces the value when the source has it,
// and otherwise adds the key to its table (inline or not), creating the
// table when needed. A multi-line array of strings stays one item a line.
func (d *Doc) Set(path string, v any) error {
	val, err := Encode(v)
	if err != nil {
		return err
	}
	sc := d.sc
	if e, ok := sc.vals[path]; ok {
		old := sc.src[e.val.start:e.val.end]
		if list, isList := v.([]string); isList {
			switch {
			case len(list) == 1 && (strings.HasPrefix(old, `"`) || strings.HasPrefix(old, "'")):
				val = quote(list[0]) // keep a single string a string
			case strings.Contains(old, "\n") && len(list) > 0:
				ind := lineIndent(sc.src, e.val.start)
				var b strings.Builder
				b.WriteString("[\n")
				for _, s := range list {
					b.WriteString(ind + "  " + quote(s) + ",\n")
				}
				b.WriteString(ind + "]")
				val = b.String()
			}
		}
		return d.apply(e.val.start, e.val.end, val)
	}
	key, end := fieldpath.Last(path)
	if key == "" {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	parent := path[:end]
	kv := tomlKey(key) + " = " + val
	if in, ok := sc.inlines[parent]; ok && !in.array {
		if len(in.elems) == 0 {
			return d.apply(in.open+1, in.close, " "+kv+" ")
		}
		last := sc.vals[in.elems[len(in.elems)-1]]
		return d.apply(last.val.end, last.val.end, ", "+kv)
	}
	if sec, ok := sc.sections[parent]; ok {
		return d.addLine(sec, "", kv)
	}
	if secPath, ok := sc.dotted[parent]; ok {
		rel := strings.TrimPrefix(strings.TrimPrefix(parent, secPath), ".")
		return d.addLine(sc.sections[secPath], rel+".", kv)
	}
	if _, _, isItem := itemIndex(parent); isItem {
		return fmt.Errorf("%w: %s", ErrNotFound, parent)
	}
	if _, ok := sc.vals[parent]; ok {
		return fmt.Errorf("tomledit: %s is not a table", parent)
	}
	// A new table: its header goes at the end of the nearest table above
	// it that has one (the end of the file for the top level).
	at := len(sc.src)
	for p := fieldpath.Parent(parent); p != ""; p = fieldpath.Parent(p) {
		if s, ok := sc.sections[p]; ok {
			at = s.regionEnd
			break
		}
		if _, ok := sc.inlines[p]; ok {
			return fmt.Errorf("tomledit: cannot add table %s inside an inline value", parent)
		}
	}
	return d.insertBlock(at, "["+tablePath(parent)+"]\n"+kv+"\n")
}

// insertBlock puts a block of lines (a header and its keys) at offset at,
// a line start, with a blank line before it.
func (d *Doc) insertBlock(at int, block string) error {
	src := d.sc.src
	pre := ""
	switch {
	case at > 0 && src[at-1] != '\n':
		pre = "\n\n"
	case at > 1 && src[at-2] != '\n':
		pre = "\n"
	}
	post := ""
	if at < len(src) {
		post = "\n"
	}
	return d.apply(at, at, pre+block+post)
}

// addLine adds "prefix+kv" after the last key/value line of a section.
func (d *Doc) addLine(sec *section, prefix, kv string) error {
	at, indent := sec.body, sec.indent
	for _, e := range d.sc.vals {
		if !e.inline && e.sec == sec.path && e.line.end > at {
			at = e.line.end
			indent = lineIndent(d.sc.src, e.line.start+len(lineIndent(d.sc.src, e.line.start)))
		}
	}
	if sec.path == "" && at == 0 {
		at = sec.end // after the comments that open the file
		for at > 0 && at >= 2 && d.sc.src[at-2] == '\n' {
			at-- // before the blank lines that end them
		}
	}
	text := indent + prefix + kv + "\n"
	if at > 0 && d.sc.src[at-1] != '\n' {
		text = "\n" + text
	}
	return d.apply(at, at, text)
}

// lineIndent returns the blanks that start the line holding off.
func lineIndent(src string, off int) string {
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return src[start:end]
}

// tomlKey writes a key bare when it can be.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return quote(k)
		}
	}
	return k
}

// Delete removes the value, table or item at path, with the comments on
// its lines; removing what the source does not have does nothing.
func (d *Doc) Delete(path string) error {
	sc := d.sc
	if s, ok := sc.sections[path]; ok {
		return d.apply(s.lead, s.regionEnd, "")
	}
	if e, ok := sc.vals[path]; ok {
		if !e.inline {
			return d.apply(e.line.start, e.line.end, "")
		}
		start, end := d.inlineItemSpan(e)
		return d.apply(start, end, "")
	}
	if n := sc.items[path]; n > 0 {
		for i := n; i >= 1; i-- {
			if err := d.Delete(fieldpath.Item(path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// inlineItemSpan is what removing an item of an inline table or array
// removes: the item and one comma next to it, or its whole line when it
// has a line of its own.
func (d *Doc) inlineItemSpan(e *entry) (int, int) {
	src := d.sc.src
	start := e.val.start
	if e.key.end > e.key.start {
		start = e.key.start
	}
	end := e.val.end
	j := end
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	comma := j < len(src) && src[j] == ','
	if comma {
		j++
	}
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	k := j
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if strings.TrimSpace(src[lineStart:start]) == "" && (k == len(src) || src[k] == '\n' || src[k] == '#' || src[k] == '\r') {
		// The item has its own line: remove the line.
		if nl := strings.IndexByte(src[k:], '\n'); nl >= 0 {
			return lineStart, k + nl + 1
		}
		return lineStart, len(src)
	}
	if comma {
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		return start, j
	}
	// The last item: take the comma before it.
	i := start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r') {
		i--
	}
	if i > 0 && src[i-1] == ',' {
		i--
	}
	return i, end
}

// Insert adds an empty item to the array at path, as item number at
// (counted from 1; beyond the last item it is appended): a [[header]] for
// an array of tables, {} in an inline array. An array the source does not
// have is created as an array of tables.
func (d *Doc) Insert(path string, at int) error {
	return d.insert(path, at, "")
}

// insert puts text (an item's source; "" for an empty item) into an array.
func (d *Doc) insert(path string, at int, text string) error {
	sc := d.sc
	if in, ok := sc.inlines[path]; ok {
		if !in.array {
			return fmt.Errorf("tomledit: %s is not an array", path)
		}
		if text == "" {
			text = "{}"
		}
		n := len(in.elems)
		if n == 0 {
			return d.apply(in.open+1, in.close, text)
		}
		multiline := strings.Contains(sc.src[in.open:in.close], "\n")
		if at >= 1 && at <= n {
			e := sc.vals[in.elems[at-1]]
			if multiline {
				return d.apply(e.val.start, e.val.start, text+",\n"+lineIndent(sc.src, e.val.start))
			}
			return d.apply(e.val.start, e.val.start, text+", ")
		}
		e := sc.vals[in.elems[n-1]]
		if multiline {
			ind := lineIndent(sc.src, e.val.start)
			// After the last item and its comma, if any.
			j := e.val.end
			for j < len(sc.src) && (sc.src[j] == ' ' || sc.src[j] == '\t') {
				j++
			}
			if j < len(sc.src) && sc.src[j] == ',' {
				return d.apply(j+1, j+1, "\n"+ind+text+",")
			}
			return d.apply(e.val.end, e.val.end, ",\n"+ind+text)
		}
		return d.apply(e.val.end, e.val.end, ", "+text)
	}
	if _, ok := sc.vals[path]; ok {
		return fmt.Errorf("tomledit: %s is not an array", path)
	}
	if text == "" {
		text = "[[" + tablePath(path) + "]]\n"
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	n := sc.items[path]
	if n > 0 && at >= 1 && at <= n {
		s := sc.sections[fieldpath.Item(path, at)]
		if !strings.HasSuffix(text, "\n\n") {
			text += "\n"
		}
		return d.apply(s.lead, s.lead, text)
	}
	end := len(sc.src)
	if n > 0 {
		end = sc.sections[fieldpath.Item(path, n)].regionEnd
	} else {
		for p := fieldpath.Parent(path); p != ""; p = fieldpath.Parent(p) {
			if s, ok := sc.sections[p]; ok {
				end = s.regionEnd
				break
			}
		}
	}
	return d.insertBlock(end, strings.TrimRight(text, "\n")+"\n")
}

// Move moves the item at path ("a[2]") so that it becomes item number to.
func (d *Doc) Move(path string, to int) error {
	arr, from, ok := itemIndex(path)
	if !ok {
		return fmt.Errorf("tomledit: %s is not an item of an array", path)
	}
	n := d.Len(arr)
	if from < 1 || from > n {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	to = max(1, min(to, n))
	if to == from {
		return nil
	}
	sc := d.sc
	var text string
	if s, ok := sc.sections[path]; ok {
		text = sc.src[s.lead:s.regionEnd]
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		if !strings.HasSuffix(text, "\n\n") {
			text += "\n"
		}
	} else if e, ok := sc.vals[path]; ok && e.inline {
		text = sc.src[e.val.start:e.val.end]
	} else {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	if err := d.Delete(path); err != nil {
		return err
	}
	return d.insert(arr, to, text)
}
