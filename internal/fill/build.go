package fill

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"text/template"
)

// span maps a stretch of a part's template source back to the tag it was
// written for, so errors while filling name the tag.
type span struct {
	start, end int
	tag        *tag
}

// build rewrites a checked part's tree for filling and compiles it into a
// template: the tags come out of the text, block actions go between
// paragraphs or rows, and everything else is written back as it was.
func (pt *part) build(a *analyser) (*template.Template, []span, error) {
	W := pt.w
	for _, b := range pt.blocks {
		b.guard = b.open.kind == kRange && !b.open.opt && len(b.open.refs) > 0
	}
	for _, pa := range pt.paras {
		for i := len(pa.tags) - 1; i >= 0; i-- {
			t := pa.tags[i]
			n := extract(pa.node, W, t.start, t.end)
			n.tag = t
			if t.movedOut() || t.kind == kComment {
				if n.parent != nil {
					n.remove()
				}
			} else {
				t.node = n
			}
		}
		removeAll(pa.node, W, "proofErr")
	}
	for _, pa := range pt.paras {
		moved := false
		for _, t := range pa.tags {
			moved = moved || t.movedOut()
		}
		switch {
		case !moved || !a.blankAfterMoved(pt, pa):
		case hasSectPr(pa.node, W):
			// The paragraph ends a section and must stay, once: its
			// actions go on its other side so it is not repeated.
			for _, t := range pa.tags {
				if t.movedOut() && t.anchor == pa.node {
					t.after = !t.after
				}
			}
		default:
			pa.node.drop = true
		}
	}
	for _, b := range pt.blocks {
		if b.multiRow {
			for _, t := range b.tags() {
				if pt.rowBlank(t.anchor) {
					t.anchor.drop = true
				}
			}
		}
	}
	for _, t := range pt.tags {
		if t.movedOut() {
			insertAction(&node{typ: actionNode, tag: t, text: pt.action(t)}, t.anchor, t.after)
		}
	}
	pt.wrapTables()
	pt.fixContainers(pt.root)
	pt.dropLoopBookmarks()
	if pt.err != nil {
		return nil, nil, pt.err
	}

	src, spans := pt.source()
	pt.lines = []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			pt.lines = append(pt.lines, i+1)
		}
	}
	tm := template.New(pt.name).Delims(ldelim, rdelim).Funcs(ownFuncs)
	if err := addFuncs(tm, a.funcs); err != nil {
		return nil, nil, err
	}
	tm.Funcs(pt.runtimeFuncs(nil, nil))
	if _, err := tm.Parse(src); err != nil {
		return nil, nil, fmt.Errorf("lỗi nội bộ khi dựng mẫu từ %s: %v", pt.name, err)
	}
	return tm, spans, nil
}

// ownFuncs are functions every form has; the caller's functions of the
// same name replace them.
var ownFuncs = template.FuncMap{
	// stt turns a loop index into a row number: {{range $i, $x := .thanh_vien}}{{stt $i}}.
	"stt": func(i int) int { return i + 1 },
}

// addFuncs adds the caller's functions, turning a panic about a bad
// function into an error.
func addFuncs(tm *template.Template, funcs template.FuncMap) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("hàm truyền cho mẫu không dùng được: %v", r)
		}
	}()
	for name := range funcs {
		if strings.HasPrefix(name, "_fill_") {
			return fmt.Errorf("tên hàm %q trùng với tên dành riêng của gói fill", name)
		}
	}
	tm.Funcs(funcs)
	return nil
}

func hasSectPr(p *node, W string) bool {
	for _, k := range p.kids {
		if !k.is(W, "pPr") {
			continue
		}
		if k.compact() {
			return strings.Contains(k.text, "sectPr")
		}
		for _, c := range k.kids {
			if c.is(W, "sectPr") {
				return true
			}
		}
	}
	return false
}

// rowBlank reports whether a table row shows nothing once its tags are out.
func (pt *part) rowBlank(tr *node) bool {
	blank := true
	tr.walk(func(n *node) bool {
		switch {
		case !blank || n.drop:
			return false
		case n.is(pt.w, "tbl") && n != tr:
			blank = false
		case n.is(pt.w, "p"):
			pt.expand(n)
			text, _, obj := paraText(n, pt.w)
			blank = !obj && isBlank(text)
			return false
		}
		return true
	})
	return blank
}

