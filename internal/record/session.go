package record

import (
	"strings"

	"thidua/internal/fieldpath"
	"thidua/internal/vn"
)

// The results of a review session (sơ kết, tổng kết): indicators, the
// criteria set and the scores, the vote, and what the report and the
// minutes say. Package record only decodes them (types, required keys,
// text); package tally checks that they fit together and computes.

// Indicator is one figure of the period (chi_tieu): a member's, or the
// cluster's as a whole when Member is empty (a total the cluster states).
// Only what was achieved is required; the year's plan, the period's own
// target (sơ kết) and the same period of the previous year are what it is
// compared with when given.
type Indicator struct {
	Member     string  `toml:"thanh_vien" label:"mã thành viên của chỉ tiêu (bỏ trống: số liệu chung toàn cụm)" ref:"thanh_vien"`
	Name       string  `toml:"ten" label:"tên chỉ tiêu" required:"true"`
	Unit       string  `toml:"don_vi_tinh" label:"đơn vị tính"`
	Plan       *Number `toml:"ke_hoach" label:"kế hoạch năm"`
	Target     *Number `toml:"chi_tieu_ky" label:"chỉ tiêu của kỳ sơ kết"`
	Result     Number  `toml:"thuc_hien" label:"kết quả thực hiện" required:"true"`
	SamePeriod *Number `toml:"cung_ky" label:"kết quả cùng kỳ năm trước"`
	// Direction is "giam" for an indicator that is better lower (the
	// poverty rate, road accidents): at or below its plan it is met.
	Direction string `toml:"chieu" label:"chiều tốt của chỉ tiêu" enum:"tang:càng cao càng tốt,giam:càng thấp càng tốt" eg:"\"giam\""`
}

// Criteria is the criteria set the members are scored on (bộ tiêu chí).
type Criteria struct {
	Name string `toml:"ten" label:"tên bộ tiêu chí"`
	// Scale is the total of the maximum scores (100, 1000); when given it
	// must equal their sum.
	Scale Number `toml:"thang_diem" label:"thang điểm"`
	// BonusCap is the most bonus points that count; zero allows none.
	BonusCap Number  `toml:"diem_thuong_toi_da" label:"điểm thưởng tối đa"`
	Groups   []Group `toml:"nhom" label:"các nhóm tiêu chí" item:"nhóm tiêu chí" required:"true"`
	Classes  []Class `toml:"xep_loai" label:"các mức xếp loại" item:"mức xếp loại"`
}

// Group is a major criterion and its component criteria.
type Group struct {
	// Code defaults to the group's Roman numeral (I, II, ...).
	Code     string      `toml:"ma" label:"mã nhóm tiêu chí" eg:"\"I\""`
	Name     string      `toml:"ten" label:"tên nhóm tiêu chí" required:"true"`
	Criteria []Criterion `toml:"tieu_chi" label:"các tiêu chí" item:"tiêu chí" required:"true"`
}

// Criterion is one scored criterion.
type Criterion struct {
	Code string `toml:"ma" label:"mã tiêu chí" required:"true" eg:"\"1.1\""`
	Name string `toml:"ten" label:"tên tiêu chí" required:"true"`
	Max  Number `toml:"toi_da" label:"điểm tối đa" required:"true"`
}

// Class is a rating band (xếp loại): totals from From up, until the next
// band, get Name.
type Class struct {
	Name string `toml:"ten" label:"tên mức xếp loại" required:"true" eg:"\"Xuất sắc\""`
	From Number `toml:"tu" label:"điểm tối thiểu của mức" required:"true"`
}

// Score is what one member scored, criterion by criterion (keys are the
// criteria's codes), with bonus and penalty points.
type Score struct {
	Member  string            `toml:"thanh_vien" label:"mã thành viên được chấm" required:"true" ref:"thanh_vien"`
	Self    map[string]Number `toml:"tu_cham" label:"điểm tự chấm" item:"tiêu chí"`
	Cluster map[string]Number `toml:"cum_cham" label:"điểm cụm chấm" item:"tiêu chí" required:"true"`
	Bonus   Number            `toml:"thuong" label:"điểm thưởng"`
	Penalty Number            `toml:"tru" label:"điểm trừ"`
	Note    string            `toml:"ghi_chu" label:"ghi chú"`
}

