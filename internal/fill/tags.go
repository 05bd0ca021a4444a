package fill

import (
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"thidua/internal/suggest"
)

// Delimiters of the template a part is compiled into. XML cannot hold the
// control character U+0001, so no text of the form can be read as an action.
const (
	ldelim = "\x01["
	rdelim = "]\x01"
)

// tagKind tells what a tag does.
type tagKind uint8

const (
	kOutput   tagKind = iota // prints a value: {{.cum.ten}}, {{ngay .phien.ngay}}
	kDecl                    // declares a variable, prints nothing: {{$n := len .thanh_vien}}
	kComment                 // {{/* ... */}}
	kRange                   // {{range PIPE}}
	kIf                      // {{if PIPE}}
	kWith                    // {{with PIPE}}
	kElse                    // {{else}}
	kElseIf                  // {{else if PIPE}}
	kElseWith                // {{else with PIPE}}
	kEnd                     // {{end}}
)

func (k tagKind) opens() bool { return k == kRange || k == kIf || k == kWith }
func (k tagKind) mid() bool   { return k == kElse || k == kElseIf || k == kElseWith }

// tag is one {{...}} found in a paragraph.
type tag struct {
	id    int    // index in the part's tag list; the template calls back with it
	raw   string // as typed in the form
	src   string // normalised content between the braces, optional marker removed
	kind  tagKind
	pipe  string // control tags: the pipeline after the keyword
	cond  string // range/if/with: the pipeline without its declarations
	opt   bool   // marked optional with "?" before the closing braces
	bare  bool   // prints one field and nothing else: {{.ten}}, {{$tv.ten}}
	para  *para
	start int // byte offsets of the tag in the paragraph's text
	end   int
	loc   Location
	story *story
	blk   *block
	refs  []ref    // fields the tag reads
	bases []string // the bases refs start from: ".", "$", "$name"
	bad   bool     // already reported

	anchor *node // moved-out tags: the paragraph or row the action is placed next to
	after  bool  // placed after the anchor (else before)
	node   *node // tags left in the text: their tag node
}

// ref is one field path a tag reads, e.g. .thu_truong.ho_ten from the dot.
type ref struct {
	base    int      // index into tag.bases
	path    []string // field names
	display string   // the full path for messages: "thanh_vien[].thu_truong.ho_ten"
}

// movedOut reports whether the tag's action is placed between paragraphs or
// rows rather than inside the text.
func (t *tag) movedOut() bool {
	return t.blk != nil && t.blk.mode != modeInline && (t.kind.opens() || t.kind.mid() || t.kind == kEnd)
}

// quoteFix maps what Word's autocorrect and keyboards put inside a tag to
// what the template language expects.
var quoteFix = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "″", `"`,
	"‘", `"`, "’", `"`, "‚", `"`, "‛", `"`, "′", `"`, "'", `"`,
	"\u00a0", " ", "\u2007", " ", "\u202f", " ", "\u3000", " ",
	"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "",
)

var keywords = map[string]bool{"range": true, "if": true, "with": true, "else": true, "end": true}

