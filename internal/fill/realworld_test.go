package fill

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// Forms shaped like the .docx files other programs write (issue 17): each
// is built here from a form of the repository, changed the way those
// programs write it.

// entries reads a package into names in order and their contents.
func entries(t testing.TB, docx []byte) ([]string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		order = append(order, f.Name)
		files[f.Name] = string(b)
	}
	return order, files
}

// repack rewrites a package after edit changes its files.
func repack(t testing.TB, docx []byte, edit func(order *[]string, files map[string]string)) []byte {
	t.Helper()
	order, files := entries(t, docx)
	edit(&order, files)
	return zipFiles(order, files)
}

// verbatimElems hold text in which white space counts.
var verbatimElems = regexp.MustCompile(`^<[\w]+:(t|instrText|delText|delInstrText)[\s>]`)

// indent writes every element on its own line, as many generators do,
// leaving the inside of text elements alone.
func indent(s string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		tagEnd := i + j + 1
		b.WriteString(s[i:tagEnd])
		start := strings.LastIndexByte(s[:tagEnd], '<')
		tag := s[start:tagEnd]
		switch {
		case strings.HasPrefix(tag, "</"):
			depth--
		case strings.HasPrefix(tag, "<?"), strings.HasPrefix(tag, "<!"), strings.HasSuffix(tag, "/>"):
		default:
			depth++
		}
		i = tagEnd
		if i < len(s) && s[i] == '<' && !verbatimElems.MatchString(tag) {
			next := depth
			if strings.HasPrefix(s[i:], "</") {
				next--
			}
			b.WriteString("\n" + strings.Repeat("  ", max(next, 0)))
		}
	}
	return b.String()
}

// indented indents every XML part of a package.
func indented(t testing.TB, docx []byte) []byte {
	return repack(t, docx, func(order *[]string, files map[string]string) {
		for name, s := range files {
			if isXMLName(name) {
				files[name] = indent(s)
			}
		}
	})
}

// styled is a part's text with the run properties of each stretch, one
// line per paragraph: "‹props›text" for each change of properties. White
// space between elements is ignored, as Word ignores it.
func styled(t testing.TB, part []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(part))
	var out []string
	var cur strings.Builder
	var props, lastProps string
	var inT, inProps, fallback int
	var propsBuf strings.Builder
	space := regexp.MustCompile(`>\s+<`)
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
			switch tk.Name.Local {
			case "Fallback":
				fallback++
			case "r":
				props = ""
			case "rPr":
				if inProps == 0 {
					propsBuf.Reset()
				}
				inProps++
			case "t":
				inT++
			case "tab":
				cur.WriteString("→")
			case "br":
				cur.WriteString("↵")
			}
			if inProps > 0 && tk.Name.Local != "rPr" {
				propsBuf.WriteString("<" + tk.Name.Local)
				for _, a := range tk.Attr {
					if !strings.HasPrefix(a.Name.Local, "rsid") {
						propsBuf.WriteString(" " + a.Name.Local + "=" + a.Value)
					}
				}
				propsBuf.WriteString(">")
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "Fallback":
				fallback--
			case "rPr":
				inProps--
				if inProps == 0 {
					props = space.ReplaceAllString(propsBuf.String(), "><")
				}
			case "t":
				inT--
			case "p":
				if fallback == 0 {
					out = append(out, cur.String())
				}
				cur.Reset()
				lastProps = ""
			}
		case xml.CharData:
			if inT > 0 && fallback == 0 && len(tk) > 0 {
				if props != lastProps || cur.Len() == 0 {
					cur.WriteString("‹" + props + "›")
					lastProps = props
				}
				cur.Write(tk)
			}
		}
	}
	return out
}

