package record

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"thidua/internal/fieldpath"
	"thidua/internal/suggest"
)

// check applies the rules that go beyond types (years, ids, references,
// signature blocks) and fills the defaults the schema names.
func (d *decoder) check(r *Record) {
	c := &r.Cluster
	if d.ok["cum.nam"] && (c.Year < 2000 || c.Year > 2100) {
		d.valErr("cum.nam", fmt.Sprintf("năm thi đua %d nằm ngoài khoảng 2000-2100", c.Year), "ghi năm đủ bốn chữ số, ví dụ: nam = 2024")
	}
	if c.Tone == "" {
		c.Tone = "moi"
	}
	d.symbol("cum.ky_hieu", c.Symbol)

	ids := d.members(r)
	d.ref("cum.cum_truong", "cụm trưởng", c.Head, ids)
	d.ref("cum.cum_pho", "cụm phó", c.Deputy, ids)
	if c.Head != "" && c.Head == c.Deputy {
		d.valErr("cum.cum_pho", fmt.Sprintf("cụm phó trùng với cụm trưởng (%q)", c.Head), "cụm trưởng và cụm phó là hai thành viên khác nhau; sửa một trong hai mã")
	}

	s := &r.Session
	if s.Period != "" && d.ok["phien.ky"] && d.ok["phien.loai"] && s.Kind != KindMidYear {
		d.valErr("phien.ky", fmt.Sprintf("kỳ %q chỉ dùng cho phiên sơ kết, phiên này là %q", s.Period, s.Kind),
			`xóa dòng ky, hoặc ghi loai = "so-ket"`)
	}
	if s.Kind == KindMidYear && s.Period == "" {
		s.Period = "6-thang"
	}
	d.ref("phien.don_vi_dang_cai", "đơn vị đăng cai", s.Host, ids)
	d.reviewDate(r)

	if p := r.Pledge; p != nil {
		d.symbol("giao_uoc.ky_hieu", p.Symbol)
		d.positive("giao_uoc.so", "số văn bản", p.Number)
		d.positive("giao_uoc.so_ban", "số bản", p.Copies)
		// On a review session the session's date is not the signing day:
		// the giao-uoc paper then needs giao_uoc.ngay (Record.Need).
		if s.Kind == KindSigning {
			p.Date = cmp.Or(p.Date, s.Date)
			p.Venue = cmp.Or(p.Venue, s.Place)
		}
		if p.Place == "" {
			if h := r.Host(); h != nil {
				p.Place = h.Place
			}
		}
		// An unknown host is reported already; its place cannot be known.
		if p.Place == "" && d.ok["giao_uoc"] && d.ok["phien"] && (s.Host == "" || r.Host() != nil) {
			d.keyErr("giao_uoc", "chưa có địa danh cho dòng \"..., ngày ... tháng ... năm ...\" của bản giao ước",
				`thêm dia_danh = "..." vào bảng [giao_uoc], hoặc ghi don_vi_dang_cai trong [phien] và dia_danh cho đơn vị đó`)
		}
		if p.Copies == 0 {
			p.Copies = len(r.Members) + 1
		}
		d.pledgeYear(r)
	}
	d.checkAwards(r) // Award proposals (issue 5), in awards.go.
}

// periodEnds are the months in which each review period ends.
var periodEnds = map[string]struct {
	month time.Month
	name  string
}{
	"6-thang": {6, "6 tháng đầu năm"}, "9-thang": {9, "9 tháng đầu năm"},
	"quy-1": {3, "quý I"}, "quy-2": {6, "quý II"}, "quy-3": {9, "quý III"},
}

// reviewDate refuses a review held well before its period ends: a sơ kết
// 6 tháng of 2026 dated 05/03/2026 (a date typed month first, or a wrong
// year) would print a report of results not yet known. A review may meet
// from the month before its period's last month on, with estimated figures
// ("ước thực hiện"), as clusters sometimes do.
func (d *decoder) reviewDate(r *Record) {
	s := &r.Session
	if !d.ok["phien.ngay"] || !d.ok["cum.nam"] || s.Date.IsZero() {
		return
	}
	year := r.Cluster.Year
	e, ok := periodEnds[s.Period]
	if s.Kind != KindMidYear || !ok {
		return // a year-end session also holds award proposals, in any month
	}
	before, what := Date{year, e.month - 1, 1}, fmt.Sprintf("sơ kết %s %d", e.name, year)
	if !s.Date.Time().Before(before.Time()) {
		return
	}
	d.valErr("phien.ngay", fmt.Sprintf("ngày họp %s sớm hơn kỳ của phiên: %s (cum.nam = %d) họp từ tháng %d năm %d trở đi, khi đã có kết quả của kỳ",
		s.Date, what, year, int(before.Month), year),
		fmt.Sprintf(`ngày viết "ngày/tháng/năm": "5/3/%d" là ngày 05 tháng 3; sửa lại ngày họp, hoặc sửa phien.ky, cum.nam cho đúng kỳ`, year))
}

