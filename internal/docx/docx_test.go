package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"thidua/internal/doc"
)

// Hand-worked twips (1/20 pt) of the decree's page: A4 is 210 x 297 mm =
// 595.28 x 841.89 pt; margins 20, 20, 30, 15 mm; header at 10 mm.
const (
	a4W, a4H                     = "11906", "16838"
	mTop, mBottom, mLeft, mRight = "1134", "1134", "1701", "850"
	mHeader                      = "567"
)

func TestPackageParts(t *testing.T) {
	_, p := write(t, benchDocument())
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/header1.xml", "word/header2.xml",
	}
	if !slices.Equal(p.names, want) {
		t.Fatalf("zip entries %v, want %v", p.names, want)
	}
	ct := p.part(t, "[Content_Types].xml")
	overrides := map[string]string{}
	for _, o := range ct.all("Override") {
		overrides[o.attr["PartName"]] = o.attr["ContentType"]
	}
	for _, name := range p.names {
		f := p.files[name]
		// core.xml is too small to gain from deflate; every other part is
		// compressed.
		if want := map[bool]uint16{false: zip.Deflate, true: zip.Store}[name == "docProps/core.xml"]; f.Method != want {
			t.Errorf("%s is stored with method %d, want %d", name, f.Method, want)
		}
		if !f.Modified.Equal(time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s modified %v, want the fixed 2020-03-05", name, f.Modified)
		}
		p.part(t, name) // every part is well-formed XML
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			continue
		}
		if overrides["/"+name] == "" {
			t.Errorf("[Content_Types].xml gives no content type for %s", name)
		}
		if bytes.Contains(p.data[name], []byte("rsid")) {
			t.Errorf("%s holds an rsid", name)
		}
	}
	if got := overrides["/word/document.xml"]; got != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
		t.Errorf("document.xml content type %q", got)
	}
	// Every relationship points at a part of the package.
	for rels, dir := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"} {
		for _, r := range p.part(t, rels).all("Relationship") {
			if _, ok := p.data[dir+r.attr["Target"]]; !ok {
				t.Errorf("%s: %s points at missing %s", rels, r.attr["Id"], dir+r.attr["Target"])
			}
		}
	}
	core := p.part(t, "docProps/core.xml")
	if got := core.get("title").text; got != "Giao ước thi đua năm 2024" {
		t.Errorf("dc:title %q", got)
	}
	if got := core.get("subject").text; got != "Cụm thi đua các huyện miền núi" {
		t.Errorf("dc:subject %q", got)
	}
	if got := core.get("created").text; got != "2020-03-05T00:00:00Z" || core.get("modified").text != got {
		t.Errorf("core dates %q / %q, want the fixed 2020-03-05T00:00:00Z", got, core.get("modified").text)
	}
}