// lexTag reads a tag's text into a tag, or says what is wrong with it.
func lexTag(raw string) (*tag, string) {
	t := &tag{raw: raw}
	src := strings.TrimSpace(quoteFix.Replace(raw[2 : len(raw)-2]))
	src = strings.TrimPrefix(src, "- ")
	src = strings.TrimSuffix(src, " -")
	src = strings.TrimSpace(src)
	if strings.HasSuffix(src, "?") && !strings.HasPrefix(src, "/*") {
		t.opt = true
		src = strings.TrimSpace(strings.TrimSuffix(src, "?"))
	}
	t.src = src
	if src == "" {
		return t, "thẻ rỗng: giữa {{ và }} phải có tên trường, ví dụ {{.cum.ten}}"
	}
	if strings.HasPrefix(src, "/*") {
		if !strings.HasSuffix(src, "*/") {
			return t, "ghi chú phải viết {{/* ... */}}"
		}
		t.kind = kComment
		return t, ""
	}
	word, rest, _ := strings.Cut(src, " ")
	rest = strings.TrimSpace(rest)
	if lw := strings.ToLower(word); keywords[lw] && lw != word {
		// Word capitalises the first letter of a sentence: {{Range ...}}.
		word = lw
		src = lw + src[len(lw):]
		t.src = src
	}
	switch word {
	case "range", "if", "with":
		t.kind = map[string]tagKind{"range": kRange, "if": kIf, "with": kWith}[word]
		t.pipe = rest
		if rest == "" {
			return t, "thiếu biểu thức sau \"" + word + "\", ví dụ {{" + word + " .thanh_vien}}"
		}
	case "else":
		w2, rest2, _ := strings.Cut(rest, " ")
		w2 = strings.ToLower(w2)
		switch {
		case rest == "":
			t.kind = kElse
		case w2 == "if":
			t.kind, t.pipe = kElseIf, strings.TrimSpace(rest2)
		case w2 == "with":
			t.kind, t.pipe = kElseWith, strings.TrimSpace(rest2)
		default:
			return t, "sau \"else\" chỉ được có \"if ...\" hoặc \"with ...\""
		}
		if t.kind != kElse && t.pipe == "" {
			return t, "thiếu biểu thức sau \"else " + w2 + "\""
		}
	case "end":
		t.kind = kEnd
		if rest != "" {
			return t, "thẻ {{end}} không có gì khác ở trong"
		}
	case "define", "template", "block", "break", "continue":
		return t, "mẫu Word không dùng \"" + word + "\"; chỉ dùng giá trị, range, if, with, else và end"
	default:
		t.kind = kOutput
	}
	if t.opt && t.kind != kOutput && t.kind != kRange {
		return t, "dấu ? (tùy chọn) chỉ dùng cho thẻ giá trị, như {{.phien.gio?}}, hoặc vòng lặp, như {{range .khach_moi?}}"
	}
	return t, ""
}

// validationSource is the smallest template that parses the tag alone, with
// the variables in scope declared first.
func (t *tag) validationSource(vars []string) string {
	var b strings.Builder
	for _, v := range vars {
		b.WriteString(ldelim + v + " := 0" + rdelim)
	}
	switch t.kind {
	case kRange:
		b.WriteString(ldelim + "range " + t.pipe + rdelim + ldelim + "end" + rdelim)
	case kIf, kElseIf:
		b.WriteString(ldelim + "if " + t.pipe + rdelim + ldelim + "end" + rdelim)
	case kWith, kElseWith:
		b.WriteString(ldelim + "with " + t.pipe + rdelim + ldelim + "end" + rdelim)
	default:
		b.WriteString(ldelim + t.src + rdelim)
	}
	return b.String()
}

// parsePipe parses the tag's pipeline with the variables in scope; it
// returns the pipeline or a message in Vietnamese.
func (t *tag) parsePipe(vars []string, funcs map[string]any, names []string) (*parse.PipeNode, string) {
	trees, err := parse.Parse("tag", t.validationSource(vars), ldelim, rdelim, funcs)
	if err != nil {
		return nil, parseMessage(err.Error(), names)
	}
	nodes := trees["tag"].Root.Nodes
	if len(nodes) <= len(vars) {
		return nil, "thẻ không có nội dung"
	}
	var pipe *parse.PipeNode
	switch n := nodes[len(vars)].(type) {
	case *parse.ActionNode:
		pipe = n.Pipe
	case *parse.RangeNode:
		pipe = n.Pipe
	case *parse.IfNode:
		pipe = n.Pipe
	case *parse.WithNode:
		pipe = n.Pipe
	default:
		return nil, "thẻ không có nội dung"
	}
	if msg := checkCommands(pipe); msg != "" {
		return nil, msg
	}
	return pipe, ""
}

// checkCommands catches what the parser lets through: an empty command
// after "|".
func checkCommands(p *parse.PipeNode) string {
	for _, c := range p.Cmds {
		if len(c.Args) == 0 {
			return "thiếu hàm sau dấu |"
		}
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				if msg := checkCommands(sub); msg != "" {
					return msg
				}
			}
		}
	}
	return ""
}

// condText writes a pipeline without its declarations.
func condText(p *parse.PipeNode) string {
	parts := make([]string, len(p.Cmds))
	for i, c := range p.Cmds {
		parts[i] = c.String()
	}
	return strings.Join(parts, " | ")
}

