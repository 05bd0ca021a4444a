// Package record reads the TOML record of an emulation cluster's session
// (docs/record.md describes every key), checks it and reports every problem
// at once, each with file:line:column and a Vietnamese message and hint.
//
// All text comes out NFC-normalised in the record's tone-mark style.
//
// The struct tags are the schema (docs/record.md, the hints of errors and
// any form generated from the record read them):
//   - toml: the TOML key;
//   - label: what the field is, in words a clerk understands;
//   - required:"true": the record must give it, whatever papers it makes;
//   - need: the papers (template names, comma-separated) that print the
//     field; it is required only when one of them is requested
//     (Record.Need), and the error names the paper;
//   - enum: the values a text field takes, comma-separated, each with
//     what it means after a colon ("so-ket:sơ kết"); decoding refuses any
//     other value, the hint lists them with their meanings, and the web
//     form shows the meanings;
//   - ref:"thanh_vien": the value is the id of one of the record's
//     [[thanh_vien]] (a form offers the members; hints list their ids);
//   - item: what one item of a list is called;
//   - eg: an example value for hints, never a figure a clerk could copy
//     into a paper (figures get a placeholder).
//
// Schema gives the same tags to programs that build forms (thidua serve).
package record

import (
	"fmt"
	"time"

	"thidua/internal/vn"
)

// Record is one session record of a cluster.
type Record struct {
	Cluster Cluster  `toml:"cum" label:"thông tin cụm thi đua" required:"true"`
	Members []Member `toml:"thanh_vien" label:"danh sách thành viên" item:"thành viên" required:"true"`
	Session Session  `toml:"phien" label:"thông tin phiên họp" required:"true"`
	// Pledge is nil when the record has no [giao_uoc] table.
	Pledge *Pledge `toml:"giao_uoc" label:"bản giao ước"`

	// Session results (issue 4).
	Indicators []Indicator `toml:"chi_tieu" label:"chỉ tiêu" item:"chỉ tiêu"`
	Criteria   *Criteria   `toml:"bo_tieu_chi" label:"bộ tiêu chí chấm điểm"`
	Scores     []Score     `toml:"diem" label:"bảng điểm" item:"bảng điểm"`
	Vote       *Vote       `toml:"binh_xet" label:"bình xét, suy tôn"`
	Report     *Report     `toml:"bao_cao" label:"báo cáo"`
	Minutes    *Minutes    `toml:"bien_ban" label:"biên bản hội nghị"`
	NextYear   *NextYear   `toml:"nam_toi" label:"cụm trưởng, cụm phó năm tới"`

	// Award proposals (issue 5). Awards is nil when the record has no
	// [khen_thuong] table; types and checks in awards.go.
	Awards   *Awards   `toml:"khen_thuong" label:"hồ sơ đề nghị khen thưởng"`
	Nominees []Nominee `toml:"de_nghi" label:"danh sách đề nghị khen thưởng" item:"tập thể, cá nhân được đề nghị"`

	file string
	ix   *index
}

// Cluster is the emulation cluster (cụm or khối thi đua).
type Cluster struct {
	Name   string `toml:"ten" label:"tên cụm thi đua" required:"true" breaks:"true"`
	Symbol string `toml:"ky_hieu" label:"ký hiệu của cụm"`
	Body   string `toml:"co_quan_chu_quan" label:"cơ quan chủ quản" breaks:"true"`
	Year   int    `toml:"nam" label:"năm thi đua" required:"true" eg:"2024"`
	Head   string `toml:"cum_truong" label:"cụm trưởng" ref:"thanh_vien"`
	Deputy string `toml:"cum_pho" label:"cụm phó" ref:"thanh_vien"`
	// Tone is "moi" or "cu"; Load sets it to "moi" when the record omits it.
	Tone string `toml:"kieu_dau" label:"kiểu đặt dấu" enum:"moi:kiểu mới — hòa; thủy,cu:kiểu cũ — hoà; thuỷ"`
}