// TestIndentedXMLKeepsFormatting (issue 17.1): a form whose parts are
// indented fills to the same text with the same formatting, character for
// character, as the same form written on one line.
func TestIndentedXMLKeepsFormatting(t *testing.T) {
	for _, name := range []string{"../../samples/forms/to-trinh.docx", "../../samples/forms/dang-ky-giao-uoc.docx", "testdata/libreoffice-split.docx"} {
		t.Run(name, func(t *testing.T) {
			form := readFile(t, name)
			plain, err := mustParse(t, form).Execute(sampleRecord())
			if err != nil {
				t.Fatal(err)
			}
			ind, err := mustParse(t, indented(t, form)).Execute(sampleRecord())
			if err != nil {
				t.Fatal(err)
			}
			for _, part := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml"} {
				a, b := unzip(t, plain)[part], unzip(t, ind)[part]
				if a == nil {
					continue
				}
				sameLines(t, styled(t, b), styled(t, a))
			}
		})
	}
}

// TestMainTypeFromDefault (issue 17.2): the main part's type may come from
// a Default entry for the .xml extension.
func TestMainTypeFromDefault(t *testing.T) {
	form := defaultMainType(t, fullForm(false).bytes())
	sameLines(t, fillLines(t, form, sampleRecord(), "word/document.xml"), fullBody)
	// part names compare without regard to case
	form = repack(t, fullForm(false).bytes(), func(_ *[]string, files map[string]string) {
		files["[Content_Types].xml"] = strings.Replace(files["[Content_Types].xml"], `PartName="/word/document.xml"`, `PartName="/WORD/Document.xml"`, 1)
	})
	sameLines(t, fillLines(t, form, sampleRecord(), "word/document.xml"), fullBody)
}

// defaultMainType gives the main part its type by the Default entry of
// the .xml extension instead of an Override.
func defaultMainType(t testing.TB, docx []byte) []byte {
	return repack(t, docx, func(_ *[]string, files map[string]string) {
		ct := files["[Content_Types].xml"]
		ct = regexp.MustCompile(`<Override PartName="/word/document.xml"[^>]*/>`).ReplaceAllString(ct, "")
		ct = regexp.MustCompile(`<Default Extension="xml" ContentType="[^"]*"/>`).ReplaceAllString(ct, `<Default Extension="xml" ContentType="`+ctMain+`"/>`)
		files["[Content_Types].xml"] = ct
	})
}

