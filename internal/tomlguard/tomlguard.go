// Package tomlguard measures the shape of a TOML text before it is
// decoded: how deep arrays and inline tables nest, how many parts a dotted
// key has and how long a key is. The TOML decoder takes time and memory
// that grow with the square of these (a 64 KB file of nested inline tables
// took 50 s and 9,8 GB), so a text past the limits is refused, with the
// position of the first place that passes them, before it reaches the
// decoder. The scan reads every byte once, knows strings, literal strings,
// multi-line strings and comments, and never fails on a text that is not
// TOML: the decoder reports those.
package tomlguard

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"thidua/internal/tomllex"
	"thidua/internal/vn"
)

// Limits far above what a record, a catalogue or a template's front
// matter needs (they nest three or four deep, keys have a few parts), and
// far below where decoding slows down.
const (
	MaxDepth    = 8   // arrays and inline tables inside one another
	MaxKeyParts = 16  // parts of one dotted key or table name
	MaxKeyChars = 128 // characters of one key or table name, dots included
	// MaxValues bounds keys, table names and array items together: the
	// decoder needs about 1 KB for each, and a record of 1000 nominees
	// (3.4 MB) has 35,000 of them.
	MaxValues = 300_000
)

// Problem is where a text passes a limit: a byte offset, the 1-based line
// and column (in characters), what is wrong and how to fix it, in
// Vietnamese.
type Problem struct {
	Offset    int
	Line, Col int
	Msg, Hint string
}

func (p *Problem) Error() string {
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
}

// Check returns the first place where src passes a limit, or nil.
func Check(src string) *Problem {
	s := scanner{src: src}
	s.run()
	if s.bad < 0 {
		return nil
	}
	line := 1 + strings.Count(src[:s.bad], "\n")
	start := strings.LastIndexByte(src[:s.bad], '\n') + 1
	return &Problem{Offset: s.bad, Line: line, Col: vn.Chars(src[start:s.bad]) + 1, Msg: s.msg, Hint: s.hint}
}

// scanner walks a TOML text once. stack holds the brackets of the
// arrays ('[') and inline tables ('{') open at i; values counts keys,
// table names and array items so far.
type scanner struct {
	src       string
	i         int
	stack     []byte
	values    int
	bad       int // offset of the problem, when found
	msg, hint string
}

func (s *scanner) fail(off int, msg, hint string) {
	s.bad, s.msg, s.hint = off, msg, hint
}

func (s *scanner) run() {
	s.bad = -1
	expectKey := true // at a line start outside values, or after { or , in an inline table
	for s.i < len(s.src) && s.bad < 0 {
		c := s.src[s.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n':
			s.i++
			if len(s.stack) == 0 {
				expectKey = true
			}
		case c == '#':
			s.i = tomllex.LineEnd(s.src, s.i)
		case expectKey && len(s.stack) == 0 && c == '[':
			if s.count() {
				s.header()
			}
			expectKey = false
		case expectKey && c != '}':
			if s.count() {
				s.key()
			}
			expectKey = false
		case c == '"' || c == '\'':
			s.i = tomllex.StringEnd(s.src, s.i)
		case c == '[' || c == '{':
			if len(s.stack) >= MaxDepth {
				s.fail(s.i, fmt.Sprintf("danh sách [...] và bảng {...} lồng vào nhau quá %d tầng", MaxDepth),
					"hồ sơ chỉ cần lồng vài tầng: viết bảng con bằng dòng tiêu đề [bang.con] thay vì lồng trong {...}; nếu không cố ý lồng, xóa các dấu ngoặc thừa")
				return
			}
			if !s.count() {
				return
			}
			s.stack = append(s.stack, c)
			s.i++
			expectKey = c == '{'
		case c == ']' || c == '}':
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
			}
			s.i++
			expectKey = false
		case c == ',':
			if !s.count() {
				return
			}
			s.i++
			expectKey = len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{'
		default:
			s.i++
		}
	}
}

// count counts the key or value at i, and reports false, with the
// problem, when it is one too many.
func (s *scanner) count() bool {
	s.values++
	if s.values <= MaxValues {
		return true
	}
	s.fail(s.i, fmt.Sprintf("tệp có hơn %s khóa và giá trị", vn.FormatInt(MaxValues)),
		"một hồ sơ 1.000 người được đề nghị mới có khoảng 35.000; hồ sơ lớn hơn thì chia thành nhiều tệp rồi làm cùng lúc bằng thidua batch")
	return false
}

// header measures a table name: [a.b] or [[a.b]].
func (s *scanner) header() {
	s.i++
	if s.i < len(s.src) && s.src[s.i] == '[' {
		s.i++
	}
	s.key()
}

// key measures the key that starts at i (bare or quoted parts joined by
// dots) and stops at the first byte that cannot be part of it: =, ] or
// anything else, which the main loop then reads.
func (s *scanner) key() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
	start, parts, chars := s.i, 1, 0
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == ' ' || c == '\t':
			s.i++
			continue
		case c == '.': // each part is a table of its own for the decoder
			if !s.count() {
				return
			}
			parts++
			chars++
			s.i++
		case c == '"' || c == '\'':
			j := s.i
			s.i = tomllex.StringEnd(s.src, s.i)
			chars += utf8.RuneCountInString(s.src[j:s.i])
		case c == '_' || c == '-' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9':
			chars++
			s.i++
		default:
			if c < utf8.RuneSelf {
				return
			}
			// Not TOML, but count it as part of the key the decoder will refuse.
			_, n := utf8.DecodeRuneInString(s.src[s.i:])
			chars++
			s.i += n
		}
		switch {
		case parts > MaxKeyParts:
			s.fail(start, fmt.Sprintf("khóa có hơn %d phần nối bằng dấu chấm", MaxKeyParts),
				"khóa của hồ sơ chỉ có vài phần, ví dụ thu_truong.ho_ten; xem lại dòng này (có thể do dán nhầm)")
			return
		case chars > MaxKeyChars:
			s.fail(start, fmt.Sprintf("tên khóa dài hơn %d ký tự", MaxKeyChars),
				"tên khóa là chữ không dấu ngắn, ví dụ ho_ten; nội dung dài thì đặt sau dấu =, trong dấu ngoặc kép")
			return
		}
	}
}
