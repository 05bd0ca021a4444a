package fill

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// largeForm is a long form as offices write them: n sections, each a
// tagged heading, twenty formatted paragraphs without tags and a member
// table whose row repeats.
func largeForm(n int) []byte {
	b := &docBuilder{}
	b.hdr("{{in_hoa .cum.ten}}").ftr("Ký hiệu: {{.giao_uoc.ky_hieu}}")
	const pPr = `<w:pPr><w:spacing w:before="120" w:after="120" w:line="312" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>`
	const rPr = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/>`
	for i := 0; i < n; i++ {
		b.p(fmt.Sprintf("Phần %d: {{.cum.ten}}, năm {{.cum.nam}}", i+1))
		for j := 0; j < 20; j++ {
			b.body = append(b.body, `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">`+pPr+
				run("Các đơn vị thành viên thống nhất thi đua thực hiện thắng lợi ", rPr)+
				run("nhiệm vụ chính trị", rPr+`<w:b/>`)+
				run(" được giao trong năm, đoạn "+fmt.Sprint(j)+".", rPr)+`</w:p>`)
		}
		b.table([]string{"STT", "Tên đơn vị"}, []string{"{{range $i, $tv := .thanh_vien}}{{stt $i}}", "{{.ten}}{{end}}"})
	}
	return b.bytes()
}

