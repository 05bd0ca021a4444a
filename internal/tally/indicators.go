package tally

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"thidua/internal/record"
)

// An indicator (chỉ tiêu) is known at three levels: each member's figure,
// the cluster's figure as the record states it (no thanh_vien), and the
// total computed from the members' figures. A figure is compared with
// what the record gives: the year's plan, the period's own target, the
// same period of the previous year. Only a comparison with what the
// period was meant to reach gives a verdict: a plan at a year-end review,
// a period target at a mid-year one. Half a year against the whole
// year's plan is progress ("đạt 43,31% kế hoạch năm"), not a failure.

// IndicatorGroup is one indicator across the cluster, in the order it
// first appears in the record.
type IndicatorGroup struct {
	Name string `json:"ten"`
	Unit string `json:"don_vi_tinh,omitempty"`
	// Rows are the members' figures, in the order of [[thanh_vien]].
	Rows []*Figure `json:"thanh_vien,omitempty"`
	// Total is the cluster's figure: the one the record states
	// (Stated) or, with two members' figures or more of a unit that
	// adds up, their sum ("Cộng"); nil when there is neither.
	Total *Figure `json:"toan_cum,omitempty"`
	// Lower is true for an indicator that is better lower (chieu =
	// "giam"): a result at or below what was meant is met.
	Lower bool `json:"giam_la_tot,omitempty"`
}

// Figure is one line of the indicators' table and what it is compared with.
type Figure struct {
	ID string `json:"thanh_vien,omitempty"`
	// Name is the member's short name, or "Toàn cụm" ("Toàn khối") or
	// "Cộng" for the cluster's row.
	Name string `json:"don_vi"`
	// Stated is true for the cluster's figure as the record gives it,
	// false for a member's and for a computed sum.
	Stated     bool           `json:"so_lieu_chung"`
	Plan       *record.Number `json:"ke_hoach,omitempty"`
	Target     *record.Number `json:"chi_tieu_ky,omitempty"`
	Result     record.Number  `json:"thuc_hien"`
	SamePeriod *record.Number `json:"cung_ky,omitempty"`
	// OfPlan, OfTarget and OfSame are the result as a share of the
	// plan, the period's target and the same period (1 is 100%).
	OfPlan   *Percent `json:"ty_le_ke_hoach,omitempty"`
	OfTarget *Percent `json:"ty_le_chi_tieu_ky,omitempty"`
	OfSame   *Percent `json:"ty_le_cung_ky,omitempty"`
	// Change is the growth on the same period, signed (0,082 is +8,2%).
	// Rates (a unit in % or ‰) have none: a rate's change is in points.
	Change *Percent `json:"tang_giam,omitempty"`
	// ChangePoints is a rate's change on the same period, in the rate's
	// own unit (61,35% against 55,2% is +6,15 points); nil for others.
	ChangePoints *record.Number `json:"tang_giam_diem,omitempty"`
	// Status is "Vượt", "Đạt", "Chưa đạt", or "" when there is nothing
	// the period was meant to reach.
	Status string `json:"danh_gia,omitempty"`
	// Words says it all in prose: "đạt 43,31% kế hoạch năm, tăng 8,20%
	// so với cùng kỳ".
	Words string `json:"nhan_xet,omitempty"`
}

// MemberTally counts one member's verdicts, for members with any.
type MemberTally struct {
	ID   string `json:"thanh_vien"`
	Name string `json:"ten"`
	// Judged counts the indicators with a verdict; Met those at or above
	// what was meant, Exceeded those above it.
	Judged   int `json:"so_chi_tieu"`
	Met      int `json:"so_dat"`
	Exceeded int `json:"so_vuot"`
}

// Indicator statuses.
const (
	StatusExceeded = "Vượt"
	StatusMet      = "Đạt"
	StatusShort    = "Chưa đạt"
)

// ComputedName names the row of the members' sum; the cluster's stated
// figure is "Toàn cụm" (or "Toàn khối", as the cluster calls itself).
const ComputedName = "Cộng"

