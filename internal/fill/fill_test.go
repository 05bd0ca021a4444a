package fill

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// sameLines fails the test with the lines that differ, as a diff.
func sameLines(t testing.TB, got, want []string) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines differ (-want +got):\n%s", diff)
	}
}

// fullForm uses every kind of tag, in the body, a table, a text box, the
// header and the footer.
func fullForm(split bool) *docBuilder {
	b := &docBuilder{split: split}
	b.hdr("{{in_hoa .cum.ten}}").ftr("Ký hiệu: {{.giao_uoc.ky_hieu}} - năm {{.cum.nam}}")
	b.p("BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM {{.cum.nam}}").
		p("Kính gửi: {{.cum.co_quan_chu_quan}}").
		p("Thời gian: {{if .phien.gio}}{{.phien.gio}}, {{end}}{{ngay .phien.ngay}}").
		table(
			[]string{"STT", "Tên đơn vị", "Người đứng đầu", "Chức vụ"},
			[]string{"{{range $i, $v := .thanh_vien}}{{stt $i}}", "{{.ten}}", "{{.thu_truong.ho_ten}}", "{{.thu_truong.chuc_vu}}{{end}}"},
		).
		p("Nội dung giao ước:").
		p("{{range .giao_uoc.noi_dung}}").
		p("- {{.}}").
		p("{{end}}").
		p("Chủ trì: {{range $i, $c := .phien.chu_tri}}{{if $i}}; {{end}}{{$c.ho_ten}}{{end}}.").
		textBox("Cụm trưởng: {{.cum.cum_truong}}").
		p("Khách mời: {{range .phien.khach_moi?}}{{.ho_ten}}{{else}}không có{{end}}.").
		p("Số bản: {{.giao_uoc.so_ban?}}").
		p("{{if eq .phien.loai “ky-ket”}}Hội nghị ký kết{{else if eq .phien.loai ‘tong-ket’}}Hội nghị tổng kết{{else}}Hội nghị khác{{end}} năm {{.cum.nam}}")
	return b
}

var fullBody = []string{
	"BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM 2023",
	"Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương",
	"Thời gian: 08 giờ 00 phút, ngày 14 tháng 3 năm 2023",
	"STT | Tên đơn vị | Người đứng đầu | Chức vụ",
	"1 | Ủy ban nhân dân tỉnh Thanh Hóa | Đỗ Minh Tuấn | Chủ tịch",
	"2 | Ủy ban nhân dân tỉnh Nghệ An | Nguyễn Đức Trung | Chủ tịch",
	"3 | Ủy ban nhân dân tỉnh Hà Tĩnh | Võ Trọng Hải | Chủ tịch",
	"4 | Ủy ban nhân dân tỉnh Quảng Bình | Trần Thắng | Chủ tịch",
	"5 | Ủy ban nhân dân tỉnh Quảng Trị | Võ Văn Hưng | Chủ tịch",
	"6 | Ủy ban nhân dân tỉnh Thừa Thiên Huế | Nguyễn Văn Phương | Chủ tịch",
	"Nội dung giao ước:",
	"- Hoàn thành các chỉ tiêu kinh tế - xã hội.",
	"- Làm tốt công tác cải cách hành chính.",
	"Chủ trì: Nguyễn Đức Trung; Võ Văn Hưng.",
	"Cụm trưởng: nghe-an",
	"",
	"Khách mời: không có.",
	"Số bản: ",
	"Hội nghị ký kết năm 2023",
}