// Member is one member unit of the cluster.
type Member struct {
	ID   string `toml:"id" label:"mã thành viên" required:"true" eg:"\"nghe-an\""`
	Name string `toml:"ten" label:"tên đầy đủ của đơn vị" required:"true" breaks:"true"`
	// Short is the short name; Load sets it to Name when the record omits it.
	Short string `toml:"ten_ngan" label:"tên ngắn"`
	Place string `toml:"dia_danh" label:"địa danh"`
	// Head signs for the unit; nil when the record leaves it out (only
	// the papers that print it need it).
	Head *Signer `toml:"thu_truong" label:"thủ trưởng đơn vị" need:"giao-uoc"`
}

// ShortName is the name used in tables: ten_ngan, or ten when it is not given.
func (m Member) ShortName() string {
	if m.Short != "" {
		return m.Short
	}
	return m.Name
}

// Signer is the head of a member unit, who signs for it.
type Signer struct {
	Name  string `toml:"ho_ten" label:"họ và tên thủ trưởng" required:"true"`
	Title string `toml:"chuc_vu" label:"chức vụ thủ trưởng" required:"true" breaks:"true"`
	// Authority holds the lines printed above the title, e.g.
	// "TM. Ủy ban nhân dân tỉnh Nghệ An", "KT. Chủ tịch".
	Authority Lines `toml:"tham_quyen" label:"thẩm quyền ký"`
}

// Person is a chair or a guest of a session.
type Person struct {
	Name  string `toml:"ho_ten" label:"họ và tên" required:"true"`
	Title string `toml:"chuc_vu" label:"chức vụ"`
	Body  string `toml:"don_vi" label:"đơn vị công tác"`
}

// Session kinds (phien.loai).
const (
	KindSigning = "ky-ket"   // signing the pledge
	KindMidYear = "so-ket"   // mid-year review
	KindYearEnd = "tong-ket" // year-end review
)

// Session is the meeting the record is about.
type Session struct {
	Kind string `toml:"loai" label:"loại phiên họp" required:"true" enum:"ky-ket:ký kết giao ước; phát động,so-ket:sơ kết,tong-ket:tổng kết" eg:"\"ky-ket\""`
	// Period is the time a sơ kết reviews; "" on a sơ kết is "6-thang".
	Period string   `toml:"ky" label:"kỳ sơ kết" enum:"6-thang:6 tháng đầu năm,9-thang:9 tháng đầu năm,quy-1:quý I,quy-2:quý II,quy-3:quý III" eg:"\"6-thang\""`
	Name   string   `toml:"ten" label:"tên hội nghị"`
	Date   Date     `toml:"ngay" label:"ngày họp" required:"true"`
	Time   string   `toml:"gio" label:"giờ họp"`
	Place  string   `toml:"dia_diem" label:"địa điểm họp" need:"bien-ban-hoi-nghi,bien-ban-binh-xet"`
	Host   string   `toml:"don_vi_dang_cai" label:"đơn vị đăng cai" ref:"thanh_vien"`
	Chairs []Person `toml:"chu_tri" label:"người chủ trì" item:"người chủ trì"`
	Guests []Person `toml:"khach_moi" label:"khách mời" item:"khách mời"`
}

