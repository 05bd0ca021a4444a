// Package docx writes a doc.Document as a WordprocessingML package (.docx)
// that Word and LibreOffice lay out as package pdf does: Times New Roman,
// A4 with the decree's margins, exact line pitches, space only after
// paragraphs, fixed table grids, rows that never split, page numbers from
// each numbered section's second page.
//
// The XML is generated as text from precomputed fragments (no reflection),
// and the package is byte-identical for the same document.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"sync"
	"time"

	"thidua/internal/doc"
	"thidua/internal/zipflate"
)

// modified is the creation and modification time written into every
// package (docProps/core.xml and the zip entries): the day Nghị định
// 30/2020 was signed. A fixed time keeps the output deterministic.
var modified = time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)

// pkg is the state of one Write: the parts built from the document and
// the styles it uses. It is pooled, so that its buffers are reused.
type pkg struct {
	body, styleXML, core buf
	seen                 map[*doc.Style]bool
	byID                 map[string]*doc.Style
	styles               []*doc.Style // in order of first use
	normal               *doc.Style
	numbered             bool // some section shows page numbers
}

var pkgPool = sync.Pool{New: func() any {
	return &pkg{seen: map[*doc.Style]bool{}, byID: map[string]*doc.Style{}}
}}

// Write writes d to w as a .docx package. A document that cannot be
// written (a character XML forbids, a table row that does not fit its
// grid, two styles with one id) is refused before anything reaches w.
func Write(w io.Writer, d *doc.Document) error {
	p := pkgPool.Get().(*pkg)
	defer p.release()
	if err := p.build(d); err != nil {
		return err
	}
	return p.write(w)
}

// release empties p and returns it to the pool.
func (p *pkg) release() {
	p.body.b, p.styleXML.b, p.core.b = p.body.b[:0], p.styleXML.b[:0], p.core.b[:0]
	clear(p.seen)
	clear(p.byID)
	clear(p.styles)
	p.styles = p.styles[:0]
	p.normal, p.numbered = nil, false
	pkgPool.Put(p)
}

// build renders every part that depends on the document.
func (p *pkg) build(d *doc.Document) error {
	if d == nil || len(d.Sections) == 0 {
		return errors.New("docx: tài liệu trống, không có phần (section) nào để ghi")
	}
	for _, s := range d.Sections {
		if err := p.collectStyles(s.Blocks); err != nil {
			return err
		}
		p.numbered = p.numbered || s.Numbered
	}
	if err := p.validStyleText(); err != nil {
		return err
	}
	p.normal = p.byID[normalID]
	if p.normal == nil {
		p.normal = &fallbackNormal
	}
	if err := p.appendCore(&p.core, d); err != nil {
		return err
	}
	w := &p.body
	w.s(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	last := len(d.Sections) - 1
	for i, s := range d.Sections {
		sect := sectPr(s)
		inPara := sect
		if i == last {
			inPara = ""
		}
		if err := p.blocks(w, s.Blocks, ctx{width: s.Width()}, inPara); err != nil {
			return err
		}
		if i == last {
			w.s(sect)
		}
	}
	w.s(`</w:body></w:document>`)
	p.appendStyles(&p.styleXML)
	return nil
}

// appendCore writes docProps/core.xml: title, subject, language and the
// fixed dates.
func (p *pkg) appendCore(w *buf, d *doc.Document) error {
	w.s(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	if err := w.text(d.Title); err != nil {
		return err
	}
	w.s(`</dc:title><dc:subject>`)
	if err := w.text(d.Subject); err != nil {
		return err
	}
	stamp := modified.Format(time.RFC3339)
	w.s(`</dc:subject><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">` + stamp +
		`</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`)
	return nil
}

// write zips the parts into w in a fixed order. The parts that do not
// depend on the document were compressed once, at start-up.
func (p *pkg) write(w io.Writer) error {
	static := &staticParts[0]
	if p.numbered {
		static = &staticParts[1]
	}
	zw := zip.NewWriter(w)
	zipflate.Register(zw)
	entries := [...]struct {
		pre    *zipPart // a precompressed part, or
		name   string   // the name and data of one to compress
		data   []byte
		method uint16
	}{
		{pre: static.contentTypes},
		{pre: rootRels},
		// core.xml is a few hundred bytes: deflating them would cost more
		// than a page of the document and save little.
		{name: "docProps/core.xml", data: p.core.b, method: zip.Store},
		{pre: appXML},
		{name: "word/document.xml", data: p.body.b, method: zip.Deflate},
		{pre: static.documentRels},
		{pre: stylesPart(p.styleXML.b)},
		{pre: settingsXML},
		{pre: fontTableXML},
		{pre: emptyHeaderXML},
		{pre: static.pageHeader},
	}
	for _, e := range entries {
		if e.pre != nil {
			h := e.pre.hdr // CreateRaw changes the header it is given
			f, err := zw.CreateRaw(&h)
			if err != nil {
				return err
			}
			if _, err := f.Write(e.pre.data); err != nil {
				return err
			}
			continue
		}
		if e.name == "" {
			continue
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// styleParts holds word/styles.xml compressed, by content: the papers of
// a set of templates use a few sets of styles, each compressed once.
var styleParts struct {
	sync.Mutex
	m map[string]*zipPart
}

// maxStyleParts bounds styleParts; past it, styles are compressed each
// time (templates edited without end).
const maxStyleParts = 256

// stylesPart returns word/styles.xml with content data, compressed.
func stylesPart(data []byte) *zipPart {
	styleParts.Lock()
	z, ok := styleParts.m[string(data)]
	styleParts.Unlock()
	if ok {
		return z
	}
	z = precompress("word/styles.xml", data)
	styleParts.Lock()
	defer styleParts.Unlock()
	if styleParts.m == nil {
		styleParts.m = map[string]*zipPart{}
	}
	if len(styleParts.m) < maxStyleParts {
		styleParts.m[string(data)] = z
	}
	return z
}

// zipPart is a part compressed once and copied into every package.
type zipPart struct {
	hdr  zip.FileHeader
	data []byte // deflated
}

// precompress deflates a part that never changes. It writes the part into
// a scratch archive exactly as write writes the others, and keeps the
// header and compressed bytes that a reader finds there.
func precompress(name string, data []byte) *zipPart {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zipflate.Register(zw)
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	var zr *zip.Reader
	if err == nil {
		zr, err = zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	}
	var raw io.Reader
	if err == nil {
		raw, err = zr.File[0].OpenRaw()
	}
	var comp []byte
	if err == nil {
		comp, err = io.ReadAll(raw)
	}
	if err != nil {
		panic("docx: precompressing " + name + ": " + err.Error())
	}
	return &zipPart{hdr: zr.File[0].FileHeader, data: comp}
}