// TestSplitTagsFillLikeWhole: the same form with every tag cut into runs
// separated by proofErr, bookmarks, rsid and language changes fills to the
// same text as the form with whole tags, and both match the hand-written
// expectation.
func TestSplitTagsFillLikeWhole(t *testing.T) {
	for _, split := range []bool{false, true} {
		t.Run(fmt.Sprint("split=", split), func(t *testing.T) {
			form := fullForm(split).bytes()
			src := unzip(t, form)["word/document.xml"]
			if split && (!bytes.Contains(src, []byte(`<w:proofErr`)) || !bytes.Contains(src, []byte(`w:rsidR=`))) {
				t.Fatal("the split form has no proofErr or rsid noise")
			}
			out, err := mustParse(t, form).Execute(sampleRecord())
			if err != nil {
				t.Fatal(err)
			}
			parts := unzip(t, out)
			sameLines(t, lines(t, parts["word/document.xml"]), fullBody)
			sameLines(t, lines(t, parts["word/header1.xml"]), []string{"CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ"})
			sameLines(t, lines(t, parts["word/footer1.xml"]), []string{"Ký hiệu: GƯTĐ-CTĐBTB - năm 2023"})
			if bytes.Contains(parts["word/document.xml"], []byte("{{")) {
				t.Error("a tag was left in the output")
			}
		})
	}
}

// memberTable is a form with a header row and a row per member.
func memberTable(split bool) []byte {
	b := &docBuilder{split: split}
	b.p("Danh sách:").table(
		[]string{"STT", "Đơn vị"},
		[]string{"{{range $i, $v := .thanh_vien}}{{stt $i}}", "{{.ten_ngan}}{{end}}"},
	).p("Hết.")
	return b.bytes()
}

func withMembers(n int) map[string]any {
	rec := sampleRecord()
	var ms []map[string]any
	for i := 1; i <= n; i++ {
		ms = append(ms, member(fmt.Sprintf("dv-%d", i), fmt.Sprintf("Ủy ban nhân dân đơn vị %d", i), "Người "+fmt.Sprint(i), "Chủ tịch"))
	}
	rec["thanh_vien"] = ms
	return rec
}

func TestTableRowLoop(t *testing.T) {
	for _, n := range []int{0, 1, 50} {
		t.Run(fmt.Sprint(n, " items"), func(t *testing.T) {
			got := fillLines(t, memberTable(true), withMembers(n), "word/document.xml")
			want := []string{"Danh sách:", "STT | Đơn vị"}
			for i := 1; i <= n; i++ {
				want = append(want, fmt.Sprintf("%d | đơn vị %d", i, i))
			}
			sameLines(t, got, append(want, "Hết."))
		})
	}
}

// TestEmptiedTableVanishes: a table whose every row is repeated leaves no
// table at all (Word refuses a table without rows) when the list is empty.
func TestEmptiedTableVanishes(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("Trước").table([]string{"{{range .thanh_vien}}{{.ten_ngan}}", "{{.thu_truong.ho_ten}}{{end}}"}).p("Sau")
	form := b.bytes()
	out, err := mustParse(t, form).Execute(withMembers(0))
	if err != nil {
		t.Fatal(err)
	}
	doc := unzip(t, out)["word/document.xml"]
	sameLines(t, lines(t, doc), []string{"Trước", "Sau"})
	if bytes.Contains(doc, []byte("<w:tbl>")) {
		t.Error("an empty table was left")
	}
	sameLines(t, fillLines(t, form, withMembers(2), "word/document.xml"),
		[]string{"Trước", "đơn vị 1 | Người 1", "đơn vị 2 | Người 2", "Sau"})
}

// TestLoopOverSeveralRows: tags on rows of their own repeat the rows
// between them; the tag rows vanish; an else row shows when empty.
func TestLoopOverSeveralRows(t *testing.T) {
	b := &docBuilder{split: true}
	b.table(
		[]string{"Họ tên", "Chức vụ"},
		[]string{"{{range .phien.khach_moi?}}", ""},
		[]string{"{{.ho_ten}}", "{{.chuc_vu}}"},
		[]string{"Đơn vị: {{.don_vi}}", ""},
		[]string{"{{else}}Không có khách mời", "{{end}}"},
	)
	form := b.bytes()
	// The body ends with the table: Word wants a paragraph after it, so one is added.
	sameLines(t, fillLines(t, form, sampleRecord(), "word/document.xml"),
		[]string{"Họ tên | Chức vụ", "Không có khách mời | ", ""})
	rec := sampleRecord()
	rec["phien"].(map[string]any)["khach_moi"] = []map[string]any{
		{"ho_ten": "Phạm Huy Giang", "chuc_vu": "Trưởng Ban", "don_vi": "Ban Thi đua - Khen thưởng Trung ương"},
		{"ho_ten": "Lê Văn A", "chuc_vu": "Phó Trưởng Ban", "don_vi": "Sở Nội vụ"},
	}
	sameLines(t, fillLines(t, form, rec, "word/document.xml"), []string{
		"Họ tên | Chức vụ",
		"Phạm Huy Giang | Trưởng Ban", "Đơn vị: Ban Thi đua - Khen thưởng Trung ương | ",
		"Lê Văn A | Phó Trưởng Ban", "Đơn vị: Sở Nội vụ | ", "",
	})
}