func TestStyles(t *testing.T) {
	_, p := write(t, benchDocument())
	st := p.part(t, "word/styles.xml")
	rpr := st.get("w:docDefaults/w:rPrDefault/w:rPr")
	for _, a := range []string{"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"} {
		if got := rpr.at("w:rFonts", a); got != "Times New Roman" {
			t.Errorf("docDefaults rFonts %s = %q", a, got)
		}
	}
	if rpr.at("w:lang", "w:val") != "vi-VN" || rpr.at("w:color", "w:val") != "000000" || rpr.at("w:kern", "w:val") != "0" {
		t.Errorf("docDefaults lang/color/kern: %q %q %q", rpr.at("w:lang", "w:val"), rpr.at("w:color", "w:val"), rpr.at("w:kern", "w:val"))
	}
	if !st.has("w:docDefaults/w:pPrDefault/w:pPr/w:widowControl") {
		t.Error("widow control is not on by default")
	}
	if bytes.Contains(p.data["word/styles.xml"], []byte("Theme")) {
		t.Error("styles.xml refers to theme fonts")
	}
	styles := map[string]*node{}
	var ids []string
	for _, s := range st.all("w:style") {
		styles[s.attr["w:styleId"]] = s
		ids = append(ids, s.attr["w:styleId"])
	}
	// Normal, then the styles in order of first use, then the page number's.
	wantIDs := []string{"Normal", "DauTrang", "TenLoai", "OBang", "ChuKy", "Header", "DefaultParagraphFont", "TableNormal"}
	if !slices.Equal(ids, wantIDs) {
		t.Fatalf("style ids %v, want %v", ids, wantIDs)
	}
	type want struct {
		name, sz, jc, after, line, firstLine string
		bold, keepNext, keepLines            bool
	}
	// Body: 14 pt, justified, 1.27 cm = 36 pt = 720 twips first line,
	// 6 pt = 120 after, 17 pt = 340 exact lines. Header rows and the page
	// number: 13 pt on 15.5 pt = 310.
	for id, w := range map[string]want{
		"Normal":   {"Normal", "28", "both", "120", "340", "720", false, false, false},
		"TenLoai":  {"Tên loại văn bản", "28", "center", "0", "340", "0", true, true, true},
		"DauTrang": {"Đầu trang", "26", "center", "0", "310", "0", false, false, false},
		"OBang":    {"Ô bảng", "26", "left", "0", "310", "0", false, false, false},
		"Header":   {"header", "26", "center", "0", "310", "0", false, false, false},
	} {
		s := styles[id]
		if s.attr["w:type"] != "paragraph" || s.at("w:name", "w:val") != w.name {
			t.Errorf("%s: type %q name %q", id, s.attr["w:type"], s.at("w:name", "w:val"))
		}
		if id == "Normal" {
			if s.attr["w:default"] != "1" || s.has("w:basedOn") {
				t.Errorf("Normal must be the default style and based on nothing")
			}
		} else if s.at("w:basedOn", "w:val") != "Normal" {
			t.Errorf("%s is based on %q", id, s.at("w:basedOn", "w:val"))
		}
		sp := s.get("w:pPr/w:spacing")
		if sp == nil || sp.attr["w:before"] != "0" || sp.attr["w:after"] != w.after || sp.attr["w:line"] != w.line || sp.attr["w:lineRule"] != "exact" {
			t.Errorf("%s spacing %v, want before 0 after %s line %s exact", id, sp.attr, w.after, w.line)
		}
		if got := s.at("w:pPr/w:ind", "w:firstLine"); got != w.firstLine {
			t.Errorf("%s firstLine %q, want %s", id, got, w.firstLine)
		}
		if s.at("w:pPr/w:ind", "w:left") != "0" || s.at("w:pPr/w:ind", "w:right") != "0" {
			t.Errorf("%s indents %v", id, s.get("w:pPr/w:ind").attr)
		}
		if got := s.at("w:pPr/w:jc", "w:val"); got != w.jc {
			t.Errorf("%s jc %q, want %s", id, got, w.jc)
		}
		if s.at("w:rPr/w:sz", "w:val") != w.sz || s.at("w:rPr/w:szCs", "w:val") != w.sz {
			t.Errorf("%s size %q/%q, want %s", id, s.at("w:rPr/w:sz", "w:val"), s.at("w:rPr/w:szCs", "w:val"), w.sz)
		}
		if s.at("w:rPr/w:rFonts", "w:ascii") != "Times New Roman" || s.at("w:rPr/w:rFonts", "w:eastAsia") != "Times New Roman" {
			t.Errorf("%s fonts %v", id, s.get("w:rPr/w:rFonts"))
		}
		for _, f := range []struct {
			path string
			on   bool
		}{{"w:rPr/w:b", w.bold}, {"w:pPr/w:keepNext", w.keepNext}, {"w:pPr/w:keepLines", w.keepLines}} {
			if s.has(f.path) != f.on {
				t.Errorf("%s: %s present = %v, want %v", id, f.path, s.has(f.path), f.on)
			}
		}
		if s.has("w:pPr/w:contextualSpacing") {
			t.Errorf("%s has contextual spacing", id)
		}
	}
}

func TestFallbackNormal(t *testing.T) {
	_, p := write(t, section(false, para(titleStyle, plain("GIAO ƯỚC"))))
	st := p.part(t, "word/styles.xml")
	n := st.all("w:style")[0]
	if n.attr["w:styleId"] != "Normal" || n.attr["w:default"] != "1" {
		t.Fatalf("first style %v, want a default Normal", n.attr)
	}
	if n.at("w:rPr/w:sz", "w:val") != "28" || n.at("w:pPr/w:spacing", "w:line") != "340" || n.at("w:pPr/w:jc", "w:val") != "left" {
		t.Errorf("fallback Normal is not plain 14 pt on 17 pt lines: %v", n.get("w:pPr"))
	}
	if st.has("w:style/w:pPr/w:pStyle") || len(st.all("w:style")) != 4 {
		t.Errorf("styles %v", st.childNames())
	}
}