// insertAction puts an action node just before its anchor, after the
// actions already there, or just after it, after the actions already there.
func insertAction(act, anchor *node, after bool) {
	par := anchor.parent
	i := anchor.index()
	if !after {
		par.insertAt(i, act)
		return
	}
	act.after = anchor
	j := i + 1
	for j < len(par.kids) && par.kids[j].typ == actionNode && par.kids[j].after == anchor {
		j++
	}
	par.insertAt(j, act)
}

// need is the presence check a tag runs before reading its fields.
func need(t *tag) string {
	return "_fill_need " + strconv.Itoa(t.id) + " " + strings.Join(t.bases, " ")
}

// action is the template text a tag becomes.
func (pt *part) action(t *tag) string {
	switch t.kind {
	case kOutput:
		// A bare field needs no presence check: printing it finds a
		// missing value (nil) and knows its base for messages.
		if t.bare {
			return ldelim + t.src + " | _fill_esc " + strconv.Itoa(t.id) + " " + t.bases[0] + rdelim
		}
		s := ldelim + t.src + " | _fill_esc " + strconv.Itoa(t.id) + " ." + rdelim
		if len(t.refs) > 0 {
			s = ldelim + "if " + need(t) + rdelim + s + ldelim + "end" + rdelim
		}
		return s
	case kDecl:
		return ldelim + t.src + rdelim
	case kRange:
		s := ldelim + "range " + t.pipe + " | _fill_iter " + strconv.Itoa(t.id) + rdelim
		if t.blk.guard {
			s = ldelim + "if " + need(t) + rdelim + s
		}
		return s
	case kIf:
		return ldelim + "if " + t.pipe + rdelim
	case kWith:
		return ldelim + "with " + t.pipe + rdelim
	case kElse:
		return ldelim + "else" + rdelim
	case kElseIf:
		return ldelim + "else if " + t.pipe + rdelim
	case kElseWith:
		return ldelim + "else with " + t.pipe + rdelim
	case kEnd:
		s := ldelim + "end" + rdelim
		if t.blk.guard {
			s += s
		}
		return s
	}
	return ""
}

// wrapTables puts a table whose every row belongs to blocks without an
// else branch inside a condition, so that when all of them come out empty
// no table without rows is left (Word refuses those). A table left with no
// rows at all is dropped.
func (pt *part) wrapTables() {
	var tables []*node
	pt.root.walk(func(n *node) bool {
		if n.drop {
			return false
		}
		if n.is(pt.w, "tbl") {
			tables = append(tables, n)
		}
		return true
	})
	for _, tbl := range tables {
		depth, rows, covered, hasElse := 0, 0, true, false
		var tops []*tag
		for _, k := range tbl.kids {
			switch {
			case k.typ == actionNode && k.tag != nil:
				switch t := k.tag; {
				case t.kind.opens():
					if depth == 0 {
						tops = append(tops, t)
					}
					depth++
				case t.kind == kEnd:
					depth--
				case depth == 1:
					hasElse = true
				}
			case k.is(pt.w, "tr") && !k.drop:
				rows++
				covered = covered && depth > 0
			}
		}
		if rows == 0 {
			// Every row held only tags: nothing is left to show.
			tbl.drop = true
			continue
		}
		if !covered || hasElse || len(tops) == 0 {
			continue
		}
		conds := make([]string, len(tops))
		for i, t := range tops {
			conds[i] = "(" + t.cond + ")"
			if t.blk.guard {
				conds[i] = "(and (" + need(t) + ") " + conds[i] + ")"
			}
		}
		cond := conds[0]
		if len(conds) > 1 {
			cond = "or " + strings.Join(conds, " ")
		}
		insertAction(&node{typ: actionNode, owner: tops[0], text: ldelim + "if " + cond + rdelim}, tbl, false)
		insertAction(&node{typ: actionNode, owner: tops[0], text: ldelim + "end" + rdelim}, tbl, true)
	}
}

// trailing are elements that may follow a container's last paragraph.
var trailing = map[string]bool{
	"tcPr": true, "sectPr": true, "bookmarkStart": true, "bookmarkEnd": true, "proofErr": true,
	"permStart": true, "permEnd": true, "commentRangeStart": true, "commentRangeEnd": true,
}

var containers = map[string]bool{
	"tc": true, "body": true, "hdr": true, "ftr": true, "txbxContent": true, "footnote": true, "endnote": true, "comment": true,
}

