package forms

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"thidua/internal/vn"
)

// reParseError splits a text/template parse error: "template: NAME:LINE: MSG".
var reParseError = regexp.MustCompile(`^template: .*?:(\d+): (.*)$`)

// bodyError turns an error parsing a template body into an Error in
// Vietnamese at the action it is about: an {{if}}, {{range}} or {{with}}
// without its {{end}} is reported where it opens, not at the end of the
// file where the parser noticed. src is the body as parsed (padded to its
// line numbers in the file).
func bodyError(file, src string, err error) *Error {
	e := &Error{File: file, Msg: "mẫu viết sai: " + cleanTemplateError(err)}
	m := reParseError.FindStringSubmatch(err.Error())
	if m == nil {
		return e
	}
	e.Line, _ = strconv.Atoi(m[1])
	e.Col = 1
	msg := m[2]
	switch {
	case msg == "unexpected EOF":
		if a, ok := unclosedBlock(src); ok {
			e.Line, e.Col = lineCol(src, a.off)
			e.Msg = fmt.Sprintf("{{%s}} mở ở đây nhưng chưa có {{end}} đóng", a.text)
			e.Hint = fmt.Sprintf("thêm {{end}} ở chỗ khối %s kết thúc; mỗi {{if}}, {{range}}, {{with}} cần một {{end}} của nó", a.keyword)
			return e
		}
		e.Msg = "mẫu hết giữa chừng một thẻ {{...}}"
		e.Hint = "kiểm tra các thẻ ở cuối mẫu: mỗi {{ cần }} đóng, mỗi {{if}}, {{range}}, {{with}} cần một {{end}}"
	case strings.HasPrefix(msg, "unexpected {{end}}"):
		e.Msg = "{{end}} thừa: không có {{if}}, {{range}} hay {{with}} nào đang mở"
		e.Hint = "xóa {{end}} này, hoặc thêm khối mở tương ứng phía trên"
	case strings.HasPrefix(msg, "unexpected {{else}}"):
		e.Msg = "{{else}} nằm ngoài khối {{if}}, {{range}} hay {{with}}"
		e.Hint = "đặt {{else}} giữa {{if ...}} và {{end}} của nó"
	case strings.HasPrefix(msg, "unclosed action"):
		if off := unclosedAction(src); off >= 0 {
			e.Line, e.Col = lineCol(src, off)
		}
		e.Msg = "thẻ {{ chưa đóng bằng }}"
		e.Hint = "thêm }} ở cuối thẻ"
	case strings.HasPrefix(msg, "function ") && strings.HasSuffix(msg, " not defined"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "function "), " not defined")
		e.Msg = "không có hàm " + name
		e.Hint = "xem lại tên hàm; các hàm có sẵn dùng trong các mẫu xuất bằng thidua templates export"
	default:
		e.Msg = "thẻ {{...}} viết sai (" + msg + ")"
		e.Hint = "so thẻ ở dòng này với các mẫu có sẵn (thidua templates export)"
	}
	return e
}

// action is an action that opens a block: where its {{ is, its keyword
// and its text without delimiters; whether it shares its line with other
// text; where the {{end}} that closes it is (-1 when none does).
type action struct {
	off, end      int
	keyword, text string
	inline        bool
}

// unclosedBlock finds the block action ({{if}}, {{range}}, {{with}},
// {{block}}, {{define}}) whose {{end}} is missing, reading src once as
// text/template does: actions between {{ and }}, strings and comments
// inside them. The parser sees the innermost block left open at the end;
// but when an {{if}} written inside a line, like "{{if x}}.{{else}};",
// lost its {{end}}, the {{end}} meant for the block around it closed it
// on a later line: that block is the one reported.
func unclosedBlock(src string) (action, bool) {
	var all []action
	var open []int
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			break
		}
		start := i + j
		end := actionEnd(src, start+2)
		if end < 0 {
			break
		}
		i = end + 2
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src[start+2:end], "-"), "-"))
		word, _, _ := strings.Cut(text, " ")
		switch word {
		case "if", "range", "with", "block", "define":
			if r := []rune(text); len(r) > 60 {
				text = string(r[:60]) + "…"
			}
			lineStart := strings.LastIndexByte(src[:start], '\n') + 1
			lineEnd := len(src)
			if k := strings.IndexByte(src[i:], '\n'); k >= 0 {
				lineEnd = i + k
			}
			inline := strings.TrimSpace(src[lineStart:start]) != "" || strings.TrimSpace(src[i:lineEnd]) != ""
			open = append(open, len(all))
			all = append(all, action{off: start, end: -1, keyword: word, text: text, inline: inline})
		case "end":
			if len(open) > 0 {
				all[open[len(open)-1]].end = start
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return action{}, false
	}
	u := open[len(open)-1]
	for k := len(all) - 1; k > u; k-- {
		if a := all[k]; a.inline && strings.Contains(src[a.off:a.end], "\n") {
			return a, true
		}
	}
	return all[u], true
}

// unclosedAction returns the offset of the first {{ that no }} closes,
// or -1.
func unclosedAction(src string) int {
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return -1
		}
		end := actionEnd(src, i+j+2)
		if end < 0 {
			return i + j
		}
		i = end + 2
	}
}

// actionEnd returns the offset of the }} that closes the action whose
// text starts at i, skipping strings, raw strings, characters and
// comments; -1 when there is none.
func actionEnd(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case strings.HasPrefix(src[i:], "}}"):
			return i
		case strings.HasPrefix(src[i:], "/*"):
			k := strings.Index(src[i+2:], "*/")
			if k < 0 {
				return -1
			}
			i += k + 4
		case c == '"' || c == '\'' || c == '`':
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' && c != '`' {
					i++
				}
				i++
			}
			i++
		default:
			i++
		}
	}
	return -1
}

// lineCol returns the 1-based line and column, in characters, of off.
func lineCol(src string, off int) (int, int) {
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:off], "\n") + 1, vn.Chars(src[start:off]) + 1
}
