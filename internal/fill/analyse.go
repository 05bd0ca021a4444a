package fill

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"
)

// Namespaces a part may bind to prefixes.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// story is text that flows on its own: a part's body, a header, a footer,
// a text box. A block cannot cross from one story to another.
type story struct {
	root  *node
	items []any // *tag and nested *story, in document order
}

// para is a paragraph that holds at least one tag (or a stray brace).
type para struct {
	node     *node
	text     string // the text Word shows, tabs as \t, breaks as \n, objects as U+FFFC
	segs     []seg
	obj      bool // holds something besides text (a picture, a field, an equation)
	tags     []*tag
	loc      Location
	fallback bool   // inside mc:Fallback: a second copy of a text box
	pos      [2]int // part index and paragraph number in document order, for sorting problems
}

type blockMode uint8

const (
	modeInline blockMode = iota // open and close in one paragraph: repeated inside the text
	modeParas                   // tags on paragraphs of their own: the paragraphs between repeat
	modeRows                    // tags in table rows: the rows repeat
)

// block is a range, if or with with its else branches and end.
type block struct {
	open, close *tag
	mids        []*tag
	mode        blockMode
	guard       bool // a range wrapped in a presence check: its end writes one more {{end}}
	multiRow    bool // rows mode over several rows (tag-only rows are dropped)
	plainElse   bool
}

func (b *block) tags() []*tag {
	ts := append([]*tag{b.open}, b.mids...)
	return append(ts, b.close)
}

// part is one XML part whose text is filled.
type part struct {
	name   string
	w, mc  string // prefixes of WordprocessingML and markup compatibility
	root   *node
	top    *story
	paras  []*para
	byNode map[*node]*para
	tags   []*tag
	blocks []*block

	nodesLeft int   // what the node limit leaves for expanding compact elements
	err       error // expanding went past the node limit

	index   int                // position among the parts, for ordering problems
	tmpl    *template.Template // compiled; nil for a part without tags
	spans   []span             // template text -> tag, for errors while filling
	statics []string           // long static XML the template prints by index
	lines   []int              // offsets where the template's lines start
	brk     string             // XML for a line break inside a text run
	tab     string             // XML for a tab inside a text run
}

// analyser checks the tags of all parts of a form.
type analyser struct {
	funcs     template.FuncMap
	funcNames map[string]any // every name a tag may call, for the parser
	userNames []string       // names shown in messages
	schema    *Schema
	probs     problems
	fields    map[string]bool
	foreign   *Problem // the first sign of a template written for another engine
}

func newAnalyser(funcs template.FuncMap, schema *Schema) *analyser {
	a := &analyser{funcs: funcs, schema: schema, funcNames: map[string]any{}, fields: map[string]bool{}}
	for _, n := range builtinNames {
		a.funcNames[n] = true
	}
	for n := range ownFuncs {
		a.funcNames[n] = true
	}
	for n := range funcs {
		a.funcNames[n] = true
		a.userNames = append(a.userNames, n)
	}
	for n := range ownFuncs {
		if funcs[n] == nil {
			a.userNames = append(a.userNames, n)
		}
	}
	sort.Strings(a.userNames)
	a.userNames = append(a.userNames, "eq", "ne", "lt", "gt", "and", "or", "not", "len", "index", "printf")
	return a
}

func (a *analyser) fail(t *tag, msg string) {
	t.bad = true
	a.probs.addAt(Problem{Where: t.loc, Tag: t.raw, Msg: msg}, [3]int{t.para.pos[0], t.para.pos[1], t.start}, t.para.fallback)
}

// analyse finds the tags of a part, checks them and decides where each
// block's actions go. Problems are collected, not returned.
func (a *analyser) analyse(pt *part) error {
	el := pt.root.element()
	var ok bool
	if pt.w, ok = nsPrefix(el, nsW, nsWStrict); !ok {
		return fmt.Errorf("%w: phần %s không phải nội dung Word", ErrNotDocx, pt.name)
	}
	if pt.mc, ok = nsPrefix(el, nsMC); !ok {
		pt.mc = "\x00"
	}
	pt.byNode = map[*node]*para{}
	pt.top = &story{root: el}
	w := &walker{a: a, pt: pt}
	w.walk(el, pt.top, false, false)

	root := place{known: true}
	if a.schema != nil {
		root.node = a.schema.root
	}
	a.scope(pt, pt.top, []*frame{{dot: root, outer: root}})

	for _, b := range pt.blocks {
		if b.close == nil {
			continue
		}
		b.mode = modeRows // anything but inline until placed
		inline := true
		for _, t := range b.tags() {
			inline = inline && t.para == b.open.para
		}
		if inline {
			b.mode = modeInline
		}
	}
	for _, b := range pt.blocks {
		if b.close != nil {
			a.place(pt, b)
		}
	}
	a.checkOrder(pt)
	return nil
}