// fixContainers makes every cell end with a paragraph that is always
// written (Word reports a cell without one as damaged), and every other
// container whose last element, blocks aside, is a table end with one too,
// as Word itself writes them. A dropped paragraph is brought back for it
// when there is one.
func (pt *part) fixContainers(n *node) {
	W := pt.w
	for _, k := range n.kids {
		if k.typ == elemNode && !k.drop {
			pt.fixContainers(k)
		}
	}
	if n.typ != elemNode || n.name.Space != W || !containers[n.name.Local] {
		return
	}
	var last, beforeActions *node
	for i := len(n.kids) - 1; i >= 0 && beforeActions == nil; i-- {
		k := n.kids[i]
		switch {
		case k.drop || k.typ == textNode || k.typ == rawNode:
		case k.typ == elemNode && k.name.Space == W && trailing[k.name.Local]:
		case k.typ == actionNode:
			if last == nil {
				last = k
			}
		default:
			if last == nil {
				last = k
			}
			beforeActions = k
		}
	}
	switch {
	case last.is(W, "p"):
		return
	case n.is(W, "tc"), beforeActions == nil, beforeActions.is(W, "tbl"):
	default:
		return
	}
	var p *node
	for i := len(n.kids) - 1; i >= 0; i-- {
		if k := n.kids[i]; k.is(W, "p") && k.drop {
			p = k
			break
		}
	}
	if p != nil {
		p.remove()
		p.drop = false
	} else {
		p = &node{typ: elemNode, name: xml.Name{Space: W, Local: "p"}}
	}
	at := len(n.kids)
	for i, k := range n.kids {
		if k.is(W, "sectPr") {
			at = i
		}
	}
	n.insertAt(at, p)
}

// loopDelta tells how a node changes the loop depth while walking.
func loopDelta(n *node) int {
	t := n.tag
	switch {
	case t == nil || (n.typ != actionNode && n.typ != tagNode):
		return 0
	case t.kind == kRange:
		return 1
	case t.kind == kEnd && t.blk.open.kind == kRange:
		return -1
	}
	return 0
}

// dropLoopBookmarks removes bookmarks that a loop would repeat (Word wants
// each name once) or whose other end is no longer written.
func (pt *part) dropLoopBookmarks() {
	W := pt.w
	ids := map[string]bool{}
	depth := 0
	var collect func(n *node, all bool)
	collect = func(n *node, all bool) {
		for _, k := range n.kids {
			switch {
			case k.typ == actionNode || k.typ == tagNode:
				depth += loopDelta(k)
			case k.is(W, "bookmarkStart") || k.is(W, "bookmarkEnd"):
				if all || depth > 0 || k.drop {
					id, _ := k.attrValue(W, "id")
					ids[id] = true
				}
			case k.typ == elemNode:
				if all || depth > 0 || k.drop {
					pt.expandIf(k, "bookmark")
				}
				if depth > 0 {
					// Ids a loop copies are renumbered (see source).
					for _, mark := range []string{"paraId", "docPr", "sdtPr"} {
						pt.expandIf(k, mark)
					}
				}
				collect(k, all || k.drop)
			}
		}
	}
	collect(pt.root, false)
	if len(ids) == 0 {
		return
	}
	pt.root.walk(func(n *node) bool {
		pt.expandIf(n, "bookmark")
		kept := n.kids[:0]
		for _, k := range n.kids {
			if k.is(W, "bookmarkStart") || k.is(W, "bookmarkEnd") {
				if id, _ := k.attrValue(W, "id"); ids[id] {
					continue
				}
			}
			kept = append(kept, k)
		}
		n.kids = kept
		return true
	})
}

// Kinds of ids that must stay unique in a document, which a loop's copies
// get anew: paragraph ids (w14:paraId, 8 hex digits), drawing ids
// (wp:docPr/@id) and content-control ids (w:sdtPr/w:id/@w:val).
const (
	idPara = iota
	idDrawing
	idControl
	idKinds
)

// uniqueID tells which kind of unique id attribute a of n is, or -1.
func uniqueID(n *node, a xml.Attr) int {
	switch {
	case a.Name.Local == "paraId":
		return idPara
	case a.Name.Local == "id" && n.name.Local == "docPr":
		return idDrawing
	case a.Name.Local == "val" && n.name.Local == "id" && n.parent != nil && n.parent.name.Local == "sdtPr":
		return idControl
	}
	return -1
}

func hasUniqueID(n *node) bool {
	for _, a := range n.attr {
		if uniqueID(n, a) >= 0 {
			return true
		}
	}
	return false
}