func TestNestedLoops(t *testing.T) {
	data := map[string]any{
		"nhom": []map[string]any{
			{"ten": "Khối tỉnh", "dv": []map[string]any{{"ten": "Nghệ An", "diem": []int64{90, 95}}, {"ten": "Hà Tĩnh", "diem": []int64{88}}}},
			{"ten": "Khối thành phố", "dv": []map[string]any{}},
			{"ten": "Khối huyện", "dv": []map[string]any{{"ten": "Quỳnh Lưu", "diem": []int64{}}}},
		},
	}
	b := &docBuilder{split: true}
	// rows: a group row, then a row per unit with an inline loop in a cell
	b.table(
		[]string{"{{range .nhom}}Nhóm: {{.ten}}", "{{len .dv}} đơn vị"},
		[]string{"{{range .dv}}{{.ten}}", "{{range $j, $d := .diem}}{{if $j}}, {{end}}{{$d}}{{else}}chưa chấm{{end}}{{end}}{{end}}"},
	)
	// paragraphs: a loop inside a loop, each on lines of their own
	b.p("{{range .nhom}}").p("{{.ten}}:").p("{{range .dv}}").p("+ {{.ten}}").p("{{end}}").p("{{end}}")
	f, err := Parse(b.bytes(), Options{Funcs: testFuncs})
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Execute(data)
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, lines(t, unzip(t, out)["word/document.xml"]), []string{
		"Nhóm: Khối tỉnh | 2 đơn vị",
		"Nghệ An | 90, 95",
		"Hà Tĩnh | 88",
		"Nhóm: Khối thành phố | 0 đơn vị",
		"Nhóm: Khối huyện | 1 đơn vị",
		"Quỳnh Lưu | chưa chấm",
		"Khối tỉnh:", "+ Nghệ An", "+ Hà Tĩnh",
		"Khối thành phố:",
		"Khối huyện:", "+ Quỳnh Lưu",
	})
}

func TestConditions(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("{{if .giao_uoc.so}}Số: {{.giao_uoc.so}}/{{.giao_uoc.ky_hieu}}{{else}}Số:    /{{.giao_uoc.ky_hieu}}{{end}}").
		p("{{with .phien.chu_tri}}Có {{len .}} người chủ trì{{else}}Không có chủ trì{{end}}").
		p("{{if not .phien.khach_moi}}").
		p("Hội nghị không mời khách.").
		p("{{else}}").
		p("Hội nghị có khách mời.").
		p("{{end}}").
		p("{{with .cum}}{{.ten}} ({{.ky_hieu}}){{end}}")
	form := b.bytes()
	sameLines(t, fillLines(t, form, sampleRecord(), "word/document.xml"), []string{
		"Số: 1/GƯTĐ-CTĐBTB", "Có 2 người chủ trì", "Hội nghị không mời khách.", "Cụm thi đua các tỉnh Bắc Trung Bộ (CTĐBTB)",
	})
	rec := sampleRecord()
	delete(rec["giao_uoc"].(map[string]any), "so")
	delete(rec["phien"].(map[string]any), "chu_tri")
	rec["phien"].(map[string]any)["khach_moi"] = []map[string]any{{"ho_ten": "Phạm Huy Giang"}}
	sameLines(t, fillLines(t, form, rec, "word/document.xml"), []string{
		"Số:    /GƯTĐ-CTĐBTB", "Không có chủ trì", "Hội nghị có khách mời.", "Cụm thi đua các tỉnh Bắc Trung Bộ (CTĐBTB)",
	})
}