// collectRefs lists the field paths a pipeline reads, with their bases.
// Fields reached through a parenthesised expression, (f x).y, are not
// listed: their value is checked when printed.
func (t *tag) collectRefs(p *parse.PipeNode) {
	var visit func(n parse.Node)
	add := func(base string, path []string) {
		i := 0
		for i < len(t.bases) && t.bases[i] != base {
			i++
		}
		if i == len(t.bases) {
			t.bases = append(t.bases, base)
		}
		t.refs = append(t.refs, ref{base: i, path: path})
	}
	visit = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				visit(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				visit(a)
			}
		case *parse.FieldNode:
			add(".", n.Ident)
		case *parse.VariableNode:
			if len(n.Ident) > 1 {
				add(n.Ident[0], n.Ident[1:])
			}
		case *parse.ChainNode:
			visit(n.Node)
		}
	}
	visit(p)
}

var parsePrefix = regexp.MustCompile(`^template: [^:]*:\d+: `)

// builtinNames are the template language's own functions a clerk may use.
var builtinNames = []string{"and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "len", "index", "slice", "print", "printf", "println", "call", "html", "js", "urlquery"}

// parseMessage turns a parse error into Vietnamese.
func parseMessage(msg string, funcNames []string) string {
	msg = parsePrefix.ReplaceAllString(msg, "")
	switch {
	case strings.HasPrefix(msg, "function "):
		name, _ := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(msg, "function "), " not defined"))
		s := "hàm \"" + name + "\" không có"
		if alt := suggest.Closest(name, funcNames); alt != "" {
			s += "; có phải \"" + alt + "\"?"
		} else {
			s += "; nếu \"" + name + "\" là tên trường thì phải có dấu chấm liền trước (.cum.ten), còn các hàm dùng được là: " + strings.Join(funcNames, ", ")
		}
		return s
	case strings.HasPrefix(msg, "undefined variable "):
		name := strings.Trim(strings.TrimPrefix(msg, "undefined variable "), `"`)
		return "biến " + name + " chưa khai báo; biến chỉ dùng được sau {{" + name + " := ...}} hoặc trong {{range " + name + " := ...}} của nó"
	case strings.HasPrefix(msg, "unterminated quoted string"), strings.HasPrefix(msg, "unterminated raw quoted string"):
		return "chuỗi trong dấu nháy chưa đóng: hãy mở và đóng bằng cùng một kiểu dấu nháy kép \"...\""
	case strings.HasPrefix(msg, "unterminated character constant"), strings.HasPrefix(msg, "malformed character constant"):
		return "dấu nháy đơn không dùng trong thẻ: hãy viết chuỗi trong dấu nháy kép \"...\""
	case strings.HasPrefix(msg, "bad number syntax"):
		return "số viết sai: " + strings.TrimPrefix(msg, "bad number syntax: ") + " (tên trường phải bắt đầu bằng dấu chấm, số thập phân viết bằng dấu chấm như 2.5)"
	case strings.HasPrefix(msg, "missing value for"), strings.HasPrefix(msg, "empty command"), strings.HasPrefix(msg, "missing value for command"):
		return "thẻ thiếu giá trị (thiếu tên trường hoặc biểu thức)"
	case strings.Contains(msg, "unclosed left paren"):
		return "thiếu dấu ) đóng ngoặc"
	case strings.Contains(msg, "unexpected right paren"):
		return "thừa dấu ) đóng ngoặc"
	case strings.HasPrefix(msg, "too many declarations"):
		return "vòng lặp khai báo tối đa hai biến: {{range $i, $x := ...}}"
	case strings.Contains(msg, "unexpected <.> in operand"), strings.Contains(msg, "unexpected . after term"):
		return "dấu chấm đặt sai chỗ (hai dấu chấm liền nhau, hoặc dấu chấm ở cuối tên trường)"
	case strings.HasPrefix(msg, "unexpected bad character"), strings.HasPrefix(msg, "bad character"):
		return "thẻ có ký tự không hợp lệ (" + msg + "); có thể Word đã tự sửa dấu, hãy gõ lại thẻ"
	case strings.HasPrefix(msg, "unexpected "):
		x := strings.TrimPrefix(msg, "unexpected ")
		if i := strings.Index(x, " in "); i >= 0 {
			x = x[:i]
		}
		return "cú pháp thẻ sai: gặp " + x + " không đúng chỗ"
	}
	return "cú pháp thẻ sai (" + msg + ")"
}
