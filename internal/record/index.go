package record

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"thidua/internal/fieldpath"
	"thidua/internal/tomllex"
	"thidua/internal/vn"
)

// index maps the field paths of a TOML source ("thanh_vien[2].thu_truong.ho_ten")
// to byte offsets of their keys and values. BurntSushi/toml validates the
// syntax; the scanner only has to find keys in a file it has accepted, and
// must not fail (or panic) on one it has not.
type index struct {
	src   string
	once  sync.Once      // the scan, made when a position is first asked for
	lines []int          // byte offset where each line starts
	keys  map[string]int // path -> offset of its key (or table header), first seen
	vals  map[string]int // path -> offset of its value's first character
	order []entry        // every key and value seen, in source order
}

// entry is one position the scanner recorded.
type entry struct {
	path string
	off  int
}

// maxDepth bounds the nesting of arrays and inline tables the scanner
// follows; deeper values are skipped as one scalar.
const maxDepth = 64

// newIndex returns the index of src, which scans it when a position is
// first asked for: a record without a problem to place never needs one.
func newIndex(src string) *index {
	return &index{src: src}
}

// scan fills the index, once.
func (ix *index) scan() {
	ix.once.Do(func() {
		ix.lines, ix.keys, ix.vals = []int{0}, map[string]int{}, map[string]int{}
		for i := 0; i < len(ix.src); i++ {
			if ix.src[i] == '\n' {
				ix.lines = append(ix.lines, i+1)
			}
		}
		s := scanner{ix: ix, src: ix.src, counts: map[string]int{}}
		s.run()
	})
}