// Vote ways (binh_xet.cach_bieu_quyet) and counting bases (binh_xet.tinh_tren).
const (
	VoteBallot  = "bo-phieu-kin" // secret ballot
	VoteHands   = "gio-tay"      // show of hands
	BaseAll     = "tong-so"      // of all members entitled to vote
	BasePresent = "co-mat"       // of the members present
)

// Vote is the vote on the proposals (bình xét, suy tôn) and the paper
// that records it.
type Vote struct {
	Number int    `toml:"so" label:"số biên bản bình xét"`
	Symbol string `toml:"ky_hieu" label:"ký hiệu biên bản bình xét" eg:"\"BB-CTĐBTB\""`
	Way    string `toml:"cach_bieu_quyet" label:"cách biểu quyết" enum:"bo-phieu-kin:bỏ phiếu kín,gio-tay:biểu quyết giơ tay" eg:"\"bo-phieu-kin\""`
	Base   string `toml:"tinh_tren" label:"cơ sở tính tỷ lệ" enum:"tong-so:trên tổng số thành viên,co-mat:trên số có mặt" eg:"\"tong-so\""`
	// Basis names the rule the thresholds come from, printed in the minutes.
	Basis      string      `toml:"can_cu" label:"căn cứ áp dụng ngưỡng"`
	Entitled   int         `toml:"so_thanh_vien" label:"số thành viên có quyền biểu quyết"`
	Present    int         `toml:"so_co_mat" label:"số thành viên có mặt"`
	Issued     int         `toml:"so_phieu_phat_ra" label:"số phiếu phát ra"`
	Valid      int         `toml:"so_phieu_hop_le" label:"số phiếu hợp lệ"`
	Start      string      `toml:"gio_bat_dau" label:"giờ bắt đầu họp bình xét"`
	End        string      `toml:"gio_ket_thuc" label:"giờ kết thúc họp bình xét"`
	Thresholds []Threshold `toml:"nguong" label:"ngưỡng đạt" item:"ngưỡng"`
	Candidates []Candidate `toml:"ung_vien" label:"danh sách bình xét" item:"người, đơn vị được bình xét" required:"true"`
	Nominees   []Proposal  `toml:"de_nghi" label:"danh sách đề nghị khen thưởng" item:"đề nghị"`
	Recipients Lines       `toml:"noi_nhan" label:"nơi nhận biên bản bình xét" item:"nơi nhận"`
}

// Threshold is the share of votes an award needs in the cluster's vote,
// and where that share comes from.
type Threshold struct {
	Award string `toml:"khen_thuong" label:"hình thức khen thưởng" required:"true" eg:"\"Cờ thi đua của Chính phủ\""`
	Rule  string `toml:"ty_le" label:"tỷ lệ tối thiểu" required:"true" eg:"\"80%\""`
	// Source is ThresholdRegulation, ThresholdDecree or ThresholdMeeting;
	// it defaults to ThresholdRegulation when a basis is named.
	Source string `toml:"nguon" label:"nguồn của ngưỡng" eg:"\"quy-che\"" enum:"quy-che:theo quy chế của cụm,nghi-dinh:theo nghị định,hoi-nghi:hội nghị thống nhất"`
	// Basis names the text the share comes from; defaults to binh_xet.can_cu.
	Basis string `toml:"can_cu" label:"căn cứ của ngưỡng" eg:"\"Quy chế hoạt động của Cụm, Điều 8\""`
}

