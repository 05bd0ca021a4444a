package fill

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// nodeType tells what a node of a part's tree holds.
type nodeType uint8

const (
	docNode    nodeType = iota // the document: prolog and the root element
	elemNode                   // an element; name keeps the prefix as written
	textNode                   // character data, unescaped
	rawNode                    // a comment or processing instruction, kept verbatim
	tagNode                    // a tag taken out of the text: a value run or an inline action
	actionNode                 // a template action placed between block elements
)

// node is one node of a part's XML tree. Prefixes are kept as written
// (xml.Name.Space holds the prefix, not the URL), so a part is written back
// byte for byte equivalent to what was read.
type node struct {
	typ    nodeType
	name   xml.Name
	attr   []xml.Attr
	kids   []*node
	parent *node
	text   string // textNode, rawNode, actionNode, element kept as source text: the text to write
	tag    *tag   // tagNode, actionNode: the tag it stands for
	owner  *tag   // actionNode written for a tag but not its own action (table guards)
	rPr    *node  // tagNode: run properties copied from the run where the tag began
	after  *node  // actionNode placed after an anchor: that anchor
	tables int    // element kept as source text: tables it holds, itself included
	drop   bool   // not written
}

// maxDepth bounds element nesting so hostile XML cannot exhaust the stack.
const maxDepth = 256

var (
	errXMLSyntax    = errors.New("XML syntax")
	errTooManyNodes = errors.New("too many nodes")
)

// parseOptions tell parseXML how compact a tree to build.
type parseOptions struct {
	// compact keeps a WordprocessingML paragraph, row or table whose text
	// holds no brace, and property elements, as their source text: one
	// node instead of a subtree (part.expand brings the subtree back).
	compact bool
	// maxNodes bounds the nodes alive at once; 0 means no bound.
	maxNodes int
}

// open is an element being read: where its source starts and what its
// subtree holds so far.
type open struct {
	start int64 // offset of its start tag in the input
	nodes int   // nodes alive when it began
	tbls  int   // tables begun outside fallbacks when it began
	brace bool  // a brace in its text
}

// compactable are the WordprocessingML elements kept as source text when
// nothing in them needs the tree.
var compactable = map[string]bool{
	"p": true, "tbl": true, "tr": true,
	"pPr": true, "rPr": true, "sectPr": true, "tblPr": true, "trPr": true, "tcPr": true, "tblGrid": true,
}

// parseXML reads a part into a tree and counts the tree's nodes. It
// refuses DTDs (and with them any entity declaration), unknown entities
// and mismatched tags.
func parseXML(data []byte, opt parseOptions) (*node, int, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{typ: docNode}
	cur := root
	var stack []open
	w, wKnown := "", false
	nodes, tbls, fallback := 0, 0, 0
	add := func(n *node) error {
		nodes++
		if opt.maxNodes > 0 && nodes > opt.maxNodes {
			return errTooManyNodes
		}
		cur.kids = append(cur.kids, n)
		return nil
	}
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%w: %v", errXMLSyntax, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack)+1 > maxDepth {
				return nil, 0, fmt.Errorf("%w: phần tử lồng nhau quá %d cấp", errXMLSyntax, maxDepth)
			}
			if cur == root && root.element() != nil {
				return nil, 0, fmt.Errorf("%w: có hơn một phần tử gốc", errXMLSyntax)
			}
			n := &node{typ: elemNode, name: t.Name, attr: append([]xml.Attr(nil), t.Attr...), parent: cur}
			if err := add(n); err != nil {
				return nil, 0, err
			}
			if cur == root && opt.compact {
				w, wKnown = nsPrefix(n, nsW, nsWStrict)
			}
			if t.Name.Local == "Fallback" {
				fallback++
			}
			stack = append(stack, open{start: off, nodes: nodes, tbls: tbls})
			if wKnown && t.Name.Space == w && t.Name.Local == "tbl" && fallback == 0 {
				tbls++
			}
			cur = n
		case xml.EndElement:
			if cur == root || cur.name != t.Name {
				return nil, 0, fmt.Errorf("%w: thẻ đóng </%s> không khớp", errXMLSyntax, qname(t.Name))
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if t.Name.Local == "Fallback" {
				fallback--
			}
			if wKnown && t.Name.Space == w && compactable[t.Name.Local] && !top.brace && len(stack) > 0 {
				cur.kids, cur.text, cur.tables = nil, string(data[top.start:d.InputOffset()]), tbls-top.tbls
				nodes = top.nodes
			} else if len(stack) > 0 && top.brace {
				stack[len(stack)-1].brace = true
			}
			cur = cur.parent
		case xml.CharData:
			if len(stack) > 0 && bytes.ContainsAny(t, "{}") {
				stack[len(stack)-1].brace = true
			}
			if k := len(cur.kids); k > 0 && cur.kids[k-1].typ == textNode {
				cur.kids[k-1].text += string(t)
			} else if err := add(&node{typ: textNode, text: string(t), parent: cur}); err != nil {
				return nil, 0, err
			}
		case xml.Comment:
			if err := add(&node{typ: rawNode, text: "<!--" + string(t) + "-->", parent: cur}); err != nil {
				return nil, 0, err
			}
		case xml.ProcInst:
			if err := add(&node{typ: rawNode, text: "<?" + t.Target + " " + string(t.Inst) + "?>", parent: cur}); err != nil {
				return nil, 0, err
			}
		case xml.Directive:
			return nil, 0, ErrDTD
		}
	}
	if cur != root {
		return nil, 0, fmt.Errorf("%w: phần tử <%s> chưa đóng", errXMLSyntax, qname(cur.name))
	}
	if root.element() == nil {
		return nil, 0, fmt.Errorf("%w: không có phần tử gốc", errXMLSyntax)
	}
	return root, nodes, nil
}

