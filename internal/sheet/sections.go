package sheet

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"

	"thidua/internal/record"
)

// Replace puts each section's text into a record's TOML source in place
// of every table of that list: the tables whose header is [[path]] or
// [path] or names a table under path ([[binh_xet.ung_vien]] for
// "binh_xet.ung_vien", [[diem]] for "diem"). The new text goes where the
// first such table was, or at the end of the file; everything else,
// comments included, is kept byte for byte. A comment just above a
// replaced table stays: it is taken to introduce what follows.
func Replace(src string, sections []Section) string {
	lines := splitLines(src)
	heads := headers(lines)
	out := src
	// Work on the line list: mark the lines to drop, note where to insert.
	drop := make([]bool, len(lines))
	insert := map[int]string{}
	var tail []string
	for _, s := range sections {
		first := -1
		for i, h := range heads {
			if !under(h.path, s.Path) {
				continue
			}
			end := len(lines)
			if i+1 < len(heads) {
				end = heads[i+1].line
			}
			// The table runs to its last line with content; blank and
			// comment lines after it belong to what follows.
			last := h.line
			for j := h.line + 1; j < end; j++ {
				if t := strings.TrimSpace(lines[j]); t != "" && !strings.HasPrefix(t, "#") {
					last = j
				}
			}
			if first < 0 {
				first = h.line
			} else {
				// Blank lines between two replaced tables go with them.
				for j := h.line - 1; j >= 0 && !drop[j] && strings.TrimSpace(lines[j]) == "" && j > first; j-- {
					drop[j] = true
				}
			}
			for j := h.line; j <= last; j++ {
				drop[j] = true
			}
		}
		if first >= 0 {
			insert[first] = s.Text
		} else {
			tail = append(tail, s.Text)
		}
	}
	if len(insert) == 0 && len(tail) == 0 {
		return out
	}
	var b strings.Builder
	for i, l := range lines {
		if t, ok := insert[i]; ok {
			b.WriteString(t)
		}
		if !drop[i] {
			b.WriteString(l)
		}
	}
	for _, t := range tail {
		s := b.String()
		if s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteString("\n")
		}
		if s != "" {
			b.WriteString("\n")
		}
		b.WriteString(t)
	}
	return b.String()
}

// under reports whether a table path is path or lies under it.
func under(table, path string) bool {
	return table == path || strings.HasPrefix(table, path+".")
}

// splitLines splits text into lines that keep their line ends.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// head is a table header line and the table's path ("binh_xet.ung_vien").
type head struct {
	line int
	path string
}

// headers finds the table headers of a TOML source, skipping what looks
// like one inside a multi-line string or array.
func headers(lines []string) []head {
	var out []head
	var inStr string // the delimiter of an open multi-line string
	depth := 0       // open [ and { of a value
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if inStr == "" && depth == 0 && strings.HasPrefix(t, "[") {
			if p, ok := headerPath(t); ok {
				out = append(out, head{i, p})
				continue
			}
		}
		inStr, depth = scan(l, inStr, depth)
	}
	return out
}

// headerPath reads "[a.b]" or "[[a . "b"]]" into "a.b".
func headerPath(t string) (string, bool) {
	end := strings.IndexByte(t, ']')
	if end < 0 {
		return "", false
	}
	inner := strings.TrimLeft(t[:end], "[")
	var parts []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	parts = append(parts, strings.TrimSpace(cur.String()))
	return strings.Join(parts, "."), true
}

// scan follows strings, comments and brackets over one line of TOML,
// from the state the line starts in.
func scan(l, inStr string, depth int) (string, int) {
	for i := 0; i < len(l); i++ {
		if inStr != "" {
			if inStr == `"""` && l[i] == '\\' {
				i++
				continue
			}
			if strings.HasPrefix(l[i:], inStr) {
				i += len(inStr) - 1
				inStr = ""
			}
			continue
		}
		switch c := l[i]; c {
		case '#':
			return inStr, depth
		case '"', '\'':
			delim := string(c)
			if strings.HasPrefix(l[i:], strings.Repeat(delim, 3)) {
				inStr = strings.Repeat(delim, 3)
				i += 2
				continue
			}
			// A one-line string: skip to its end.
			for j := i + 1; j < len(l); j++ {
				if c == '"' && l[j] == '\\' {
					j++
					continue
				}
				if l[j] == c {
					i = j
					break
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return inStr, depth
}

// Into puts the imported sections into a record's source (named file)
// and checks the result with check (the record's decoder and the tally:
// what thidua check does); the problems it finds in imported values come
// back at their cells. Nothing is returned but errors when there is one.
func (imp *Import) Into(file string, src []byte, check func(file string, data []byte) error) ([]byte, error) {
	out := []byte(Replace(string(src), imp.Sections))
	if err := imp.verdict(check(file, out)); err != nil {
		return nil, err
	}
	return out, nil
}

// Fragment writes the imported sections as a file of their own, to be
// copied into a record, checked with the record's decoder (types,
// required keys, text) as far as sections alone can be.
func (imp *Import) Fragment(file string) ([]byte, error) {
	var b strings.Builder
	b.WriteString("# Nhập từ " + filepath.Base(imp.File) + " bằng thidua nhap; chép các mục dưới đây vào hồ sơ\n# (hoặc nhập thẳng vào hồ sơ: thidua nhap " + filepath.Base(imp.File) + " --vao HO_SO.toml).\n")
	var fields []reflect.StructField
	seen := map[string]bool{}
	rt := reflect.TypeFor[record.Record]()
	for _, s := range imp.Sections {
		b.WriteString("\n" + s.Text)
		top, _, _ := strings.Cut(s.Path, ".")
		if seen[top] {
			continue
		}
		seen[top] = true
		for i := 0; i < rt.NumField(); i++ {
			if f := rt.Field(i); f.Tag.Get("toml") == top {
				fields = append(fields, f)
			}
		}
	}
	out := []byte(b.String())
	v := reflect.New(reflect.StructOf(fields))
	if _, err := record.DecodeFile(file, out, v.Interface()); imp.verdict(err) != nil {
		return nil, imp.verdict(err)
	}
	return out, nil
}

// verdict is the error of an import whose result the record's checks
// answered with err: the cells' problems and the checks' own, located.
func (imp *Import) verdict(err error) error {
	var errs record.Errors
	if err != nil && !errors.As(err, &errs) {
		return err
	}
	if all := imp.Locate(errs); len(all) > 0 {
		return all
	}
	return nil
}