// javaZip writes a package as java.util.zip.ZipOutputStream does by
// default: folder entries first, every entry deflated, folders included.
func javaZip(t testing.TB, docx []byte) []byte {
	order, files := entries(t, docx)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	dirs := map[string]bool{}
	for _, name := range order {
		for i := strings.IndexByte(name, '/'); i >= 0; i = strings.IndexByte(name[i+1:], '/') + i + 1 {
			if dir := name[:i+1]; !dirs[dir] {
				dirs[dir] = true
				fw, err := zw.CreateRaw(&zip.FileHeader{Name: dir, Method: zip.Deflate, CRC32: 0, CompressedSize64: 2})
				if err != nil {
					t.Fatal(err)
				}
				fw.Write([]byte{3, 0}) // an empty deflate stream
			}
			if strings.IndexByte(name[i+1:], '/') < 0 {
				break
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCompressedFolderEntries (issue 17.3): folder entries stored
// compressed, as Java writes them, are copied as empty folders.
func TestCompressedFolderEntries(t *testing.T) {
	form := javaZip(t, fullForm(false).bytes())
	if !bytes.Contains(form, []byte("word/")) {
		t.Fatal("no folder entry written")
	}
	out, err := mustParse(t, form).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, lines(t, unzip(t, out)["word/document.xml"]), fullBody)
	zr, _ := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	found := false
	for _, f := range zr.File {
		if f.Name == "word/" {
			found = f.Method == zip.Store && f.UncompressedSize64 == 0
		}
	}
	if !found {
		t.Error("the folder entry word/ is not copied as an empty stored entry")
	}
}

// toUTF16 writes an XML part in UTF-16 with a byte order mark, declaring it.
func toUTF16(s string, order binary.ByteOrder) string {
	s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	units := utf16.Encode([]rune(s))
	out := make([]byte, 2+2*len(units))
	order.PutUint16(out, 0xFEFF)
	for i, u := range units {
		order.PutUint16(out[2+2*i:], u)
	}
	return string(out)
}

// TestUTF16Parts (issue 17.5): parts written in UTF-16, little or big
// endian, are read; filled parts come out in UTF-8.
func TestUTF16Parts(t *testing.T) {
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		form := repack(t, fullForm(true).bytes(), func(_ *[]string, files map[string]string) {
			for name, s := range files {
				if isXMLName(name) {
					files[name] = toUTF16(s, order)
				}
			}
		})
		out, err := mustParse(t, form).Execute(sampleRecord())
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		doc := unzip(t, out)["word/document.xml"]
		if !bytes.HasPrefix(doc, []byte(`<?xml version="1.0" encoding="UTF-8"`)) {
			t.Errorf("%v: filled part does not declare UTF-8: %.60q", order, doc)
		}
		sameLines(t, lines(t, doc), fullBody)
		sameLines(t, lines(t, unzip(t, out)["word/header1.xml"]), []string{"CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ"})
	}
}

// TestDTDInPartNotFilled (issue 14.7): a DTD in a part fill only copies
// (styles.xml) is refused like one in the document, and one inside a
// comment or CDATA section is not a DTD.
func TestDTDInPartNotFilled(t *testing.T) {
	const styles = `<?xml version="1.0"?>%s<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`
	for _, c := range []struct {
		name, prolog string
		refused      bool
	}{
		{"DTD", `<!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>`, true},
		{"entity alone", `<!ENTITY a "x">`, true},
		{"in comment", `<!-- <!DOCTYPE x> -->`, false},
		{"in CDATA", `<![CDATA[<!DOCTYPE x>]]>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(withEntry(t, "word/styles.xml", strings.NewReader(strings.Replace(styles, "%s", c.prolog, 1))), Options{Funcs: testFuncs})
			if c.refused != (err != nil) || (c.refused && (!errors.Is(err, ErrDTD) || !strings.Contains(err.Error(), "word/styles.xml"))) {
				t.Errorf("Parse error = %v; refused want %v, naming word/styles.xml", err, c.refused)
			}
		})
	}
}

// TestOtherEngines (issue 17.7): a form written for docxtpl (Jinja) or
// docxtemplater gets one problem naming the engine and how to convert it,
// not one misleading error per tag.
func TestOtherEngines(t *testing.T) {
	cases := []struct {
		name   string
		form   *docBuilder
		engine string
		tag    string
	}{
		{"docxtpl", (&docBuilder{}).p("Kính gửi: {{ cum.co_quan_chu_quan }}").p("{%p for tv in thanh_vien %}").p("{{r tv.ten }} – {{ tv.thu_truong.ho_ten|upper }}").p("{%p endfor %}").
			table([]string{"{%tr for tv in thanh_vien %}"}, []string{"{{ tv.ten }}"}, []string{"{%tr endfor %}"}), "docxtpl/Jinja", "{%p for tv in thanh_vien %}"},
		{"docxtpl without blocks", (&docBuilder{}).p("Đơn vị: {{ cum.ten|upper }}").p("Năm {{ cum.nam }}"), "docxtpl/Jinja", "{{ cum.ten|upper }}"},
		{"docxtemplater", (&docBuilder{}).p("Kính gửi: {cum.co_quan_chu_quan}").p("{#thanh_vien}").p("- {ten}").p("{/thanh_vien}"), "docxtemplater", "{#thanh_vien}"},
		{"docxtemplater with double braces", (&docBuilder{}).p("{{#thanh_vien}}{{ten}}{{/thanh_vien}}"), "docxtemplater", "{{#t"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.form.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)})
			var fe *Error
			if !errors.As(err, &fe) || len(fe.Problems) != 1 {
				t.Fatalf("Parse error = %v; want exactly one problem", err)
			}
			p := fe.Problems[0]
			if !strings.Contains(p.Msg, "tệp này viết cho "+c.engine) || !strings.Contains(p.Msg, "{{range .thanh_vien}}") || !strings.HasPrefix(p.Tag, c.tag) {
				t.Errorf("problem = %s; want it to name %s at %s and say how to convert", p, c.engine, c.tag)
			}
		})
	}
	// thidua's own tags, comments and literal braces are not taken for another engine
	own := (&docBuilder{}).p("{{/* ghi chú */}}{{.cum.ten | in_hoa}} {a} {{range .thanh_vien}}{{.ten}}{{end}} {x|y}")
	if _, err := Parse(own.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)}); err != nil {
		t.Errorf("own form refused: %v", err)
	}
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// withParts adds parts to a form, with their content types and, for rel
// set, a relationship from the document.
func withParts(t testing.TB, docx []byte, parts []struct{ name, ctype, rel, body string }) []byte {
	return repack(t, docx, func(order *[]string, files map[string]string) {
		for i, p := range parts {
			*order = append(*order, p.name)
			files[p.name] = p.body
			files["[Content_Types].xml"] = strings.Replace(files["[Content_Types].xml"], "</Types>",
				`<Override PartName="/`+p.name+`" ContentType="`+p.ctype+`"/></Types>`, 1)
			if p.rel != "" {
				files["word/_rels/document.xml.rels"] = strings.Replace(files["word/_rels/document.xml.rels"], "</Relationships>",
					`<Relationship Id="rIdX`+string(rune('0'+i))+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/`+p.rel+`" Target="`+strings.TrimPrefix(p.name, "word/")+`"/></Relationships>`, 1)
			}
		}
	})
}

// TestTagsInCommentsSmartArtRuby (issue 17.4): tags in comments are
// filled; tags in SmartArt text or ruby text, which fill cannot reach, are
// reported, never left in the output as typed.
func TestTagsInCommentsSmartArtRuby(t *testing.T) {
	comments := struct{ name, ctype, rel, body string }{"word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml", "comments",
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + wNS + `><w:comment w:id="0" w:author="Văn thư" w:date="2023-03-01T00:00:00Z" w:initials="VT"><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Kiểm tra lại số {{.giao_uoc.ky_hieu}}</w:t></w:r></w:p></w:comment></w:comments>`}
	form := withParts(t, (&docBuilder{}).p("Kính gửi: {{.cum.co_quan_chu_quan}}").bytes(), []struct{ name, ctype, rel, body string }{comments})
	out, err := mustParse(t, form).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, lines(t, unzip(t, out)["word/comments.xml"]), []string{"Kiểm tra lại số GƯTĐ-CTĐBTB"})

	smartArt := struct{ name, ctype, rel, body string }{"word/diagrams/data1.xml", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", "diagramData",
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="{5B1D0C8E-1111-4F5E-9A57-2D6C0B6F0A11}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN"/><a:t>{{.cum.ten}}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`}
	ruby := (&docBuilder{}).p("Mở đầu {{.cum.nam}}")
	ruby.body = append(ruby.body, `<w:p><w:r><w:t xml:space="preserve">Cụm </w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/><w:hpsBaseText w:val="20"/><w:lid w:val="ja-JP"/></w:rubyPr><w:rt><w:r><w:t>{{.cum.ky_hieu}}</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>thi đua</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`)
	for _, c := range []struct {
		name, where, tag, msg string
		form                  []byte
	}{
		{"SmartArt", "SmartArt (data1.xml)", "{{.cum.ten}}", "thidua không điền chữ trong SmartArt", withParts(t, (&docBuilder{}).p("{{.cum.nam}}").bytes(), []struct{ name, ctype, rel, body string }{smartArt})},
		{"ruby", "thân văn bản, đoạn 2", "{{.cum.ky_hieu}}", "chữ ruby", ruby.bytes()},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.form, Options{Funcs: testFuncs, Schema: testSchema(t)})
			var fe *Error
			if !errors.As(err, &fe) || len(fe.Problems) != 1 {
				t.Fatalf("Parse error = %v; want one problem", err)
			}
			p := fe.Problems[0]
			if p.Where.String() != c.where || p.Tag != c.tag || !strings.Contains(p.Msg, c.msg) {
				t.Errorf("problem = %s; want at %s, %s, saying %q", p, c.where, c.tag, c.msg)
			}
		})
	}
}

