package fill

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"thidua/internal/testkit"
)

// docBuilder writes a small valid .docx for tests. With split set, every
// tag is cut into runs of two or three characters with the noise Word puts
// between runs: spell-check marks, bookmarks, revision ids, language
// changes.
type docBuilder struct {
	split  bool
	widths []int // column widths of the next tables, in twips; default 2000 each
	body   []string
	header []string
	footer []string
	noise  int
}

const docNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"`

var tagRe = regexp.MustCompile(`\{\{.*?\}\}`)

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run writes one run; rPr is the inner XML of <w:rPr>.
func run(text, rPr string) string {
	props := ""
	if rPr != "" {
		props = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + props + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// runs writes text as runs, cutting each tag into pieces when splitting.
func (b *docBuilder) runs(text, rPr string) string {
	if !b.split {
		return run(text, rPr)
	}
	var out strings.Builder
	last := 0
	for _, m := range tagRe.FindAllStringIndex(text, -1) {
		if m[0] > last {
			out.WriteString(run(text[last:m[0]], rPr))
		}
		tag := []rune(text[m[0]:m[1]])
		for i := 0; i < len(tag); {
			n := 2 + (i/2)%2
			if i+n > len(tag) {
				n = len(tag) - i
			}
			out.WriteString(b.noisy(string(tag[i:i+n]), rPr))
			i += n
		}
		last = m[1]
	}
	if last < len(text) {
		out.WriteString(run(text[last:], rPr))
	}
	return out.String()
}

// noisy writes a piece of a tag in its own run with one kind of noise.
func (b *docBuilder) noisy(piece, rPr string) string {
	b.noise++
	id := b.noise
	switch id % 5 {
	case 0:
		return `<w:proofErr w:type="spellStart"/>` + run(piece, rPr) + `<w:proofErr w:type="spellEnd"/>`
	case 1:
		return fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="_Tag%d"/>`, id, id) + run(piece, rPr) + fmt.Sprintf(`<w:bookmarkEnd w:id="%d"/>`, id)
	case 2:
		return fmt.Sprintf(`<w:r w:rsidR="00%06X" w:rsidRPr="00%06X"><w:rPr>%s</w:rPr><w:t>%s</w:t></w:r>`, id*7919, id*104729, rPr, esc(piece))
	case 3:
		return run(piece, rPr+`<w:lang w:val="en-US"/>`)
	default:
		return run(piece, rPr+`<w:noProof/><w:lang w:val="vi-VN" w:eastAsia="en-US"/>`)
	}
}

// p adds a paragraph to the body.
func (b *docBuilder) p(text string) *docBuilder {
	b.body = append(b.body, b.para(text, ""))
	return b
}

// para writes a paragraph whose runs carry rPr.
func (b *docBuilder) para(text, rPr string) string {
	return "<w:p>" + b.runs(text, rPr) + "</w:p>"
}

// table adds a table; each cell string holds paragraphs separated by "¶".
func (b *docBuilder) table(rows ...[]string) *docBuilder {
	var t strings.Builder
	t.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>`)
	width := func(i int) int {
		if i < len(b.widths) {
			return b.widths[i]
		}
		return 2000
	}
	for i := range rows[0] {
		fmt.Fprintf(&t, `<w:gridCol w:w="%d"/>`, width(i))
	}
	t.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		t.WriteString("<w:tr>")
		for i, c := range r {
			fmt.Fprintf(&t, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width(i))
			for _, p := range strings.Split(c, "¶") {
				t.WriteString(b.para(p, ""))
			}
			t.WriteString("</w:tc>")
		}
		t.WriteString("</w:tr>")
	}
	t.WriteString("</w:tbl>")
	b.body = append(b.body, t.String())
	return b
}

// textBox adds a paragraph holding a text box with the given paragraphs,
// written twice as Word does (DrawingML and the VML fallback).
func (b *docBuilder) textBox(paras ...string) *docBuilder {
	inner := func() string {
		var s strings.Builder
		for _, p := range paras {
			s.WriteString(b.para(p, ""))
		}
		return "<w:txbxContent>" + s.String() + "</w:txbxContent>"
	}
	b.body = append(b.body, `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>`+
		`<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">`+
		`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>`+
		`<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="3600000" cy="720000"/>`+
		`<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Hộp văn bản 1"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>`+
		`<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3600000" cy="720000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>`+
		`<wps:txbx>`+inner()+`</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`+
		`<mc:Fallback><w:pict><v:shape id="tb1" style="width:283pt;height:57pt" type="#_x0000_t202"><v:textbox>`+inner()+`</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	return b
}

func (b *docBuilder) hdr(text string) *docBuilder {
	b.header = append(b.header, b.para(text, ""))
	return b
}

func (b *docBuilder) ftr(text string) *docBuilder {
	b.footer = append(b.footer, b.para(text, ""))
	return b
}

// bytes writes the package.
func (b *docBuilder) bytes() []byte {
	files := map[string]string{}
	var order []string
	put := func(name, content string) {
		files[name] = content
		order = append(order, name)
	}
	overrides := `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
	rels := ""
	sect := ""
	if len(b.header) > 0 {
		overrides += `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
		rels += `<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
		sect += `<w:headerReference w:type="default" r:id="rIdH1"/>`
	}
	if len(b.footer) > 0 {
		overrides += `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
		rels += `<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
		sect += `<w:footerReference w:type="default" r:id="rIdF1"/>`
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+overrides+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
	put("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<w:document `+docNS+`><w:body>`+strings.Join(b.body, "")+
		`<w:sectPr>`+sect+`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	put("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	if len(b.header) > 0 {
		put("word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<w:hdr `+docNS+`>`+strings.Join(b.header, "")+`</w:hdr>`)
	}
	if len(b.footer) > 0 {
		put("word/footer1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<w:ftr `+docNS+`>`+strings.Join(b.footer, "")+`</w:ftr>`)
	}
	return zipFiles(order, files)
}

// zipFiles writes the named files in order.
func zipFiles(order []string, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		io.WriteString(w, files[name])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// unzip reads every entry of a package.
func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, e := range testkit.Unzip(t, data) {
		out[e.Name] = e.Data
	}
	return out
}

// lines reads a WordprocessingML part the way a reader sees it: one line
// per paragraph, a table row as its cells joined by " | " (paragraphs in a
// cell joined by " / "), a line break as "↵" and a tab as "→". Text box
// paragraphs come before the paragraph holding the box. It fails the test
// on XML that is not well formed.
func lines(t testing.TB, part []byte) []string {
	t.Helper()
	const wns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	d := xml.NewDecoder(bytes.NewReader(part))
	var out []string
	var paras []*strings.Builder
	type cellCtx struct{ cells, cur []string }
	var rows []*cellCtx
	inT, fallback := false, 0
	// Word refuses a cell that does not end with a paragraph and a table
	// without rows: check every one.
	type open struct{ name, last string }
	var stack []open
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output XML is not well formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 {
				stack[len(stack)-1].last = tk.Name.Local
			}
			stack = append(stack, open{name: tk.Name.Local})
			if tk.Name.Local == "Fallback" {
				fallback++
			}
			if tk.Name.Space != wns || fallback > 0 {
				continue
			}
			switch tk.Name.Local {
			case "p":
				paras = append(paras, &strings.Builder{})
			case "t":
				inT = true
			case "br", "cr":
				paras[len(paras)-1].WriteString("↵")
			case "tab":
				if len(paras) > 0 {
					paras[len(paras)-1].WriteString("→")
				}
			case "tr":
				rows = append(rows, &cellCtx{})
			case "tc":
				rows[len(rows)-1].cur = nil
			}
		case xml.EndElement:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if tk.Name.Space == wns && tk.Name.Local == "tc" && top.last != "p" {
				t.Fatalf("a table cell ends with <%s>, not a paragraph", top.last)
			}
			if tk.Name.Space == wns && tk.Name.Local == "tbl" && top.last != "tr" {
				t.Fatalf("a table ends with <%s>, not a row", top.last)
			}
			if tk.Name.Local == "Fallback" {
				fallback--
			}
			if tk.Name.Space != wns || fallback > 0 {
				continue
			}
			switch tk.Name.Local {
			case "t":
				inT = false
			case "p":
				s := paras[len(paras)-1].String()
				paras = paras[:len(paras)-1]
				if len(rows) > 0 && len(paras) == 0 {
					r := rows[len(rows)-1]
					r.cur = append(r.cur, s)
				} else {
					out = append(out, s)
				}
			case "tc":
				r := rows[len(rows)-1]
				r.cells = append(r.cells, strings.Join(r.cur, " / "))
			case "tr":
				r := rows[len(rows)-1]
				rows = rows[:len(rows)-1]
				out = append(out, strings.Join(r.cells, " | "))
			}
		case xml.CharData:
			if inT && fallback == 0 && len(paras) > 0 {
				paras[len(paras)-1].Write(tk)
			}
		}
	}
	return out
}