func benchLarge(b *testing.B, n int) {
	form := largeForm(n)
	xmlSize := len(unzip(b, form)["word/document.xml"])
	rec := sampleRecord()
	b.ReportAllocs()
	b.ReportMetric(float64(xmlSize), "xml-bytes")
	for b.Loop() {
		f, err := Parse(form, Options{Funcs: testFuncs, Schema: testSchema(b)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Execute(rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeForm parses and fills long forms of n and 4n sections:
// time and allocations must grow linearly.
func BenchmarkLargeForm(b *testing.B) {
	for _, n := range []int{250, 1000} {
		b.Run(fmt.Sprint("sections=", n), func(b *testing.B) { benchLarge(b, n) })
	}
}

// BenchmarkRowLoop fills a table row for n and 4n members: the loop's
// cost must grow linearly.
func BenchmarkRowLoop(b *testing.B) {
	f := mustParse(b, memberTable(true))
	for _, n := range []int{1000, 4000} {
		rec := withMembers(n)
		b.Run(fmt.Sprint("members=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.Execute(rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLinearAllocations: parsing and filling a form four times as long,
// or a loop four times as long, allocates at most about four times as
// often (allocation counts do not depend on the machine's load).
func TestLinearAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ratio := func(name string, n int, run func(n int)) {
		a, b := testing.AllocsPerRun(2, func() { run(n) }), testing.AllocsPerRun(2, func() { run(4 * n) })
		if b > 4.4*a {
			t.Errorf("%s: %.0f allocations for n=%d, %.0f for 4n: more than linear", name, a, n, b)
		}
	}
	ratio("long form", 20, func(n int) {
		f, err := Parse(largeForm(n), Options{Funcs: testFuncs})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Execute(sampleRecord()); err != nil {
			t.Fatal(err)
		}
	})
	f := mustParse(t, memberTable(true))
	recs := map[int]map[string]any{200: withMembers(200), 800: withMembers(800)}
	ratio("row loop", 200, func(n int) {
		if _, err := f.Execute(recs[n]); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSizeLimits: a part too large to fill, or one whose tree would pass
// the node limit, is refused naming it, and the limits can be raised.
func TestSizeLimits(t *testing.T) {
	form := largeForm(10)
	for _, c := range []struct {
		lim Limits
		msg string
	}{
		{Limits{MaxTextSize: 100 << 10}, "quá giới hạn 100 KiB"},
		{Limits{MaxNodes: 200}, "phần word/document.xml có hơn 200 phần tử"},
	} {
		_, err := Parse(form, Options{Funcs: testFuncs, Limits: c.lim})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Parse with %+v: error = %v; want ErrTooLarge saying %q", c.lim, err, c.msg)
		}
	}
	if _, err := Parse(form, Options{Funcs: testFuncs, Limits: Limits{MaxNodes: 5000}}); err != nil {
		t.Errorf("raised node limit: %v", err)
	}
	// Paragraphs kept as source text count when a loop's bookmark makes
	// them be read again.
	b := (&docBuilder{}).p("{{range .thanh_vien}}")
	b.body = append(b.body, `<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:r><w:t>x</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>`)
	b.p("{{end}}")
	for i := 0; i < 2000; i++ {
		b.body = append(b.body, fmt.Sprintf(`<w:p><w:bookmarkStart w:id="%d" w:name="b%d"/><w:r><w:t>y</w:t></w:r><w:bookmarkEnd w:id="%d"/></w:p>`, i+2, i, i+2))
	}
	_, err := Parse(b.bytes(), Options{Funcs: testFuncs, Limits: Limits{MaxNodes: 3000}})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "có hơn 3000 phần tử") {
		t.Errorf("expanding past the node limit: error = %v", err)
	}
	if _, err := Parse(b.bytes(), Options{Funcs: testFuncs}); err != nil {
		t.Errorf("default node limit: %v", err)
	}
	// The content types and relationships are bounded too.
	ct := repack(t, form, func(_ *[]string, files map[string]string) {
		files["[Content_Types].xml"] = strings.Replace(files["[Content_Types].xml"], "</Types>", strings.Repeat(`<Default Extension="x" ContentType="a/b"/>`, 300)+"</Types>", 1)
	})
	if _, err := Parse(ct, Options{Funcs: testFuncs, Limits: Limits{MaxNodes: 200}}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "[Content_Types].xml") {
		t.Errorf("content types past the node limit: error = %v", err)
	}
}

// TestWriteLargeForm writes a large form for measuring the CLI
// (FILL_LARGE=path, FILL_LARGE_N=sections).
func TestWriteLargeForm(t *testing.T) {
	path := os.Getenv("FILL_LARGE")
	if path == "" {
		t.Skip("set FILL_LARGE=file.docx (and FILL_LARGE_N) to write a large form")
	}
	n, _ := strconv.Atoi(os.Getenv("FILL_LARGE_N"))
	form := largeForm(max(n, 1))
	t.Logf("document.xml: %d bytes", len(unzip(t, form)["word/document.xml"]))
	if err := os.WriteFile(path, form, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileLoopsEnd (issue 14.5): a loop over a huge number, nested
// loops and a fill writing without end stop at the limits with an error
// naming the loop.
func TestHostileLoopsEnd(t *testing.T) {
	long := strings.Repeat("Đoạn văn dài được lặp lại nhiều lần. ", 100)
	cases := []struct {
		name string
		form *docBuilder
		lim  Limits
		tag  string
		msg  string
	}{
		{"range over a billion", (&docBuilder{}).p("{{range 1000000000}}x{{end}}"), Limits{}, "{{range 1000000000}}", "hơn 100000 lần"},
		{"nested paragraph loops", (&docBuilder{}).p("{{range 1000}}").p("{{range 1000}}").p("{{.}}").p("{{end}}").p("{{end}}"), Limits{}, "{{range 1000}}", "vòng lồng nhau"},
		{"nested inline loops writing nothing", (&docBuilder{}).p("{{range 50000}}{{range 50000}}{{end}}{{end}}"), Limits{}, "{{range 50000}}", "hơn 100000 lần"},
		{"output", (&docBuilder{}).p("{{range $i := 5000}}").p(long).p("{{end}}"), Limits{MaxOutputSize: 1 << 20}, "{{range $i := 5000}}", "vượt quá 1 MiB"},
		{"lower iteration limit", memberTableForm(), Limits{MaxIterations: 5}, "{{range $i, $v := .thanh_vien}}", "hơn 5 lần"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(c.form.bytes(), Options{Funcs: testFuncs, Limits: c.lim})
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.Execute(sampleRecord())
			var fe *Error
			if !errors.As(err, &fe) || len(fe.Problems) != 1 || fe.Problems[0].Tag != c.tag || !strings.Contains(fe.Problems[0].Msg, c.msg) {
				t.Fatalf("Execute error = %v; want one problem at %s saying %q", err, c.tag, c.msg)
			}
			if err := f.Check(sampleRecord()); err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("Check error = %v; want %q", err, c.msg)
			}
		})
	}
}

func memberTableForm() *docBuilder {
	return (&docBuilder{}).table([]string{"{{range $i, $v := .thanh_vien}}{{stt $i}}", "{{.ten}}{{end}}"})
}

// TestWriteFourLargeParts writes a form of four parts of about 63 MiB,
// each with tags, for measuring the CLI (FILL_FOUR=path).
func TestWriteFourLargeParts(t *testing.T) {
	path := os.Getenv("FILL_FOUR")
	if path == "" {
		t.Skip("set FILL_FOUR=file.docx to write a form of four large parts")
	}
	form := largeForm(3150)
	form = repack(t, form, func(order *[]string, files map[string]string) {
		body := files["word/document.xml"]
		i, j := strings.Index(body, "<w:body>")+len("<w:body>"), strings.LastIndex(body, "<w:sectPr>")
		for _, name := range []string{"header1", "footer1"} {
			root := "w:hdr"
			if name == "footer1" {
				root = "w:ftr"
			}
			files["word/"+name+".xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<" + root + " " + docNS + ">" + body[i:j] + "<w:p/></" + root + ">"
		}
		files["word/footnotes.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:footnotes " + docNS + `><w:footnote w:id="1">` + body[i:j] + "<w:p/></w:footnote></w:footnotes>"
		*order = append(*order, "word/footnotes.xml")
		files["[Content_Types].xml"] = strings.Replace(files["[Content_Types].xml"], "</Types>", `<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`, 1)
		files["word/_rels/document.xml.rels"] = strings.Replace(files["word/_rels/document.xml.rels"], "</Relationships>", `<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`, 1)
	})
	for n, s := range unzip(t, form) {
		t.Logf("%s: %d bytes", n, len(s))
	}
	if err := os.WriteFile(path, form, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileParagraphs: a paragraph of many thousand tags or stray braces
// is refused after a bounded number, the problems listed are bounded, and
// tags count against the node limit.
func TestHostileParagraphs(t *testing.T) {
	for _, c := range []struct {
		name, text string
		lim        Limits
		msg        string
	}{
		{"stray braces", strings.Repeat("}}", 100_000), Limits{}, "quá giới hạn 1000 của một đoạn"},
		{"many tags", strings.Repeat("{{.cum.ten}}", 5000), Limits{}, "quá giới hạn 1000 của một đoạn"},
		{"unclosed", strings.Repeat("{{ ", 50_000), Limits{}, "quá giới hạn 1000 của một đoạn"},
		{"node limit", strings.Repeat("{{.cum.ten}} ", 100), Limits{MaxNodes: 500}, "có hơn 500 phần tử"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse((&docBuilder{}).p(c.text).bytes(), Options{Funcs: testFuncs, Schema: testSchema(t), Limits: c.lim})
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Parse error = %.300v; want %q", err, c.msg)
			}
			var fe *Error
			if errors.As(err, &fe) && (len(fe.Problems) > maxProblems || len(err.Error()) > 200_000) {
				t.Errorf("%d problems listed, %d bytes of message", len(fe.Problems), len(err.Error()))
			}
		})
	}
}