// lineCol converts a byte offset to a 1-based line and a 1-based column
// counted in characters.
func (ix *index) lineCol(off int) (line, col int) {
	ix.scan()
	if off < 0 {
		off = 0
	}
	if off > len(ix.src) {
		off = len(ix.src)
	}
	off = runeStart(ix.src, off)
	lo, hi := 0, len(ix.lines)-1
	for lo < hi { // last line start <= off
		mid := (lo + hi + 1) / 2
		if ix.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, vn.Chars(ix.src[ix.lines[lo]:off]) + 1
}

// runeStart moves an offset that falls inside a multi-byte character back
// to that character's first byte.
func runeStart(s string, off int) int {
	for i := 1; i < utf8.UTFMax && off-i >= 0 && off < len(s); i++ {
		if utf8.RuneStart(s[off-i]) {
			if _, n := utf8.DecodeRuneInString(s[off-i:]); n > i {
				return off - i
			}
			break
		}
	}
	return off
}

// lineOffset returns the byte offset of the start of a 1-based line, clamped
// to the source.
func (ix *index) lineOffset(line int) int {
	ix.scan()
	if line < 1 {
		return 0
	}
	if line > len(ix.lines) {
		return len(ix.src)
	}
	return ix.lines[line-1]
}

// keyOff returns the offset of the key of path or, when the source does not
// write that key, of its nearest parent that it does write (the key of a
// table, or the first character of an item of an array).
func (ix *index) keyOff(path string) (int, bool) {
	ix.scan()
	for p := path; p != ""; p = fieldpath.Parent(p) {
		if off, ok := ix.keys[p]; ok {
			return off, true
		}
		if off, ok := ix.vals[p]; ok {
			return off, true
		}
	}
	return 0, false
}

// valOff returns the offset of the value of path, falling back to its key
// and then to its parents' keys.
func (ix *index) valOff(path string) (int, bool) {
	ix.scan()
	if off, ok := ix.vals[path]; ok {
		return off, true
	}
	return ix.keyOff(path)
}

// at returns the path of the last key or value that starts on the same line
// as off and not after it; "" if there is none.
func (ix *index) at(off int) string {
	ix.scan()
	line, _ := ix.lineCol(off)
	start := ix.lineOffset(line)
	path := ""
	for _, e := range ix.order {
		if e.off > off {
			break
		}
		if e.off >= start {
			path = e.path
		}
	}
	return path
}

// scanner walks a TOML source, recording positions into an index.
type scanner struct {
	ix     *index
	src    string
	pos    int
	table  string         // path of the current [table] or [[array]] item
	counts map[string]int // path of an array of tables -> items seen so far
}

func (s *scanner) key(path string, off int) {
	if _, ok := s.ix.keys[path]; !ok {
		s.ix.keys[path] = off
	}
	s.ix.order = append(s.ix.order, entry{path, off})
}

func (s *scanner) val(path string, off int) {
	if off >= len(s.src) || s.src[off] == '\n' || s.src[off] == '\r' {
		return
	}
	if _, ok := s.ix.vals[path]; !ok {
		s.ix.vals[path] = off
	}
	s.ix.order = append(s.ix.order, entry{path, off})
}

func (s *scanner) peek(i int) byte {
	if s.pos+i < len(s.src) {
		return s.src[s.pos+i]
	}
	return 0
}

// blank skips spaces and tabs, and also newlines and comments when multiline.
func (s *scanner) blank(multiline bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case c == '#':
			s.pos = tomllex.LineEnd(s.src, s.pos)
			if !multiline {
				return
			}
		case (c == '\n' || c == '\r') && multiline:
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) run() {
	for {
		s.blank(true)
		if s.pos >= len(s.src) {
			return
		}
		start := s.pos
		switch {
		case s.src[s.pos] == '[' && s.peek(1) == '[':
			s.pos += 2
			s.header(start, true)
		case s.src[s.pos] == '[':
			s.pos++
			s.header(start, false)
		default:
			s.keyValue(s.table, 0)
		}
		// Whatever is left on the line is either a comment or an error
		// BurntSushi reports; step past it.
		s.pos = tomllex.LineEnd(s.src, s.pos)
		if s.pos == start {
			s.pos++
		}
	}
}

// header reads a [table] or [[array.item]] header after its opening brackets.
func (s *scanner) header(start int, array bool) {
	segs := s.dottedKey()
	if len(segs) == 0 {
		return
	}
	path := ""
	for i, seg := range segs {
		path = fieldpath.Key(path, seg.name)
		if i == len(segs)-1 && array {
			s.key(path, start)
			s.counts[path]++
			path = fieldpath.Item(path, s.counts[path])
		} else if n := s.counts[path]; n > 0 {
			path = fieldpath.Item(path, n)
		}
		s.key(path, start)
	}
	s.table = path
}

// keySeg is one simple key and where it starts.
type keySeg struct {
	name string
	off  int
}

// dottedKey reads a.b."c d" and returns its parts; it stops at '=', ']' or
// anything else that cannot continue a key.
func (s *scanner) dottedKey() []keySeg {
	var segs []keySeg
	for {
		s.blank(false)
		off := s.pos
		name, ok := s.simpleKey()
		if !ok {
			return segs
		}
		segs = append(segs, keySeg{name, off})
		s.blank(false)
		if s.peek(0) != '.' {
			return segs
		}
		s.pos++
	}
}

// simpleKey reads one bare, "basic" or 'literal' key.
func (s *scanner) simpleKey() (string, bool) {
	if s.pos >= len(s.src) {
		return "", false
	}
	switch s.src[s.pos] {
	case '"':
		raw := s.quoted()
		if name, err := strconv.Unquote(raw); err == nil {
			return name, true
		}
		return strings.Trim(raw, `"`), true
	case '\'':
		return strings.Trim(s.quoted(), "'"), true
	}
	start := s.pos
	for s.pos < len(s.src) && !strings.ContainsRune(" \t\r\n.=[]{},#\"'", rune(s.src[s.pos])) {
		s.pos++
	}
	return s.src[start:s.pos], s.pos > start
}

// quoted reads a one-line string at s.pos and returns it with its quotes;
// a string left open ends at the end of the line.
func (s *scanner) quoted() string {
	start := s.pos
	s.pos = tomllex.LineStringEnd(s.src, s.pos)
	return s.src[start:s.pos]
}

// keyValue reads key = value under prefix.
func (s *scanner) keyValue(prefix string, depth int) {
	segs := s.dottedKey()
	if len(segs) == 0 {
		return
	}
	path := prefix
	for _, seg := range segs {
		path = fieldpath.Key(path, seg.name)
		s.key(path, seg.off)
	}
	s.blank(false)
	if s.peek(0) != '=' {
		return
	}
	s.pos++
	s.blank(false)
	s.value(path, depth)
}

// value reads the value that starts at s.pos and records it under path.
func (s *scanner) value(path string, depth int) {
	s.val(path, s.pos)
	switch c := s.peek(0); {
	case c == '"' || c == '\'':
		s.pos = tomllex.StringEnd(s.src, s.pos)
	case c == '[' && depth < maxDepth:
		s.pos++
		s.array(path, depth+1)
	case c == '{' && depth < maxDepth:
		s.pos++
		s.inlineTable(path, depth+1)
	default:
		for s.pos < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.pos])) {
			s.pos++
		}
	}
}

// array reads the elements of [ ... ] after the '[', numbering them from 1.
func (s *scanner) array(path string, depth int) {
	for n := 1; ; n++ {
		s.blank(true)
		if s.pos >= len(s.src) {
			return
		}
		if c := s.src[s.pos]; c == ']' {
			s.pos++
			return
		} else if c == ',' || c == '}' || c == '=' {
			return // malformed; BurntSushi reports it
		}
		start := s.pos
		s.value(fieldpath.Item(path, n), depth)
		s.blank(true)
		if s.peek(0) == ',' {
			s.pos++
		} else if s.pos == start {
			return
		}
	}
}

// inlineTable reads the keys of { ... } after the '{'.
func (s *scanner) inlineTable(path string, depth int) {
	for {
		s.blank(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.src[s.pos] == '}' {
			s.pos++
			return
		}
		start := s.pos
		s.keyValue(path, depth)
		s.blank(true)
		if s.peek(0) == ',' {
			s.pos++
		} else if s.pos == start {
			return
		}
	}
}