// indicators groups the record's figures by indicator, sums the members'
// figures, checks a stated total against the sum and judges every figure.
func (c *checker) indicators() ([]*IndicatorGroup, []*MemberTally) {
	var groups []*IndicatorGroup
	byName := map[string]*IndicatorGroup{}
	first := map[string]int{}                 // indicator name -> its first item
	stated := map[string]int{}                // indicator name -> the item stating it
	seen := map[[2]string]int{}               // member, name -> item
	rows := map[*IndicatorGroup][]rowSource{} // figures with their items, in record order
	for i, in := range c.rec.Indicators {
		what := "chỉ tiêu thứ " + strconv.Itoa(i+1)
		ok := c.positive(path("chi_tieu", i, "ke_hoach"), what, in.Name, "kế hoạch", in.Plan)
		ok = c.positive(path("chi_tieu", i, "chi_tieu_ky"), what, in.Name, "chỉ tiêu của kỳ", in.Target) && ok
		ok = c.positive(path("chi_tieu", i, "cung_ky"), what, in.Name, "kết quả cùng kỳ", in.SamePeriod) && ok
		if in.Target != nil && c.rec.Session.Kind != record.KindMidYear {
			c.errf(path("chi_tieu", i, "chi_tieu_ky"), "xóa chi_tieu_ky; ở phiên tổng kết, chỉ tiêu so với kế hoạch năm (ke_hoach)",
				"%s (%s): chỉ tiêu của kỳ chỉ dùng ở phiên sơ kết", what, in.Name)
			ok = false
		}
		var m *record.Member
		if in.Member != "" {
			var found bool
			m, found = c.member(path("chi_tieu", i, "thanh_vien"), what, in.Member)
			ok = ok && found
		}
		key := [2]string{in.Member, in.Name}
		if j, dup := seen[key]; dup {
			whose := "của toàn cụm"
			if in.Member != "" {
				whose = fmt.Sprintf("của %q", in.Member)
			}
			c.errf(path("chi_tieu", i, "ten"), "mỗi chỉ tiêu của một thành viên (hoặc của toàn cụm) chỉ ghi một lần; xóa mục trùng hoặc sửa tên",
				"%s: chỉ tiêu %q %s đã ghi ở chỉ tiêu thứ %d", what, in.Name, whose, j+1)
			continue
		}
		seen[key] = i
		g := byName[in.Name]
		if g == nil {
			g = &IndicatorGroup{Name: in.Name, Unit: in.Unit, Lower: in.Direction == "giam"}
			byName[in.Name] = g
			first[in.Name] = i
			groups = append(groups, g)
		} else if (in.Direction == "giam") != g.Lower {
			j := first[in.Name]
			c.errf(path("chi_tieu", i, "chieu"), `ghi cùng một chieu cho mọi số liệu của chỉ tiêu này (chieu = "giam" khi chỉ tiêu càng thấp càng tốt)`,
				"%s: chỉ tiêu %q có chiều khác với chỉ tiêu thứ %d (một bên ghi chieu = \"giam\", một bên không)", what, in.Name, j+1)
			continue
		} else if in.Unit != g.Unit {
			j := first[in.Name]
			c.errf(path("chi_tieu", i, "don_vi_tinh"), "ghi cùng một đơn vị tính cho mọi số liệu của chỉ tiêu này (đổi số liệu sang đơn vị đó), hoặc đặt tên chỉ tiêu khác",
				"%s: chỉ tiêu %q tính bằng %q, khác đơn vị %q ở chỉ tiêu thứ %d; không cộng được số liệu khác đơn vị tính", what, in.Name, in.Unit, g.Unit, j+1)
			continue
		}
		if !ok {
			continue
		}
		f := &Figure{Plan: in.Plan, Target: in.Target, Result: in.Result, SamePeriod: in.SamePeriod}
		if m == nil {
			f.Name, f.Stated = "Toàn "+strings.ToLower(c.word()), true
			stated[in.Name] = i
			g.Total = f
			continue
		}
		f.ID, f.Name = m.ID, m.ShortName()
		rows[g] = append(rows[g], rowSource{f, c.members[m.ID]})
	}
	for _, g := range groups {
		g.Rows = inMemberOrder(rows[g])
		if sum := total(g.Rows); sum != nil && summable(g.Unit) {
			switch {
			case g.Total == nil:
				g.Total = sum
			case len(g.Rows) == len(c.rec.Members):
				// Only every member's figure adds up to the cluster's.
				c.agrees(g, sum, stated[g.Name])
			}
		}
		for _, f := range g.figures() {
			c.judge(f, g.Unit, g.Lower)
		}
	}
	return groups, c.tallies(groups)
}

// figures are the group's rows and then its cluster row, if any.
func (g *IndicatorGroup) figures() []*Figure {
	out := slices.Clip(g.Rows)
	if g.Total != nil {
		out = append(out, g.Total)
	}
	return out
}

// rowSource is a member's figure and the member's place in [[thanh_vien]].
type rowSource struct {
	f     *Figure
	order int
}

// decimals is the most decimals any figure of the indicator has, so that
// its rows print one precision: 4.120,00 beside 3.275,50 and 2.410,25.
func (g *IndicatorGroup) decimals() int {
	d := 0
	for _, f := range g.figures() {
		for _, n := range []*record.Number{&f.Result, f.Plan, f.Target, f.SamePeriod} {
			if n != nil {
				d = max(d, n.Scale)
			}
		}
	}
	return d
}

