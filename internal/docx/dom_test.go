package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/testkit"
)

// node is an element of a parsed part, with names written as prefix:local
// ("w:p", "r:id", "xml:space") whatever prefixes the part used.
type node struct {
	name string
	attr map[string]string
	kids []*node
	text string
}

var prefixes = map[string]string{
	nsW:                                    "w",
	nsR:                                    "r",
	"http://www.w3.org/XML/1998/namespace": "xml",
}

func qname(n xml.Name) string {
	if p, ok := prefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	return n.Local
}

// parseXML parses a part with encoding/xml, failing the test on any
// error: every part must be well-formed.
func parseXML(t testing.TB, name string, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#document"}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(tok.Name), attr: map[string]string{}}
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				n.attr[qname(a.Name)] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
	if len(root.kids) != 1 {
		t.Fatalf("%s has %d root elements", name, len(root.kids))
	}
	return root.kids[0]
}

// all returns the descendants of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// get follows a path of child names ("w:pPr/w:spacing"); nil when absent.
func (n *node) get(path string) *node {
	cur := n
	for _, step := range strings.Split(path, "/") {
		var next *node
		for _, k := range cur.kids {
			if k.name == step {
				next = k
				break
			}
		}
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

// at returns an attribute at a path, "" when the element or attribute is absent.
func (n *node) at(path, attr string) string {
	if e := n.get(path); e != nil {
		return e.attr[attr]
	}
	return ""
}

// has reports whether the element at path exists.
func (n *node) has(path string) bool { return n.get(path) != nil }

// textOf joins the w:t texts under n.
func (n *node) textOf() string {
	var b strings.Builder
	for _, t := range n.all("w:t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// childNames lists the names of n's children.
func (n *node) childNames() []string {
	var out []string
	for _, k := range n.kids {
		out = append(out, k.name)
	}
	return out
}

// pkgParts is a written package: its entries in zip order and their bytes.
type pkgParts struct {
	names []string
	files map[string]*zip.File
	data  map[string][]byte
}

// write renders d and opens the package, failing on any error.
func write(t testing.TB, d *doc.Document) ([]byte, *pkgParts) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	p := &pkgParts{files: map[string]*zip.File{}, data: map[string][]byte{}}
	for _, e := range testkit.Unzip(t, b.Bytes()) {
		p.names = append(p.names, e.Name)
		p.files[e.Name] = e.File
		p.data[e.Name] = e.Data
	}
	return b.Bytes(), p
}

// part parses one part of the package.
func (p *pkgParts) part(t testing.TB, name string) *node {
	t.Helper()
	data, ok := p.data[name]
	if !ok {
		t.Fatalf("package has no %s (it has %v)", name, p.names)
	}
	return parseXML(t, name, data)
}

// body returns the w:body of word/document.xml.
func (p *pkgParts) body(t testing.TB) *node {
	t.Helper()
	b := p.part(t, "word/document.xml").get("w:body")
	if b == nil {
		t.Fatal("document.xml has no w:body")
	}
	return b
}

// paraWith returns the first paragraph under n whose text contains s.
func paraWith(t testing.TB, n *node, s string) *node {
	t.Helper()
	for _, p := range n.all("w:p") {
		if strings.Contains(p.textOf(), s) {
			return p
		}
	}
	t.Fatalf("no paragraph contains %q", s)
	return nil
}

// section is a one-section document of the blocks.
func section(numbered bool, blocks ...doc.Block) *doc.Document {
	return &doc.Document{Title: "Thử", Sections: []*doc.Section{{Numbered: numbered, Blocks: blocks}}}
}
