package tally

import (
	"fmt"
	"slices"
	"strings"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// Signer is who signs a paper.
type Signer struct {
	Name      string   `json:"ho_ten"`
	Title     string   `json:"chuc_vu"`
	Authority []string `json:"tham_quyen,omitempty"`
}

// Person is a chair, secretary or delegate as the minutes name them.
type Person struct {
	Name  string `json:"ho_ten"`
	Title string `json:"chuc_vu,omitempty"`
	Body  string `json:"don_vi,omitempty"`
	// Chairing is true for one of the session's chủ trì ([[phien.chu_tri]]),
	// whom the minutes have presented with their positions already.
	Chairing bool `json:"-"`
}

// ReportInfo is the report's frame with the record's defaults applied.
type ReportInfo struct {
	Number  int         `json:"so,omitempty"`
	Symbol  string      `json:"ky_hieu"`
	Date    record.Date `json:"-"`
	Place   string      `json:"dia_danh"`
	Summary string      `json:"trich_yeu"`
	// Review is "tổng kết" or "sơ kết"; Period the time reviewed ("năm
	// 2022", "6 tháng đầu năm 2023") and Ahead the time planned for.
	Review     string   `json:"ky"`
	Period     string   `json:"ky_bao_cao"`
	Ahead      string   `json:"ky_toi"`
	To         []string `json:"kinh_gui,omitempty"`
	Signer     Signer   `json:"nguoi_ky"`
	Recipients []string `json:"noi_nhan,omitempty"`
}

// MinutesInfo is the minutes' frame and attendance with defaults applied.
type MinutesInfo struct {
	Number  int    `json:"so,omitempty"`
	Symbol  string `json:"ky_hieu"`
	Summary string `json:"trich_yeu"`
	// Start is "08 giờ 00 phút, ngày 14 tháng 3 năm 2023"; End likewise,
	// with dots to fill in by hand when the record has no closing time.
	Start string `json:"bat_dau"`
	End   string `json:"ket_thuc"`
	Chair Person `json:"chu_toa"`
	// Signers are who sign as chair: Chair, or every chair of the
	// session when bien_ban.chu_toa_ky is "dong-chu-tri".
	Signers   []Person    `json:"chu_toa_ky"`
	Secretary Person      `json:"thu_ky"`
	Delegates []*Delegate `json:"dai_bieu,omitempty"`
	// Attending are the member units present, in member order, each with
	// its delegates when the record names them.
	Attending []*Attending `json:"don_vi_co_mat"`
	Absent    []*Absent    `json:"vang,omitempty"`
	// Present is the number of members attending, of Members.
	Present    int      `json:"so_co_mat"`
	Members    int      `json:"so_thanh_vien"`
	Recipients []string `json:"noi_nhan,omitempty"`
}

// Delegate is who attended for a member.
type Delegate struct {
	ID     string `json:"thanh_vien"`
	Member string `json:"don_vi"`
	Person
}

// Attending is a member unit present and who attended for it.
type Attending struct {
	ID        string      `json:"thanh_vien"`
	Name      string      `json:"don_vi"`
	Delegates []*Delegate `json:"dai_bieu,omitempty"`
}

// Absent is a member that did not attend.
type Absent struct {
	ID     string `json:"thanh_vien"`
	Name   string `json:"ten"`
	Reason string `json:"ly_do,omitempty"`
}

// NextYearInfo is who leads the cluster next year.
type NextYearInfo struct {
	Year   int    `json:"nam"`
	Head   string `json:"cum_truong,omitempty"`
	Deputy string `json:"cum_pho,omitempty"`
}

// symbol returns a paper's symbol: the record's, checked, or prefix and
// the cluster's symbol ("BC-CTĐBTB").
func (c *checker) symbol(section, given, prefix string) string {
	field := section + ".ky_hieu"
	if given != "" {
		if msg, hint, bad := record.SymbolProblem(given, "ky_hieu"); bad {
			c.errf(field, hint, "%s", msg)
		}
		return given
	}
	if c.rec.Cluster.Symbol == "" {
		c.errf(section, fmt.Sprintf(`thêm ky_hieu = "%s-..." vào bảng [%s], hoặc ky_hieu của cụm vào bảng [cum]`, prefix, section),
			"chưa có ký hiệu văn bản cho [%s]", section)
		return prefix
	}
	return prefix + "-" + c.rec.Cluster.Symbol
}

// report applies the report's defaults.
func (c *checker) report() *ReportInfo {
	b := c.rec.Report
	if b == nil {
		return nil
	}
	s := c.rec.Session
	r := &ReportInfo{Number: b.Number, Date: b.Date, Place: b.Place, Summary: b.Summary, To: b.To, Recipients: b.Recipients}
	r.Period = c.period()
	r.Ahead = c.ahead()
	switch s.Kind {
	case record.KindYearEnd:
		r.Review = "tổng kết"
	case record.KindMidYear:
		r.Review = "sơ kết"
	default:
		c.errf("phien.loai", `ghi loai = "so-ket" hoặc "tong-ket", hoặc bỏ bảng [bao_cao] khỏi hồ sơ ký kết`,
			"hồ sơ có [bao_cao] nhưng phiên họp là %q: báo cáo sơ kết, tổng kết chỉ có ở phiên sơ kết hoặc tổng kết", s.Kind)
	}
	r.Symbol = c.symbol("bao_cao", b.Symbol, "BC")
	if r.Date.IsZero() {
		r.Date = s.Date
	}
	if r.Place == "" {
		if h := c.rec.Host(); h != nil {
			r.Place = h.Place
		}
		if r.Place == "" {
			c.errf("bao_cao", `thêm dia_danh = "..." vào bảng [bao_cao], hoặc ghi don_vi_dang_cai trong [phien] và dia_danh cho đơn vị đó`,
				"chưa có địa danh cho dòng \"..., ngày ... tháng ... năm ...\" của báo cáo")
		}
	}
	if r.Summary == "" && r.Review != "" {
		r.Summary = vn.Upper(r.Review[:1]) + r.Review[1:] + " công tác thi đua, khen thưởng " + r.Period
	}
	if len(r.To) == 0 && c.rec.Cluster.Body != "" {
		r.To = []string{c.rec.Cluster.Body}
	}
	switch {
	case b.Signer != nil:
		r.Signer = Signer{Name: b.Signer.Name, Title: b.Signer.Title, Authority: b.Signer.Authority}
	case c.rec.Head() != nil && c.rec.Head().Head != nil:
		h := c.rec.Head()
		r.Signer = Signer{Name: h.Head.Name, Title: h.Head.Title + " " + h.Name,
			Authority: []string{"TM. " + c.rec.Cluster.Name, c.word() + " trưởng"}}
	case c.rec.Head() != nil:
		h := c.rec.Head()
		c.errf(fmt.Sprintf("thanh_vien[%d]", c.members[h.ID]+1), `thêm thu_truong = { ho_ten = "...", chuc_vu = "..." } cho thành viên này, hoặc nguoi_ky = { ho_ten = "...", chuc_vu = "...", tham_quyen = ["TM. ..."] } vào bảng [bao_cao]`,
			"giấy bao-cao cần người ký: bảng [bao_cao] không ghi nguoi_ky, và cụm trưởng %s chưa có thu_truong (thủ trưởng đơn vị)", h.ShortName())
	default:
		c.errf("bao_cao", `thêm nguoi_ky = { ho_ten = "...", chuc_vu = "...", tham_quyen = ["TM. ..."] } vào bảng [bao_cao], hoặc ghi cum_truong trong [cum]`,
			"giấy bao-cao cần người ký: bảng [bao_cao] không ghi nguoi_ky, và cụm chưa ghi cụm trưởng (cum.cum_truong)")
	}
	return r
}

// minutes applies the minutes' defaults and checks the attendance.
func (c *checker) minutes() *MinutesInfo {
	b := c.rec.Minutes
	if b == nil {
		return nil
	}
	s := c.rec.Session
	m := &MinutesInfo{Number: b.Number, Summary: b.Summary, Recipients: b.Recipients, Members: len(c.rec.Members)}
	m.Symbol = c.symbol("bien_ban", b.Symbol, "BB")
	if m.Summary == "" {
		m.Summary = s.Name
	}
	if m.Summary == "" {
		m.Summary = fmt.Sprintf("Hội nghị %s", c.rec.Cluster.Name)
	}
	day := vn.DecreeDate(s.Date.Time())
	m.Start = joinNonEmpty(", ", s.Time, day)
	m.End = joinNonEmpty(", ", b.End, day)
	if b.End == "" {
		m.End = "... giờ ... phút, " + day
	}
	if sh, sm, err := vn.ParseTimeOfDay(s.Time); err == nil && b.End != "" {
		if eh, em, err := vn.ParseTimeOfDay(b.End); err == nil && eh*60+em <= sh*60+sm {
			c.errf("bien_ban.gio_ket_thuc", "sửa giờ kết thúc, hoặc giờ họp (phien.gio)",
				"giờ kết thúc %q không sau giờ bắt đầu %q", b.End, s.Time)
		}
	}
	m.Secretary = person(b.Secretary)
	switch {
	case b.CoSign == "dong-chu-tri" && b.Chair != nil:
		c.errf("bien_ban.chu_toa_ky", `xóa chu_toa (các đồng chủ trì ghi ở [[phien.chu_tri]]), hoặc xóa chu_toa_ky để chỉ một người ký`,
			"giấy bien-ban-hoi-nghi: chu_toa_ky = \"dong-chu-tri\" cho mọi người chủ trì cùng ký, nhưng [bien_ban] lại ghi một chủ tọa (chu_toa)")
	case b.CoSign == "dong-chu-tri" && len(s.Chairs) < 2:
		c.errf("bien_ban.chu_toa_ky", `thêm các đồng chủ trì, mỗi người một mục [[phien.chu_tri]], hoặc xóa chu_toa_ky`,
			"giấy bien-ban-hoi-nghi: chu_toa_ky = \"dong-chu-tri\" cần ít nhất 2 người chủ trì trong [[phien.chu_tri]], đang có %s", vn.TwoDigits(int64(len(s.Chairs))))
	case b.CoSign == "dong-chu-tri":
		for _, p := range s.Chairs {
			m.Signers = append(m.Signers, person(p))
		}
	case b.Chair != nil:
		m.Signers = []Person{person(*b.Chair)}
	case len(s.Chairs) > 0:
		m.Signers = []Person{person(s.Chairs[0])}
	default:
		c.errf("bien_ban", `thêm người chủ trì [[phien.chu_tri]], hoặc chu_toa = { ho_ten = "...", chuc_vu = "..." } vào bảng [bien_ban]`,
			"giấy bien-ban-hoi-nghi cần chủ tọa ký biên bản, bản ghi chưa có")
	}
	for i := range m.Signers {
		m.Signers[i].Chairing = slices.ContainsFunc(s.Chairs, func(p record.Person) bool {
			return p.Name == m.Signers[i].Name && p.Title == m.Signers[i].Title
		})
	}
	if len(m.Signers) > 0 {
		m.Chair = m.Signers[0]
	}
	absent := map[string]int{}
	for i, a := range b.Absent {
		what := "thành viên vắng thứ " + fmt.Sprint(i+1)
		mem, ok := c.member(path("bien_ban.vang", i, "thanh_vien"), what, a.Member)
		if !ok {
			continue
		}
		if j, dup := absent[mem.ID]; dup {
			c.errf(path("bien_ban.vang", i, "thanh_vien"), "xóa mục trùng", "%s: %s đã ghi vắng ở mục thứ %d", what, mem.ShortName(), j)
			continue
		}
		absent[mem.ID] = i + 1
		m.Absent = append(m.Absent, &Absent{ID: mem.ID, Name: mem.ShortName(), Reason: a.Reason})
	}
	for i, d := range b.Delegates {
		what := "đại biểu thứ " + fmt.Sprint(i+1)
		mem, ok := c.member(path("bien_ban.dai_bieu", i, "thanh_vien"), what, d.Member)
		if !ok {
			continue
		}
		if _, gone := absent[mem.ID]; gone {
			c.errf(path("bien_ban.dai_bieu", i, "thanh_vien"), "bỏ đơn vị khỏi danh sách vắng mặt, hoặc xóa đại biểu này",
				"%s: %s được ghi là vắng mặt nhưng có đại biểu %s", what, mem.ShortName(), d.Name)
			continue
		}
		m.Delegates = append(m.Delegates, &Delegate{ID: mem.ID, Member: mem.ShortName(), Person: Person{Name: d.Name, Title: d.Title}})
	}
	for _, mem := range c.rec.Members {
		if _, gone := absent[mem.ID]; gone {
			continue
		}
		a := &Attending{ID: mem.ID, Name: mem.ShortName()}
		for _, d := range m.Delegates {
			if d.ID == mem.ID {
				a.Delegates = append(a.Delegates, d)
			}
		}
		m.Attending = append(m.Attending, a)
	}
	m.Present = m.Members - len(m.Absent)
	return m
}

// person copies a record's person.
func person(p record.Person) Person {
	return Person{Name: p.Name, Title: p.Title, Body: p.Body}
}

// nextYear checks who leads the cluster next year.
func (c *checker) nextYear() *NextYearInfo {
	n := c.rec.NextYear
	if n == nil {
		return nil
	}
	out := &NextYearInfo{Year: c.rec.Cluster.Year + 1}
	if n.Head != "" {
		if m, ok := c.member("nam_toi.cum_truong", "cụm trưởng năm tới", n.Head); ok {
			out.Head = m.ShortName()
		}
	}
	if n.Deputy != "" {
		if m, ok := c.member("nam_toi.cum_pho", "cụm phó năm tới", n.Deputy); ok {
			out.Deputy = m.ShortName()
		}
	}
	if n.Head != "" && n.Head == n.Deputy {
		c.errf("nam_toi.cum_pho", "cụm trưởng và cụm phó là hai thành viên khác nhau; sửa một trong hai mã",
			"cụm phó năm tới trùng với cụm trưởng năm tới (%q)", n.Head)
	}
	return out
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
