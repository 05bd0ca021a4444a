package tomledit

import (
	"strconv"
	"strings"

	"thidua/internal/fieldpath"
	"thidua/internal/tomllex"
)

// span is a byte range [start, end) of the source.
type span struct{ start, end int }

// entry is a value written in the source: a key/value pair on its own
// line, a key/value pair inside an inline table, or an element of an
// inline array.
type entry struct {
	key    span   // the key, for pairs
	val    span   // the value
	line   span   // a pair on its own line: from the line's start to after its newline
	parent string // path of the table or array holding it
	inline bool   // inside an inline table or array
	sec    string // path of the [section] the line is in
}

// section is a [table] or [[item]] header and the lines under it.
type section struct {
	path      string
	array     bool // [[item]]
	lead      int  // start of the comment lines right above the header
	header    int  // start of the header line
	body      int  // after the header line
	end       int  // where the next header's lead starts
	regionEnd int  // end of the section and every section below it
	indent    string
}

// inline is an inline table or array value.
type inline struct {
	array       bool
	open, close int // offsets of the opening and closing brackets
	elems       []string
}

// scan is the structure of a source: where each path is written.
type scan struct {
	src      string
	vals     map[string]*entry
	sections map[string]*section
	order    []*section     // sections in source order, the root first
	items    map[string]int // array of tables path -> items
	inlines  map[string]*inline
	dotted   map[string]string // a table written as dotted keys -> its section
}

type scanner struct {
	*scan
	pos    int
	cur    *section
	counts map[string]int
}

// newScan locates every header, key and value of a valid TOML source.
func newScan(src string) *scan {
	sc := &scan{src: src, vals: map[string]*entry{}, sections: map[string]*section{}, items: map[string]int{},
		inlines: map[string]*inline{}, dotted: map[string]string{}}
	root := &section{path: ""}
	sc.order = append(sc.order, root)
	sc.sections[""] = root
	s := &scanner{scan: sc, cur: root, counts: sc.items}
	if strings.HasPrefix(src, bom) {
		s.pos = len(bom)
	}
	s.run()
	// Each section ends where the next one's lead begins; its region runs
	// on over the sections below it.
	for i, c := range sc.order {
		c.end = len(src)
		if i+1 < len(sc.order) {
			c.end = sc.order[i+1].lead
		}
	}
	for i, c := range sc.order {
		c.regionEnd = len(src)
		for _, d := range sc.order[i+1:] {
			if c.path == "" || !isBelow(d.path, c.path) {
				if c.path != "" {
					c.regionEnd = d.lead
				}
				break
			}
		}
	}
	return sc
}

// isBelow reports whether path p lies under q: "a[2].b" under "a[2]".
func isBelow(p, q string) bool {
	return strings.HasPrefix(p, q+".") || strings.HasPrefix(p, q+"[")
}

func (s *scanner) peek(i int) byte {
	if s.pos+i < len(s.src) {
		return s.src[s.pos+i]
	}
	return 0
}

// blank skips spaces and tabs, and newlines and comments when multiline.
func (s *scanner) blank(multiline bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case multiline && (c == '\n' || c == '\r'):
			s.pos++
		case multiline && c == '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (s *scanner) skipLine() {
	s.pos = min(tomllex.LineEnd(s.src, s.pos)+1, len(s.src))
}

func (s *scanner) run() {
	lead := -1 // start of comment lines right above the current line
	for s.pos < len(s.src) {
		lineStart := s.pos
		s.blank(false)
		switch c := s.peek(0); {
		case c == '\n' || c == '\r':
			lead = -1
			s.skipLine()
		case c == '#':
			if lead < 0 {
				lead = lineStart
			}
			s.skipLine()
		case c == '[':
			l := lineStart
			if lead >= 0 {
				l = lead
			}
			s.header(l, lineStart)
			lead = -1
		default:
			lead = -1
			s.pair(lineStart)
		}
	}
}

// header reads a [table] or [[item]] line.
func (s *scanner) header(lead, lineStart int) {
	indent := s.src[lineStart:s.pos]
	array := s.peek(1) == '['
	s.pos++
	if array {
		s.pos++
	}
	keys := s.dottedKey()
	path := ""
	for i, k := range keys {
		path = fieldpath.Key(path, k)
		last := i == len(keys)-1
		if last && array {
			s.counts[path]++
			path = fieldpath.Item(path, s.counts[path])
		} else if n := s.counts[path]; n > 0 {
			path = fieldpath.Item(path, n)
		}
	}
	s.skipLine()
	sec := &section{path: path, array: array, lead: lead, header: lineStart, body: s.pos, indent: indent}
	s.order = append(s.order, sec)
	s.sections[path] = sec
	s.cur = sec
}