func inMemberOrder(rs []rowSource) []*Figure {
	slices.SortStableFunc(rs, func(a, b rowSource) int { return cmp.Compare(a.order, b.order) })
	out := make([]*Figure, len(rs))
	for i, r := range rs {
		out[i] = r.f
	}
	return out
}

// positive reports a plan, target or same-period figure that is not above
// zero: nothing can be compared with it.
func (c *checker) positive(field, what, name, label string, n *record.Number) bool {
	if n == nil || n.Sign() > 0 {
		return true
	}
	c.errf(field, "ghi số lớn hơn 0 (cùng đơn vị tính với kết quả thực hiện), hoặc xóa dòng này nếu chưa có số liệu",
		"%s (%s): %s %s không tính được tỷ lệ %%", what, name, label, n)
	return false
}

// summable reports whether figures of a unit add up: rates do not.
func summable(unit string) bool {
	return !strings.ContainsAny(unit, "%‰")
}

// total sums two figures or more: results always, plans, targets and
// same-period figures only when every row has one.
func total(rows []*Figure) *Figure {
	if len(rows) < 2 {
		return nil
	}
	t := &Figure{Name: ComputedName}
	plan, target, same := true, true, true
	var p, g, s record.Number
	for _, r := range rows {
		t.Result = t.Result.Add(r.Result)
		plan, p = sumOpt(plan, p, r.Plan)
		target, g = sumOpt(target, g, r.Target)
		same, s = sumOpt(same, s, r.SamePeriod)
	}
	if plan {
		t.Plan = &p
	}
	if target {
		t.Target = &g
	}
	if same {
		t.SamePeriod = &s
	}
	return t
}

func sumOpt(all bool, sum record.Number, n *record.Number) (bool, record.Number) {
	if !all || n == nil {
		return false, sum
	}
	return true, sum.Add(*n)
}

// agrees checks the stated cluster figure against every member's sum: each
// figure both give must match to the decimals the stated one is written
// with.
func (c *checker) agrees(g *IndicatorGroup, sum *Figure, item int) {
	check := func(key, label string, stated, computed *record.Number) {
		if stated == nil || computed == nil || closeTo(*stated, *computed) {
			return
		}
		c.errf(path("chi_tieu", item, key), "sửa số liệu toàn cụm hoặc số liệu của các thành viên cho khớp; nếu số toàn cụm tính cả đơn vị ngoài cụm, đặt tên chỉ tiêu khác",
			"chỉ tiêu thứ %d (%s, toàn cụm): %s ghi %s %s, nhưng cộng %d thành viên được %s %s",
			item+1, g.Name, label, stated, g.Unit, len(g.Rows), computed, g.Unit)
	}
	check("thuc_hien", "kết quả", &g.Total.Result, &sum.Result)
	check("ke_hoach", "kế hoạch", g.Total.Plan, sum.Plan)
	check("chi_tieu_ky", "chỉ tiêu của kỳ", g.Total.Target, sum.Target)
	check("cung_ky", "cùng kỳ", g.Total.SamePeriod, sum.SamePeriod)
}

// closeTo reports whether computed, rounded to the decimals stated is
// written with, is stated: 1.234,5 states 1.234,47.
func closeTo(stated, computed record.Number) bool {
	diff := new(big.Rat).Sub(stated.Rat(), computed.Rat())
	half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(stated.Scale)), nil))
	half.Quo(half, big.NewRat(2, 1))
	return diff.Abs(diff).Cmp(half) < 0
}