func TestSettings(t *testing.T) {
	_, p := write(t, benchDocument())
	s := p.part(t, "word/settings.xml")
	if s.at("w:autoHyphenation", "w:val") != "0" {
		t.Error("automatic hyphenation is not off")
	}
	if s.at("w:defaultTabStop", "w:val") != "720" {
		t.Errorf("default tab stop %q", s.at("w:defaultTabStop", "w:val"))
	}
	cs := s.get("w:compat/w:compatSetting")
	if cs == nil || cs.attr["w:name"] != "compatibilityMode" || cs.attr["w:val"] != "15" {
		t.Errorf("compatibility mode: %v", cs)
	}
	f := p.part(t, "word/fontTable.xml").get("w:font")
	if f == nil || f.attr["w:name"] != "Times New Roman" {
		t.Errorf("font table: %v", f)
	}
}

func TestParagraphDirectProps(t *testing.T) {
	same := para(bodyStyle, plain("Giống kiểu"))
	centred := para(bodyStyle, plain("Căn giữa"))
	centred.Props.Align, centred.Props.After = doc.Center, 0
	loose := para(titleStyle, plain("Không giữ"))
	loose.Props.KeepNext = false
	bold := para(bodyStyle, plain("Đậm cả đoạn "), doc.Run{Text: "và đậm thêm", Bold: true}, doc.Run{Text: " nghiêng", Italic: true})
	bold.Props.Bold = true
	inTitle := para(titleStyle, doc.Run{Text: "Tiêu đề đậm", Bold: true}, doc.Run{Text: " nghiêng", Italic: true})
	small := para(bodyStyle, plain("Cỡ 13"))
	small.Props.Size = 13
	hanging := para(bodyStyle, plain("- Treo"))
	hanging.Props.FirstLine, hanging.Props.Left = -9, 9
	_, p := write(t, section(false, same, centred, loose, bold, inTitle, small, hanging))
	body := p.body(t)

	if pp := paraWith(t, body, "Giống kiểu"); pp.has("w:pPr") {
		t.Errorf("a paragraph like its style has direct properties: %v", pp.get("w:pPr").childNames())
	}
	c := paraWith(t, body, "Căn giữa").get("w:pPr")
	if !slices.Equal(c.childNames(), []string{"w:spacing", "w:jc"}) || c.at("w:jc", "w:val") != "center" {
		t.Errorf("centred paragraph pPr %v", c.childNames())
	}
	if sp := c.get("w:spacing").attr; sp["w:after"] != "0" || sp["w:line"] != "" || sp["w:before"] != "" {
		t.Errorf("centred paragraph spacing %v, want only after=0", sp)
	}
	l := paraWith(t, body, "Không giữ").get("w:pPr")
	if l.at("w:pStyle", "w:val") != "TenLoai" || l.at("w:keepNext", "w:val") != "0" || len(l.kids) != 2 {
		t.Errorf("keepNext turned off: %v", l.childNames())
	}
	for _, r := range paraWith(t, body, "Đậm cả đoạn").all("w:r") {
		if len(r.all("w:b")) != 1 || r.at("w:rPr/w:b", "w:val") != "" {
			t.Errorf("run %q of a paragraph made bold has no single w:b", r.textOf())
		}
	}
	for _, r := range paraWith(t, body, "Tiêu đề đậm").all("w:r") {
		if r.has("w:rPr/w:b") {
			t.Errorf("run %q repeats the bold of its style", r.textOf())
		}
		if strings.Contains(r.textOf(), "nghiêng") != r.has("w:rPr/w:i") {
			t.Errorf("run %q: italic %v", r.textOf(), r.has("w:rPr/w:i"))
		}
	}
	sm := paraWith(t, body, "Cỡ 13")
	if sm.at("w:r/w:rPr/w:sz", "w:val") != "26" || sm.at("w:r/w:rPr/w:szCs", "w:val") != "26" || sm.at("w:pPr/w:rPr/w:sz", "w:val") != "26" {
		t.Errorf("13 pt paragraph: run %v", sm.get("w:r/w:rPr"))
	}
	ind := paraWith(t, body, "- Treo").get("w:pPr/w:ind").attr
	if ind["w:hanging"] != "180" || ind["w:left"] != "180" || ind["w:firstLine"] != "" || ind["w:right"] != "" {
		t.Errorf("hanging indent %v, want left 180 hanging 180", ind)
	}
	for _, tx := range body.all("w:t") {
		if tx.attr["xml:space"] != "preserve" {
			t.Errorf("w:t %q does not preserve spaces", tx.text)
		}
	}
}

