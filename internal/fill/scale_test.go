package fill

import (
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

var _ = strings.Repeat

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