// Where a threshold of the cluster's vote comes from (binh_xet.nguong.nguon).
// The 80% and 90% of the decrees bind the Hội đồng Thi đua - Khen thưởng;
// a cluster's own vote follows its regulation unless it says otherwise.
const (
	ThresholdRegulation = "quy-che"   // the cluster's quy chế hoạt động
	ThresholdDecree     = "nghi-dinh" // a decree, named in can_cu
	ThresholdMeeting    = "hoi-nghi"  // agreed by the meeting itself
)

// Candidate is a unit (by member id) or a person put to the vote for an
// award, and the votes they got.
type Candidate struct {
	Member string `toml:"thanh_vien" label:"mã thành viên được bình xét" ref:"thanh_vien"`
	Name   string `toml:"ho_ten" label:"họ và tên người được bình xét"`
	Title  string `toml:"chuc_vu" label:"chức vụ, đơn vị của người được bình xét"`
	Award  string `toml:"khen_thuong" label:"hình thức khen thưởng đề nghị" required:"true" eg:"\"Cờ thi đua của Chính phủ\""`
	Votes  int    `toml:"so_phieu" label:"số phiếu đồng ý" required:"true"`
}

// Proposal is a unit or person the session puts forward for an award; it
// must have passed the vote for that award.
type Proposal struct {
	Member string `toml:"thanh_vien" label:"mã thành viên được đề nghị" ref:"thanh_vien"`
	Name   string `toml:"ho_ten" label:"họ và tên người được đề nghị"`
	Award  string `toml:"khen_thuong" label:"hình thức khen thưởng đề nghị" required:"true" eg:"\"Cờ thi đua của Chính phủ\""`
}

// Report is what the session's report (báo cáo sơ kết, tổng kết) says
// beyond the computed tables.
type Report struct {
	Number int    `toml:"so" label:"số báo cáo"`
	Symbol string `toml:"ky_hieu" label:"ký hiệu báo cáo" eg:"\"BC-CTĐBTB\""`
	// Date defaults to the session's date, Place to the host's dia_danh.
	Date       Date    `toml:"ngay" label:"ngày báo cáo"`
	Place      string  `toml:"dia_danh" label:"địa danh ghi ở dòng ngày tháng"`
	Summary    string  `toml:"trich_yeu" label:"trích yếu báo cáo"`
	To         Lines   `toml:"kinh_gui" label:"nơi báo cáo (Kính gửi)" item:"nơi nhận"`
	Situation  Lines   `toml:"tinh_hinh" label:"tình hình, kết quả chung" item:"đoạn"`
	Fields     []Field `toml:"linh_vuc" label:"kết quả theo lĩnh vực" item:"lĩnh vực"`
	Pledge     Lines   `toml:"giao_uoc" label:"kết quả thực hiện giao ước thi đua" item:"đoạn"`
	Strengths  Lines   `toml:"uu_diem" label:"ưu điểm" item:"ưu điểm"`
	Weaknesses Lines   `toml:"han_che" label:"hạn chế, tồn tại" item:"hạn chế"`
	Tasks      Lines   `toml:"nhiem_vu" label:"phương hướng, nhiệm vụ" item:"nhiệm vụ" required:"true"`
	Proposals  Lines   `toml:"kien_nghi" label:"kiến nghị, đề xuất" item:"kiến nghị"`
	Signer     *Signer `toml:"nguoi_ky" label:"người ký báo cáo"`
	Recipients Lines   `toml:"noi_nhan" label:"nơi nhận báo cáo" item:"nơi nhận"`
}

// Field is what the report says about one field of work (kinh tế, văn
// hóa - xã hội, quốc phòng - an ninh...).
type Field struct {
	Name string `toml:"ten" label:"tên lĩnh vực" required:"true" eg:"\"Kinh tế\""`
	Text Lines  `toml:"noi_dung" label:"kết quả của lĩnh vực" item:"đoạn" required:"true"`
}