// TestSpecialsAndLineBreaks: values are XML-escaped, newlines become real
// <w:br/> elements between text elements (never a newline inside <w:t>,
// the fault of nguyenthenguyen/docx), tabs become <w:tab/>, characters XML
// cannot hold are dropped.
func TestSpecialsAndLineBreaks(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("A: {{.cum.ten}}").p("B: {{.cum.ky_hieu}}").p("C: {{.giao_uoc.can_cu}}")
	rec := sampleRecord()
	rec["cum"].(map[string]any)["ten"] = `Cụm "A" & <B> 'C' ]]> &amp;`
	rec["cum"].(map[string]any)["ky_hieu"] = "dòng 1\ndòng 2\r\ndòng 3\tcột\x00\x07"
	rec["giao_uoc"].(map[string]any)["can_cu"] = []string{"Luật Thi đua, khen thưởng 2022", "Nghị định 98/2023/NĐ-CP"}
	out, err := mustParse(t, b.bytes()).Execute(rec)
	if err != nil {
		t.Fatal(err)
	}
	doc := unzip(t, out)["word/document.xml"]
	sameLines(t, lines(t, doc), []string{
		`A: Cụm "A" & <B> 'C' ]]> &amp;`,
		"B: dòng 1↵dòng 2↵dòng 3→cột",
		"C: Luật Thi đua, khen thưởng 2022↵Nghị định 98/2023/NĐ-CP",
	})
	for _, bad := range []string{"dòng 1\n", "\x00", "\x07"} {
		if bytes.Contains(doc, []byte(bad)) {
			t.Errorf("output holds %q", bad)
		}
	}
	if !bytes.Contains(doc, []byte(`dòng 1</w:t><w:br/><w:t xml:space="preserve">dòng 2`)) {
		t.Errorf("line break is not a <w:br/> between text elements:\n%s", doc)
	}
}

// TestValueKeepsFormattingOfFirstRun: a tag that starts in a bold run and
// ends in an italic one is filled in a bold, not italic, run.
func TestValueKeepsFormattingOfFirstRun(t *testing.T) {
	b := &docBuilder{}
	b.body = append(b.body, "<w:p>"+run("Tên: ", "")+run("{{.cum", `<w:b/><w:sz w:val="28"/>`)+
		`<w:proofErr w:type="spellStart"/>`+run(".ten}}", "<w:i/>")+`<w:proofErr w:type="spellEnd"/>`+run(" (hết)", "<w:i/>")+"</w:p>")
	out, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(unzip(t, out)["word/document.xml"])
	want := `<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Cụm thi đua các tỉnh Bắc Trung Bộ</w:t></w:r>`
	if !strings.Contains(doc, want) {
		t.Errorf("value run not formatted as the first run of the tag; want %s in\n%s", want, doc)
	}
	if strings.Contains(doc, "proofErr") {
		t.Error("spell-check marks left around the filled tag")
	}
	sameLines(t, lines(t, []byte(doc)), []string{"Tên: Cụm thi đua các tỉnh Bắc Trung Bộ (hết)"})
}

func TestOptionalMarker(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("Giờ: {{.phien.gio?}}; ngày: {{ngay .giao_uoc.ngay?}}; tên: {{.phien.ten ?}}.")
	rec := sampleRecord()
	delete(rec["phien"].(map[string]any), "gio")
	sameLines(t, fillLines(t, b.bytes(), rec, "word/document.xml"), []string{"Giờ: ; ngày: ; tên: ."})
	rec["giao_uoc"].(map[string]any)["ngay"] = time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	sameLines(t, fillLines(t, b.bytes(), rec, "word/document.xml"), []string{"Giờ: ; ngày: ngày 15 tháng 3 năm 2023; tên: ."})
}