func TestEscaping(t *testing.T) {
	const s = `Hội <Cựu chiến binh> & "Thanh niên" 'xung kích'`
	d := section(false, para(bodyStyle, plain(" "+s+" ")))
	d.Title, d.Subject = s, "a<b"
	_, p := write(t, d)
	if got := paraWith(t, p.body(t), "Cựu chiến binh").textOf(); got != " "+s+" " {
		t.Errorf("text read back %q, want %q", got, " "+s+" ")
	}
	if !bytes.Contains(p.data["word/document.xml"], []byte(`Hội &lt;Cựu chiến binh&gt; &amp; &quot;Thanh niên&quot; &apos;xung kích&apos;`)) {
		t.Error("document.xml does not escape <&>\"'")
	}
	core := p.part(t, "docProps/core.xml")
	if core.get("title").text != s || core.get("subject").text != "a<b" {
		t.Errorf("core title %q subject %q", core.get("title").text, core.get("subject").text)
	}
	st := &doc.Style{ID: "A&B", Name: `Kiểu "đặc biệt" <1>`, Size: 12, Line: 14}
	_, p = write(t, section(false, para(st, plain("x"))))
	found := false
	for _, s := range p.part(t, "word/styles.xml").all("w:style") {
		found = found || (s.attr["w:styleId"] == "A&B" && s.at("w:name", "w:val") == `Kiểu "đặc biệt" <1>`)
	}
	if !found || p.body(t).at("w:p/w:pPr/w:pStyle", "w:val") != "A&B" {
		t.Error("a style id and name with <&>\" do not survive")
	}
}

// A "\n" in a run is a line break inside the paragraph.
func TestLineBreakInRun(t *testing.T) {
	_, p := write(t, section(false, para(bodyStyle, plain("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH"))))
	r := p.body(t).get("w:p").get("w:r")
	var got []string
	for _, c := range r.kids {
		switch c.name {
		case "w:t":
			got = append(got, c.text)
		case "w:br":
			got = append(got, "<br>")
		}
	}
	if strings.Join(got, "|") != "ỦY BAN NHÂN DÂN|<br>|TỈNH HÀ TĨNH" {
		t.Errorf("run holds %q, want text, w:br, text", got)
	}
}

func TestBadText(t *testing.T) {
	for name, text := range map[string]string{
		"control":      "Ủy ban\x07nhân dân",
		"return":       "dòng một\rdòng hai",
		"tab":          "cột\tcột",
		"U+FFFE":       "sai\uFFFE",
		"U+FFFF":       "sai\uFFFF",
		"invalid UTF8": "Ban \xff\xfe",
	} {
		for where, d := range map[string]*doc.Document{
			"run":   section(false, para(bodyStyle, plain("Đúng"), plain(text))),
			"title": {Title: text, Sections: []*doc.Section{{Blocks: []doc.Block{para(bodyStyle, plain("x"))}}}},
			"style": section(false, para(&doc.Style{ID: "S", Name: text, Size: 14, Line: 17}, plain("x"))),
			"cell":  section(false, &doc.Table{Columns: []float64{100}, Rows: []*doc.Row{{Cells: []*doc.Cell{{Blocks: []doc.Block{para(cellStyle, plain(text))}}}}}}),
		} {
			var b bytes.Buffer
			err := Write(&b, d)
			if err == nil {
				t.Errorf("%s in %s: no error", name, where)
				continue
			}
			if b.Len() != 0 {
				t.Errorf("%s in %s: %d bytes written before the error", name, where, b.Len())
			}
			if !strings.Contains(err.Error(), "ký tự") && !strings.Contains(err.Error(), "UTF-8") {
				t.Errorf("%s in %s: message %q does not say what is wrong", name, where, err)
			}
		}
	}
	err := Write(io.Discard, section(false, para(bodyStyle, plain("a\x01b"))))
	if err == nil || !strings.Contains(err.Error(), "U+0001") {
		t.Errorf("error %v does not name the character", err)
	}
}

