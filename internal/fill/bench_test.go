package fill

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// benchTags are the tags of the benchmark form, for thidua and for
// docxtemplater, which fills the same form with its own tag syntax.
type benchTags struct {
	header, footer, year, agency, date, place string
	rowOpen, name, head, title, rowClose      string
	listOpen, item, listClose                 string
}

var (
	goTags = benchTags{
		header: "{{in_hoa .cum.ten}}", footer: "{{.giao_uoc.ky_hieu}}", year: "{{.cum.nam}}",
		agency: "{{.cum.co_quan_chu_quan}}", date: "{{ngay .phien.ngay}}", place: "{{.phien.dia_diem}}",
		rowOpen: "{{range $i, $tv := .thanh_vien}}{{stt $i}}", name: "{{.ten}}", head: "{{.thu_truong.ho_ten}}",
		title: "{{.thu_truong.chuc_vu}}", rowClose: "{{end}}",
		listOpen: "{{range .giao_uoc.noi_dung}}", item: "{{.}}", listClose: "{{end}}",
	}
	docxtemplaterTags = benchTags{
		header: "{{cum.ten | in_hoa}}", footer: "{{giao_uoc.ky_hieu}}", year: "{{cum.nam}}",
		agency: "{{cum.co_quan_chu_quan}}", date: "{{phien.ngay | ngay}}", place: "{{phien.dia_diem}}",
		rowOpen: "{{#thanh_vien}}{{$index + 1}}", name: "{{ten}}", head: "{{thu_truong.ho_ten}}",
		title: "{{thu_truong.chuc_vu}}", rowClose: "{{/thanh_vien}}",
		listOpen: "{{#giao_uoc.noi_dung}}", item: "{{.}}", listClose: "{{/giao_uoc.noi_dung}}",
	}
)

// benchForm is a registration sheet that fills to two pages with a
// 50-row table, its tags split into runs as Word leaves them.
func benchForm(tg benchTags) []byte {
	b := &docBuilder{split: true, widths: []int{700, 4200, 2400, 1700}}
	b.hdr(tg.header).ftr("Ký hiệu: " + tg.footer)
	b.p("BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM "+tg.year).
		p("Kính gửi: "+tg.agency).
		p("Thực hiện kế hoạch công tác thi đua, khen thưởng năm "+tg.year+", các đơn vị thành viên đăng ký ký kết giao ước thi đua tại hội nghị "+tg.date+", tại "+tg.place+", gồm:").
		table(
			[]string{"STT", "Tên đơn vị", "Người đứng đầu", "Chức vụ"},
			[]string{tg.rowOpen, tg.name, tg.head, tg.title + tg.rowClose},
		).
		p("Các đơn vị thống nhất thi đua thực hiện các nội dung sau:").
		p(tg.listOpen).p("- " + tg.item).p(tg.listClose).
		p(tg.place + ", " + tg.date).
		p("TM. " + tg.header).p("CỤM TRƯỞNG")
	return b.bytes()
}

// benchRecord has 50 members; benchJSON is the same record for node.
func benchRecord() map[string]any {
	rec := withMembers(50)
	rec["giao_uoc"].(map[string]any)["noi_dung"] = []string{
		"Hoàn thành các chỉ tiêu kinh tế - xã hội năm 2023.",
		"Làm tốt công tác cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh.",
		"Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.",
	}
	return rec
}

func benchJSON() map[string]any {
	rec := benchRecord()
	rec["phien"].(map[string]any)["ngay"] = rec["phien"].(map[string]any)["ngay"].(time.Time).Format("2006-01-02")
	return rec
}

// TestWriteBenchFiles writes the forms and data that bench/fill/bench.js
// reads (run with FILL_BENCH_WRITE=1).
func TestWriteBenchFiles(t *testing.T) {
	if os.Getenv("FILL_BENCH_WRITE") != "1" {
		t.Skip("set FILL_BENCH_WRITE=1 to rewrite bench/fill/*.docx and data.json")
	}
	data, err := json.MarshalIndent(benchJSON(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"form-thidua.docx":        benchForm(goTags),
		"form-docxtemplater.docx": benchForm(docxtemplaterTags),
		"data.json":               data,
	} {
		if err := os.WriteFile("../../bench/fill/"+name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBenchFormFills checks what the benchmark measures: all 50 rows.
func TestBenchFormFills(t *testing.T) {
	got := fillLines(t, benchForm(goTags), benchRecord(), "word/document.xml")
	// 3 paragraphs, the header row, 50 rows, 1 + 3 list paragraphs, 3 closing paragraphs
	if len(got) != 3+1+50+4+3 || got[3+1+49] != "50 | Ủy ban nhân dân đơn vị 50 | Người 50 | Chủ tịch" {
		t.Errorf("benchmark form fills to:\n%s", strings.Join(got, "\n"))
	}
}

// BenchmarkExecute fills the parsed form: the cost of one copy in a batch.
func BenchmarkExecute(b *testing.B) {
	f := mustParse(b, benchForm(goTags))
	rec := benchRecord()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Execute(rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseExecute parses and fills each time, as docxtemplater does.
func BenchmarkParseExecute(b *testing.B) {
	form := benchForm(goTags)
	rec := benchRecord()
	b.ReportAllocs()
	for b.Loop() {
		f, err := Parse(form, Options{Funcs: testFuncs})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Execute(rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteParallel fills on every core at once.
func BenchmarkExecuteParallel(b *testing.B) {
	f := mustParse(b, benchForm(goTags))
	rec := benchRecord()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := f.Execute(rec); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