// idMax is the largest id of each kind a form holds.
type idMax [idKinds]int64

// scan raises m to the ids in a part's XML. It reads the text rather than
// the tree, which does not hold what compact elements hold.
func (m *idMax) scan(data []byte) {
	// find raises m[kind] to the values of attr in the start tags holding
	// mark (the whole start tag when attr is "").
	find := func(kind int, mark, attr string, base int) {
		for rest := data; ; {
			i := bytes.Index(rest, []byte(mark))
			if i < 0 {
				return
			}
			rest = rest[i+len(mark):]
			v := rest
			if attr != "" {
				end := bytes.IndexByte(rest, '>')
				j := bytes.Index(rest[:max(end, 0)], []byte(attr))
				if j < 0 {
					continue
				}
				v = rest[j+len(attr):]
			}
			if k := bytes.IndexByte(v, '"'); k >= 0 {
				if x, err := strconv.ParseInt(string(v[:k]), base, 64); err == nil && x > m[kind] {
					m[kind] = x
				}
			}
		}
	}
	find(idPara, `paraId="`, "", 16)
	find(idDrawing, ":docPr ", ` id="`, 10)
	find(idControl, ":id ", `val="`, 10)
}

// Static XML longer than chunkMin is not written into the template text but
// kept aside in pieces of at most chunkMax bytes, which the template prints:
// the text/template tree would otherwise hold a second copy of the part.
const (
	chunkMin = 1 << 10
	chunkMax = 32 << 10
)

// source writes the part's tree as template text; long stretches of static
// XML go to pt.statics.
func (pt *part) source() (string, []span) {
	var tb strings.Builder // template text
	var b strings.Builder  // static XML not yet in tb
	var spans []span
	pt.statics = nil
	run := qname(xml.Name{Space: pt.w, Local: "r"})
	text := qname(xml.Name{Space: pt.w, Local: "t"})
	flush := func() {
		s := b.String()
		if len(s) < chunkMin {
			tb.WriteString(s)
			b.Reset()
			return
		}
		for len(s) > 0 {
			n := min(len(s), chunkMax)
			pt.statics = append(pt.statics, s[:n])
			tb.WriteString(ldelim + "_fill_s " + strconv.Itoa(len(pt.statics)-1) + rdelim)
			s = s[n:]
		}
		b = strings.Builder{}
	}
	mark := func(t *tag, s string) {
		flush()
		start := tb.Len()
		tb.WriteString(s)
		spans = append(spans, span{start: start, end: tb.Len(), tag: t})
	}
	depth := 0 // loops open around the node being written
	start := func(n *node, empty bool) {
		if depth == 0 || !hasUniqueID(n) {
			writeStart(&b, n, empty)
			return
		}
		// A copy made by a loop gets ids of its own.
		b.WriteString("<" + qname(n.name))
		for _, a := range n.attr {
			b.WriteString(" " + qname(a.Name) + `="`)
			if k := uniqueID(n, a); k >= 0 {
				mark(nil, ldelim+"_fill_id "+strconv.Itoa(k)+rdelim)
			} else {
				writeAttr(&b, a.Value)
			}
			b.WriteByte('"')
		}
		if empty {
			b.WriteString("/>")
		} else {
			b.WriteByte('>')
		}
	}
	var write func(n *node)
	write = func(n *node) {
		if n.drop {
			return
		}
		depth += loopDelta(n)
		switch n.typ {
		case docNode:
			for _, k := range n.kids {
				write(k)
			}
		case elemNode:
			if n.compact() {
				b.WriteString(n.text)
				return
			}
			if len(n.kids) == 0 {
				start(n, true)
				return
			}
			start(n, false)
			for _, k := range n.kids {
				write(k)
			}
			writeEnd(&b, n)
		case textNode:
			writeText(&b, n.text)
		case rawNode:
			b.WriteString(n.text)
		case tagNode:
			if n.tag.kind != kOutput {
				mark(n.tag, pt.action(n.tag))
				return
			}
			b.WriteString("<" + run + ">")
			if n.rPr != nil {
				write(n.rPr)
			}
			b.WriteString("<" + text + ` xml:space="preserve">`)
			mark(n.tag, pt.action(n.tag))
			b.WriteString("</" + text + "></" + run + ">")
		case actionNode:
			owner := n.tag
			if owner == nil {
				owner = n.owner
			}
			mark(owner, n.text)
		}
	}
	write(pt.root)
	flush()
	return tb.String(), spans
}