// TestMissingValuesAllReported: Check, and Execute, list every value the
// record lacks, with where the tag is and which item lacks it.
func TestMissingValuesAllReported(t *testing.T) {
	b := &docBuilder{split: true}
	b.hdr("{{.cum.ten}}")
	b.p("Địa điểm: {{.phien.dia_diem}}").
		table([]string{"{{range .thanh_vien}}{{.ten}}", "{{.thu_truong.chuc_vu}}{{end}}"}).
		p("Ngày: {{ngay .phien.ngay}}").
		p("{{range .giao_uoc.can_cu}}- {{.}}{{end}}")
	f := mustParse(t, b.bytes())
	rec := sampleRecord()
	delete(rec["cum"].(map[string]any), "ten")
	delete(rec["phien"].(map[string]any), "ngay")
	delete(rec["giao_uoc"].(map[string]any), "can_cu")
	delete(rec["thanh_vien"].([]map[string]any)[1]["thu_truong"].(map[string]any), "chuc_vu")
	delete(rec["thanh_vien"].([]map[string]any)[4]["thu_truong"].(map[string]any), "chuc_vu")
	for name, err := range map[string]error{"Check": f.Check(rec), "Execute": second(f.Execute(rec))} {
		var fe *Error
		if !errors.As(err, &fe) {
			t.Fatalf("%s: error %v is not *Error", name, err)
		}
		want := []struct{ where, tag, msg string }{
			{"thân văn bản, bảng 1, hàng 1, ô 2", "{{.thu_truong.chuc_vu}}", `"thanh_vien[].thu_truong.chuc_vu" (ở mục "nghe-an", "quang-tri")`},
			{"thân văn bản, đoạn 2", "{{ngay .phien.ngay}}", `"phien.ngay"`},
			{"thân văn bản, đoạn 3", "{{range .giao_uoc.can_cu}}", `"giao_uoc.can_cu"`},
			{"đầu trang (header1.xml), đoạn 1", "{{.cum.ten}}", `"cum.ten"`},
		}
		if len(fe.Problems) != len(want) {
			t.Fatalf("%s: %d problems, want %d:\n%v", name, len(fe.Problems), len(want), err)
		}
		if !strings.HasPrefix(err.Error(), "hồ sơ chưa đủ để điền mẫu Word (4 chỗ):\n  - thân văn bản, bảng 1") {
			t.Errorf("%s: error text starts wrong:\n%s", name, err)
		}
		for i, w := range want {
			p := fe.Problems[i]
			if p.Where.String() != w.where || p.Tag != w.tag || !strings.Contains(p.Msg, "hồ sơ không có giá trị cho "+w.msg) {
				t.Errorf("%s problem %d = %s\nwant at %s, tag %s, message with %s", name, i+1, p, w.where, w.tag, w.msg)
			}
		}
	}
	if got := fmt.Sprint(f.Check(sampleRecord())); got != "<nil>" {
		t.Errorf("Check of a full record: %s", got)
	}
}

func second[T any](_ T, err error) error { return err }

