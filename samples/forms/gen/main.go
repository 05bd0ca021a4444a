// Command gen writes the sample Word forms of samples/forms with thidua's
// own document model and DOCX writer, so that they follow the decree as
// the built-in papers do (margins, Times New Roman, named styles, the
// rules under the motto, the issuer and the title, page numbers from
// page 2, the signer in the right half with room to sign). Their texts
// are fill tags (docs/mau-word.md); the issuer and the signer both come
// from the record's cluster head (cum.cum_truong), and a record without
// one makes fill fail instead of printing an empty name.
//
//	go generate ./samples/forms/gen
//
//go:generate go run .
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"thidua/internal/doc"
	"thidua/internal/docx"
	"thidua/internal/frame"
)

// Forms are the sample forms by file name.
func Forms() map[string]*doc.Document {
	return map[string]*doc.Document{
		"dang-ky-giao-uoc.docx": dangKy(),
		"to-trinh.docx":         toTrinh(),
	}
}

// verbatim keeps the tags as they are: fill breaks nothing, and the
// values' joints are kept by khong_ngat.
var verbatim = frame.Breaker{Verbatim: true}

// head is the cluster head's member entry, for a tag's "with".
const head = `{{with don_vi_ma $ .cum.cum_truong}}`

func para(s *doc.Style, text string) *doc.Paragraph {
	return doc.NewParagraph(s, doc.Run{Text: text})
}

// plain is a body paragraph without first-line indent: a loop's tag.
func plain(text string) *doc.Paragraph {
	p := para(frame.Body, text)
	p.Props.FirstLine = 0
	return p
}

// dangKy is the registration table of the pledge: one row per member,
// signed by the cluster head.
func dangKy() *doc.Document {
	h := frame.Head{
		Parent:    "{{khong_ngat (in_hoa .cum.co_quan_chu_quan)}}",
		Issuer:    "{{khong_ngat (in_hoa .cum.ten)}}",
		Number:    "        /ĐKTĐ{{if .cum.ky_hieu}}-{{.cum.ky_hieu}}{{end}}",
		PlaceDate: "{{.giao_uoc.dia_danh}}, {{ngay .phien.ngay}}",
		Type:      "BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM {{.cum.nam}}",
		Break:     verbatim,
	}
	blocks := h.Blocks()
	blocks = append(blocks,
		para(frame.Note, "(Kèm theo Giao ước số {{so_ky_hieu .giao_uoc.so .giao_uoc.ky_hieu}})"),
		para(frame.Body, "Thực hiện kế hoạch công tác thi đua, khen thưởng năm {{.cum.nam}} của {{.cum.ten}}, "+
			"các đơn vị thành viên đăng ký ký kết giao ước thi đua tại hội nghị {{ngay .phien.ngay}}"+
			"{{with .phien.gio}} ({{.}}){{end}}, tại {{.phien.dia_diem}}, gồm:"))
	blocks[len(blocks)-1].(*doc.Paragraph).Props.KeepNext = true
	cell := func(st *doc.Style, align doc.Align, text string) *doc.Cell {
		p := para(st, text)
		p.Props.Align = align
		return &doc.Cell{Blocks: []doc.Block{p}, VAlign: doc.Middle}
	}
	headRow := &doc.Row{KeepNext: true}
	for _, t := range []string{"STT", "Tên đơn vị", "Người đứng đầu", "Chức vụ", "Ký tên"} {
		headRow.Cells = append(headRow.Cells, cell(frame.CellHead, doc.Center, t))
	}
	// the last cell leaves room to sign; the loop's end closes the row
	sign := &doc.Cell{Blocks: []doc.Block{&doc.Spacer{Height: doc.Mm(12)}, para(frame.Cell, "{{end}}")}, VAlign: doc.Middle}
	row := &doc.Row{Cells: []*doc.Cell{
		cell(frame.Cell, doc.Center, "{{range $i, $tv := .thanh_vien}}{{stt $i}}"),
		cell(frame.Cell, doc.Left, "{{khong_ngat .ten}}"),
		cell(frame.Cell, doc.Left, "{{.thu_truong.ho_ten}}"),
		cell(frame.Cell, doc.Center, "{{.thu_truong.chuc_vu}}"),
		sign,
	}}
	blocks = append(blocks,
		&doc.Table{Columns: mm(12, 55, 43, 30, 25), Borders: true, HeaderRows: 1, PadX: 4, PadY: 2, Rows: []*doc.Row{headRow, row}},
		&doc.Spacer{Height: 6},
		para(frame.Body, "Các đơn vị thống nhất thi đua thực hiện các nội dung sau:"),
		plain("{{range $i, $nd := .giao_uoc.noi_dung}}"),
		para(frame.Body, "{{stt $i}}. {{$nd}}"),
		plain("{{end}}"),
	)
	blocks = append(blocks, frame.Signatures(nil, []frame.Sig{{
		Authority: []string{"TM." + frame.NBSP + "{{khong_ngat (in_hoa .cum.ten)}}"},
		Title:     "CỤM TRƯỞNG",
		Name:      head + "{{bat_buoc .thu_truong.ho_ten}}{{end}}",
	}}, verbatim)...)
	return &doc.Document{Title: "Bảng đăng ký giao ước thi đua", Sections: []*doc.Section{{Numbered: true, Blocks: blocks}}}
}