// TestLoopCopiesGetOwnIDs (issue 17.6): paragraphs, drawings and content
// controls a loop repeats get ids of their own, above every id the form
// already has, while what no loop repeats keeps its ids.
func TestLoopCopiesGetOwnIDs(t *testing.T) {
	out, err := mustParse(t, idsForm()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(unzip(t, out)["word/document.xml"])
	for _, c := range []struct {
		name string
		re   *regexp.Regexp
		n    int
	}{
		// two paragraphs a copy, "Hết." and the {{end}} paragraph brought
		// back to end the body after its table
		{"paraId", regexp.MustCompile(`paraId="([0-9A-F]{8})"`), 6*2 + 2},
		{"docPr id", regexp.MustCompile(`docPr id="(\d+)"`), 6},
		{"content-control id", regexp.MustCompile(`<w:id w:val="(-?\d+)"`), 6},
	} {
		seen := map[string]bool{}
		all := c.re.FindAllStringSubmatch(doc, -1)
		for _, m := range all {
			if seen[m[1]] {
				t.Errorf("%s %s appears twice", c.name, m[1])
			}
			seen[m[1]] = true
		}
		if len(all) != c.n {
			t.Errorf("%d %s, want %d", len(all), c.name, c.n)
		}
	}
	if !strings.Contains(doc, `paraId="7A000005"`) {
		t.Error("the paragraph after the loop lost its id")
	}
	if !strings.Contains(doc, `paraId="7A000006"`) {
		t.Error("copies are not numbered from the largest id of the form")
	}
	sameLines(t, lines(t, []byte(doc))[1:8], []string{"- ", "Ủy ban nhân dân tỉnh Thanh Hóa", "- ", "Ủy ban nhân dân tỉnh Nghệ An", "- ", "Ủy ban nhân dân tỉnh Hà Tĩnh", "- "})
}

// idsForm repeats paragraphs with Word 2010 paragraph ids, a picture and a
// content control, and a table row.
func idsForm() []byte {
	const w14 = `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`
	b := (&docBuilder{}).p("Danh sách:")
	b.body = append(b.body,
		`<w:p `+w14+` w14:paraId="0000A001" w14:textId="77777777"><w:r><w:t>{{range .thanh_vien}}</w:t></w:r></w:p>`,
		`<w:p `+w14+` w14:paraId="0000A002" w14:textId="77777777"><w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="90000" cy="90000"/><wp:docPr id="7" name="Dấu 7"/></wp:inline></w:drawing></w:r></w:p>`,
		`<w:sdt><w:sdtPr><w:id w:val="-1795204103"/><w:text/></w:sdtPr><w:sdtContent><w:p `+w14+` w14:paraId="0000A003" w14:textId="77777777"><w:r><w:t>{{.ten}}</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
		`<w:p `+w14+` w14:paraId="0000A004" w14:textId="77777777"><w:r><w:t>{{end}}</w:t></w:r></w:p>`,
		`<w:p `+w14+` w14:paraId="7A000005" w14:textId="77777777"><w:r><w:t>Hết.</w:t></w:r></w:p>`)
	b.table([]string{"{{range .thanh_vien}}{{.ten}}", "{{.thu_truong.ho_ten}}{{end}}"})
	return b.bytes()
}

// TestCompactTreeKeepsPlaces: paragraphs and tables without tags, kept as
// source text, still count in the places problems give: a nested table
// and a table in a text box count as Word's reader sees them.
func TestCompactTreeKeepsPlaces(t *testing.T) {
	b := (&docBuilder{}).p("Một").p("Hai")
	b.table([]string{"ô ngoài"})
	nested := b.body[len(b.body)-1]
	b.body[len(b.body)-1] = strings.Replace(nested, "<w:p><w:r><w:t xml:space=\"preserve\">ô ngoài</w:t></w:r></w:p>",
		"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô trong</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>", 1)
	b.textBox("Trong hộp")
	b.body[len(b.body)-1] = strings.Replace(b.body[len(b.body)-1], "<w:txbxContent>", "<w:txbxContent><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", 1)
	b.p("Ba: {{.cum.tenn}}").table([]string{"a", "{{.cum.kyhieu}}"})
	_, err := Parse(b.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)})
	var fe *Error
	if !errors.As(err, &fe) || len(fe.Problems) != 2 {
		t.Fatalf("Parse error = %v; want two problems", err)
	}
	// Two paragraphs, the table's paragraph after it and the text box's
	// paragraph come first; the text box held the third and fourth tables
	// (each box is written twice, the fallback copy not counted).
	for i, want := range []string{"thân văn bản, đoạn 4", "thân văn bản, bảng 4, hàng 1, ô 2"} {
		if got := fe.Problems[i].Where.String(); got != want {
			t.Errorf("problem %d at %q, want %q", i, got, want)
		}
	}
}

// TestBookmarksInRepeatedPlainParagraphs: a bookmark in a paragraph
// without tags that a loop repeats is dropped at both ends, even when its
// end lies in a paragraph after the loop, both kept as source text.
func TestBookmarksInRepeatedPlainParagraphs(t *testing.T) {
	b := (&docBuilder{}).p("{{range .thanh_vien}}")
	b.body = append(b.body,
		`<w:p><w:bookmarkStart w:id="41" w:name="_Toc1"/><w:r><w:t>Mục lặp</w:t></w:r></w:p>`,
		`<w:p><w:bookmarkStart w:id="42" w:name="_GoBack"/><w:bookmarkEnd w:id="42"/><w:r><w:t>Cũng lặp</w:t></w:r></w:p>`)
	b.p("{{end}}")
	b.body = append(b.body, `<w:p><w:r><w:t>Sau</w:t></w:r><w:bookmarkEnd w:id="41"/><w:bookmarkStart w:id="43" w:name="Giu"/><w:bookmarkEnd w:id="43"/></w:p>`)
	out, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(unzip(t, out)["word/document.xml"])
	if strings.Contains(doc, `w:id="41"`) || strings.Contains(doc, `w:id="42"`) {
		t.Errorf("bookmarks of the repeated paragraphs left in:\n%s", doc)
	}
	if strings.Count(doc, `w:id="43"`) != 2 {
		t.Errorf("the bookmark outside the loop was touched:\n%s", doc)
	}
	if n := strings.Count(doc, "Mục lặp"); n != 6 {
		t.Errorf("%d copies, want 6", n)
	}
}

// TestTagInTextScan: the byte scan of the parts fill does not fill finds
// "{{" only in the text of a t element, not in attributes or other
// elements, and gets through a long run of braces.
func TestTagInTextScan(t *testing.T) {
	for _, c := range []struct {
		xml, text string
		at        int
	}{
		{`<a:p><a:t>Tên: {{.cum.ten}}</a:t></a:p>`, "Tên: {{.cum.ten}}", len("Tên: ")},
		{`<a:t x="{{">{{.a}}</a:t>`, "{{.a}}", 0},
		{`<c:v>{{.a}}</c:v><dc:title>{{x}}</dc:title>`, "", -1},
		{`<w:t xml:space="preserve">a &amp; {{.b}}</w:t>`, "a & {{.b}}", 4},
		{`<a:t/>{{.c}}`, "", -1},
		{"<x>" + strings.Repeat("{", 1<<20) + "</x>", "", -1},
	} {
		text, at := tagInText([]byte(c.xml))
		if text != c.text || at != c.at {
			t.Errorf("%.40q: got %q at %d, want %q at %d", c.xml, text, at, c.text, c.at)
		}
	}
}