// nsPrefix finds the first prefix an element binds to one of the
// namespaces ("" for the default namespace).
func nsPrefix(el *node, namespaces ...string) (string, bool) {
	for _, at := range el.attr {
		if !slices.Contains(namespaces, at.Value) {
			continue
		}
		switch {
		case at.Name.Space == "xmlns":
			return at.Name.Local, true
		case at.Name.Space == "" && at.Name.Local == "xmlns":
			return "", true
		}
	}
	return "", false
}

// compact reports whether the element is kept as its source text.
func (n *node) compact() bool { return n.typ == elemNode && n.text != "" }

// expandIf expands an element kept as source text when that text holds s.
func (pt *part) expandIf(n *node, s string) {
	if n.compact() && strings.Contains(n.text, s) {
		pt.expand(n)
	}
}

// expand turns an element kept as source text back into a subtree, within
// what is left of the part's node limit (pt.err says when it is not).
func (pt *part) expand(n *node) {
	if !n.compact() || pt.err != nil {
		return
	}
	doc, used, err := parseXML([]byte(n.text), parseOptions{maxNodes: max(pt.nodesLeft, 1)})
	if err != nil {
		pt.err = err
		return
	}
	pt.nodesLeft -= used
	el := doc.element()
	n.text, n.kids = "", el.kids
	for _, k := range n.kids {
		k.parent = n
	}
}

// element returns the root element of a document node.
func (n *node) element() *node {
	for _, k := range n.kids {
		if k.typ == elemNode {
			return k
		}
	}
	return nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// is reports whether n is the element prefix:local.
func (n *node) is(prefix, local string) bool {
	return n != nil && n.typ == elemNode && n.name.Local == local && n.name.Space == prefix
}

// attrValue returns the value of the attribute written prefix:local.
func (n *node) attrValue(prefix, local string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Local == local && a.Name.Space == prefix {
			return a.Value, true
		}
	}
	return "", false
}

// index returns the position of n among its parent's children.
func (n *node) index() int {
	for i, k := range n.parent.kids {
		if k == n {
			return i
		}
	}
	panic("fill: node not in its parent")
}

// insertAt puts n among p's children at position i.
func (p *node) insertAt(i int, n *node) {
	n.parent = p
	p.kids = append(p.kids, nil)
	copy(p.kids[i+1:], p.kids[i:])
	p.kids[i] = n
}

// remove takes n out of its parent.
func (n *node) remove() {
	i := n.index()
	n.parent.kids = append(n.parent.kids[:i], n.parent.kids[i+1:]...)
	n.parent = nil
}

// clone copies n and its subtree (an element kept as source text shares it).
func (n *node) clone() *node {
	c := *n
	c.parent = nil
	c.attr = append([]xml.Attr(nil), n.attr...)
	c.kids = make([]*node, len(n.kids))
	for i, k := range n.kids {
		c.kids[i] = k.clone()
		c.kids[i].parent = &c
	}
	return &c
}

// walk calls f for n and every descendant in document order; f returns
// false to skip a node's children.
func (n *node) walk(f func(*node) bool) {
	if !f(n) {
		return
	}
	for i := 0; i < len(n.kids); i++ {
		n.kids[i].walk(f)
	}
}

// ancestorOrSelf reports whether a is n or one of n's ancestors.
func (n *node) within(a *node) bool {
	for x := n; x != nil; x = x.parent {
		if x == a {
			return true
		}
	}
	return false
}

// writeText escapes character data.
func writeText(b *strings.Builder, s string) { writeEscaped(b, s, false) }

// writeAttr escapes an attribute value written between double quotes.
func writeAttr(b *strings.Builder, s string) { writeEscaped(b, s, true) }

// writeEscaped writes s with the characters XML reads otherwise escaped:
// & and < always, > in text, and in an attribute the quote and the white
// space that attribute normalisation would turn into spaces.
func writeEscaped(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '\r':
			esc = "&#xD;"
		case c == '>' && !attr:
			esc = "&gt;"
		case c == '"' && attr:
			esc = "&quot;"
		case c == '\n' && attr:
			esc = "&#xA;"
		case c == '\t' && attr:
			esc = "&#x9;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeStart writes an element's start tag; empty writes it self-closed.
func writeStart(b *strings.Builder, n *node, empty bool) {
	b.WriteByte('<')
	b.WriteString(qname(n.name))
	for _, a := range n.attr {
		b.WriteByte(' ')
		b.WriteString(qname(a.Name))
		b.WriteString(`="`)
		writeAttr(b, a.Value)
		b.WriteByte('"')
	}
	if empty {
		b.WriteString("/>")
	} else {
		b.WriteByte('>')
	}
}

func writeEnd(b *strings.Builder, n *node) {
	b.WriteString("</")
	b.WriteString(qname(n.name))
	b.WriteByte('>')
}