// judge computes a figure's ratios, its verdict and its words. A rate
// (unit in % or ‰) is compared with the same period, the period's target
// and the plan by its difference in points ("tăng 6,15 điểm phần trăm",
// "cao hơn 1,5 điểm phần trăm so với chỉ tiêu"): the ratio of two rates
// means nothing to a reader. An indicator better lower (lower) is met at
// or below what was meant, and its share reads "bằng", not "đạt".
func (c *checker) judge(f *Figure, unit string, lower bool) {
	midYear := c.rec.Session.Kind == record.KindMidYear
	rate := !summable(unit)
	var words []string
	verdict := func(r *big.Rat) {
		cmp := r.Cmp(big.NewRat(1, 1))
		if lower {
			cmp = -cmp
		}
		switch cmp {
		case 1:
			f.Status = StatusExceeded
		case 0:
			f.Status = StatusMet
		default:
			f.Status = StatusShort
		}
	}
	// share is the result as a share of what was meant, shown so that a
	// short result never reads 100,00%.
	share := func(r *big.Rat) Percent {
		if !lower {
			return percentOf(r, r.Cmp(big.NewRat(1, 1)) >= 0)
		}
		p := percentOf(r, true)
		if r.Cmp(big.NewRat(1, 1)) > 0 && p.Shown <= 10000 {
			p.Shown = 10001
		}
		return p
	}
	reach := "đạt "
	if lower {
		reach = "bằng "
	}
	if f.Target != nil {
		r := new(big.Rat).Quo(f.Result.Rat(), f.Target.Rat())
		verdict(r)
		if rate {
			words = append(words, pointsAgainst(f.Result.Add(f.Target.Neg()), unit, "chỉ tiêu "+c.period()))
		} else {
			p := share(r)
			f.OfTarget = &p
			words = append(words, reach+p.String()+" chỉ tiêu "+c.period())
		}
	}
	if f.Plan != nil {
		r := new(big.Rat).Quo(f.Result.Rat(), f.Plan.Rat())
		what := "kế hoạch"
		if midYear {
			what = "kế hoạch năm"
		} else {
			verdict(r)
		}
		switch {
		case rate:
			words = append(words, pointsAgainst(f.Result.Add(f.Plan.Neg()), unit, what))
		case midYear:
			p := progress(r)
			f.OfPlan = &p
			words = append(words, reach+p.String()+" "+what)
		default:
			p := share(r)
			f.OfPlan = &p
			words = append(words, reach+p.String()+" "+what)
		}
	}
	if f.SamePeriod != nil && !summable(unit) {
		d := f.Result.Add(f.SamePeriod.Neg())
		f.ChangePoints = &d
		words = append(words, pointsWords(d, unit))
	} else if f.SamePeriod != nil {
		r := new(big.Rat).Quo(f.Result.Rat(), f.SamePeriod.Rat())
		p := progress(r)
		f.OfSame = &p
		change := new(big.Rat).Sub(r, big.NewRat(1, 1))
		d := percentOf(change, true) // half away from zero, both ways
		f.Change = &d
		switch change.Sign() {
		case 1:
			words = append(words, "tăng "+d.String()+" so với cùng kỳ")
		case -1:
			words = append(words, "giảm "+percentOf(new(big.Rat).Neg(change), true).String()+" so với cùng kỳ")
		default:
			words = append(words, "bằng cùng kỳ")
		}
	}
	f.Words = strings.Join(words, ", ")
}

// pointsWords says a rate's change on the same period: "tăng 6,15 điểm
// phần trăm so với cùng kỳ" (‰: "điểm phần nghìn").
func pointsWords(d record.Number, unit string) string {
	name := "điểm phần trăm"
	if strings.Contains(unit, "‰") {
		name = "điểm phần nghìn"
	}
	switch d.Sign() {
	case 1:
		return "tăng " + d.String() + " " + name + " so với cùng kỳ"
	case -1:
		return "giảm " + d.Neg().String() + " " + name + " so với cùng kỳ"
	}
	return "bằng cùng kỳ"
}

// pointsAgainst says how a rate stands against what it was meant to be:
// "cao hơn 1,5 điểm phần trăm so với chỉ tiêu 6 tháng đầu năm 2025",
// "thấp hơn ...", "bằng kế hoạch".
func pointsAgainst(d record.Number, unit, what string) string {
	name := "điểm phần trăm"
	if strings.Contains(unit, "‰") {
		name = "điểm phần nghìn"
	}
	switch d.Sign() {
	case 1:
		return "cao hơn " + d.String() + " " + name + " so với " + what
	case -1:
		return "thấp hơn " + d.Neg().String() + " " + name + " so với " + what
	}
	return "bằng " + what
}

// progress shows a ratio that gives no verdict: rounded half away from
// zero, except that a ratio short of 1 never shows as 100,00%.
func progress(r *big.Rat) Percent {
	p := percentOf(r, true)
	if r.Cmp(big.NewRat(1, 1)) < 0 && p.Shown >= 10000 {
		return percentOf(r, false)
	}
	return p
}

// tallies counts each member's verdicts, in member order.
func (c *checker) tallies(groups []*IndicatorGroup) []*MemberTally {
	by := map[string]*MemberTally{}
	for _, g := range groups {
		for _, f := range g.Rows {
			if f.Status == "" {
				continue
			}
			t := by[f.ID]
			if t == nil {
				t = &MemberTally{ID: f.ID, Name: f.Name}
				by[f.ID] = t
			}
			t.Judged++
			if f.Status != StatusShort {
				t.Met++
			}
			if f.Status == StatusExceeded {
				t.Exceeded++
			}
		}
	}
	var out []*MemberTally
	for _, m := range c.rec.Members {
		if t := by[m.ID]; t != nil {
			out = append(out, t)
		}
	}
	return out
}