// pair reads a key = value line.
func (s *scanner) pair(lineStart int) {
	keyStart := s.pos
	keys := s.dottedKey()
	keyEnd := s.pos
	path := s.cur.path
	for i, k := range keys {
		path = fieldpath.Key(path, k)
		if i < len(keys)-1 {
			s.dotted[path] = s.cur.path
		}
	}
	s.blank(false)
	if s.peek(0) == '=' {
		s.pos++
	}
	s.blank(false)
	valStart := s.pos
	s.value(path)
	e := &entry{key: span{keyStart, keyEnd}, val: span{valStart, s.pos}, parent: fieldpath.Parent(path), sec: s.cur.path}
	s.skipLine()
	e.line = span{lineStart, s.pos}
	s.vals[path] = e
}

// dottedKey reads a.b."c d" and returns its parts unquoted.
func (s *scanner) dottedKey() []string {
	var out []string
	for {
		s.blank(false)
		out = append(out, s.simpleKey())
		s.blank(false)
		if s.peek(0) != '.' {
			return out
		}
		s.pos++
	}
}

func (s *scanner) simpleKey() string {
	switch q := s.peek(0); q {
	case '"', '\'':
		start := s.pos
		s.pos = tomllex.StringEnd(s.src, s.pos)
		raw := s.src[start:s.pos]
		if q == '\'' {
			return raw[1 : len(raw)-1]
		}
		k, err := strconv.Unquote(raw)
		if err != nil {
			return raw[1 : len(raw)-1]
		}
		return k
	}
	start := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' {
			s.pos++
			continue
		}
		break
	}
	if s.pos == start && s.pos < len(s.src) && s.src[s.pos] != '=' && s.src[s.pos] != ']' {
		s.pos++ // never loop on a character that is not a key
	}
	return s.src[start:s.pos]
}

// value skips one value, recording what is inside inline tables and arrays.
func (s *scanner) value(path string) {
	switch c := s.peek(0); c {
	case '"', '\'':
		s.pos = tomllex.StringEnd(s.src, s.pos)
	case '{':
		in := &inline{open: s.pos}
		s.inlines[path] = in
		s.pos++
		for {
			s.blank(true)
			if s.pos >= len(s.src) || s.peek(0) == '}' {
				break
			}
			keyStart := s.pos
			keys := s.dottedKey()
			keyEnd := s.pos
			p := path
			for _, k := range keys {
				p = fieldpath.Key(p, k)
			}
			s.blank(true)
			if s.peek(0) == '=' {
				s.pos++
			}
			s.blank(true)
			valStart := s.pos
			s.value(p)
			s.vals[p] = &entry{key: span{keyStart, keyEnd}, val: span{valStart, s.pos}, parent: path, inline: true}
			in.elems = append(in.elems, p)
			s.blank(true)
			if s.peek(0) == ',' {
				s.pos++
			} else if s.peek(0) != '}' {
				break
			}
		}
		in.close = s.pos
		if s.pos < len(s.src) {
			s.pos++
		}
	case '[':
		in := &inline{array: true, open: s.pos}
		s.inlines[path] = in
		s.pos++
		for {
			s.blank(true)
			if s.pos >= len(s.src) || s.peek(0) == ']' {
				break
			}
			p := fieldpath.Item(path, len(in.elems)+1)
			start := s.pos
			s.value(p)
			if s.pos == start {
				s.pos++ // never loop on a character that is not a value
			}
			s.vals[p] = &entry{val: span{start, s.pos}, parent: path, inline: true}
			in.elems = append(in.elems, p)
			s.blank(true)
			if s.peek(0) == ',' {
				s.pos++
			}
		}
		in.close = s.pos
		if s.pos < len(s.src) {
			s.pos++
		}
	default:
		for s.pos < len(s.src) {
			c := s.src[s.pos]
			if c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r' {
				break
			}
			if c == ' ' || c == '\t' {
				// A date and a time may be separated by one space.
				if !(c == ' ' && s.pos+1 < len(s.src) && s.src[s.pos+1] >= '0' && s.src[s.pos+1] <= '9' && s.pos > 0 && s.src[s.pos-1] >= '0' && s.src[s.pos-1] <= '9') {
					break
				}
			}
			s.pos++
		}
	}
}

// itemIndex splits "a[3]" into "a" and 3; ok is false for other paths.
func itemIndex(p string) (string, int, bool) {
	k, end := fieldpath.Last(p)
	if k != "" || end == 0 || !strings.HasSuffix(p, "]") {
		return "", 0, false
	}
	n, err := strconv.Atoi(p[end+1 : len(p)-1])
	if err != nil {
		return "", 0, false
	}
	return p[:end], n, true
}

// tablePath drops item numbers, as a header names a table: "a[2].b" -> "a.b".
func tablePath(p string) string {
	var b strings.Builder
	inQuote := false
	skip := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case inQuote:
			b.WriteByte(c)
			if c == '\\' && i+1 < len(p) {
				i++
				b.WriteByte(p[i])
			} else if c == '"' {
				inQuote = false
			}
		case c == '"':
			inQuote = true
			b.WriteByte(c)
		case c == '[':
			skip = true
		case c == ']':
			skip = false
		case !skip:
			b.WriteByte(c)
		}
	}
	return b.String()
}