// TestFiveMistakes: a form with five different mistakes reports all five
// at once, each with its place and the text around it.
func TestFiveMistakes(t *testing.T) {
	b := &docBuilder{split: true}
	b.hdr("Trang {{end}}")
	b.p("Kính gửi: {{.cum.tenn}} và các đơn vị").
		p("Ngày {{ngayy .phien.ngay}}").
		p("Địa điểm: {{.phien.dia_diem} hết").
		p("Chủ trì: {{.phien.chu_tri.ho_ten}}").
		table(
			[]string{"STT", "Đơn vị"},
			[]string{"{{range .thanh_vien}}", "{{.ten}}"},
		)
	_, err := Parse(b.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)})
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("Parse error %v is not *Error", err)
	}
	want := []struct{ where, tag, msg, context string }{
		{"thân văn bản, đoạn 1", "{{.cum.tenn}}", `trường "cum.tenn" không có trong hồ sơ; có phải "cum.ten"?`, "Kính gửi: {{.cum.tenn}} và các đơn vị"},
		{"thân văn bản, đoạn 2", "{{ngayy .phien.ngay}}", `hàm "ngayy" không có; có phải "ngay"?`, "Ngày {{ngayy .phien.ngay}}"},
		{"thân văn bản, đoạn 3", "{{.phien.dia_diem} hết", `thẻ mở "{{" chưa có "}}"`, "Địa điểm: {{.phien.dia_diem} hết"},
		{"thân văn bản, đoạn 4", "{{.phien.chu_tri.ho_ten}}", `"phien.chu_tri" là danh sách`, "Chủ trì: {{.phien.chu_tri.ho_ten}}"},
		{"thân văn bản, bảng 1, hàng 2, ô 1", "{{range .thanh_vien}}", "chưa có {{end}}", "{{range .thanh_vien}}"},
		{"đầu trang (header1.xml), đoạn 1", "{{end}}", "thừa {{end}}", "Trang {{end}}"},
	}
	if len(fe.Problems) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(fe.Problems), len(want), err)
	}
	for i, w := range want {
		p := fe.Problems[i]
		if p.Where.String() != w.where || p.Tag != w.tag || !strings.Contains(p.Msg, w.msg) || p.Where.Context != w.context {
			t.Errorf("problem %d = %s\nwant at %s, tag %s, message with %q, context %q", i+1, p, w.where, w.tag, w.msg, w.context)
		}
	}
	if !strings.HasPrefix(err.Error(), "mẫu Word có 6 lỗi:\n  - thân văn bản, đoạn 1: thẻ {{.cum.tenn}}: ") {
		t.Errorf("error text starts wrong:\n%s", err)
	}
}

// TestPlacementMistakes: blocks that cannot be placed say how to fix them.
func TestPlacementMistakes(t *testing.T) {
	cases := []struct {
		name string
		form func(b *docBuilder)
		msg  string
	}{
		{"open with text, close elsewhere", func(b *docBuilder) {
			b.p("Danh sách: {{range .thanh_vien}}").p("{{.ten}}").p("{{end}}")
		}, "phải đứng riêng một đoạn"},
		{"one tag in a table, the other outside", func(b *docBuilder) {
			b.table([]string{"{{range .thanh_vien}}", "x"}).p("{{end}}")
		}, "cùng ở ngoài bảng"},
		{"value before the loop in its row", func(b *docBuilder) {
			b.table([]string{"{{.cum.ten}}", "{{range .thanh_vien}}{{.ten}}", "{{end}}"}, []string{"a", "b", "c"})
		}, "đứng trước thẻ {{range .thanh_vien}}"},
		{"else inside one repeated row", func(b *docBuilder) {
			b.table([]string{"{{if .phien.gio}}có", "{{else}}không", "{{end}}"})
		}, "phải đứng ở đầu một hàng riêng"},
		{"else if in a range", func(b *docBuilder) {
			b.p("{{range .thanh_vien}}{{.ten}}{{else if .cum}}x{{end}}")
		}, "chỉ dùng trong khối {{if}}"},
		{"optional marker on if", func(b *docBuilder) {
			b.p("{{if .phien.gio?}}x{{end}}")
		}, "dấu ? (tùy chọn)"},
		{"tag cut by a line break", func(b *docBuilder) {
			b.body = append(b.body, `<w:p><w:r><w:t>{{.cum</w:t><w:br/><w:t>.ten}}</w:t></w:r></w:p>`)
		}, "bị cắt ngang"},
		{"stray closing braces", func(b *docBuilder) {
			b.p("Tên: .cum.ten}}")
		}, `thừa "}}"`},
		{"undefined variable", func(b *docBuilder) {
			b.p("{{$x.ten}}")
		}, "biến $x chưa khai báo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := &docBuilder{split: true}
			c.form(b)
			_, err := Parse(b.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)})
			var fe *Error
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error = %v, want an *Error with %q", err, c.msg)
			}
		})
	}
}

