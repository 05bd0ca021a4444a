package tally

import (
	"cmp"
	"fmt"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// VoteResult is the vote counted: the electorate, the rule and each
// candidate's share and outcome.
type VoteResult struct {
	// Number and Symbol number the minutes of the vote; Start and End are
	// when it began and ended (the session's, unless the record says).
	Number int    `json:"so,omitempty"`
	Symbol string `json:"ky_hieu"`
	Start  string `json:"bat_dau"`
	End    string `json:"ket_thuc"`
	// Way is record.VoteBallot or record.VoteHands; Base is
	// record.BaseAll or record.BasePresent.
	Way      string `json:"cach_bieu_quyet"`
	Base     string `json:"tinh_tren"`
	Basis    string `json:"can_cu,omitempty"`
	Entitled int    `json:"so_thanh_vien"`
	Present  int    `json:"so_co_mat"`
	// Issued and Valid are the ballots; both 0 for a show of hands.
	Issued int `json:"so_phieu_phat_ra"`
	Valid  int `json:"so_phieu_hop_le"`
	// Denominator is what shares are taken of: Entitled or Present.
	Denominator int          `json:"co_so"`
	Candidates  []*Candidate `json:"ung_vien"`
	// Nominees are the candidates put forward: those the record lists in
	// [[binh_xet.de_nghi]], or every candidate who passed.
	Nominees   []*Candidate `json:"de_nghi"`
	Recipients []string     `json:"noi_nhan,omitempty"`
}

// Candidate is one proposal put to the vote and its outcome.
type Candidate struct {
	// ID is the member's id for a unit, "" for a person.
	ID     string         `json:"thanh_vien,omitempty"`
	Member *record.Member `json:"-"`
	// Name is the unit's short name or the person's full name; Title the
	// person's position.
	Name  string  `json:"ten"`
	Title string  `json:"chuc_vu,omitempty"`
	Award string  `json:"khen_thuong"`
	Votes int     `json:"so_phieu"`
	Share Percent `json:"ty_le"`
	Rule  Rule    `json:"-"`
	// Threshold is the rule in words and Origin where it comes from, as
	// the minutes print them.
	Threshold string `json:"nguong"`
	Origin    string `json:"nguon_nguong"`
	Passed    bool   `json:"dat"`
	// Nominated is true when the candidate is put forward.
	Nominated bool `json:"de_nghi"`
}

// candidateKey identifies a proposal: who, for which award.
type candidateKey struct{ who, award string }

func (c *Candidate) key() candidateKey { return candidateKey{c.ID + "|" + c.Name, awardKey(c.Award)} }

// who names a candidate in messages.
func (c *Candidate) who() string {
	if c.Title != "" {
		return c.Name + " (" + c.Title + ")"
	}
	return c.Name
}

// vote checks the electorate and the votes and counts them. Absent
// members in the minutes lower the default number present.
func (c *checker) vote(minutes *MinutesInfo) *VoteResult {
	v := c.rec.Vote
	if v == nil {
		return nil
	}
	r := &VoteResult{Number: v.Number, Way: v.Way, Base: v.Base, Basis: v.Basis, Recipients: v.Recipients}
	r.Symbol = c.symbol("binh_xet", v.Symbol, "BB")
	day := vn.DecreeDate(c.rec.Session.Date.Time())
	r.Start = joinNonEmpty(", ", cmp.Or(v.Start, c.rec.Session.Time), day)
	switch {
	case v.End != "":
		r.End = v.End + ", " + day
	case minutes != nil:
		r.End = minutes.End
	default:
		r.End = "... giờ ... phút, " + day
	}
	if r.Way == "" {
		r.Way = record.VoteBallot
	}
	if r.Base == "" {
		r.Base = record.BaseAll
	}
	okCounts := true
	r.Entitled = v.Entitled
	if r.Entitled == 0 {
		r.Entitled = len(c.rec.Members)
	}
	r.Present = v.Present
	if r.Present == 0 {
		r.Present = r.Entitled
		if minutes != nil {
			r.Present -= len(minutes.Absent)
		}
	}
	for _, f := range []struct {
		key, label string
		n          int
	}{{"so_thanh_vien", "số thành viên có quyền biểu quyết", v.Entitled}, {"so_co_mat", "số thành viên có mặt", v.Present},
		{"so_phieu_phat_ra", "số phiếu phát ra", v.Issued}, {"so_phieu_hop_le", "số phiếu hợp lệ", v.Valid}} {
		if f.n < 0 {
			c.errf("binh_xet."+f.key, "ghi số từ 1 trở lên, hoặc xóa dòng này để dùng giá trị mặc định", "%s không được âm (%d)", f.label, f.n)
			okCounts = false
		}
	}
	if r.Present > r.Entitled {
		c.errf("binh_xet.so_co_mat", "số có mặt không thể nhiều hơn số thành viên có quyền biểu quyết; sửa một trong hai số",
			"số thành viên có mặt (%d) nhiều hơn số thành viên có quyền biểu quyết (%d)", r.Present, r.Entitled)
		okCounts = false
	}
	// most is the most votes a candidate can get.
	most, mostWhat := r.Present, "số thành viên có mặt"
	switch r.Way {
	case record.VoteBallot:
		r.Issued, r.Valid = v.Issued, v.Valid
		if r.Issued == 0 {
			r.Issued = r.Present
		}
		if r.Valid == 0 {
			r.Valid = r.Issued
		}
		if r.Issued > r.Present {
			c.errf("binh_xet.so_phieu_phat_ra", "mỗi thành viên có mặt nhận một phiếu; sửa số phiếu phát ra hoặc số có mặt",
				"số phiếu phát ra (%d) nhiều hơn số thành viên có mặt (%d)", r.Issued, r.Present)
			okCounts = false
		}
		if r.Valid > r.Issued {
			c.errf("binh_xet.so_phieu_hop_le", "số phiếu hợp lệ không thể nhiều hơn số phiếu phát ra",
				"số phiếu hợp lệ (%d) nhiều hơn số phiếu phát ra (%d)", r.Valid, r.Issued)
			okCounts = false
		}
		most, mostWhat = r.Valid, "số phiếu hợp lệ"
	case record.VoteHands:
		for _, k := range []string{"so_phieu_phat_ra", "so_phieu_hop_le"} {
			if (k == "so_phieu_phat_ra" && v.Issued != 0) || (k == "so_phieu_hop_le" && v.Valid != 0) {
				c.errf("binh_xet."+k, `xóa dòng này, hoặc ghi cach_bieu_quyet = "bo-phieu-kin"`,
					"biểu quyết giơ tay không có phiếu, nhưng bản ghi có %s", k)
			}
		}
	}
	r.Denominator = r.Entitled
	if r.Base == record.BasePresent {
		r.Denominator = r.Present
	}
	if r.Denominator <= 0 {
		c.errf("binh_xet", "ghi so_thanh_vien và so_co_mat lớn hơn 0", "không có thành viên nào để tính tỷ lệ phiếu")
		okCounts = false
	}
	rules, faulty := c.thresholds(v)

	seen := map[candidateKey]int{}
	broken := map[candidateKey]bool{} // candidates with an error: not counted
	for i, cv := range v.Candidates {
		what := "người, đơn vị được bình xét thứ " + fmt.Sprint(i+1)
		cand, ok := c.candidate(path("binh_xet.ung_vien", i, ""), what, cv.Member, cv.Name, cv.Award)
		if !ok {
			continue
		}
		cand.Title, cand.Votes = cv.Title, cv.Votes
		k := cand.key()
		if j, dup := seen[k]; dup {
			c.errf(path("binh_xet.ung_vien", i, ""), "mỗi người, đơn vị chỉ được bình xét một lần cho một hình thức; xóa mục trùng",
				"%s: %s đã được bình xét %s ở mục thứ %d", what, cand.who(), cand.Award, j+1)
			continue
		}
		seen[k] = i + 1
		broken[k] = true
		if cv.Votes < 0 {
			c.errf(path("binh_xet.ung_vien", i, "so_phieu"), "ghi số phiếu đồng ý, từ 0 trở lên",
				"%s: %s có số phiếu âm (%d)", what, cand.who(), cv.Votes)
			continue
		}
		if okCounts && cv.Votes > most {
			c.errf(path("binh_xet.ung_vien", i, "so_phieu"), fmt.Sprintf("ghi số phiếu từ 0 đến %d", most),
				"%s: %s có %d phiếu, nhiều hơn %s (%d)", what, cand.who(), cv.Votes, mostWhat, most)
			continue
		}
		rule, found := rules[awardKey(cand.Award)]
		if !found && faulty[awardKey(cand.Award)] {
			continue // its threshold is written but wrong: reported there
		}
		if !found {
			c.missingRule(path("binh_xet.ung_vien", i, "khen_thuong"), what, cand.Award)
			continue
		}
		if !okCounts {
			continue
		}
		delete(broken, k)
		share := ratio(int64(cv.Votes), int64(r.Denominator))
		cand.Rule, cand.Passed = rule, rule.Met(share)
		cand.Threshold, cand.Origin = rule.Describe(), rule.Origin()
		cand.Share = percentOf(share, cand.Passed)
		r.Candidates = append(r.Candidates, cand)
	}
	c.nominees(v, r, broken)
	return r
}

// candidate resolves a unit (member id) or a person named at p.
func (c *checker) candidate(p, what, id, name, award string) (*Candidate, bool) {
	switch {
	case id != "" && name != "":
		c.errf(p+".ho_ten", "một mục chỉ ghi một trong hai: thanh_vien (đơn vị) hoặc ho_ten (cá nhân)",
			"%s: ghi cả mã đơn vị %q và họ tên %q", what, id, name)
		return nil, false
	case id == "" && name == "":
		c.errf(p, `ghi thanh_vien = "mã đơn vị" cho một đơn vị, hoặc ho_ten = "..." cho một cá nhân`,
			"%s: chưa ghi đơn vị hay cá nhân nào", what)
		return nil, false
	case id != "":
		m, ok := c.member(p+".thanh_vien", what, id)
		if !ok {
			return nil, false
		}
		return &Candidate{ID: m.ID, Member: m, Name: m.ShortName(), Award: award}, true
	}
	return &Candidate{Name: name, Award: award}, true
}

// thresholds reads the record's [[binh_xet.nguong]] by award, each with
// where it comes from. faulty are the awards whose threshold is written
// but refused: their candidates are not told to add one.
func (c *checker) thresholds(v *record.Vote) (out map[string]Rule, faulty map[string]bool) {
	out, faulty = map[string]Rule{}, map[string]bool{}
	for i, t := range v.Thresholds {
		rule, err := ParseRule(t.Rule)
		if err != nil {
			faulty[awardKey(t.Award)] = true
			c.errf(path("binh_xet.nguong", i, "ty_le"), `viết ty_le = "80%", "2/3", "trên 50%" hoặc "quá bán"`, "%v", err)
			continue
		}
		rule.Source, rule.Basis = t.Source, t.Basis
		if rule.Basis == "" && (rule.Source == "" || rule.Source == record.ThresholdRegulation) {
			rule.Basis = v.Basis // the cluster's regulation, named once for all
		}
		switch {
		case rule.Source == "" && rule.Basis != "":
			rule.Source = record.ThresholdRegulation
		case rule.Source == "":
			c.errf(path("binh_xet.nguong", i, "ty_le"), `ghi ngưỡng này theo đâu: nguon = "quy-che" (quy chế hoạt động của cụm), "hoi-nghi" (hội nghị thống nhất) hoặc "nghi-dinh", và can_cu = "..." (ví dụ: can_cu = "Quy chế hoạt động của Cụm, Điều 8"); biên bản ghi rõ nguồn của từng ngưỡng`,
				"ngưỡng của hình thức %q chưa ghi nguồn (quy chế của cụm, nghị định hay hội nghị thống nhất)", t.Award)
			faulty[awardKey(t.Award)] = true
			continue
		case rule.Source == record.ThresholdDecree && rule.Basis == "":
			c.errf(path("binh_xet.nguong", i, "nguon"), `ghi điều, khoản và số nghị định: can_cu = "Điều ..., Nghị định số .../NĐ-CP"`,
				"ngưỡng của hình thức %q theo nghị định nhưng chưa ghi nghị định nào", t.Award)
			faulty[awardKey(t.Award)] = true
			continue
		}
		k := awardKey(t.Award)
		if _, dup := out[k]; dup {
			c.errf(path("binh_xet.nguong", i, "khen_thuong"), "mỗi hình thức khen thưởng một ngưỡng; xóa mục trùng",
				"hình thức %q đã có ngưỡng ở mục trước", t.Award)
			continue
		}
		out[k] = rule
	}
	return out, faulty
}

// missingRule reports a candidate whose award has no threshold in the
// record. The cluster's vote never borrows the council's share: the hint
// only mentions it.
func (c *checker) missingRule(field, what, award string) {
	hint := fmt.Sprintf(`thêm vào hồ sơ: [[binh_xet.nguong]] khen_thuong = %q, ty_le = "..." (ví dụ "80%%" hoặc "2/3"), nguon = "quy-che", theo quy chế hoạt động của cụm`, award)
	if p, ok := c.councilRule(award); ok {
		hint += fmt.Sprintf("; tỷ lệ %d%% của nghị định là ngưỡng của Hội đồng Thi đua - Khen thưởng, chỉ ghi nếu quy chế của cụm cũng dùng tỷ lệ đó", p)
	}
	c.errf(field, hint, "%s: chưa có tỷ lệ phiếu tối thiểu cho hình thức %q trong bình xét của cụm", what, award)
}

// nominees checks [[binh_xet.de_nghi]]: each must name a candidate who
// passed the vote for that award. Without the list, every candidate who
// passed is put forward.
func (c *checker) nominees(v *record.Vote, r *VoteResult, broken map[candidateKey]bool) {
	if len(v.Nominees) == 0 {
		for _, cand := range r.Candidates {
			if cand.Passed {
				cand.Nominated = true
				r.Nominees = append(r.Nominees, cand)
			}
		}
		return
	}
	for i, n := range v.Nominees {
		p := path("binh_xet.de_nghi", i, "")
		what := "đề nghị thứ " + fmt.Sprint(i+1)
		want, ok := c.candidate(p, what, n.Member, n.Name, n.Award)
		if !ok {
			continue
		}
		var found *Candidate
		for _, cand := range r.Candidates {
			if cand.key() == want.key() {
				found = cand
			}
		}
		switch {
		case found == nil && broken[want.key()]:
			// the candidate's own error is reported already
		case found == nil:
			c.errf(p, "chỉ đề nghị người, đơn vị đã được bình xét cho đúng hình thức đó; thêm vào [[binh_xet.ung_vien]] kèm số phiếu, hoặc xóa đề nghị này",
				"%s: %s chưa được đưa ra bình xét cho hình thức %q", what, want.who(), want.Award)
		case !found.Passed:
			c.errf(p, "chỉ đề nghị người, đơn vị đạt tỷ lệ phiếu; xóa đề nghị này hoặc kiểm tra lại số phiếu",
				"%s: %s không đạt khi bình xét %s: %d/%d phiếu (%s), cần %s", what, found.who(), found.Award,
				found.Votes, r.Denominator, found.Share, found.Rule.Describe())
		case found.Nominated:
			c.errf(p, "xóa mục trùng", "%s: %s đã được đề nghị %s ở mục trước", what, found.who(), found.Award)
		default:
			found.Nominated = true
			r.Nominees = append(r.Nominees, found)
		}
	}
}
