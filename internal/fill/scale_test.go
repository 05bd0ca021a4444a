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
