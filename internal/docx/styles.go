package docx

import (
	"fmt"

	"thidua/internal/doc"
)

// normalID is the id Word gives its default paragraph style.
const normalID = "Normal"

// headerID is the style of the page-number paragraph, Word's built-in
// "header" style.
const headerID = "Header"

// fallbackNormal is the Normal style written when the document uses none:
// body-size text, single exact lines, nothing else.
var fallbackNormal = doc.Style{ID: normalID, Name: normalID, Size: 14, Align: doc.Left, Line: doc.LinePitch(14)}

// headerStyle sets the page number: Times New Roman 13, centred, on one
// exact line of doc.LinePitch(13).
var headerStyle = doc.Style{ID: headerID, Name: "header", Size: 13, Align: doc.Center, Line: doc.LinePitch(13)}

// collectStyles records every distinct style the blocks use, in order of
// first use, and checks that no two different styles share an id.
func (p *pkg) collectStyles(blocks []doc.Block) error {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b.Style == nil || p.seen[b.Style] {
				continue
			}
			p.seen[b.Style] = true
			if b.Style.ID == headerID {
				return fmt.Errorf("docx: mã kiểu %q dành cho số trang; hãy đặt cho kiểu đoạn %q một mã khác", headerID, b.Style.Name)
			}
			if b.Style.ID == "" {
				return fmt.Errorf("docx: kiểu đoạn %q không có mã (ID); mỗi kiểu cần một mã riêng", b.Style.Name)
			}
			if prev, ok := p.byID[b.Style.ID]; ok {
				if *prev != *b.Style {
					return fmt.Errorf("docx: hai kiểu đoạn khác nhau cùng mã %q; mỗi kiểu cần một mã riêng", b.Style.ID)
				}
				continue
			}
			p.byID[b.Style.ID] = b.Style
			p.styles = append(p.styles, b.Style)
		case *doc.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					if err := p.collectStyles(c.Blocks); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// appendStyles writes word/styles.xml. Every paragraph style states its
// size, alignment, indents and spacing in full, so that no value leaks in
// from Normal; on/off properties are written where they differ from
// Normal's.
func (p *pkg) appendStyles(w *buf) {
	n := p.normal
	w.s(xmlHeader)
	w.s(`<w:styles xmlns:w="` + nsW + `">`)
	w.s(`<w:docDefaults><w:rPrDefault><w:rPr>` + fontsTNR + `<w:color w:val="000000"/><w:kern w:val="0"/>`)
	w.val("w:sz", halfPt(n.Size))
	w.val("w:szCs", halfPt(n.Size))
	w.s(`<w:lang w:val="vi-VN" w:eastAsia="vi-VN"/></w:rPr></w:rPrDefault>`)
	w.s(`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	p.appendStyle(w, n, &doc.Style{})
	for _, s := range p.styles {
		if s != n {
			p.appendStyle(w, s, n)
		}
	}
	if p.numbered {
		p.appendStyle(w, &headerStyle, n)
	}
	w.s(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	w.s(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	w.s(`</w:styles>`)
}

// appendStyle writes one paragraph style; base is the style it is based on
// (an empty Style for Normal itself, which is based on the defaults).
func (p *pkg) appendStyle(w *buf, s, base *doc.Style) {
	w.s(`<w:style w:type="paragraph"`)
	if s.ID == normalID {
		w.s(` w:default="1"`)
	}
	w.s(` w:styleId="`)
	w.text(s.ID) // checked by validStyleText
	w.s(`"><w:name w:val="`)
	w.text(styleName(s))
	w.s(`"/>`)
	if s.ID != normalID {
		w.s(`<w:basedOn w:val="` + normalID + `"/><w:next w:val="`)
		w.text(s.ID)
		w.s(`"/>`)
	}
	w.s(`<w:qFormat/>`)
	p.appendPPr(w, s, base, pprOpts{all: true})
	w.s(`<w:rPr>` + fontsTNR)
	appendRunDiff(w, s.Bold, s.Italic, s.Size, base, true)
	w.s(`</w:rPr></w:style>`)
}

// styleName is the name Word shows for s: its Name, else its ID.
func styleName(s *doc.Style) string {
	if s.Name != "" {
		return s.Name
	}
	return s.ID
}

// validStyleText checks that every style's id and name can be written.
func (p *pkg) validStyleText() error {
	var scratch buf
	for _, s := range p.styles {
		for _, t := range [...]string{s.ID, s.Name} {
			if err := scratch.text(t); err != nil {
				return err
			}
		}
	}
	return nil
}
