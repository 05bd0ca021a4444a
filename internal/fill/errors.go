package fill

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Errors about the package itself. Parse wraps them with the detail, so
// errors.Is tells a caller which kind of refusal it was.
var (
	// ErrNotDocx: the bytes are not a Word .docx package.
	ErrNotDocx = errors.New("tệp không phải văn bản Word .docx")
	// ErrTooLarge: an entry or the whole package unpacks beyond the limits (a zip bomb).
	ErrTooLarge = errors.New("tệp giải nén ra quá lớn")
	// ErrUnsafeEntry: an entry name is absolute, climbs out with "..", or repeats.
	ErrUnsafeEntry = errors.New("tệp chứa mục có đường dẫn không an toàn")
	// ErrDTD: an XML part declares a DTD or entities.
	ErrDTD = errors.New("phần XML có khai báo DTD hoặc thực thể (entity)")
	// ErrMacro: the package carries VBA macros (.docm, .dotm).
	ErrMacro = errors.New("tệp có chứa macro")
)

// The limits a caller may raise (fields of Limits), as LimitOf names them.
const (
	LimitIterations = "MaxIterations"
	LimitOutput     = "MaxOutputSize"
	LimitText       = "MaxTextSize"
)

// sizeError is a refusal of Parse for a limit a caller may raise.
type sizeError struct {
	limit string
	err   error
}

func (e *sizeError) Error() string { return e.err.Error() }
func (e *sizeError) Unwrap() error { return e.err }

// LimitOf names the limit err went past when it is one a caller may raise
// for a form it trusts (LimitIterations, LimitOutput, LimitText), or "".
// The limits against hostile packages (entries, unpacked sizes, nodes)
// are not named: a form past them is refused whatever the caller says.
func LimitOf(err error) string {
	var s *sizeError
	if errors.As(err, &s) {
		return s.limit
	}
	var fe *Error
	if errors.As(err, &fe) {
		for _, p := range fe.Problems {
			if p.Limit != "" {
				return p.Limit
			}
		}
	}
	return ""
}

// Location says where in a form a tag sits, in terms a clerk can find in
// Word: the part (body, header, footer), the paragraph or the table cell,
// and the text around the tag.
type Location struct {
	Part      string // package part, e.g. "word/document.xml", "word/header1.xml"
	Paragraph int    // 1-based count of paragraphs outside tables in the part (in the text box when TextBox); 0 inside a table
	Table     int    // 1-based count of tables in the part (innermost table); 0 outside tables
	Row, Cell int    // 1-based row and cell inside that table
	TextBox   bool   // the paragraph is inside a text box
	Context   string // the paragraph's text around the tag
}

// String writes the location in Vietnamese, without the context.
func (l Location) String() string {
	var b strings.Builder
	b.WriteString(partLabel(l.Part))
	if l.Table > 0 {
		fmt.Fprintf(&b, ", bảng %d, hàng %d, ô %d", l.Table, l.Row, l.Cell)
	}
	if l.TextBox {
		b.WriteString(", hộp văn bản")
	}
	if l.Paragraph > 0 {
		fmt.Fprintf(&b, ", đoạn %d", l.Paragraph)
	}
	return b.String()
}

// partLabel names a package part the way Word's user sees it.
func partLabel(part string) string {
	base := path.Base(part)
	switch {
	case part == "":
		return "mẫu"
	case strings.HasPrefix(base, "header"):
		return "đầu trang (" + base + ")"
	case strings.HasPrefix(base, "footer"):
		return "chân trang (" + base + ")"
	case strings.HasPrefix(base, "footnotes"):
		return "chú thích cuối trang (" + base + ")"
	case strings.HasPrefix(base, "endnotes"):
		return "chú thích cuối văn bản (" + base + ")"
	case strings.HasPrefix(base, "comments"):
		return "nhận xét (" + base + ")"
	case strings.Contains(part, "/diagrams/"):
		return "SmartArt (" + base + ")"
	case strings.Contains(part, "/charts/"):
		return "biểu đồ (" + base + ")"
	case base != "document.xml":
		return "phần " + part
	default:
		return "thân văn bản"
	}
}

// Problem is one mistake in a form, or one value the data lacks for it.
type Problem struct {
	Where Location
	Tag   string // the tag as typed in the form, e.g. "{{.cum.tenn}}"
	Msg   string // what is wrong and how to fix it, in Vietnamese
	// Limit names the limit a fill went past (LimitIterations,
	// LimitOutput), or is "".
	Limit string
}

// String writes the problem on one line: where, which tag, what, and the
// text around the tag.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Where.String())
	if p.Tag != "" {
		b.WriteString(": thẻ ")
		b.WriteString(p.Tag)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Where.Context != "" {
		b.WriteString(" [«")
		b.WriteString(p.Where.Context)
		b.WriteString("»]")
	}
	return b.String()
}

// Error lists every problem found at once. Parse returns it for mistakes in
// the form; Check and Execute return it for values the data lacks.
type Error struct {
	Problems []Problem
	More     int  // problems found beyond the first maxProblems, not listed
	data     bool // the problems are in the data, not in the form
}

// maxProblems bounds the problems listed: past it they are only counted.
const maxProblems = 200

// Error writes one problem a line under a heading that counts them.
func (e *Error) Error() string {
	var b strings.Builder
	if e.data {
		fmt.Fprintf(&b, "hồ sơ chưa đủ để điền mẫu Word (%d chỗ):", len(e.Problems)+e.More)
	} else {
		fmt.Fprintf(&b, "mẫu Word có %d lỗi:", len(e.Problems)+e.More)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  ... và %d chỗ khác: hãy sửa các chỗ trên rồi chạy lại", e.More)
	}
	return b.String()
}

// problems collects Problems, dropping exact repeats (a text box is stored
// twice in a .docx, once for new Word and once for old readers).
type problems struct {
	list []Problem
	keys [][3]int // document order of each problem: part, paragraph, offset
	seen map[string]bool
	more int // problems past maxProblems, counted only
}

// add appends a problem, dropping an exact repeat.
func (ps *problems) add(p Problem) { ps.addAt(p, [3]int{}, true) }

// addAt appends a problem found at pos; problems are sorted by pos. With
// copy set, a problem repeating one already listed is dropped.
func (ps *problems) addAt(p Problem, pos [3]int, copy bool) {
	key := p.Where.Part + "\x00" + p.Tag + "\x00" + p.Msg + "\x00" + p.Where.Context
	if ps.seen == nil {
		ps.seen = map[string]bool{}
	}
	if copy && ps.seen[key] {
		return
	}
	if len(ps.list) >= maxProblems {
		ps.more++
		return
	}
	ps.seen[key] = true
	ps.list = append(ps.list, p)
	ps.keys = append(ps.keys, pos)
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	idx := make([]int, len(ps.list))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := ps.keys[idx[a]], ps.keys[idx[b]]
		for i := range ka {
			if ka[i] != kb[i] {
				return ka[i] < kb[i]
			}
		}
		return false
	})
	out := make([]Problem, len(idx))
	for i, j := range idx {
		out[i] = ps.list[j]
	}
	return &Error{Problems: out, More: ps.more}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
