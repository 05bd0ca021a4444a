package record

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Error is one problem in a record that its author can fix: where it is,
// which field, what is wrong and how to fix it (both in Vietnamese).
type Error struct {
	File      string
	Line, Col int    // 1-based; Col counts characters, not bytes; 0 when unknown
	Field     string // e.g. "thanh_vien[2].thu_truong.ho_ten"; "" for syntax errors off any key
	Msg       string // what is wrong
	Hint      string // how to fix it, without the "Cách sửa:" prefix
}

// Error prints "file:line:col: field: message" and, on the next line, the hint.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("\n    Cách sửa: " + e.Hint)
	}
	return b.String()
}

// Errors is every problem found in one record, sorted by position.
type Errors []*Error

// Error prints one problem after the other.
func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap gives errors.As access to each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// sort orders problems by line, column and field, and drops exact repeats.
func (es Errors) sort() Errors {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Field, b.Field))
	})
	return slices.CompactFunc(es, func(a, b *Error) bool { return *a == *b })
}

// syntaxRule translates one kind of BurntSushi parse error.
type syntaxRule struct {
	re        *regexp.Regexp
	msg, hint string // may use $1 for the first group of re
}

var syntaxRules = []syntaxRule{
	{regexp.MustCompile(`^expected value but found '\\[nr]' instead`),
		"thiếu giá trị sau dấu =",
		`ghi giá trị sau dấu =, ví dụ: ten = "..."`},
	{regexp.MustCompile(`^expected value but found (.*) instead`),
		"giá trị $1 viết sai: chữ phải đặt trong dấu ngoặc kép",
		`đặt chữ trong dấu ngoặc kép, ví dụ: ten = "Ủy ban nhân dân tỉnh Nghệ An" (số và ngày thì không cần ngoặc kép)`},
	{regexp.MustCompile(`^unexpected EOF; expected value`),
		"thiếu giá trị sau dấu =",
		`ghi giá trị sau dấu =, ví dụ: ten = "..."`},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`),
		"còn chữ thừa $1 sau giá trị",
		`mỗi dòng chỉ ghi một khóa = một giá trị; nếu là chữ, đặt cả câu trong một cặp dấu ngoặc kép; ghi chú thì bắt đầu bằng #`},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`),
		"tên khóa viết sai ở $1 (hoặc thiếu dấu =)",
		`tên khóa chỉ gồm chữ không dấu, chữ số, _ và -, rồi đến dấu =, ví dụ: ho_ten = "..."`},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='`),
		"thiếu dấu = sau tên khóa",
		`viết khóa = giá trị, ví dụ: ho_ten = "..."`},
	{regexp.MustCompile(`^unexpected '='|^unexpected '\.'|^unexpected '\.': keys cannot start`),
		"tên khóa bị thiếu, hoặc thừa dấu = hay dấu chấm",
		`viết khóa = giá trị, ví dụ: ho_ten = "..."`},
	{regexp.MustCompile(`^strings cannot contain newlines`),
		"chuỗi chưa đóng: thiếu dấu ngoặc kép ở cuối dòng",
		`đóng chuỗi bằng dấu " trên cùng dòng; đoạn văn nhiều dòng thì đặt giữa ba dấu ngoặc kép """ ... """`},
	{regexp.MustCompile(`^unexpected EOF; expected ['"]('''|"""|'|")['"]$`),
		"chuỗi chưa đóng đến hết tệp: thiếu $1",
		`thêm $1 ở cuối chuỗi`},
	{regexp.MustCompile(`^Key '(.*)' has already been defined`),
		"khóa $1 được ghi hai lần",
		"xóa một trong hai dòng; nếu là một thành viên nữa thì mở đầu bằng dòng [[thanh_vien]]"},
	{regexp.MustCompile(`^Key '(.*)' was already created as a hash`),
		"bảng [$1] được khai báo hai lần",
		"gộp hai bảng làm một"},
	{regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array`),
		"$1 đã là một bảng, không thể dùng làm danh sách [[$1]]",
		"dùng thống nhất [[...]] cho mọi mục của danh sách"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)`),
		"danh sách [...] thiếu dấu phẩy giữa các mục hoặc thiếu dấu ] đóng (gặp $1)",
		`viết các mục cách nhau bởi dấu phẩy: ["mục 1", "mục 2"]`},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '}', but got (.*) instead`),
		"bảng {...} thiếu dấu phẩy giữa các khóa hoặc thiếu dấu } đóng (gặp $1)",
		`viết: { ho_ten = "...", chuc_vu = "..." }`},
	{regexp.MustCompile(`^unexpected comma`),
		"dấu phẩy thừa",
		"xóa dấu phẩy thừa"},
	{regexp.MustCompile(`^expected end of table array name delimiter|^expected '\.' or '\]' to end table name|^unexpected end of table name|^unexpected table separator`),
		"tên bảng trong dấu [ ] viết sai",
		"viết [phien] hoặc [[thanh_vien]]: tên không dấu, đóng đủ dấu ngoặc vuông"},
	{regexp.MustCompile(`^invalid escape(?: in string)?:? '?(\\.)'?`),
		"chuỗi có ký tự thoát $1 không hợp lệ",
		`muốn có dấu \ thì viết \\, hoặc đặt cả chuỗi trong dấu nháy đơn '...'`},
	{regexp.MustCompile(`^TOML files cannot contain control characters: '(0x[0-9a-f]+)'`),
		"tệp chứa ký tự điều khiển $1",
		"xóa ký tự lạ này (thường do chép từ tệp khác sang)"},
	{regexp.MustCompile(`^invalid UTF-8 byte`),
		"tệp không phải văn bản UTF-8",
		"mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8; nếu tệp gõ bằng phông .VnTime hoặc VNI thì dùng lệnh thidua convert"},
	{regexp.MustCompile(`^files cannot contain NULL bytes`),
		"tệp đang ở bảng mã UTF-16, không phải UTF-8",
		"lưu lại tệp với bảng mã UTF-8"},
	{regexp.MustCompile(`^newlines not allowed within inline tables`),
		"bảng {...} không được xuống dòng",
		"viết bảng {...} trên một dòng, hoặc chuyển thành bảng [tên_bảng] với mỗi khóa một dòng"},
	{regexp.MustCompile(`^Invalid (?:integer|float)|^invalid float|is out of range|out of the safe|^expected a digit|^not a (?:binary|octal|hexadecimal) number|^floats must start|^cannot use sign`),
		"số viết sai",
		"viết số nguyên không có dấu chấm, dấu phẩy hay số 0 ở đầu, ví dụ: nam = 2024"},
}

// syntaxError turns a BurntSushi parse error into an Error positioned in
// characters, with the field whose line it is on.
func syntaxError(file string, ix *index, pe toml.ParseError) *Error {
	off := locate(ix.src, pe.Message, parseErrorOffset(ix, pe))
	line, col := ix.lineCol(off)
	e := &Error{File: file, Line: line, Col: col, Field: ix.at(off)}
	if off == 0 {
		e.Field = ""
	}
	if m := reDatetime.FindStringSubmatch(pe.Message); m != nil {
		e.Msg, e.Hint = tomlDateProblem(m[1])
		return e
	}
	for _, r := range syntaxRules {
		if m := r.re.FindStringSubmatchIndex(pe.Message); m != nil {
			e.Msg = string(r.re.ExpandString(nil, r.msg, pe.Message, m))
			e.Hint = string(r.re.ExpandString(nil, r.hint, pe.Message, m))
			if strings.HasPrefix(pe.Message, "expected value but found") {
				// Text without quotes: show the line with them.
				e.Hint = cmp.Or(quoteHint(ix, off), e.Hint)
			}
			if msg, hint := typedValueHint(ix, off); msg != "" {
				e.Msg, e.Hint = msg, hint
			}
			return e
		}
	}
	e.Msg = "lỗi cú pháp TOML (" + pe.Message + ")"
	e.Hint = "so dòng này với ví dụ trong docs/record.md"
	return e
}

// quoteHint shows the line holding off with its value, from off to the end
// of the line, put in quotes: `ten = "Ủy ban nhân dân"`; "" when the line
// has no "key =" before off.
func quoteHint(ix *index, off int) string {
	line, _ := ix.lineCol(off)
	start, end := ix.lineOffset(line), ix.lineOffset(line+1)
	eq := strings.LastIndexByte(ix.src[start:off], '=')
	value := ix.src[off:end]
	if i := strings.Index(value, " #"); i >= 0 {
		value = value[:i] // a comment after the value
	}
	value = strings.TrimSpace(value)
	if eq < 0 || value == "" {
		return ""
	}
	return fmt.Sprintf("đặt chữ trong dấu ngoặc kép: %s = %q", strings.TrimSpace(ix.src[start:start+eq]), value)
}

var (
	reTypedDate   = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`)
	reTypedNumber = regexp.MustCompile(`^-?\d{1,3}(?:\.\d{3})*,\d+$`)
	reThousands   = regexp.MustCompile(`^-?\d{1,3}(?:\.\d{3})+$`)
)