func TestTables(t *testing.T) {
	cell := func(s string) *doc.Cell { return &doc.Cell{Blocks: []doc.Block{para(cellStyle, plain(s))}} }
	inner := &doc.Table{Columns: []float64{80}, Rows: []*doc.Row{{Cells: []*doc.Cell{cell("lồng")}}}}
	tb := &doc.Table{
		Columns: []float64{100, 150, 200}, Align: doc.Center, Borders: true, HeaderRows: 1,
		PadX: 5.4, PadY: 2, KeepNext: true,
		Rows: []*doc.Row{
			{Cells: []*doc.Cell{cell("A"), cell("B"), cell("C")}},
			{KeepNext: true, Cells: []*doc.Cell{{Span: 2, Blocks: cell("D").Blocks}, {Merge: doc.MergeStart, VAlign: doc.Middle, Blocks: cell("E").Blocks}}},
			{Cells: []*doc.Cell{cell("F"), cell("G"), {Merge: doc.MergeContinue}}},
			{Cells: []*doc.Cell{cell("H"), {VAlign: doc.Bottom, Blocks: []doc.Block{&doc.Rule{Width: 60, Height: 6}, para(cellStyle, plain("I"))}}, {Blocks: []doc.Block{para(cellStyle, plain("J")), inner}}}},
		},
	}
	plainTable := &doc.Table{Columns: []float64{200}, Rows: []*doc.Row{{Cells: []*doc.Cell{cell("K")}}}}
	_, p := write(t, section(false, tb, para(bodyStyle, plain("giữa")), plainTable))
	tbls := p.body(t).all("w:tbl")
	if len(tbls) != 3 {
		t.Fatalf("%d tables, want 3 (one nested)", len(tbls))
	}
	x := tbls[0]
	pr := x.get("w:tblPr")
	// 100 + 150 + 200 pt = 9000 twips; padding 5.4 pt = 108, 2 pt = 40.
	checks := map[string][2]string{
		"w:tblW w:w":           {pr.at("w:tblW", "w:w"), "9000"},
		"w:tblW w:type":        {pr.at("w:tblW", "w:type"), "dxa"},
		"w:jc":                 {pr.at("w:jc", "w:val"), "center"},
		"w:tblInd":             {pr.at("w:tblInd", "w:w"), "0"},
		"w:tblLayout":          {pr.at("w:tblLayout", "w:type"), "fixed"},
		"w:tblCellMar top":     {pr.at("w:tblCellMar/w:top", "w:w"), "40"},
		"w:tblCellMar bottom":  {pr.at("w:tblCellMar/w:bottom", "w:w"), "40"},
		"w:tblCellMar left":    {pr.at("w:tblCellMar/w:left", "w:w"), "108"},
		"w:tblCellMar right":   {pr.at("w:tblCellMar/w:right", "w:w"), "108"},
		"gridCol 1":            {x.get("w:tblGrid").kids[0].attr["w:w"], "2000"},
		"gridCol 2":            {x.get("w:tblGrid").kids[1].attr["w:w"], "3000"},
		"gridCol 3":            {x.get("w:tblGrid").kids[2].attr["w:w"], "4000"},
		"plain table borders":  {tbls[2].at("w:tblPr/w:tblBorders/w:insideV", "w:val"), "nil"},
		"plain table cell mar": {tbls[2].at("w:tblPr/w:tblCellMar/w:left", "w:w"), "0"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %s", name, c[0], c[1])
		}
	}
	for _, e := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b := pr.get("w:tblBorders/w:" + e)
		if b == nil || b.attr["w:val"] != "single" || b.attr["w:sz"] != "4" || b.attr["w:space"] != "0" || b.attr["w:color"] != "000000" {
			t.Errorf("border %s: %v", e, b)
		}
		if tbls[2].at("w:tblPr/w:tblBorders/w:"+e, "w:val") != "nil" {
			t.Errorf("borderless table has a %s border", e)
		}
	}
	rows := slices.DeleteFunc(slices.Clone(x.kids), func(n *node) bool { return n.name != "w:tr" })
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if !r.has("w:trPr/w:cantSplit") {
			t.Errorf("row %d may split", i)
		}
		if r.has("w:trPr/w:tblHeader") != (i == 0) {
			t.Errorf("row %d tblHeader = %v", i, r.has("w:trPr/w:tblHeader"))
		}
		// Row 1 keeps with the next row, row 3 is the table's last and the
		// table keeps with what follows; rows 0 and 2 do not.
		for _, pp := range r.all("w:p") {
			if pp.has("w:pPr/w:keepNext") != (i == 1 || i == 3) {
				t.Errorf("row %d paragraph %q keepNext = %v", i, pp.textOf(), pp.has("w:pPr/w:keepNext"))
			}
		}
	}
	cells := func(r *node) []*node {
		return slices.DeleteFunc(slices.Clone(r.kids), func(n *node) bool { return n.name != "w:tc" })
	}
	d, e := cells(rows[1])[0], cells(rows[1])[1]
	if d.at("w:tcPr/w:gridSpan", "w:val") != "2" || d.at("w:tcPr/w:tcW", "w:w") != "5000" || d.at("w:tcPr/w:tcW", "w:type") != "dxa" {
		t.Errorf("spanning cell tcPr %v", d.get("w:tcPr").childNames())
	}
	if e.at("w:tcPr/w:vMerge", "w:val") != "restart" || e.at("w:tcPr/w:vAlign", "w:val") != "center" || e.at("w:tcPr/w:tcW", "w:w") != "4000" {
		t.Errorf("merge start cell %v", e.get("w:tcPr").childNames())
	}
	cont := cells(rows[2])[2]
	if v := cont.get("w:tcPr/w:vMerge"); v == nil || v.attr["w:val"] != "" {
		t.Errorf("continued cell vMerge %v", v)
	}
	if ps := cont.all("w:p"); len(ps) != 1 || ps[0].at("w:pPr/w:spacing", "w:line") != "20" || ps[0].textOf() != "" {
		t.Errorf("continued cell must hold one empty 1 pt paragraph")
	}
	i := cells(rows[3])[1]
	if i.at("w:tcPr/w:vAlign", "w:val") != "bottom" {
		t.Errorf("bottom-aligned cell %v", i.get("w:tcPr"))
	}
	// The rule is centred in 150 - 2 x 5.4 = 139.2 pt: (139.2 - 60) / 2 =
	// 39.6 pt = 792 twips each side; 6 pt tall less the 0.5 pt border.
	rule := i.all("w:p")[0].get("w:pPr")
	if rule.at("w:ind", "w:left") != "792" || rule.at("w:ind", "w:right") != "792" || rule.at("w:spacing", "w:line") != "110" {
		t.Errorf("rule in a cell: ind %v spacing %v", rule.get("w:ind").attr, rule.get("w:spacing").attr)
	}
	j := cells(rows[3])[2]
	if names := j.childNames(); !slices.Equal(names, []string{"w:tcPr", "w:p", "w:tbl", "w:p"}) {
		t.Errorf("cell ending with a table holds %v, want a paragraph after the table", names)
	} else if last := j.kids[3]; last.at("w:pPr/w:spacing", "w:line") != "20" || last.at("w:pPr/w:rPr/w:sz", "w:val") != "2" {
		t.Errorf("paragraph after a nested table is not 1 pt: %v", last.get("w:pPr"))
	}
}