// walker visits a part in document order, numbering paragraphs and tables
// for locations and lexing the tags of each paragraph.
type walker struct {
	a       *analyser
	pt      *part
	paraNum int // paragraphs outside tables in the current story
	ordinal int // every paragraph, for sorting problems
	tblNum  int
	tbls    []tblPos
}

type tblPos struct{ num, row, cell int }

func (w *walker) walk(n *node, st *story, fallback, textbox bool) {
	W := w.pt.w
	for _, k := range n.kids {
		if k.typ != elemNode {
			continue
		}
		switch {
		case k.compact():
			// No tag inside: only the numbers of what follows change.
			w.tblNum += k.tables
			switch {
			case k.is(W, "p"):
				w.ordinal++
				if len(w.tbls) == 0 {
					w.paraNum++
				}
			case k.is(W, "tr") && len(w.tbls) > 0:
				w.tbls[len(w.tbls)-1].row++
			}
		case k.is(W, "tbl"):
			w.tblNum++
			w.tbls = append(w.tbls, tblPos{num: w.tblNum})
			w.walk(k, st, fallback, textbox)
			w.tbls = w.tbls[:len(w.tbls)-1]
		case k.is(W, "tr") && len(w.tbls) > 0:
			top := &w.tbls[len(w.tbls)-1]
			top.row++
			top.cell = 0
			w.walk(k, st, fallback, textbox)
		case k.is(W, "tc") && len(w.tbls) > 0:
			w.tbls[len(w.tbls)-1].cell++
			w.walk(k, st, fallback, textbox)
		case k.is(W, "p"):
			w.paragraph(k, st, fallback, textbox)
			w.walk(k, st, fallback, textbox)
		case k.is(W, "txbxContent"):
			// A text box numbers its own paragraphs.
			sub := &story{root: k}
			st.items = append(st.items, sub)
			saved := w.paraNum
			w.paraNum = 0
			w.walk(k, sub, fallback, true)
			w.paraNum = saved
		case k.is(w.pt.mc, "Fallback"):
			// The second copy of a text box must not shift the numbers
			// of what follows.
			savedPara, savedTbl := w.paraNum, w.tblNum
			w.walk(k, st, true, textbox)
			w.paraNum, w.tblNum = savedPara, savedTbl
		default:
			w.walk(k, st, fallback, textbox)
		}
	}
}

func (w *walker) paragraph(p *node, st *story, fallback, textbox bool) {
	loc := Location{Part: w.pt.name, TextBox: textbox}
	if len(w.tbls) > 0 {
		top := w.tbls[len(w.tbls)-1]
		loc.Table, loc.Row, loc.Cell = top.num, top.row, top.cell
	} else {
		w.paraNum++
		loc.Paragraph = w.paraNum
	}
	w.ordinal++
	text, segs, obj := paraText(p, w.pt.w)
	if w.a.foreign == nil {
		w.a.foreign = foreignSyntax(text, loc)
	}
	if !strings.Contains(text, "{{") && !strings.Contains(text, "}}") && !strings.Contains(shownText(p, w.pt.w, w.pt.mc), "{{") {
		return
	}
	pa := &para{node: p, text: text, segs: segs, obj: obj, loc: loc, fallback: fallback, pos: [2]int{w.pt.index, w.ordinal}}
	w.pt.paras = append(w.pt.paras, pa)
	w.pt.byNode[p] = pa
	w.lex(pa, st)
	if all := shownText(p, w.pt.w, w.pt.mc); strings.Count(all, "{{") > strings.Count(text, "{{") {
		loc := pa.loc
		loc.Context = cleanText(all)
		tag := all[strings.Index(all, "{{"):]
		if m := anyTag.FindString(tag); m != "" {
			tag = m
		}
		w.a.probs.addAt(Problem{Where: loc, Tag: tag, Msg: "có thẻ nằm trong chữ ruby (chữ chú âm), công thức hay đối tượng mà thidua không điền; hãy gõ thẻ ra ngoài phần đó, thành chữ thường của đoạn"},
			[3]int{pa.pos[0], pa.pos[1], len(text)}, pa.fallback)
	}
}