// Pledge is the pledge agreement (bản giao ước thi đua).
type Pledge struct {
	// Number is the document number; 0 leaves it blank for the clerk.
	Number int    `toml:"so" label:"số văn bản"`
	Symbol string `toml:"ky_hieu" label:"ký hiệu văn bản" required:"true" eg:"\"GƯTĐ-CTĐ\""`
	// Year is the year the pledge is for; it defaults to cum.nam (set by
	// Load). A year-end session signs next year's pledge: nam = cum.nam + 1.
	Year int `toml:"nam" label:"năm của giao ước" eg:"2026"`
	// Date and Venue default to the session's on a signing session (set
	// by Load); a review session is not the day the pledge was signed.
	Date  Date   `toml:"ngay" label:"ngày ký giao ước" need:"giao-uoc"`
	Venue string `toml:"dia_diem" label:"nơi ký giao ước"`
	// Place defaults to the host's dia_danh (set by Load).
	Place        string `toml:"dia_danh" label:"địa danh ghi ở dòng ngày tháng"`
	Summary      string `toml:"trich_yeu" label:"trích yếu"`
	Bases        Lines  `toml:"can_cu" label:"căn cứ" item:"căn cứ"`
	Purposes     Lines  `toml:"muc_dich" label:"mục đích, yêu cầu" item:"mục đích" required:"true"`
	Pledges      Lines  `toml:"noi_dung" label:"nội dung giao ước" item:"nội dung" required:"true"`
	Organisation Lines  `toml:"to_chuc_thuc_hien" label:"tổ chức thực hiện" item:"đoạn tổ chức thực hiện"`
	// Copies defaults to the number of members plus one (set by Load).
	Copies     int   `toml:"so_ban" label:"số bản"`
	Recipients Lines `toml:"noi_nhan" label:"nơi nhận" item:"nơi nhận"`
}

// Lines is text that a record may write as one string or as an array of
// strings; it always holds the array.
type Lines []string

// UnmarshalTOML accepts a string or an array of strings, so that Lines also
// decodes with toml.Decode outside this package.
func (l *Lines) UnmarshalTOML(v any) error {
	out, p := linesFrom(v)
	if p != nil {
		return fmt.Errorf("%s", p.msg)
	}
	*l = out
	return nil
}

// Date is a civil date, without time of day or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns the date at midnight UTC; an unset date gives the zero
// time, which templates treat as absent.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// String writes the date as "dd/mm/yyyy".
func (d Date) String() string {
	return vn.ShortDate(d.Time())
}

// UnmarshalTOML accepts a TOML local date or a "dd/mm/yyyy" string, so that
// Date also decodes with toml.Decode outside this package.
func (d *Date) UnmarshalTOML(v any) error {
	out, p := dateFrom(v)
	if p != nil {
		return fmt.Errorf("ngày: %s", p.msg)
	}
	*d = out
	return nil
}

// File is the name the record was read from.
func (r *Record) File() string { return r.file }

// Member returns the member with the given id, or nil.
func (r *Record) Member(id string) *Member {
	for i := range r.Members {
		if r.Members[i].ID == id {
			return &r.Members[i]
		}
	}
	return nil
}

// Head returns the cluster head for the year (cum.cum_truong), or nil.
func (r *Record) Head() *Member { return r.Member(r.Cluster.Head) }

// Deputy returns the deputy head (cum.cum_pho), or nil.
func (r *Record) Deputy() *Member { return r.Member(r.Cluster.Deputy) }

// Host returns the session's host (phien.don_vi_dang_cai), or nil.
func (r *Record) Host() *Member { return r.Member(r.Session.Host) }

// ToneStyle returns the tone-mark style the record chose in cum.kieu_dau.
func (r *Record) ToneStyle() vn.ToneStyle { return toneStyle(r.Cluster.Tone) }

func toneStyle(s string) vn.ToneStyle {
	if s == "cu" {
		return vn.ToneClassic
	}
	return vn.ToneModern
}

// Pos returns the line and character column of the key of a field path
// ("thanh_vien[2].thu_truong.ho_ten") in the record's source, or of its
// nearest parent written there (1, 1 when none is); 0, 0 for a record not
// read from a source.
func (r *Record) Pos(field string) (line, col int) {
	if r.ix == nil {
		return 0, 0
	}
	off, ok := r.ix.keyOff(field)
	if !ok {
		return 1, 1
	}
	return r.ix.lineCol(off)
}

// Errorf makes an error about a field of the record, positioned at the
// field's key, for packages that check a record further (the tally, the
// forms). hint says how to fix it; format and args say what is wrong.
func (r *Record) Errorf(field, hint, format string, args ...any) *Error {
	line, col := r.Pos(field)
	return &Error{File: r.file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...), Hint: hint}
}
