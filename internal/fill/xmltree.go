package fill

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
	text   string // textNode, rawNode, actionNode: the text to write
	tag    *tag   // tagNode, actionNode: the tag it stands for
	owner  *tag   // actionNode written for a tag but not its own action (table guards)
	rPr    *node  // tagNode: run properties copied from the run where the tag began
	after  *node  // actionNode placed after an anchor: that anchor
	drop   bool   // not written
}

// maxDepth bounds element nesting so hostile XML cannot exhaust the stack.
const maxDepth = 256

var errXMLSyntax = errors.New("XML syntax")

// parseXML reads a part into a tree. It refuses DTDs (and with them any
// entity declaration), unknown entities and mismatched tags.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{typ: docNode}
	cur := root
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errXMLSyntax, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, fmt.Errorf("%w: phần tử lồng nhau quá %d cấp", errXMLSyntax, maxDepth)
			}
			if cur == root && root.element() != nil {
				return nil, fmt.Errorf("%w: có hơn một phần tử gốc", errXMLSyntax)
			}
			n := &node{typ: elemNode, name: t.Name, attr: append([]xml.Attr(nil), t.Attr...), parent: cur}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			if cur == root || cur.name != t.Name {
				return nil, fmt.Errorf("%w: thẻ đóng </%s> không khớp", errXMLSyntax, qname(t.Name))
			}
			depth--
			cur = cur.parent
		case xml.CharData:
			if k := len(cur.kids); k > 0 && cur.kids[k-1].typ == textNode {
				cur.kids[k-1].text += string(t)
			} else {
				cur.kids = append(cur.kids, &node{typ: textNode, text: string(t), parent: cur})
			}
		case xml.Comment:
			cur.kids = append(cur.kids, &node{typ: rawNode, text: "<!--" + string(t) + "-->", parent: cur})
		case xml.ProcInst:
			cur.kids = append(cur.kids, &node{typ: rawNode, text: "<?" + t.Target + " " + string(t.Inst) + "?>", parent: cur})
		case xml.Directive:
			return nil, ErrDTD
		}
	}
	if cur != root {
		return nil, fmt.Errorf("%w: phần tử <%s> chưa đóng", errXMLSyntax, qname(cur.name))
	}
	if root.element() == nil {
		return nil, fmt.Errorf("%w: không có phần tử gốc", errXMLSyntax)
	}
	return root, nil
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

// clone copies n and its subtree.
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