// typedValueHint explains a value typed as a clerk writes it on paper,
// without quotes: a date "15/12/2026" or a number with Vietnamese
// separators "2.340.000", "92,5"; "" for any other value.
func typedValueHint(ix *index, off int) (msg, hint string) {
	line, _ := ix.lineCol(off)
	start, end := ix.lineOffset(line), ix.lineOffset(line+1)
	text := ix.src[start:end]
	if i := strings.Index(text, " #"); i >= 0 {
		text = text[:i]
	}
	key, value, ok := strings.Cut(text, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	if !ok || key == "" || strings.ContainsAny(key, "{[") {
		return "", ""
	}
	switch {
	case reTypedDate.MatchString(value):
		parts := strings.Split(value, "/")
		d, m, y := parts[0], parts[1], parts[2]
		return fmt.Sprintf("ngày %s viết dạng ngày/tháng/năm phải đặt trong dấu ngoặc kép", value),
			fmt.Sprintf(`viết %s = "%s" hoặc %s = %s-%02s-%02s (năm-tháng-ngày, không ngoặc kép)`, key, value, key, y, m, d)
	case reTypedNumber.MatchString(value) && strings.Contains(value, ","):
		plain := strings.ReplaceAll(strings.ReplaceAll(value, ".", ""), ",", ".")
		return fmt.Sprintf("số %s viết theo cách Việt Nam (dấu phẩy thập phân) phải đặt trong dấu ngoặc kép", value),
			fmt.Sprintf(`viết %s = "%s", hoặc không ngoặc kép với dấu chấm thập phân: %s = %s`, key, value, key, plain)
	case reThousands.MatchString(value):
		plain := strings.ReplaceAll(value, ".", "")
		return fmt.Sprintf("số %s có dấu chấm ngăn hàng nghìn: không đặt trong ngoặc kép thì không đọc được", value),
			fmt.Sprintf(`viết liền, không dấu chấm: %s = %s (điểm, kế hoạch, kết quả còn được ghi trong ngoặc kép: "%s")`, key, plain, value)
	}
	return "", ""
}

var (
	reControl = regexp.MustCompile(`control characters: '0x([0-9a-f]{2})'`)
	reEscape  = regexp.MustCompile(`^invalid escape.*'(\\.)'`)
)

// locate moves the offset of an error to the character it is about, for
// the errors where BurntSushi points at a neighbour or at the whole string:
// a byte that is not UTF-8, a control character, a bad escape, a UTF-16 file.
func locate(src, msg string, off int) int {
	switch {
	case strings.HasPrefix(msg, "files cannot contain NULL bytes"):
		return 0
	case strings.HasPrefix(msg, "invalid UTF-8"):
		for i, r := range src {
			if _, n := utf8.DecodeRuneInString(src[i:]); r == utf8.RuneError && n == 1 {
				return i
			}
		}
	}
	if m := reControl.FindStringSubmatch(msg); m != nil {
		b, _ := strconv.ParseUint(m[1], 16, 8)
		if i := strings.IndexByte(src, byte(b)); i >= 0 {
			return i
		}
	}
	if m := reEscape.FindStringSubmatch(msg); m != nil {
		if i := strings.Index(src[off:], m[1]); i >= 0 {
			return off + i
		}
	}
	return off
}

var reDatetime = regexp.MustCompile(`^invalid datetime: "(.*)"`)

// parseErrorOffset finds the byte offset BurntSushi means: Start when it
// lies on the reported line, else the reported byte column on that line;
// leading blanks inside the reported span are skipped so the column lands on
// the offending character.
func parseErrorOffset(ix *index, pe toml.ParseError) int {
	p := pe.Position
	lineStart, lineEnd := ix.lineOffset(p.Line), ix.lineOffset(p.Line+1)
	off := p.Start
	if off < lineStart || off >= lineEnd {
		off = lineStart + max(p.Col-1, 0)
	}
	end := min(off+p.Len, len(ix.src))
	for off+1 < end && (ix.src[off] == ' ' || ix.src[off] == '\t') {
		off++
	}
	return min(off, len(ix.src))
}

// asParseError reports whether err came from the TOML parser.
func asParseError(err error) (toml.ParseError, bool) {
	var pe toml.ParseError
	ok := errors.As(err, &pe)
	return pe, ok
}