func TestRulesAndSpacers(t *testing.T) {
	_, p := write(t, section(false, para(bodyStyle, plain("trên")), &doc.Rule{Width: 100, Height: 10}, &doc.Spacer{Height: doc.Mm(28)}, para(bodyStyle, plain("dưới"))))
	ps := p.body(t).all("w:p")
	if len(ps) != 4 {
		t.Fatalf("%d paragraphs, want 4", len(ps))
	}
	// The column is 165 mm = 467.72 pt; (467.72 - 100) / 2 = 183.86 pt =
	// 3677 twips each side. The border is 0.5 pt: Word and LibreOffice
	// add it to the paragraph, so the line is 10 - 0.5 = 9.5 pt = 190.
	r := ps[1].get("w:pPr")
	top := r.get("w:pBdr/w:top")
	if top == nil || top.attr["w:val"] != "single" || top.attr["w:sz"] != "4" || top.attr["w:space"] != "0" || top.attr["w:color"] != "000000" {
		t.Errorf("rule border %v", top)
	}
	if r.has("w:pBdr/w:bottom") || r.has("w:pBdr/w:left") {
		t.Error("rule has borders other than the top one")
	}
	if ind := r.get("w:ind").attr; ind["w:left"] != "3677" || ind["w:right"] != "3677" || ind["w:firstLine"] != "0" {
		t.Errorf("rule indents %v", ind)
	}
	if sp := r.get("w:spacing").attr; sp["w:line"] != "190" || sp["w:lineRule"] != "exact" || sp["w:after"] != "0" || sp["w:before"] != "0" {
		t.Errorf("rule spacing %v", sp)
	}
	// 28 mm = 79.37 pt = 1587 twips.
	s := ps[2].get("w:pPr")
	if s.has("w:pBdr") || s.at("w:spacing", "w:line") != "1587" || s.at("w:spacing", "w:lineRule") != "exact" {
		t.Errorf("spacer %v", s.get("w:spacing").attr)
	}
	for _, e := range ps[1:3] {
		if e.at("w:pPr/w:rPr/w:sz", "w:val") != "2" || e.has("w:r") {
			t.Errorf("empty paragraph mark is not 1 pt or holds runs")
		}
	}
}

