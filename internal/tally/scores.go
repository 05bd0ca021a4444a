package tally

import (
	"fmt"
	"slices"
	"strings"

	"thidua/internal/record"
	"thidua/internal/suggest"
)

// Scoring is the criteria set and every member's scores, ranked.
type Scoring struct {
	Name   string   `json:"ten,omitempty"`
	Groups []*Group `json:"nhom"`
	// Max is the sum of the criteria's maximum scores.
	Max      Points `json:"thang_diem"`
	BonusCap Points `json:"diem_thuong_toi_da"`
	// Classes are the rating bands, highest first.
	Classes []*Class `json:"xep_loai,omitempty"`
	// HasSelf is true when the members' self-assessed scores are given.
	HasSelf bool `json:"co_tu_cham"`
	// Rows are the members in rank order; equal totals keep the order of
	// [[thanh_vien]].
	Rows []*ScoreRow `json:"bang"`
}

// Group is a group of criteria with its maximum.
type Group struct {
	Code     string       `json:"ma"`
	Name     string       `json:"ten"`
	Max      Points       `json:"toi_da"`
	Criteria []*Criterion `json:"tieu_chi"`
}

// Criterion is one criterion with its maximum.
type Criterion struct {
	Code  string `json:"ma"`
	Name  string `json:"ten"`
	Max   Points `json:"toi_da"`
	group int
}

// Class is a rating band: totals from From up to, not including, the next
// band's From.
type Class struct {
	Name string `json:"ten"`
	From Points `json:"tu"`
	// Range says the band in words: "từ 80 đến dưới 90 điểm".
	Range string `json:"khoang"`
}

// ScoreRow is one member's result.
type ScoreRow struct {
	Rank   int            `json:"xep_hang"`
	ID     string         `json:"thanh_vien"`
	Name   string         `json:"ten"`
	Member *record.Member `json:"-"`
	// Self and Cluster are the sums of the self-assessed and the
	// cluster's scores; Groups the cluster's score of each group.
	Self    Points   `json:"tu_cham"`
	Groups  []Points `json:"nhom"`
	Cluster Points   `json:"cum_cham"`
	// BonusGiven is the bonus the record gives, Bonus what counts of it
	// (at most the set's cap).
	BonusGiven Points `json:"thuong_ghi"`
	Bonus      Points `json:"thuong"`
	Penalty    Points `json:"tru"`
	// Total is Cluster + Bonus - Penalty.
	Total Points `json:"tong"`
	Class string `json:"xep_loai,omitempty"`
	Note  string `json:"ghi_chu,omitempty"`
	order int
}

// points converts a number written at field to points, reporting more
// than two decimals or a negative value; what names it in messages.
func (c *checker) points(field, what string, n record.Number) (Points, bool) {
	p, ok := pointsOf(n)
	if !ok {
		c.errf(field, "làm tròn đến hai chữ số thập phân, ví dụ 9.25", "%s là %s, có quá hai chữ số thập phân", what, n)
		return 0, false
	}
	if p < 0 {
		c.errf(field, "ghi số từ 0 trở lên", "%s là %s, không được âm", what, n)
		return 0, false
	}
	return p, true
}