// toTrinh is the cluster head's submission about the signing, issued and
// signed by the head's own body.
func toTrinh() *doc.Document {
	h := frame.Head{
		Issuer:    head + "{{khong_ngat (in_hoa .ten)}}{{end}}",
		Number:    "        /TTr-UBND",
		PlaceDate: head + "{{or .dia_danh .ten_ngan}}{{end}}, {{ngay .phien.ngay}}",
		Type:      "TỜ TRÌNH",
		Summary:   "Về việc ký kết giao ước thi đua năm {{.cum.nam}} của {{khong_ngat .cum.ten}}",
		To:        []string{"{{.cum.co_quan_chu_quan}}"},
		Break:     verbatim,
	}
	blocks := h.Blocks()
	// the issuer's rule as long as 2/5 of a unit's name such as "ỦY BAN
	// NHÂN DÂN", not of its tag
	issuerRule(blocks, 48)
	blocks = append(blocks,
		plain("{{range .giao_uoc.can_cu?}}"),
		para(frame.Basis, "Căn cứ {{.}};"),
		plain("{{end}}"),
		para(frame.Body, "Vào {{ngay .phien.ngay}}{{with .phien.gio}} ({{.}}){{end}}, tại {{.phien.dia_diem}}, "+
			"{{len .thanh_vien}} đơn vị thành viên {{.cum.ten}} đã tổ chức hội nghị ký kết giao ước thi đua năm {{.cum.nam}}"+
			"{{with .phien.chu_tri}}, do các đồng chí {{range $i, $c := .}}{{if $i}}; {{end}}{{$c.ho_ten}}, {{$c.chuc_vu}}{{end}} chủ trì{{end}}."),
		para(frame.Body, "Các đơn vị ký kết:"),
		plain("{{range .thanh_vien}}"),
		// a no-break space keeps "ký." from ending a paragraph alone
		para(frame.Body, "- {{.ten}}, do đồng chí {{.thu_truong.ho_ten}}, {{.thu_truong.chuc_vu}},"+frame.NBSP+"ký."),
		plain("{{end}}"),
		para(frame.Body, head+"{{.ten}}{{end}}, Cụm trưởng, kính trình {{.cum.co_quan_chu_quan}} xem xét, ghi"+frame.NBSP+"nhận./."),
	)
	blocks[len(blocks)-1].(*doc.Paragraph).Props.KeepNext = true
	sig := frame.Signatures(nil, []frame.Sig{{
		Authority: []string{"TM." + frame.NBSP + head + "{{khong_ngat (in_hoa .ten)}}{{end}}"},
		Title:     head + "{{in_hoa .thu_truong.chuc_vu}}{{end}}",
		Name:      head + "{{bat_buoc .thu_truong.ho_ten}}{{end}}",
	}}, verbatim)
	// Nơi nhận: the other members, one line each
	sig[0].(*doc.Table).Rows[0].Cells[0].Blocks = []doc.Block{
		para(frame.CopiesHead, "Nơi nhận:"),
		para(frame.Copies, "- Như trên;"),
		para(frame.Copies, "{{range .thanh_vien}}{{if ne .id $.cum.cum_truong}}"),
		para(frame.Copies, "- {{khong_ngat .ten_ngan}};"),
		para(frame.Copies, "{{end}}{{end}}"),
		para(frame.Copies, "- Lưu: VT."),
	}
	blocks = append(blocks, sig...)
	return &doc.Document{Title: "Tờ trình", Sections: []*doc.Section{{Numbered: true, Blocks: blocks}}}
}

// issuerRule sets the length of the rule under the issuing body, in the
// header's first cell.
func issuerRule(blocks []doc.Block, length float64) {
	for _, b := range blocks[0].(*doc.Table).Rows[0].Cells[0].Blocks {
		if r, ok := b.(*doc.Rule); ok {
			r.Width = length
		}
	}
}

// mm converts widths in millimetres.
func mm(ws ...float64) []float64 {
	out := make([]float64, len(ws))
	for i, w := range ws {
		out[i] = doc.Mm(w)
	}
	return out
}

// Write writes the forms into dir.
func Write(dir string) error {
	for name, d := range Forms() {
		var b bytes.Buffer
		if err := docx.Write(&b, d); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	dir := ".."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := Write(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
