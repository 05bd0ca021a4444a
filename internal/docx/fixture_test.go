package docx

import (
	"fmt"

	"thidua/internal/doc"
)

// Styles of the test documents, set as the decree asks (docs/the-thuc.md):
// body 14 pt justified with a 1.27 cm first-line indent and 6 pt after.
var (
	bodyStyle = &doc.Style{ID: "Normal", Name: "Normal", Size: 14, Align: doc.Justify,
		FirstLine: doc.Mm(12.7), After: 6, Line: doc.LinePitch(14)}
	titleStyle = &doc.Style{ID: "TenLoai", Name: "Tên loại văn bản", Size: 14, Bold: true, Align: doc.Center,
		Line: doc.LinePitch(14), KeepNext: true, KeepLines: true}
	headStyle = &doc.Style{ID: "DauTrang", Name: "Đầu trang", Size: 13, Align: doc.Center, Line: doc.LinePitch(13)}
	cellStyle = &doc.Style{ID: "OBang", Name: "Ô bảng", Size: 13, Align: doc.Left, Line: doc.LinePitch(13)}
	signStyle = &doc.Style{ID: "ChuKy", Name: "Chữ ký", Size: 14, Bold: true, Align: doc.Center,
		Line: doc.LinePitch(14)}
)

// para is a paragraph of the style with the runs.
func para(s *doc.Style, runs ...doc.Run) *doc.Paragraph { return doc.NewParagraph(s, runs...) }

// plain is one run of regular text.
func plain(t string) doc.Run { return doc.Run{Text: t} }

// textWidth is the text column of a portrait page: 165 mm.
var textWidth = doc.PageWidth - doc.MarginLeft - doc.MarginRight

// headerTable is the NĐ30 frame of page 1: issuing body and number on the
// left, motto and place-date on the right, with the short rules.
func headerTable() *doc.Table {
	left := []doc.Block{
		para(headStyle, plain("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")),
		para(headStyle, doc.Run{Text: "CỤM THI ĐUA CÁC HUYỆN MIỀN NÚI", Bold: true}),
		&doc.Rule{Width: 60, Height: 6},
		para(headStyle, plain("Số: 01/GƯTĐ-CTĐ")),
	}
	right := []doc.Block{
		para(headStyle, doc.Run{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true}),
		para(headStyle, doc.Run{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true}),
		&doc.Rule{Width: 160, Height: 6},
		para(headStyle, doc.Run{Text: "Hà Tĩnh, ngày 05 tháng 01 năm 2024", Italic: true}),
	}
	return &doc.Table{
		Columns: []float64{190, textWidth - 190},
		Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: left}, {Blocks: right}}}},
	}
}

// bodyParagraph is a justified paragraph of two lines with bold and
// italic runs inside it.
func bodyParagraph(i int) *doc.Paragraph {
	return para(bodyStyle,
		plain(fmt.Sprintf("%d. Các đơn vị thống nhất ", i)),
		doc.Run{Text: "đẩy mạnh phong trào thi đua yêu nước", Bold: true},
		plain(", gắn với "),
		doc.Run{Text: "học tập và làm theo tư tưởng Hồ Chí Minh", Italic: true},
		plain("; hoàn thành các chỉ tiêu đề ra."),
	)
}

// scoreTable is a bordered table of n rows under one header row.
func scoreTable(n int) *doc.Table {
	t := &doc.Table{
		Columns:    []float64{40, 250, 80, textWidth - 370},
		Borders:    true,
		HeaderRows: 1,
		PadX:       5.4,
		PadY:       2,
		KeepNext:   true,
	}
	cell := func(s string) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{para(cellStyle, plain(s))}, VAlign: doc.Middle}
	}
	t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{cell("TT"), cell("Đơn vị"), cell("Điểm"), cell("Xếp loại")}})
	for i := 1; i <= n; i++ {
		t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{
			cell(fmt.Sprint(i)), cell(fmt.Sprintf("Ủy ban nhân dân huyện số %d", i)), cell("95,5"), cell("Xuất sắc"),
		}})
	}
	return t
}

// signatureGrid is the signers' grid: two blocks a row, each the authority
// line, the title, room for signature and seal, and the name; the last
// row centred when n is odd.
func signatureGrid(n int) *doc.Table {
	half := textWidth / 2
	block := func(i int) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{
			para(signStyle, plain(fmt.Sprintf("TM. ỦY BAN NHÂN DÂN HUYỆN %d", i))),
			para(signStyle, plain("CHỦ TỊCH")),
			&doc.Spacer{Height: doc.Mm(28)},
			para(signStyle, plain(fmt.Sprintf("Nguyễn Văn Người Ký %d", i))),
		}}
	}
	t := &doc.Table{Columns: []float64{half / 2, half / 2, half / 2, half / 2}}
	for i := 0; i < n; i += 2 {
		if i+1 < n {
			t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{{Blocks: block(i + 1).Blocks, Span: 2}, {Blocks: block(i + 2).Blocks, Span: 2}}})
			continue
		}
		t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{{}, {Blocks: block(i + 1).Blocks, Span: 2}, {}}})
	}
	return t
}

// benchDocument is the benchmark's paper: a header table, 40 justified
// paragraphs with mixed runs, a 20-row bordered table with a header row and
// a signature grid of 8 blocks; about three pages and a half.
func benchDocument() *doc.Document {
	s := &doc.Section{Numbered: true}
	s.Blocks = append(s.Blocks, headerTable(),
		&doc.Spacer{Height: 12},
		para(titleStyle, plain("GIAO ƯỚC THI ĐUA")),
		para(titleStyle, plain("Năm 2024")),
		&doc.Rule{Width: 120, Height: 12},
	)
	for i := 1; i <= 40; i++ {
		s.Blocks = append(s.Blocks, bodyParagraph(i))
	}
	s.Blocks = append(s.Blocks, scoreTable(20), &doc.Spacer{Height: 12}, signatureGrid(8))
	return &doc.Document{Title: "Giao ước thi đua năm 2024", Subject: "Cụm thi đua các huyện miền núi", Sections: []*doc.Section{s}}
}