var anyTag = regexp.MustCompile(`\{\{.*?\}\}`)

// shownText is the text of every text element in a paragraph, whether
// or not it is the paragraph's own text (ruby, equations and objects
// included), leaving out deleted text and nested paragraphs.
func shownText(p *node, W, MC string) string {
	var b strings.Builder
	var visit func(n *node)
	visit = func(n *node) {
		for _, k := range n.kids {
			switch {
			case k.typ != elemNode, k.is(W, "p"), k.is(W, "del"), k.is(W, "moveFrom"), k.is(MC, "Fallback"):
			case k.name.Local == "t":
				b.WriteString(textOf(k))
			default:
				visit(k)
			}
		}
	}
	visit(p)
	return b.String()
}

// maxParaTags bounds the tags and stray braces of one paragraph: more is
// no form but a hostile file, and would cost time for each.
const maxParaTags = 1000

// tagCost is what one tag counts against a part's node limit: the nodes
// its extraction and template make.
const tagCost = 8

// finder finds the next occurrence of a pattern at or after positions that
// never decrease, reading the text once.
type finder struct {
	text, pat string
	at        int // the occurrence found last; len(text) when none, -1 before the first search
}

func (f *finder) next(i int) int {
	if f.at < i {
		f.at = len(f.text)
		if k := strings.Index(f.text[i:], f.pat); k >= 0 {
			f.at = i + k
		}
	}
	return f.at
}

// lex finds the tags of a paragraph and reports braces that do not pair.
func (w *walker) lex(pa *para, st *story) {
	text := pa.text
	if n := strings.Count(text, "{{") + strings.Count(text, "}}"); n > maxParaTags {
		w.a.failText(pa, 0, min(len(text), 24), fmt.Sprintf("đoạn có %d thẻ hay cặp dấu ngoặc nhọn, quá giới hạn %d của một đoạn: hãy chia đoạn này ra", n, maxParaTags))
		return
	}
	opens, closes := &finder{text: text, pat: "{{", at: -1}, &finder{text: text, pat: "}}", at: -1}
	for i := 0; i < len(text); {
		o, c := opens.next(i), closes.next(i)
		if o == len(text) && c == len(text) {
			break
		}
		if c < o {
			w.a.failText(pa, c, c+2, "thừa \"}}\": không có \"{{\" mở trước nó (có thể thiếu một dấu {)")
			i = c + 2
			continue
		}
		s := o
		c2, o2 := closes.next(s+2), opens.next(s+2)
		if c2 == len(text) || o2 < c2 {
			w.a.failText(pa, s, o2, "thẻ mở \"{{\" chưa có \"}}\" đóng trong cùng đoạn (có thể thiếu một dấu })")
			i = o2
			continue
		}
		if w.pt.nodesLeft -= tagCost; w.pt.nodesLeft < 0 {
			w.pt.err = errTooManyNodes
			return
		}
		e := c2 + 2
		t, msg := lexTag(text[s:e])
		t.para, t.start, t.end, t.story = pa, s, e, st
		t.loc = pa.loc
		t.loc.Context = around(text, s, e)
		t.id = len(w.pt.tags)
		w.pt.tags = append(w.pt.tags, t)
		pa.tags = append(pa.tags, t)
		st.items = append(st.items, t)
		switch {
		case msg != "":
			w.a.fail(t, msg)
		case splitByObject(pa.segs, s, e):
			w.a.fail(t, "thẻ bị cắt ngang bởi dấu tab, ngắt dòng, trường hay hình: hãy gõ lại thẻ liền trên một dòng")
		}
		i = e
	}
}

// failText reports a problem at a stretch of a paragraph's text that is not
// a whole tag.
func (a *analyser) failText(pa *para, s, e int, msg string) {
	frag := []rune(pa.text[s:e])
	if len(frag) > 24 {
		frag = append(frag[:24], '…')
	}
	loc := pa.loc
	loc.Context = around(pa.text, s, e)
	a.probs.addAt(Problem{Where: loc, Tag: cleanText(string(frag)), Msg: msg}, [3]int{pa.pos[0], pa.pos[1], s}, pa.fallback)
}