// Minutes is what the minutes of the meeting (biên bản hội nghị, Mẫu 1.9
// of Nghị định 30/2020) say beyond the session's data.
type Minutes struct {
	Number    int    `toml:"so" label:"số biên bản"`
	Symbol    string `toml:"ky_hieu" label:"ký hiệu biên bản" eg:"\"BB-CTĐBTB\""`
	Summary   string `toml:"trich_yeu" label:"trích yếu biên bản"`
	Secretary Person `toml:"thu_ky" label:"thư ký (người ghi biên bản)" required:"true"`
	// Chair defaults to the session's first chair (phien.chu_tri); with
	// CoSign "dong-chu-tri" every chair of the session signs.
	Chair       *Person    `toml:"chu_toa" label:"chủ tọa ký biên bản"`
	CoSign      string     `toml:"chu_toa_ky" label:"ai ký ở phần chủ tọa" enum:"nguoi-dau:một người chủ tọa,dong-chu-tri:các đồng chủ trì cùng ký" eg:"\"dong-chu-tri\""`
	End         string     `toml:"gio_ket_thuc" label:"giờ kết thúc" eg:"\"11 giờ 30 phút\""`
	Delegates   []Delegate `toml:"dai_bieu" label:"đại biểu các thành viên" item:"đại biểu"`
	Absent      []Absence  `toml:"vang" label:"thành viên vắng mặt" item:"thành viên vắng"`
	Content     Lines      `toml:"noi_dung" label:"diễn biến hội nghị" item:"đoạn" required:"true"`
	Conclusions Lines      `toml:"ket_luan" label:"kết luận" item:"kết luận"`
	Recipients  Lines      `toml:"noi_nhan" label:"nơi nhận biên bản" item:"nơi nhận"`
}

// Delegate is who attended for a member; a unit present without a
// delegate entry is listed by its name only.
type Delegate struct {
	Member string `toml:"thanh_vien" label:"mã thành viên của đại biểu" required:"true" ref:"thanh_vien"`
	Name   string `toml:"ho_ten" label:"họ và tên đại biểu"`
	Title  string `toml:"chuc_vu" label:"chức vụ đại biểu"`
}

// Absence is a member that did not attend.
type Absence struct {
	Member string `toml:"thanh_vien" label:"mã thành viên vắng mặt" required:"true" ref:"thanh_vien"`
	Reason string `toml:"ly_do" label:"lý do vắng mặt"`
}

// NextYear is who leads the cluster next year.
type NextYear struct {
	Head   string `toml:"cum_truong" label:"cụm trưởng năm tới" ref:"thanh_vien"`
	Deputy string `toml:"cum_pho" label:"cụm phó năm tới" ref:"thanh_vien"`
}

// CanonicalSymbol writes a document symbol as the decree wants it:
// capitals, groups joined by "-", no blanks ("bc ctđ" -> "BC-CTĐ"); the
// first group, the type of the paper, as Phụ lục III of Nghị định 30/2020
// writes it ("ttr-ubnd" -> "TTr-UBND", "QYĐ-UBND" -> "QyĐ-UBND").
func CanonicalSymbol(s string) string {
	groups := strings.Split(strings.Join(strings.Fields(s), "-"), "-")
	for i, g := range groups {
		groups[i] = vn.Upper(g)
	}
	if m, ok := mixedCase[groups[0]]; ok {
		groups[0] = m
	}
	return strings.Join(groups, "-")
}

// KeyPath appends a key to a field path as errors name fields, quoting a
// key that holds a dot: KeyPath("diem[1].cum_cham", "1.1") is
// `diem[1].cum_cham."1.1"`.
func KeyPath(prefix, key string) string { return fieldpath.Key(prefix, key) }

// ValueErrorf is Errorf positioned at the field's value rather than its
// key (as the record's own checks do for a wrong value), falling back to
// the key and then to its parents.
func (r *Record) ValueErrorf(field, hint, format string, args ...any) *Error {
	e := r.Errorf(field, hint, format, args...)
	if r.ix != nil {
		if off, ok := r.ix.valOff(field); ok {
			e.Line, e.Col = r.ix.lineCol(off)
		}
	}
	return e
}
