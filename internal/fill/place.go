package fill

// Where a block's actions go. A block whose tags all sit in one paragraph
// stays in the text (inline). Otherwise each tag gets an anchor, a
// paragraph or a table row, and its action is placed just before the
// anchor (open, and else in its own anchor) or just after it (end):
//
//   - tags in one table row (different cells, or different paragraphs of a
//     cell unless both are on lines of their own): the row repeats;
//   - tags in different rows of one table: the rows from the first to the
//     last repeat; rows holding nothing but the tags are dropped;
//   - otherwise the tags must stand on paragraphs of their own, in the same
//     container (the body, one cell, one text box); those paragraphs are
//     dropped and the paragraphs between them repeat.

// place decides a block's mode and anchors, reporting what cannot be placed.
func (a *analyser) place(pt *part, b *block) {
	if b.mode == modeInline {
		parent := runParent(b.open)
		for _, t := range b.tags()[1:] {
			if runParent(t) != parent {
				a.fail(t, "thẻ mở và thẻ đóng của khối nằm ở hai lớp khác nhau trong đoạn (một thẻ ở trong liên kết, điều khiển nội dung hay vùng sửa đổi đang theo dõi): hãy gõ lại các thẻ ở ngoài vùng đó, hoặc chấp nhận mọi thay đổi (Xem lại → Chấp nhận tất cả)")
			}
		}
		return
	}
	W := pt.w
	root := b.open.story.root
	op, cl := b.open.para.node, b.close.para.node
	l := lca(op, cl)
	tr := enclosing(l, W, "tr", root)
	tags := b.tags()
	switch {
	case l.is(W, "tbl"):
		b.mode, b.multiRow = modeRows, true
		for _, t := range tags {
			t.anchor = childOf(l, t.para.node)
			if !t.anchor.is(W, "tr") {
				a.fail(t, "thẻ nằm trong một vùng bao quanh các hàng bảng (điều khiển nội dung): hãy bỏ vùng đó đi rồi đặt lại thẻ")
			}
		}
	case tr != nil && (l.is(W, "tr") || !(a.blankAfterMoved(pt, b.open.para) && a.blankAfterMoved(pt, b.close.para))):
		b.mode = modeRows
		for _, t := range tags {
			t.anchor = tr
		}
	default:
		b.mode = modeParas
		for _, t := range tags {
			t.anchor = childOf(l, t.para.node)
			switch {
			case t.anchor != t.para.node:
				a.fail(t, "thẻ mở và thẻ đóng của khối phải cùng ở ngoài bảng, hoặc cùng trong một bảng; ở đây một thẻ nằm trong bảng (hay hộp văn bản) còn thẻ kia ở ngoài")
			case !a.blankAfterMoved(pt, t.para):
				a.fail(t, "khối này trải qua nhiều đoạn nên thẻ phải đứng riêng một đoạn, không có chữ nào khác; muốn lặp ngay trong một dòng thì đặt thẻ mở và {{end}} trong cùng một đoạn")
			}
		}
	}
	ao, ac := b.open.anchor, b.close.anchor
	b.close.after = true
	for _, t := range b.mids {
		switch {
		case t.anchor == ao && t.anchor == ac:
			a.fail(t, "khi cả một hàng bảng được lặp hay ẩn hiện, {{else}} phải đứng ở đầu một hàng riêng; muốn chọn chữ trong một ô thì đặt {{if}}…{{else}}…{{end}} trong ô đó")
		case t.anchor == ao:
			t.after = true
		}
	}
}

// checkOrder makes sure that the actions placed before an anchor are the
// first tags inside it and the actions placed after it are the last, so the
// template nests the way the text reads.
func (a *analyser) checkOrder(pt *part) {
	for _, t := range pt.tags {
		if !t.movedOut() || t.anchor == nil || t.blk.close == nil {
			continue
		}
		unit := "đoạn"
		if t.anchor.is(pt.w, "tr") {
			unit = "hàng"
		}
		for _, u := range pt.tags {
			if u == t || u.story != t.story || u.kind == kComment || !u.para.node.within(t.anchor) {
				continue
			}
			same := u.movedOut() && u.anchor == t.anchor && u.after == t.after
			switch {
			case !t.after && u.id < t.id && !same:
				a.fail(u, "thẻ này nằm trong "+unit+" được lặp (hay ẩn hiện) nhưng đứng trước thẻ "+t.raw+": hãy đặt "+t.raw+" lên đầu "+unit+", hoặc chuyển thẻ này ra ngoài "+unit)
			case t.after && u.id > t.id && !same:
				a.fail(u, "thẻ này nằm sau "+t.raw+" nhưng vẫn trong "+unit+" được lặp (hay ẩn hiện): hãy chuyển "+t.raw+" về cuối "+unit+", hoặc chuyển thẻ này ra ngoài "+unit)
			}
		}
	}
}

// blankAfterMoved reports whether a paragraph holds nothing but tags whose
// actions move out of it.
func (a *analyser) blankAfterMoved(pt *part, pa *para) bool {
	if pa.obj {
		return false
	}
	rest := []byte(pa.text)
	for _, t := range pa.tags {
		if t.movedOut() {
			for i := t.start; i < t.end; i++ {
				rest[i] = ' '
			}
		}
	}
	return isBlank(string(rest))
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicodeSpace(r) {
			return false
		}
	}
	return true
}

func unicodeSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\u3000'
}

// runParent is the element holding the run where a tag begins.
func runParent(t *tag) *node {
	for _, g := range t.para.segs {
		if g.start <= t.start && t.start < g.end {
			return g.run.parent
		}
	}
	return nil
}

// lca is the lowest common ancestor of x and y.
func lca(x, y *node) *node {
	seen := map[*node]bool{}
	for n := x; n != nil; n = n.parent {
		seen[n] = true
	}
	for n := y; n != nil; n = n.parent {
		if seen[n] {
			return n
		}
	}
	return nil
}

// enclosing is the nearest prefix:local element at or above n, stopping at root.
func enclosing(n *node, prefix, local string, root *node) *node {
	for ; n != nil && n != root; n = n.parent {
		if n.is(prefix, local) {
			return n
		}
	}
	return nil
}

// childOf is the child of l that holds n.
func childOf(l, n *node) *node {
	for n.parent != l {
		n = n.parent
	}
	return n
}