func TestSections(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{
		{Numbered: true, Blocks: []doc.Block{para(bodyStyle, plain("phần một")), para(bodyStyle, plain("cuối phần một"))}},
		{Landscape: true, Blocks: []doc.Block{para(bodyStyle, plain("phần hai")), scoreTable(2)}},
		{Numbered: true, Blocks: []doc.Block{para(bodyStyle, plain("phụ lục"))}},
	}}
	_, p := write(t, d)
	body := p.body(t)
	rels := map[string]string{}
	for _, r := range p.part(t, "word/_rels/document.xml.rels").all("Relationship") {
		rels[r.attr["Id"]] = r.attr["Target"]
	}
	headers := func(s *node) map[string]string {
		h := map[string]string{}
		for _, r := range s.all("w:headerReference") {
			h[r.attr["w:type"]] = rels[r.attr["r:id"]]
		}
		return h
	}
	s1 := paraWith(t, body, "cuối phần một").get("w:pPr/w:sectPr")
	if s1 == nil {
		t.Fatal("section 1's properties are not in its last paragraph")
	}
	bodyKids := body.childNames()
	carrier := body.kids[len(bodyKids)-3] // ..., tbl, carrier, p(phụ lục), sectPr
	if bodyKids[len(bodyKids)-4] != "w:tbl" || carrier.textOf() != "" || carrier.at("w:pPr/w:spacing", "w:line") != "20" {
		t.Fatalf("section 2 ends with a table: want a 1 pt paragraph after it, body ends %v", bodyKids[len(bodyKids)-5:])
	}
	s2 := carrier.get("w:pPr/w:sectPr")
	s3 := body.get("w:sectPr")
	if s2 == nil || s3 == nil || bodyKids[len(bodyKids)-1] != "w:sectPr" {
		t.Fatal("section 2 or 3 properties misplaced")
	}
	if n := len(body.all("w:sectPr")); n != 3 {
		t.Errorf("%d sectPr, want 3", n)
	}
	for i, s := range []*node{s1, s2, s3} {
		w, h, orient := a4W, a4H, ""
		if i == 1 {
			w, h, orient = a4H, a4W, "landscape"
		}
		sz := s.get("w:pgSz").attr
		if sz["w:w"] != w || sz["w:h"] != h || sz["w:orient"] != orient {
			t.Errorf("section %d page size %v", i+1, sz)
		}
		m := s.get("w:pgMar").attr
		if m["w:top"] != mTop || m["w:bottom"] != mBottom || m["w:left"] != mLeft || m["w:right"] != mRight || m["w:header"] != mHeader || m["w:gutter"] != "0" {
			t.Errorf("section %d margins %v", i+1, m)
		}
		if s.at("w:pgNumType", "w:start") != "1" {
			t.Errorf("section %d does not restart numbering at 1", i+1)
		}
		numbered := i != 1
		if s.has("w:titlePg") != numbered {
			t.Errorf("section %d titlePg = %v", i+1, s.has("w:titlePg"))
		}
		hs := headers(s)
		if numbered && (hs["default"] != "header2.xml" || hs["first"] != "header1.xml") {
			t.Errorf("numbered section %d headers %v", i+1, hs)
		}
		if !numbered && (hs["default"] != "header1.xml" || len(hs) != 1) {
			t.Errorf("unnumbered section %d headers %v", i+1, hs)
		}
	}
	page := p.part(t, "word/header2.xml")
	hp := page.get("w:p")
	if hp.at("w:pPr/w:pStyle", "w:val") != "Header" {
		t.Errorf("page number paragraph style %q", hp.at("w:pPr/w:pStyle", "w:val"))
	}
	var field []string
	for _, r := range hp.all("w:r") {
		if f := r.get("w:fldChar"); f != nil {
			field = append(field, f.attr["w:fldCharType"])
		}
		if in := r.get("w:instrText"); in != nil {
			field = append(field, strings.TrimSpace(in.text))
		}
	}
	if !slices.Equal(field, []string{"begin", "PAGE", "separate", "end"}) {
		t.Errorf("page field %v", field)
	}
	if empty := p.part(t, "word/header1.xml"); empty.textOf() != "" || empty.at("w:p/w:pPr/w:spacing", "w:line") != "20" {
		t.Errorf("first-page header is not empty and 1 pt")
	}

	// Without numbered sections there is no page-number header at all.
	_, p = write(t, section(false, para(bodyStyle, plain("x"))))
	if _, ok := p.data["word/header2.xml"]; ok || bytes.Contains(p.data["[Content_Types].xml"], []byte("header2")) ||
		bytes.Contains(p.data["word/_rels/document.xml.rels"], []byte("header2")) || bytes.Contains(p.data["word/styles.xml"], []byte(`"Header"`)) {
		t.Error("an unnumbered document carries the page-number header")
	}
}

