package fill

import (
	"encoding/xml"
	"strings"
)

// seg is a stretch of a paragraph's text held by one child of a run: a
// <w:t> (text) or a tab, break, picture or field (not text).
type seg struct {
	run        *node
	kid        int // index of the child in run.kids
	start, end int // byte offsets in the paragraph's text
	text       bool
}

// runLevel are the elements a paragraph may wrap runs in; the text inside
// them is part of the paragraph's text.
var runLevel = map[string]bool{
	"hyperlink": true, "ins": true, "moveTo": true, "smartTag": true, "customXml": true,
	"sdt": true, "sdtContent": true, "fldSimple": true, "dir": true, "bdo": true,
}

// invisible are paragraph-level elements that hold no visible content.
var invisible = map[string]bool{
	"pPr": true, "del": true, "moveFrom": true, "bookmarkStart": true, "bookmarkEnd": true,
	"proofErr": true, "permStart": true, "permEnd": true, "commentRangeStart": true,
	"commentRangeEnd": true, "moveFromRangeStart": true, "moveFromRangeEnd": true,
	"moveToRangeStart": true, "moveToRangeEnd": true, "sdtPr": true, "sdtEndPr": true,
	"customXmlPr": true, "smartTagPr": true,
}

// paraText returns the text of a paragraph as Word shows it, the segments
// that hold it, and whether the paragraph holds anything besides text.
// Paragraphs nested in text boxes are not part of it. A paragraph kept as
// source text must be expanded first.
func paraText(p *node, w string) (string, []seg, bool) {
	var b strings.Builder
	var segs []seg
	obj := false
	add := func(r *node, kid int, s string, text bool) {
		segs = append(segs, seg{run: r, kid: kid, start: b.Len(), end: b.Len() + len(s), text: text})
		b.WriteString(s)
	}
	var visit func(n *node)
	visit = func(n *node) {
		for _, k := range n.kids {
			if k.typ != elemNode || k.drop {
				continue
			}
			switch {
			case k.is(w, "r"):
				for i, c := range k.kids {
					if c.typ != elemNode {
						continue
					}
					if c.name.Space != w {
						add(k, i, "\ufffc", false)
						obj = true
						continue
					}
					switch c.name.Local {
					case "t":
						add(k, i, textOf(c), true)
					case "tab", "ptab":
						add(k, i, "\t", false)
					case "br", "cr":
						add(k, i, "\n", false)
					case "rPr", "lastRenderedPageBreak", "softHyphen", "proofErr", "instrText", "delText", "delInstrText", "annotationRef":
					default:
						add(k, i, "\ufffc", false)
						obj = true
					}
				}
			case k.name.Space == w && runLevel[k.name.Local]:
				visit(k)
			case k.name.Space == w && invisible[k.name.Local]:
			default:
				obj = true
			}
		}
	}
	visit(p)
	return b.String(), segs, obj
}

// textOf is the character data of an element.
func textOf(n *node) string {
	if len(n.kids) == 1 && n.kids[0].typ == textNode {
		return n.kids[0].text
	}
	var b strings.Builder
	for _, k := range n.kids {
		if k.typ == textNode {
			b.WriteString(k.text)
		}
	}
	return b.String()
}

// newT makes a <w:t xml:space="preserve"> holding s.
func newT(w, s string) *node {
	t := &node{typ: elemNode, name: xml.Name{Space: w, Local: "t"},
		attr: []xml.Attr{{Name: xml.Name{Space: "xml", Local: "space"}, Value: "preserve"}}}
	if s != "" {
		t.kids = []*node{{typ: textNode, text: s, parent: t}}
	}
	return t
}

// splitAt makes sure no run holds text on both sides of offset off, by
// cutting a <w:t> and then its run in two. The second run gets a copy of
// the first one's properties.
func splitAt(p *node, w string, off int) {
	_, segs, _ := paraText(p, w)
	for i, g := range segs {
		if g.start < off && off < g.end && g.text {
			t := g.run.kids[g.kid]
			s := textOf(t)
			cut := off - g.start
			a, b := newT(w, s[:cut]), newT(w, s[cut:])
			a.parent, b.parent = g.run, g.run
			g.run.kids[g.kid] = a
			g.run.insertAt(g.kid+1, b)
			splitAt(p, w, off)
			return
		}
		if g.end == off && i+1 < len(segs) && segs[i+1].start == off && segs[i+1].run == g.run {
			splitRun(g.run, w, segs[i+1].kid)
			return
		}
	}
}

// splitRun cuts run r before its child at index at.
func splitRun(r *node, w string, at int) {
	second := &node{typ: elemNode, name: r.name, attr: append([]xml.Attr(nil), r.attr...)}
	if rPr := runProps(r, w); rPr != nil {
		second.kids = append(second.kids, rPr.clone())
	}
	second.kids = append(second.kids, r.kids[at:]...)
	for _, k := range second.kids {
		k.parent = second
	}
	r.kids = r.kids[:at]
	r.parent.insertAt(r.index()+1, second)
}

// runProps is a run's <w:rPr>, wherever white space puts it among the
// run's children.
func runProps(r *node, w string) *node {
	for _, k := range r.kids {
		if k.is(w, "rPr") {
			return k
		}
	}
	return nil
}

// extract takes the tag at [s, e) out of the paragraph's runs and puts a
// tag node where its first run was, carrying that run's properties.
func extract(p *node, w string, s, e int) *node {
	splitAt(p, w, s)
	splitAt(p, w, e)
	_, segs, _ := paraText(p, w)
	var runs []*node
	for _, g := range segs {
		if g.start >= s && g.end <= e && g.end > g.start && (len(runs) == 0 || runs[len(runs)-1] != g.run) {
			runs = append(runs, g.run)
		}
	}
	tn := &node{typ: tagNode}
	if len(runs) == 0 {
		return tn
	}
	first := runs[0]
	if rPr := runProps(first, w); rPr != nil {
		tn.rPr = rPr.clone()
	}
	first.parent.insertAt(first.index(), tn)
	for _, r := range runs {
		r.remove()
	}
	return tn
}

// removeAll drops every prefix:local element under n (spell-check marks).
func removeAll(n *node, prefix, local string) {
	kept := n.kids[:0]
	for _, k := range n.kids {
		if k.is(prefix, local) {
			continue
		}
		kept = append(kept, k)
		if k.typ == elemNode && !k.is(prefix, "txbxContent") {
			removeAll(k, prefix, local)
		}
	}
	n.kids = kept
}