var reID = regexp.MustCompile(`^[a-z0-9-]+$`)

// members checks ids (form, uniqueness), signers and the member count,
// fills short names, and returns the ids that are well formed.
func (d *decoder) members(r *Record) []string {
	if d.ok["thanh_vien"] && len(r.Members) < 2 {
		d.keyErr("thanh_vien", fmt.Sprintf("cụm mới có %d thành viên; cần ít nhất 2", len(r.Members)),
			"thêm các thành viên còn lại, mỗi thành viên mở đầu bằng dòng [[thanh_vien]]")
	}
	var ids []string
	first := map[string]int{}
	short := map[string]int{}
	for i := range r.Members {
		m := &r.Members[i]
		p := fieldpath.Item("thanh_vien", i+1)
		if m.Short == "" {
			m.Short = m.Name
		}
		if j, dup := short[m.Short]; dup && m.Short != "" {
			field, what := p+".ten_ngan", "tên ngắn"
			if !d.ok[field] {
				field, what = p+".ten", "tên (dùng làm tên ngắn)"
			}
			d.valErr(field, fmt.Sprintf("thành viên thứ %d: %s %q trùng với thành viên thứ %d; các bảng sẽ không phân biệt được hai đơn vị", i+1, what, m.Short, j),
				"đặt cho mỗi thành viên một ten_ngan riêng")
		} else if m.Short != "" {
			short[m.Short] = i + 1
		}
		if m.Head != nil {
			d.signerName(p+".thu_truong.ho_ten", m.Head.Name, i+1)
		}
		if m.ID == "" || !d.ok[p+".id"] {
			continue
		}
		if !reID.MatchString(m.ID) {
			d.valErr(p+".id", fmt.Sprintf("thành viên thứ %d: mã %q chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang", i+1, m.ID),
				`viết tên địa phương không dấu, nối bằng "-", ví dụ: id = "nghe-an"`)
			continue
		}
		if j, dup := first[m.ID]; dup {
			d.valErr(p+".id", fmt.Sprintf("thành viên thứ %d: mã %q trùng với mã của thành viên thứ %d", i+1, m.ID, j),
				"mỗi thành viên một mã riêng; đổi mã của một trong hai thành viên")
			continue
		}
		first[m.ID] = i + 1
		ids = append(ids, m.ID)
	}
	return ids
}

// ref checks that a key naming a member holds a member's id.
func (d *decoder) ref(field, label, id string, ids []string) {
	if id == "" || !d.ok[field] || slices.Contains(ids, id) {
		return
	}
	hint := "ghi mã (id) của một thành viên: " + strings.Join(ids, ", ")
	if s := suggest.Closest(id, ids); s != "" {
		hint = fmt.Sprintf("có phải là %q? Các mã đã khai: %s", s, strings.Join(ids, ", "))
	}
	d.valErr(field, fmt.Sprintf("%s %q không phải mã của thành viên nào trong [[thanh_vien]]", label, id), hint)
}

// symbol checks a document symbol: capitals, groups joined by "-", no blanks.
func (d *decoder) symbol(field, s string) {
	if s == "" || !d.ok[field] {
		return
	}
	if msg, hint, bad := SymbolProblem(s, field[strings.LastIndexByte(field, '.')+1:]); bad {
		d.valErr(field, msg, hint)
	}
}

// SymbolProblem explains what is wrong with a document symbol written as
// key = s, with the right form as the hint; bad is false when s is right.
func SymbolProblem(s, key string) (msg, hint string, bad bool) {
	want := CanonicalSymbol(s)
	if want == s {
		return "", "", false
	}
	return fmt.Sprintf("ký hiệu %q viết chưa đúng: chữ viết hoa (trừ chữ viết tắt tên loại văn bản mà Phụ lục III Nghị định 30/2020 viết thường một phần: TTr, CTr, QyĐ, TrS), các nhóm nối bằng dấu \"-\", không có khoảng trắng", s),
		fmt.Sprintf("viết %s = %q", key, want), true
}

