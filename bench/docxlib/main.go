// Command docxlib re-runs the evidence for which github.com/nguyenthenguyen/docx
// was set aside for `thidua fill` (see docs/dependencies.md). It lives in a
// module of its own, so that thidua itself does not depend on the library.
//
//	cd bench/docxlib && go run .
//	cd bench/docxlib && go run . -form FORM.docx -copies FORM2.docx
//
// -form is the form whose tags are counted (default: the LibreOffice-saved
// form of thidua's fill tests, tags typed across formatting changes);
// -copies the form filled twice (default: a one-page form built here, whose
// header holds a whole tag, since no form of the repository has one).
//
// It reports three things about the library, each as found, never assumed:
//
//  1. how many of the form's {{...}} tags its Replace can find: a tag a
//     clerk typed across a formatting change, a bookmark or a spell-check
//     mark is split over several runs (<w:r>) in the XML, and the library
//     replaces raw strings in the XML;
//  2. where a value with a line break goes: it writes <w:br/> inside the
//     one <w:t> text element, which the WordprocessingML schema does not
//     allow (a <w:t> holds text only);
//  3. whether two copies made from one opened form keep their own headers:
//     Editable() hands every copy the same header map, so filling the
//     header of one copy fills the next copy's too.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/nguyenthenguyen/docx"
)

func main() {
	form := flag.String("form", "../../internal/fill/testdata/libreoffice-split.docx", "form whose tags are counted")
	copies := flag.String("copies", "", "form filled twice, with tags in its header (default: one built here)")
	flag.Parse()
	if err := run(*form, *copies); err != nil {
		fmt.Fprintln(os.Stderr, "docxlib:", err)
		os.Exit(1)
	}
}

func run(path, copiesPath string) error {
	tags, err := readTags(path)
	if err != nil {
		return err
	}
	r, err := docx.ReadDocxFile(path)
	if err != nil {
		return err
	}
	defer r.Close()

	// 1. Tags the library can find: Replace works on the raw XML, so a tag
	// is found only if its text stands whole inside one <w:t>.
	d := r.Editable()
	found := 0
	var missed []string
	for _, tag := range tags {
		if strings.Contains(d.GetContent(), escape(tag)) || inParts(r.Editable(), tag) {
			found++
		} else {
			missed = append(missed, tag)
		}
	}
	fmt.Printf("1. %s: the library finds %d of the form's %d tags\n", path, found, len(tags))
	if len(missed) > 0 {
		fmt.Printf("   it finds none of the %d tags the XML splits over several runs (a reader sees them whole):\n", len(missed))
	}
	for _, m := range missed {
		fmt.Printf("   not found: %s\n", m)
	}

	// 2. A value with a line break, in a form whose tag is whole.
	one := `<w:p><w:r><w:t>{{x}}</w:t></w:r></w:p>`
	d.SetContent(one)
	if err := d.Replace("{{x}}", "dòng 1\ndòng 2", -1); err != nil {
		return err
	}
	fmt.Printf("2. replacing {{x}} by \"dòng 1\\ndòng 2\" gives %s\n", d.GetContent())
	if strings.Contains(d.GetContent(), "<w:t>dòng 1<w:br/>dòng 2</w:t>") {
		fmt.Println("   the break is inside the <w:t> text element: not valid WordprocessingML")
	}

	// 3. Two copies from one opened form: fill the header of the first.
	if copiesPath == "" {
		copiesPath = filepath.Join(os.TempDir(), "docxlib-header-form.docx")
		if err := os.WriteFile(copiesPath, headerForm(), 0o644); err != nil {
			return err
		}
		defer os.Remove(copiesPath)
	}
	ctags, err := readTags(copiesPath)
	if err != nil {
		return err
	}
	c, err := docx.ReadDocxFile(copiesPath)
	if err != nil {
		return err
	}
	defer c.Close()
	first, second := c.Editable(), c.Editable()
	before := headerText(second)
	for _, tag := range ctags {
		if err := first.ReplaceHeader(tag, "BẢN SỐ 1"); err != nil {
			return err
		}
	}
	after := headerText(second)
	fmt.Printf("3. two copies of a form whose header holds a tag: the second copy's header before the first is filled: %q\n", before)
	fmt.Printf("   and after, untouched by any call on the second copy:   %q\n", after)
	if before != after {
		fmt.Println("   the first copy's header was carried into the second")
	}
	return nil
}

// inParts reports whether the tag stands whole in a header or footer.
func inParts(d *docx.Docx, tag string) bool {
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return false
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if strings.Contains(f.Name, "header") || strings.Contains(f.Name, "footer") {
			if strings.Contains(string(read(f)), escape(tag)) {
				return true
			}
		}
	}
	return false
}

// headerText is the text of every header of a copy, as it would be written.
func headerText(d *docx.Docx) string {
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return err.Error()
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err.Error()
	}
	var texts []string
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "word/header") {
			texts = append(texts, text(read(f)))
		}
	}
	sort.Strings(texts)
	return strings.Join(texts, " | ")
}

var reTag = regexp.MustCompile(`\{\{[^{}]*\}\}`)

// readTags lists the tags of a form as a reader sees them: the text of
// each paragraph of the body, headers and footers, joined across runs.
func readTags(path string) ([]string, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	var tags []string
	for _, f := range z.File {
		if f.Name == "word/document.xml" || strings.HasPrefix(f.Name, "word/header") || strings.HasPrefix(f.Name, "word/footer") {
			for _, p := range paragraphs(read(f)) {
				tags = append(tags, reTag.FindAllString(p, -1)...)
			}
		}
	}
	if len(tags) == 0 {
		return nil, fmt.Errorf("%s has no {{...}} tags", path)
	}
	return tags, nil
}

// paragraphs returns the text of each <w:p> of a part.
func paragraphs(data []byte) []string {
	var out []string
	var cur strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(data))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inText = t.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if t.Name.Local == "p" {
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return out
}

func text(data []byte) string { return strings.Join(paragraphs(data), " ") }

func read(f *zip.File) []byte {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

// escape writes a tag as it appears in XML text.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// headerForm is a minimal Word form: one paragraph, and a header that
// holds the tag {{.cum.ky_hieu}} whole.
func headerForm() []byte {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + ns + `><w:body><w:p><w:r><w:t>Kính gửi: {{.cum.co_quan_chu_quan}}</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + ns + `><w:p><w:r><w:t>Số: .../{{.cum.ky_hieu}}</w:t></w:r></w:p></w:hdr>`},
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			panic(err)
		}
		io.WriteString(w, p.body)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