// scoring checks the criteria set and the scores, and ranks the members.
func (c *checker) scoring() *Scoring {
	cr := c.rec.Criteria
	if cr == nil {
		if len(c.rec.Scores) > 0 {
			c.errf("diem", "thêm bảng [bo_tieu_chi] với các nhóm [[bo_tieu_chi.nhom]] và tiêu chí; xem docs/record.md",
				"có bảng điểm [[diem]] nhưng chưa có bộ tiêu chí [bo_tieu_chi] để đối chiếu")
		}
		return nil
	}
	s := &Scoring{Name: cr.Name}
	crit, codes := c.criteria(cr, s)
	s.BonusCap, _ = c.points("bo_tieu_chi.diem_thuong_toi_da", "điểm thưởng tối đa", cr.BonusCap)
	if !cr.Scale.IsZero() {
		if scale, ok := c.points("bo_tieu_chi.thang_diem", "thang điểm", cr.Scale); ok && scale != s.Max {
			c.errf("bo_tieu_chi.thang_diem", "sửa điểm tối đa của các tiêu chí cho đủ thang điểm, hoặc sửa thang_diem",
				"tổng điểm tối đa của các tiêu chí là %s, khác thang điểm %s", s.Max, scale)
		}
	}
	c.classes(cr, s)

	scored := map[string]int{}
	for i, sc := range c.rec.Scores {
		what := "bảng điểm thứ " + fmt.Sprint(i+1)
		m, ok := c.member(path("diem", i, "thanh_vien"), what, sc.Member)
		if ok {
			if j, dup := scored[m.ID]; dup {
				c.errf(path("diem", i, "thanh_vien"), "mỗi thành viên một bảng điểm; gộp hai bảng làm một",
					"%s: %s đã có bảng điểm thứ %d", what, m.ShortName(), j+1)
				continue
			}
			scored[m.ID] = i
		}
		row := &ScoreRow{Groups: make([]Points, len(s.Groups)), Note: sc.Note}
		if m != nil {
			row.Member, row.ID, row.Name, row.order = m, m.ID, m.ShortName(), c.members[m.ID]
			what = "bảng điểm của " + m.ShortName()
		}
		good := ok
		var sum Points
		sum, ok = c.sheet(path("diem", i, "cum_cham"), what, "điểm cụm chấm", sc.Cluster, crit, codes, row.Groups)
		good = good && ok
		row.Cluster = sum
		if len(sc.Self) > 0 {
			s.HasSelf = true
			row.Self, ok = c.sheet(path("diem", i, "tu_cham"), what, "điểm tự chấm", sc.Self, crit, codes, nil)
			good = good && ok
		}
		bonus, okB := c.points(path("diem", i, "thuong"), what+": điểm thưởng", sc.Bonus)
		pen, okP := c.points(path("diem", i, "tru"), what+": điểm trừ", sc.Penalty)
		if okB && bonus > 0 && s.BonusCap == 0 {
			c.errf(path("diem", i, "thuong"), "thêm diem_thuong_toi_da vào bảng [bo_tieu_chi], hoặc xóa điểm thưởng",
				"%s: có %s điểm thưởng nhưng bộ tiêu chí không cho điểm thưởng (chưa ghi diem_thuong_toi_da)", what, bonus)
			okB = false
		}
		if !good || !okB || !okP {
			continue
		}
		row.BonusGiven, row.Bonus, row.Penalty = bonus, min(bonus, s.BonusCap), pen
		row.Total = row.Cluster + row.Bonus - row.Penalty
		if len(s.Classes) > 0 {
			row.Class = classOf(s.Classes, row.Total)
			if row.Class == "" {
				low := s.Classes[len(s.Classes)-1]
				c.errf(path("diem", i, ""), "thêm một mức xếp loại thấp nhất, ví dụ: [[bo_tieu_chi.xep_loai]] ten = \"Không xếp loại\", tu = 0",
					"%s: tổng điểm %s thấp hơn mức xếp loại thấp nhất (%s, từ %s điểm)", what, row.Total, low.Name, low.From)
			}
		}
		s.Rows = append(s.Rows, row)
	}
	c.checkSelfGiven(s)
	if len(c.rec.Scores) == 0 {
		c.errf("bo_tieu_chi", "thêm một bảng [[diem]] cho mỗi thành viên; xem docs/record.md",
			"có bộ tiêu chí nhưng chưa có bảng điểm [[diem]] của thành viên nào")
	} else {
		for _, m := range c.rec.Members {
			if _, ok := scored[m.ID]; !ok {
				c.errf("diem", fmt.Sprintf("thêm [[diem]] với thanh_vien = %q và điểm của từng tiêu chí", m.ID),
					"thành viên %s (mã %q) chưa có bảng điểm", m.ShortName(), m.ID)
			}
		}
	}
	rank(s.Rows)
	return s
}

// criteria checks the groups and criteria, fills s.Groups and s.Max, and
// returns the criteria by code and the codes in order.
func (c *checker) criteria(cr *record.Criteria, s *Scoring) (map[string]*Criterion, []string) {
	crit := map[string]*Criterion{}
	var codes []string
	where := map[string]string{}
	groupCodes := map[string]int{}
	for gi, g := range cr.Groups {
		gp := path("bo_tieu_chi.nhom", gi, "")
		code := g.Code
		if code == "" {
			code = roman(gi + 1)
		}
		if j, dup := groupCodes[code]; dup {
			c.errf(gp+".ma", "mỗi nhóm một mã riêng", "nhóm tiêu chí thứ %d: mã %q trùng với nhóm thứ %d", gi+1, code, j+1)
		}
		groupCodes[code] = gi + 1
		grp := &Group{Code: code, Name: g.Name}
		for ci, k := range g.Criteria {
			cp := path(gp+".tieu_chi", ci, "")
			max, ok := c.points(cp+".toi_da", "điểm tối đa của tiêu chí "+k.Code, k.Max)
			if ok && max == 0 {
				c.errf(cp+".toi_da", "ghi điểm tối đa lớn hơn 0", "tiêu chí %s: điểm tối đa bằng 0", k.Code)
			}
			if prev, dup := where[k.Code]; dup {
				c.errf(cp+".ma", "mỗi tiêu chí một mã riêng trong cả bộ tiêu chí, ví dụ 1.1, 1.2, 2.1",
					"mã tiêu chí %q trùng với tiêu chí ở %s", k.Code, prev)
				continue
			}
			where[k.Code] = cp
			cri := &Criterion{Code: k.Code, Name: k.Name, Max: max, group: gi}
			crit[k.Code] = cri
			codes = append(codes, k.Code)
			grp.Criteria = append(grp.Criteria, cri)
			grp.Max += max
		}
		s.Groups = append(s.Groups, grp)
		s.Max += grp.Max
	}
	return crit, codes
}