// mixedCase are the abbreviations of document types and copies that
// Nghị định 30/2020 (Phụ lục III) writes in mixed case, by their capitals:
// Tờ trình, Chương trình, Quy định, Bản trích sao. The others of its list
// are all capitals: NQ, QĐ, CT, QC, TC, TB, HD, KH, PA, ĐA, DA, BC, BB,
// HĐ, CĐ, BGN, BTT, GUQ, GM, GGT, GNP, PG, PC, PB, SY, SL.
var mixedCase = map[string]string{"TTR": "TTr", "CTR": "CTr", "QYĐ": "QyĐ", "TRS": "TrS"}

// positive checks an optional count that, when given, must be at least 1.
func (d *decoder) positive(field, label string, n int) {
	if d.ok[field] && n < 1 {
		d.valErr(field, fmt.Sprintf("%s phải từ 1 trở lên, đang là %d", label, n), "sửa lại số, hoặc xóa dòng này để dùng giá trị mặc định")
	}
}

// reTitle matches academic titles and degrees written before a name.
var reTitle = regexp.MustCompile(`^(?:(?:GS|PGS|TSKH|TS|ThS|BSCKII|BSCKI|BS|DS|KS|KTS|CN|LS)(?:\.\s*|\s+)|` +
	`(?i:phó giáo sư|giáo sư|tiến sĩ|tiến sỹ|thạc sĩ|thạc sỹ|bác sĩ|bác sỹ|dược sĩ|kỹ sư|kĩ sư|kiến trúc sư|cử nhân|luật sư)[\s.]+)+`)

// signerName rejects academic titles before a member's signer's name.
func (d *decoder) signerName(field, name string, n int) {
	d.noAcademicTitle(field, fmt.Sprintf("thành viên thứ %d", n), name)
}

// noAcademicTitle rejects academic titles before a signer's name: Nghị
// định 30/2020 leaves them out of signature blocks. who names the signer's
// place in the record ("thành viên thứ 2").
//
// It also rejects a digit in the name ("Nguyễn Văn A2"): a typo, or a
// numbered placeholder left from a copied record, that would print under
// the signature as it is.
func (d *decoder) noAcademicTitle(field, who, name string) {
	if i := strings.IndexFunc(name, unicode.IsDigit); i >= 0 {
		d.valErr(field, fmt.Sprintf("%s: họ tên người ký %q có chữ số", who, name),
			`ghi đúng họ và tên, không có chữ số; chưa biết tên thì ghi ho_ten = "(Họ và tên)"`)
		return
	}
	m := reTitle.FindString(name)
	if m == "" {
		return
	}
	rest := strings.TrimSpace(name[len(m):])
	d.valErr(field, fmt.Sprintf("%s: trước họ tên người ký có học hàm, học vị %q; Nghị định 30/2020 không ghi học hàm, học vị ở phần chữ ký", who, strings.TrimSpace(m)),
		fmt.Sprintf("bỏ %q, chỉ ghi: ho_ten = %q", strings.TrimSpace(m), rest))
}

// reYear finds the year a summary names: "Năm 2026", "năm 2026".
var reYear = regexp.MustCompile(`(?i)\bn(?:ă|Ă)m\s+(\d{4})\b`)

// pledgeYear fills giao_uoc.nam from cum.nam and refuses a summary that
// names another year: the pledge would say "Năm 2026" over "ký kết giao
// ước thi đua năm 2025".
func (d *decoder) pledgeYear(r *Record) {
	p := r.Pledge
	if p.Year == 0 {
		p.Year = r.Cluster.Year
	} else if d.ok["giao_uoc.nam"] && (p.Year < 2000 || p.Year > 2100) {
		d.valErr("giao_uoc.nam", fmt.Sprintf("năm của giao ước %d nằm ngoài khoảng 2000-2100", p.Year), "ghi năm đủ bốn chữ số, ví dụ: nam = 2026")
		return
	}
	m := reYear.FindStringSubmatch(p.Summary)
	if m == nil || m[1] == fmt.Sprint(p.Year) || !d.ok["giao_uoc.trich_yeu"] {
		return
	}
	hint := fmt.Sprintf("giao ước của năm %s thì ghi nam = %s trong [giao_uoc]; không thì sửa trích yếu", m[1], m[1])
	d.valErr("giao_uoc.trich_yeu", fmt.Sprintf("trích yếu ghi năm %s nhưng giao ước là của năm %d (giao_uoc.nam, mặc định là cum.nam): thân văn bản sẽ ghi \"ký kết giao ước thi đua năm %d\"", m[1], p.Year, p.Year), hint)
}
