package docx

import (
	"strconv"

	"thidua/internal/doc"
)

// Namespaces and fragments shared by the parts.
const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	fontsTNR  = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`
)

// Relationship ids of word/document.xml.
const (
	ridEmptyHeader = "rId4"
	ridPageHeader  = "rId5"
)

// sectPrs holds the four section-property fragments, indexed by
// sectIndex: portrait or landscape, with or without page numbers.
var sectPrs = [4]string{sectPrFor(false, false), sectPrFor(false, true), sectPrFor(true, false), sectPrFor(true, true)}

// sectPr returns the w:sectPr that ends section s.
func sectPr(s *doc.Section) string {
	i := 0
	if s.Landscape {
		i += 2
	}
	if s.Numbered {
		i++
	}
	return sectPrs[i]
}

// sectPrFor builds a w:sectPr: A4 in the orientation asked, the decree's
// margins, the header at doc.HeaderTop, numbering restarting at 1. A
// numbered section shows the page-number header on every page but its
// first (w:titlePg with an empty first-page header); an unnumbered one
// refers to the empty header explicitly, or Word would carry the previous
// section's header into it.
func sectPrFor(landscape, numbered bool) string {
	n := func(pt float64) string { return strconv.FormatInt(tw(pt), 10) }
	w, h, orient := n(doc.PageWidth), n(doc.PageHeight), ""
	if landscape {
		w, h, orient = h, w, ` w:orient="landscape"`
	}
	s := `<w:sectPr>`
	if numbered {
		s += `<w:headerReference w:type="default" r:id="` + ridPageHeader + `"/><w:headerReference w:type="first" r:id="` + ridEmptyHeader + `"/>`
	} else {
		s += `<w:headerReference w:type="default" r:id="` + ridEmptyHeader + `"/>`
	}
	s += `<w:type w:val="nextPage"/><w:pgSz w:w="` + w + `" w:h="` + h + `"` + orient + `/>` +
		`<w:pgMar w:top="` + n(doc.MarginTop) + `" w:right="` + n(doc.MarginRight) + `" w:bottom="` + n(doc.MarginBottom) +
		`" w:left="` + n(doc.MarginLeft) + `" w:header="` + n(doc.HeaderTop) + `" w:footer="` + n(doc.HeaderTop) + `" w:gutter="0"/>` +
		`<w:pgNumType w:start="1"/>`
	if numbered {
		s += `<w:titlePg/>`
	}
	return s + `</w:sectPr>`
}

// staticParts are the parts that depend only on whether some section is
// numbered (index 1) or none is (index 0); without numbers there is no
// page-number header.
var staticParts = [2]struct{ contentTypes, documentRels, pageHeader *zipPart }{
	{precompress("[Content_Types].xml", contentTypes(false)), precompress("word/_rels/document.xml.rels", documentRels(false)), nil},
	{precompress("[Content_Types].xml", contentTypes(true)), precompress("word/_rels/document.xml.rels", documentRels(true)),
		precompress("word/header2.xml", []byte(pageHeaderXML))},
}

func contentTypes(numbered bool) []byte {
	const ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	over := func(part, typ string) string { return `<Override PartName="` + part + `" ContentType="` + typ + `"/>` }
	s := xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		over("/word/document.xml", ct+"document.main+xml") +
		over("/word/styles.xml", ct+"styles+xml") +
		over("/word/settings.xml", ct+"settings+xml") +
		over("/word/fontTable.xml", ct+"fontTable+xml") +
		over("/word/header1.xml", ct+"header+xml")
	if numbered {
		s += over("/word/header2.xml", ct+"header+xml")
	}
	s += over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
		over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
		`</Types>`
	return []byte(s)
}

func rel(id, typ, target string) string {
	return `<Relationship Id="` + id + `" Type="` + typ + `" Target="` + target + `"/>`
}

func documentRels(numbered bool) []byte {
	s := xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
		rel("rId1", relType+"styles", "styles.xml") +
		rel("rId2", relType+"settings", "settings.xml") +
		rel("rId3", relType+"fontTable", "fontTable.xml") +
		rel(ridEmptyHeader, relType+"header", "header1.xml")
	if numbered {
		s += rel(ridPageHeader, relType+"header", "header2.xml")
	}
	return []byte(s + `</Relationships>`)
}

// The parts that never change, compressed once.
var (
	rootRels       = precompress("_rels/.rels", []byte(rootRelsXML))
	appXML         = precompress("docProps/app.xml", []byte(appPropsXML))
	settingsXML    = precompress("word/settings.xml", []byte(settingsPartXML))
	fontTableXML   = precompress("word/fontTable.xml", []byte(fontTablePartXML))
	emptyHeaderXML = precompress("word/header1.xml", emptyHeader())
)

const (
	rootRelsXML = xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`

	appPropsXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>thidua</Application><DocSecurity>0</DocSecurity></Properties>`

	// settingsPartXML: no automatic hyphenation, tab stops every 1.27 cm,
	// Word 2013+ layout (compatibility mode 15), Vietnamese number marks.
	settingsPartXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:autoHyphenation w:val="0"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`

	fontTablePartXML = xmlHeader + `<w:fonts xmlns:w="` + nsW + `"><w:font w:name="Times New Roman">` +
		`<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>` +
		`</w:font></w:fonts>`

	// pageHeaderXML is the centred PAGE field, set in the Header style.
	pageHeaderXML = xmlHeader + `<w:hdr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="` + headerID + `"/></w:pPr>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
)

// emptyHeader is the header of first pages and unnumbered sections: one
// 1-pt paragraph, so that it never reaches the body.
func emptyHeader() []byte {
	w := buf{}
	w.s(xmlHeader + `<w:hdr xmlns:w="` + nsW + `">`)
	(&pkg{normal: &doc.Style{}}).empty(&w, tinyHeight, 0, 0, pprOpts{})
	w.s(`</w:hdr>`)
	return w.b
}