func splitByObject(segs []seg, s, e int) bool {
	for _, g := range segs {
		if !g.text && g.start < e && g.end > s {
			return true
		}
	}
	return false
}

// around returns the text around [s, e), about 30 letters each side, and
// at most 60 letters of [s, e) itself.
func around(text string, s, e int) string {
	b, a := s, e
	for n := 0; n < 30 && b > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:b])
		b -= size
	}
	for n := 0; n < 30 && a < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[a:])
		a += size
	}
	mid := text[s:e]
	m := 0
	for n := 0; n < 60 && m < len(mid); n++ {
		_, size := utf8.DecodeRuneInString(mid[m:])
		m += size
	}
	if m < len(mid) {
		mid = mid[:m] + "…"
	}
	out := text[b:s] + mid + text[e:a]
	if b > 0 {
		out = "…" + out
	}
	if a < len(text) {
		out += "…"
	}
	return cleanText(out)
}

func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\ufffc' {
			return ' '
		}
		return r
	}, s)
}

// place is what a field path is known to lead to while checking tags.
type place struct {
	node  *schemaNode // schema node; nil when unknown or without a schema
	path  string      // display path from the record's root
	known bool        // path is known
}

type scopeVar struct {
	name string
	at   place
}

// frame is an open block while checking, with the dot it sets.
type frame struct {
	blk   *block
	dot   place
	outer place // the dot outside the block, which its else branch sees
	vars  []scopeVar
}

// scope walks a story's tags in order: it pairs blocks, checks each tag's
// syntax against the variables in scope and its fields against the schema.
func (a *analyser) scope(pt *part, st *story, frames []*frame) []*frame {
	base := len(frames)
	for _, it := range st.items {
		switch x := it.(type) {
		case *story:
			a.scope(pt, x, frames)
		case *tag:
			frames = a.tagScope(pt, x, frames, base)
		}
	}
	for len(frames) > base {
		top := frames[len(frames)-1]
		a.fail(top.blk.open, "chưa có {{end}} đóng khối này (thẻ đóng phải nằm trong cùng phần: thân văn bản, đầu trang, chân trang hay cùng hộp văn bản)")
		frames = frames[:len(frames)-1]
	}
	return frames
}

func (a *analyser) tagScope(pt *part, t *tag, frames []*frame, base int) []*frame {
	if t.kind == kComment {
		return frames
	}
	top := frames[len(frames)-1]
	switch t.kind {
	case kEnd:
		if len(frames) <= base {
			a.fail(t, "thừa {{end}}: không có {{range}}, {{if}} hay {{with}} nào đang mở")
			return frames
		}
		top.blk.close = t
		t.blk = top.blk
		return frames[:len(frames)-1]
	case kElse, kElseIf, kElseWith:
		if len(frames) <= base {
			a.fail(t, "{{else}} nằm ngoài khối {{if}}, {{range}} hay {{with}}")
			return frames
		}
		b := top.blk
		t.blk = b
		b.mids = append(b.mids, t)
		switch {
		case b.plainElse:
			a.fail(t, "khối đã có {{else}}: mỗi khối chỉ một {{else}}, các nhánh khác viết {{else if ...}} trước nó")
		case t.kind == kElseIf && b.open.kind != kIf:
			a.fail(t, "{{else if ...}} chỉ dùng trong khối {{if}}")
		case t.kind == kElseWith && b.open.kind != kWith:
			a.fail(t, "{{else with ...}} chỉ dùng trong khối {{with}}")
		}
		if t.kind == kElse {
			b.plainElse = true
		}
		top.dot = top.outer
		if t.kind != kElse {
			if pipe := a.checkPipe(t, frames); pipe != nil && t.kind == kElseWith {
				top.dot = a.valueOf(pipe, frames)
				top.vars = append(top.vars, declare(pipe, top.dot)...)
			}
		}
		return frames
	case kRange, kIf, kWith:
		pipe := a.checkPipe(t, frames)
		b := &block{open: t}
		t.blk = b
		pt.blocks = append(pt.blocks, b)
		f := &frame{blk: b, dot: top.dot, outer: top.dot}
		if pipe != nil {
			v := a.valueOf(pipe, frames)
			switch t.kind {
			case kRange:
				f.dot = itemOf(v)
				switch len(pipe.Decl) {
				case 1:
					f.vars = declare(pipe, f.dot)
				case 2:
					f.vars = []scopeVar{{name: pipe.Decl[0].Ident[0]}, {name: pipe.Decl[1].Ident[0], at: f.dot}}
				}
			case kWith:
				f.dot = v
				f.vars = declare(pipe, v)
			default:
				f.vars = declare(pipe, v)
			}
		}
		return append(frames, f)
	default:
		pipe := a.checkPipe(t, frames)
		if pipe != nil && len(pipe.Decl) > 0 {
			t.kind = kDecl
			if !pipe.IsAssign {
				top.vars = append(top.vars, declare(pipe, a.valueOf(pipe, frames))...)
			}
		}
		return frames
	}
}