// classes checks the rating bands and sorts them, highest first.
func (c *checker) classes(cr *record.Criteria, s *Scoring) {
	from := map[Points]int{}
	names := map[string]int{}
	for i, k := range cr.Classes {
		p := path("bo_tieu_chi.xep_loai", i, "")
		f, ok := c.points(p+".tu", "mức xếp loại "+k.Name, k.From)
		if !ok {
			continue
		}
		if j, dup := names[k.Name]; dup {
			c.errf(p+".ten", "mỗi mức xếp loại một tên", "mức xếp loại %q đã ghi ở mức thứ %d", k.Name, j+1)
			continue
		}
		if j, dup := from[f]; dup {
			c.errf(p+".tu", "mỗi mức một điểm tối thiểu khác nhau", "mức %q bắt đầu từ %s điểm, trùng với mức thứ %d", k.Name, f, j+1)
			continue
		}
		if top := s.Max + s.BonusCap; s.Max > 0 && f > top {
			c.errf(p+".tu", "sửa điểm tối thiểu của mức cho phù hợp thang điểm",
				"mức %q bắt đầu từ %s điểm, cao hơn số điểm có thể đạt (%s)", k.Name, f, top)
		}
		names[k.Name], from[f] = i+1, i+1
		s.Classes = append(s.Classes, &Class{Name: k.Name, From: f})
	}
	slices.SortFunc(s.Classes, func(a, b *Class) int { return int(b.From - a.From) })
	for i, k := range s.Classes {
		switch {
		case i == 0:
			k.Range = fmt.Sprintf("từ %s điểm trở lên", k.From)
		case k.From == 0 && i == len(s.Classes)-1:
			k.Range = fmt.Sprintf("dưới %s điểm", s.Classes[i-1].From)
		default:
			k.Range = fmt.Sprintf("từ %s đến dưới %s điểm", k.From, s.Classes[i-1].From)
		}
	}
}

// sheet checks one member's scores (a map from criterion code to score)
// at field and returns their sum, adding each group's sum to groups when
// it is not nil.
func (c *checker) sheet(field, what, label string, scores map[string]record.Number, crit map[string]*Criterion, codes []string, groups []Points) (Points, bool) {
	ok := true
	var sum Points
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f := record.KeyPath(field, k)
		cri, known := crit[k]
		if !known {
			hint := "các mã tiêu chí trong [bo_tieu_chi]: " + strings.Join(codes, ", ")
			if s := suggest.Closest(k, codes); s != "" {
				hint = fmt.Sprintf("có phải là %q? ", s) + hint
			}
			c.errf(f, hint, "%s: %s có tiêu chí %q không có trong bộ tiêu chí", what, label, k)
			ok = false
			continue
		}
		p, good := c.points(f, fmt.Sprintf("%s: %s tiêu chí %s", what, label, k), scores[k])
		if !good {
			ok = false
			continue
		}
		if p > cri.Max {
			c.errf(f, fmt.Sprintf("ghi điểm từ 0 đến %s", cri.Max),
				"%s: %s tiêu chí %s (%s) là %s, vượt điểm tối đa %s", what, label, k, cri.Name, p, cri.Max)
			ok = false
			continue
		}
		sum += p
		if groups != nil {
			groups[cri.group] += p
		}
	}
	var missing []string
	for _, k := range codes {
		if _, has := scores[k]; !has {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		c.errf(field, fmt.Sprintf("ghi đủ điểm mọi tiêu chí, kể cả điểm 0, ví dụ: \"%s\" = 0", missing[0]),
			"%s: %s thiếu điểm của tiêu chí %s", what, label, strings.Join(missing, ", "))
		ok = false
	}
	return sum, ok
}

// checkSelfGiven reports scores without self-assessment when others have it.
func (c *checker) checkSelfGiven(s *Scoring) {
	if !s.HasSelf {
		return
	}
	for i, sc := range c.rec.Scores {
		if len(sc.Self) == 0 {
			c.errf(path("diem", i, ""), "thêm tu_cham = { ... } cho thành viên này, hoặc bỏ điểm tự chấm ở mọi thành viên",
				"bảng điểm thứ %d (%s): chưa có điểm tự chấm, trong khi các thành viên khác có", i+1, sc.Member)
		}
	}
}

// classOf returns the band a total falls in ("" below the lowest).
func classOf(classes []*Class, total Points) string {
	for _, k := range classes {
		if total >= k.From {
			return k.Name
		}
	}
	return ""
}

// rank orders rows by total, highest first, equal totals in member order,
// and gives equal totals the same rank: 1, 2, 2, 4.
func rank(rows []*ScoreRow) {
	slices.SortStableFunc(rows, func(a, b *ScoreRow) int {
		if a.Total != b.Total {
			if a.Total > b.Total {
				return -1
			}
			return 1
		}
		return a.order - b.order
	})
	for i, r := range rows {
		r.Rank = i + 1
		if i > 0 && r.Total == rows[i-1].Total {
			r.Rank = rows[i-1].Rank
		}
	}
}

// roman writes 1..3999 in Roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