func TestPageBreaks(t *testing.T) {
	a, b := func() *doc.Paragraph { return para(bodyStyle, plain("trước")) }, func() *doc.Paragraph { return para(bodyStyle, plain("sau")) }
	tiny := func(n *node) bool {
		return n.name == "w:p" && n.textOf() == "" && n.at("w:pPr/w:spacing", "w:line") == "20"
	}
	breaks := func(n *node) bool { return n.has("w:pPr/w:pageBreakBefore") }
	for name, c := range map[string]struct {
		blocks []doc.Block
		want   string // body children: P text paragraph, B text paragraph with break before, t tiny, T tiny with break, X table
	}{
		"between":        {[]doc.Block{a(), doc.PageBreak{}, b()}, "PB"},
		"pointer":        {[]doc.Block{a(), &doc.PageBreak{}, b()}, "PB"},
		"at start":       {[]doc.Block{doc.PageBreak{}, a()}, "P"},
		"at end":         {[]doc.Block{a(), doc.PageBreak{}, doc.PageBreak{}}, "P"},
		"twice":          {[]doc.Block{a(), doc.PageBreak{}, doc.PageBreak{}, b()}, "PTB"},
		"before a table": {[]doc.Block{a(), doc.PageBreak{}, scoreTable(1)}, "PTXt"},
		"tables touch":   {[]doc.Block{scoreTable(1), scoreTable(1)}, "XtXt"},
	} {
		_, p := write(t, section(false, c.blocks...))
		got := ""
		for _, k := range p.body(t).kids {
			switch {
			case k.name == "w:tbl":
				got += "X"
			case k.name != "w:p":
			case tiny(k) && breaks(k):
				got += "T"
			case tiny(k):
				got += "t"
			case breaks(k):
				got += "B"
			default:
				got += "P"
			}
		}
		if got != c.want {
			t.Errorf("%s: body is %s, want %s", name, got, c.want)
		}
		if bytes.Contains(p.data["word/document.xml"], []byte("w:br")) {
			t.Errorf("%s: a w:br is written", name)
		}
	}
	inCell := &doc.Table{Columns: []float64{100}, Rows: []*doc.Row{{Cells: []*doc.Cell{{Blocks: []doc.Block{a(), doc.PageBreak{}, b()}}}}}}
	if err := Write(io.Discard, section(false, inCell)); err == nil {
		t.Error("a page break inside a cell is accepted")
	}
}

func TestModelErrors(t *testing.T) {
	other := *bodyStyle
	other.Size = 13
	twin := *bodyStyle // same id, same values: one style
	for name, c := range map[string]struct {
		d    *doc.Document
		want string
	}{
		"no sections":    {&doc.Document{}, "trống"},
		"nil document":   {nil, "trống"},
		"style id twice": {section(false, para(bodyStyle, plain("a")), para(&other, plain("b"))), `"Normal"`},
		"reserved id":    {section(false, para(&doc.Style{ID: "Header", Name: "Đầu", Size: 14, Line: 17}, plain("a"))), "Header"},
		"no style id":    {section(false, para(&doc.Style{Name: "Không mã", Size: 14, Line: 17}, plain("a"))), "không có mã"},
		"row too wide": {section(false, &doc.Table{Columns: []float64{100, 100}, Rows: []*doc.Row{{Cells: []*doc.Cell{{Span: 2}, {}}}}}),
			"hàng 1 của bảng phủ 3 cột nhưng bảng có 2 cột"},
		"row too narrow": {section(false, &doc.Table{Columns: []float64{100, 100}, Rows: []*doc.Row{{Cells: []*doc.Cell{{}}}}}),
			"hàng 1 của bảng phủ 1 cột nhưng bảng có 2 cột"},
		"no columns": {section(false, &doc.Table{}), "không có cột"},
	} {
		var b bytes.Buffer
		err := Write(&b, c.d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, c.want)
		}
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written", name, b.Len())
		}
	}
	_, p := write(t, section(false, para(bodyStyle, plain("a")), para(&twin, plain("b"))))
	if n := bytes.Count(p.data["word/styles.xml"], []byte(`w:styleId="Normal"`)); n != 1 {
		t.Errorf("two equal styles with one id give %d w:style", n)
	}
}

func TestDeterministic(t *testing.T) {
	first, _ := write(t, benchDocument())
	again, _ := write(t, benchDocument())
	if !bytes.Equal(first, again) {
		t.Fatal("the same document gives different bytes")
	}
	// Concurrent writers share the pools and must not disturb each other.
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := Write(&b, benchDocument()); err != nil {
				t.Error(err)
			}
			outs[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if !bytes.Equal(o, first) {
			t.Errorf("concurrent write %d differs", i)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	d := benchDocument()
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := Write(&out, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "bytes/doc")
}