// TestTextBoxAndHeaderTags: tags in a text box (stored twice by Word) and
// in headers and footers are filled in every copy.
func TestTextBoxAndHeaderTags(t *testing.T) {
	b := &docBuilder{split: true}
	b.hdr("{{.cum.ky_hieu}}").ftr("{{range .thanh_vien}}{{.id}} {{end}}")
	b.textBox("Kính gửi: {{.cum.co_quan_chu_quan}}", "{{if .phien.gio}}Lúc {{.phien.gio}}{{end}}")
	out, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, out)
	doc := string(parts["word/document.xml"])
	if n := strings.Count(doc, ">Hội đồng Thi đua - Khen thưởng Trung ương<"); n != 2 {
		t.Errorf("text box value written %d times, want 2 (DrawingML and VML copies)", n)
	}
	if n := strings.Count(doc, ">08 giờ 00 phút<"); n != 2 {
		t.Errorf("conditional text box value written %d times, want 2", n)
	}
	sameLines(t, lines(t, parts["word/header1.xml"]), []string{"CTĐBTB"})
	sameLines(t, lines(t, parts["word/footer1.xml"]), []string{"thanh-hoa nghe-an ha-tinh quang-binh quang-tri thua-thien-hue "})
}

// TestDeterministicAndConcurrent: the same input gives the same bytes, and
// copies filled at the same time keep their own values in the body and
// the header (nguyenthenguyen/docx shares header maps between copies).
func TestDeterministicAndConcurrent(t *testing.T) {
	f := mustParse(t, fullForm(true).bytes())
	a, err := f.Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Execute(sampleRecord())
	if !bytes.Equal(a, b) {
		t.Error("two fills of the same data differ")
	}
	const n = 16
	outs := make([][]byte, n)
	done := make(chan error, n)
	for i := range n {
		go func() {
			rec := sampleRecord()
			rec["cum"].(map[string]any)["ten"] = fmt.Sprintf("Cụm số %d", i)
			rec["giao_uoc"].(map[string]any)["ky_hieu"] = fmt.Sprintf("KH-%d", i)
			var err error
			outs[i], err = f.Execute(rec)
			done <- err
		}()
	}
	for range n {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for i, out := range outs {
		parts := unzip(t, out)
		sameLines(t, lines(t, parts["word/header1.xml"]), []string{fmt.Sprintf("CỤM SỐ %d", i)})
		sameLines(t, lines(t, parts["word/footer1.xml"]), []string{fmt.Sprintf("Ký hiệu: KH-%d - năm 2023", i)})
	}
}

// TestFormattingOfBareValues: values printed without a function.
func TestFormattingOfBareValues(t *testing.T) {
	b := &docBuilder{}
	b.p("{{.d}} | {{.f}} | {{.i}} | {{.b}} | {{.d.Year}}")
	f, err := Parse(b.bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Execute(map[string]any{"d": time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), "f": 31434.47, "i": int64(2340000), "b": true})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, lines(t, unzip(t, out)["word/document.xml"]), []string{"05/01/2024 | 31.434,47 | 2340000 | có | 2024"})
}

func TestFunctionErrorIsLocated(t *testing.T) {
	b := &docBuilder{}
	b.p("Ngày: {{ngay .phien.dia_diem}}")
	_, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	var fe *Error
	if !errors.As(err, &fe) || len(fe.Problems) != 1 {
		t.Fatalf("error = %v, want one problem", err)
	}
	p := fe.Problems[0]
	if p.Tag != "{{ngay .phien.dia_diem}}" || p.Where.Paragraph != 1 || !strings.Contains(p.Msg, "không đúng dạng ngày") {
		t.Errorf("problem = %s", p)
	}
}

func TestFields(t *testing.T) {
	got := mustParse(t, fullForm(false).bytes()).Fields()
	want := []string{"cum.co_quan_chu_quan", "cum.cum_truong", "cum.nam", "cum.ten", "giao_uoc.ky_hieu", "giao_uoc.noi_dung",
		"giao_uoc.so_ban", "phien.chu_tri", "phien.chu_tri[].ho_ten", "phien.gio", "phien.khach_moi", "phien.khach_moi[].ho_ten",
		"phien.loai", "phien.ngay", "thanh_vien", "thanh_vien[].ten", "thanh_vien[].thu_truong.chuc_vu", "thanh_vien[].thu_truong.ho_ten"}
	sameLines(t, got, want)
}

