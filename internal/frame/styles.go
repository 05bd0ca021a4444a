// Package frame builds the parts of a paper that Nghị định 30/2020 fixes
// (Phụ lục I): the paragraph styles, the header with the national motto,
// issuing body, number, place and date, the type and summary, "Kính gửi",
// signature blocks and "Nơi nhận". Templates never draw these by hand.
package frame

import "thidua/internal/doc"

// Indent is the first-line indent of body paragraphs: 1,27 cm.
var Indent = doc.Mm(12.7)

func style(id, name string, size float64, bold, italic bool, align doc.Align) *doc.Style {
	return &doc.Style{ID: id, Name: name, Size: size, Bold: bold, Italic: italic, Align: align, Line: doc.LinePitch(size)}
}

// The styles of every paper. IDs are those Word users know where one fits
// (Normal, Heading 1-3, Title, Subtitle); the rest are thidua's own.
var (
	// Body is a body paragraph: 14 pt, justified, first line indented
	// 1,27 cm, 6 pt after.
	Body = with(style("Normal", "Normal", 14, false, false, doc.Justify), func(s *doc.Style) {
		s.FirstLine, s.After = Indent, 6
	})
	// Basis is a legal basis (căn cứ): as Body, in italics.
	Basis = with(style("CanCu", "Căn cứ", 14, false, true, doc.Justify), func(s *doc.Style) {
		s.FirstLine, s.After = Indent, 6
	})
	// Part is "Phần I"/"Chương I" and its title: bold, centred.
	Part = with(style("Heading1", "heading 1", 14, true, false, doc.Center), func(s *doc.Style) {
		s.After, s.KeepNext = 6, true
	})
	// Section is "I. NHỮNG KẾT QUẢ ...": bold, indented as the body.
	Section = with(style("Heading2", "heading 2", 14, true, false, doc.Justify), func(s *doc.Style) {
		s.FirstLine, s.After, s.KeepNext = Indent, 6, true
	})
	// Clause is a clause with a title, "1. ...": bold.
	Clause = with(style("Heading3", "heading 3", 14, true, false, doc.Justify), func(s *doc.Style) {
		s.FirstLine, s.After, s.KeepNext = Indent, 6, true
	})
	// Point is a point with a title, "a) ...": bold italic.
	Point = with(style("Heading4", "heading 4", 14, true, true, doc.Justify), func(s *doc.Style) {
		s.FirstLine, s.After, s.KeepNext = Indent, 6, true
	})

	// Note is a centred italic line, such as "(Kèm theo Tờ trình số ...)"
	// under the title of an appendix.
	Note = with(style("GhiChu", "Ghi chú", 14, false, true, doc.Center), func(s *doc.Style) {
		s.After, s.KeepNext = 6, true
	})

	// Parent is the parent agency in the header: 13 pt capitals, upright.
	Parent = style("CoQuanChuQuan", "Cơ quan chủ quản", 13, false, false, doc.Center)
	// Issuer is the issuing agency: 13 pt capitals, bold.
	Issuer = style("CoQuanBanHanh", "Cơ quan ban hành", 13, true, false, doc.Center)
	// Number is "Số: 01/BC-CTĐ": 13 pt.
	Number = style("SoKyHieu", "Số, ký hiệu", 13, false, false, doc.Center)
	// Nation is the national name: 13 pt capitals, bold.
	Nation = style("QuocHieu", "Quốc hiệu", 13, true, false, doc.Center)
	// Motto is "Độc lập - Tự do - Hạnh phúc": 14 pt, bold.
	Motto = style("TieuNgu", "Tiêu ngữ", 14, true, false, doc.Center)
	// PlaceDate is the place and date: 14 pt italics.
	PlaceDate = style("DiaDanhNgay", "Địa danh, ngày tháng", 14, false, true, doc.Center)
	// Type is the document type, "BÁO CÁO": 14 pt capitals, bold.
	Type = style("Title", "Title", 14, true, false, doc.Center)
	// Summary is the summary under the type: 14 pt, bold.
	Summary = style("Subtitle", "Subtitle", 14, true, false, doc.Center)
	// Letter is "V/v ..." under the number of a letter: 12 pt.
	Letter = style("TrichYeuCongVan", "Trích yếu công văn", 12, false, false, doc.Center)
	// Recipient is "Kính gửi: ...": 14 pt.
	Recipient = with(style("KinhGui", "Kính gửi", 14, false, false, doc.Left), func(s *doc.Style) {
		s.After = 0
	})

	// Authority is a signing authority or title line: 14 pt capitals, bold.
	Authority = style("ThamQuyenKy", "Thẩm quyền ký", 14, true, false, doc.Center)
	// Signer is the signer's name: 14 pt, bold.
	Signer = style("HoTenNguoiKy", "Họ tên người ký", 14, true, false, doc.Center)
	// CopiesHead is "Nơi nhận:": 12 pt bold italics.
	CopiesHead = style("NoiNhan", "Nơi nhận", 12, true, true, doc.Left)
	// Copies is a line of the recipients list: 11 pt.
	Copies = style("NoiNhanDong", "Nơi nhận - dòng", 11, false, false, doc.Left)

	// Cell is text in a table cell: 13 pt, no indent.
	Cell = style("BangNoiDung", "Bảng - nội dung", 13, false, false, doc.Left)
	// CellHead is a table header cell: 13 pt bold, centred.
	CellHead = style("BangTieuDe", "Bảng - tiêu đề", 13, true, false, doc.Center)
)

func with(s *doc.Style, f func(*doc.Style)) *doc.Style {
	f(s)
	return s
}