// declare lists the variables a pipeline declares, all at the given place.
func declare(pipe *parse.PipeNode, at place) []scopeVar {
	var vs []scopeVar
	for _, d := range pipe.Decl {
		vs = append(vs, scopeVar{name: d.Ident[0], at: at})
	}
	return vs
}

// visibleVars names the variables in scope, outermost first.
func visibleVars(frames []*frame) []string {
	var names []string
	for _, f := range frames {
		for _, v := range f.vars {
			names = append(names, v.name)
		}
	}
	return names
}

// baseOf says where a ref's base leads: the dot, the root or a variable.
func baseOf(name string, frames []*frame) place {
	switch name {
	case ".":
		return frames[len(frames)-1].dot
	case "$":
		return frames[0].dot
	}
	for i := len(frames) - 1; i >= 0; i-- {
		vs := frames[i].vars
		for j := len(vs) - 1; j >= 0; j-- {
			if vs[j].name == name {
				return vs[j].at
			}
		}
	}
	return place{}
}

// follow goes down path from at, without reporting.
func follow(at place, path []string) place {
	out := place{known: at.known}
	if at.known {
		out.path = joinPath(at.path, strings.Join(path, "."))
	}
	if at.node != nil {
		out.node, _ = at.node.resolve("", path)
	}
	return out
}

// itemOf is the place of the items of the list at p.
func itemOf(p place) place {
	out := place{known: p.known}
	if p.known {
		out.path = p.path + "[]"
	}
	if p.node != nil {
		out.node = p.node.item
	}
	return out
}

// valueOf is where a pipeline leads when it is a bare field or variable.
func (a *analyser) valueOf(pipe *parse.PipeNode, frames []*frame) place {
	if len(pipe.Cmds) != 1 || len(pipe.Cmds[0].Args) != 1 {
		return place{}
	}
	switch n := pipe.Cmds[0].Args[0].(type) {
	case *parse.DotNode:
		return baseOf(".", frames)
	case *parse.FieldNode:
		return follow(baseOf(".", frames), n.Ident)
	case *parse.VariableNode:
		return follow(baseOf(n.Ident[0], frames), n.Ident[1:])
	}
	return place{}
}

// isBare reports whether a pipeline is a single field and nothing else.
func isBare(pipe *parse.PipeNode) bool {
	if len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 || len(pipe.Cmds[0].Args) != 1 {
		return false
	}
	switch n := pipe.Cmds[0].Args[0].(type) {
	case *parse.FieldNode:
		return true
	case *parse.VariableNode:
		return len(n.Ident) > 1
	}
	return false
}

// checkPipe parses a tag's pipeline in its scope, lists the fields it reads
// and checks them against the schema.
func (a *analyser) checkPipe(t *tag, frames []*frame) *parse.PipeNode {
	pipe, msg := t.parsePipe(visibleVars(frames), a.funcNames, a.userNames)
	if msg != "" {
		a.fail(t, msg)
		return nil
	}
	t.collectRefs(pipe)
	t.cond = condText(pipe)
	t.bare = isBare(pipe)
	for i := range t.refs {
		r := &t.refs[i]
		bname := t.bases[r.base]
		at := baseOf(bname, frames)
		if at.known {
			r.display = joinPath(at.path, strings.Join(r.path, "."))
		} else if bname == "." {
			r.display = "." + strings.Join(r.path, ".")
		} else {
			r.display = bname + "." + strings.Join(r.path, ".")
		}
		a.fields[r.display] = true
		if at.node != nil {
			if _, msg := at.node.resolve(at.path, r.path); msg != "" {
				a.fail(t, msg)
			}
		}
	}
	return pipe
}