// TestCapitalisedKeywords: Word capitalises the first letter of a
// sentence, so {{Range}}, {{If}}, {{Else If}} and {{End}} are accepted.
func TestCapitalisedKeywords(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("{{Range .giao_uoc.noi_dung}}").p("{{.}}").p("{{End}}").
		p("{{If .phien.ten}}a{{Else If .phien.gio}}b{{Else}}c{{End}}")
	sameLines(t, fillLines(t, b.bytes(), sampleRecord(), "word/document.xml"), []string{
		"Hoàn thành các chỉ tiêu kinh tế - xã hội.", "Làm tốt công tác cải cách hành chính.", "b",
	})
}

// TestTagsInHyperlinkAndTrackedInsertion: tags inside a hyperlink or a
// tracked insertion are filled there; a block whose ends sit in different
// ones is refused.
func TestTagsInHyperlinkAndTrackedInsertion(t *testing.T) {
	b := &docBuilder{}
	b.body = append(b.body,
		`<w:p><w:hyperlink r:id="rIdX">`+run("{{.cum.ky_", "")+run("hieu}}", "")+`</w:hyperlink>`+
			`<w:ins w:id="7" w:author="Văn thư" w:date="2024-01-01T00:00:00Z">`+run(" – {{.cum.", "")+run("nam}}", "")+`</w:ins></w:p>`)
	out, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(unzip(t, out)["word/document.xml"])
	if !strings.Contains(doc, `<w:hyperlink r:id="rIdX"><w:r><w:t xml:space="preserve">CTĐBTB</w:t></w:r></w:hyperlink>`) ||
		!strings.Contains(doc, `<w:t xml:space="preserve">2023</w:t></w:r></w:ins>`) {
		t.Errorf("values not filled in place:\n%s", doc)
	}
	bad := &docBuilder{}
	bad.body = append(bad.body, `<w:p><w:hyperlink r:id="rIdX">`+run("{{if .cum.nam}}", "")+`</w:hyperlink>`+run("x{{end}}", "")+`</w:p>`)
	if _, err := mustParseErr(bad.bytes()); err == nil || !strings.Contains(err.Error(), "hai lớp khác nhau") {
		t.Errorf("error = %v, want the two-levels message", err)
	}
}

func mustParseErr(docx []byte) (*Form, error) {
	return Parse(docx, Options{Funcs: testFuncs})
}

// TestSectionBreakParagraphStays: a tag alone on the paragraph that ends a
// section leaves that paragraph in place, once, outside the loop.
func TestSectionBreakParagraphStays(t *testing.T) {
	b := &docBuilder{}
	b.p("{{range .giao_uoc.noi_dung}}").p("{{.}}")
	b.body = append(b.body, `<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr>`+run("{{end}}", "")+`</w:p>`)
	b.p("Trang sau")
	out, err := mustParse(t, b.bytes()).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(unzip(t, out)["word/document.xml"])
	if n := strings.Count(doc, `<w:pPr><w:sectPr>`); n != 1 {
		t.Errorf("section break written %d times, want 1", n)
	}
	sameLines(t, lines(t, []byte(doc)), []string{"Hoàn thành các chỉ tiêu kinh tế - xã hội.", "Làm tốt công tác cải cách hành chính.", "", "Trang sau"})
}

// TestTextBoxLocations: a mistake in a text box is reported once (Word
// stores the box twice) with the box's own paragraph number, and the body's
// numbering goes on as if the box were not there.
func TestTextBoxLocations(t *testing.T) {
	b := &docBuilder{split: true}
	b.p("Mở đầu").textBox("Dòng một", "Kính gửi {{.cum.tenn}}").p("Ngày {{ngayy .phien.ngay}}")
	_, err := Parse(b.bytes(), Options{Funcs: testFuncs, Schema: testSchema(t)})
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v", err)
	}
	var where []string
	for _, p := range fe.Problems {
		where = append(where, p.Where.String()+" "+p.Tag)
	}
	sameLines(t, where, []string{
		"thân văn bản, hộp văn bản, đoạn 2 {{.cum.tenn}}",
		"thân văn bản, đoạn 3 {{ngayy .phien.ngay}}",
	})
}
