package tally

import (
	"math/big"
	"strconv"

	"thidua/internal/record"
)

// MemberIndicators are one member's indicators, in record order.
type MemberIndicators struct {
	Member *record.Member `json:"-"`
	ID     string         `json:"thanh_vien"`
	Name   string         `json:"ten"`
	Items  []*Indicator   `json:"chi_tieu"`
	// Met counts the indicators at or above plan, Exceeded those above it.
	Met      int `json:"so_dat"`
	Exceeded int `json:"so_vuot"`
}

// Indicator is an indicator with its % of plan.
type Indicator struct {
	Name   string        `json:"ten"`
	Unit   string        `json:"don_vi_tinh,omitempty"`
	Plan   record.Number `json:"-"`
	Result record.Number `json:"-"`
	// OfPlan is the result as a share of the plan (1 is 100%).
	OfPlan Percent `json:"ty_le_ke_hoach"`
	// Status is "Vượt", "Đạt" or "Chưa đạt".
	Status string `json:"danh_gia"`
}

// Indicator statuses.
const (
	StatusExceeded = "Vượt"
	StatusMet      = "Đạt"
	StatusShort    = "Chưa đạt"
)

// indicators computes % of plan per indicator, grouped by member in the
// order of [[thanh_vien]].
func (c *checker) indicators() []*MemberIndicators {
	byMember := map[string]*MemberIndicators{}
	seen := map[[2]string]int{}
	one := big.NewRat(1, 1)
	for i, in := range c.rec.Indicators {
		what := "chỉ tiêu thứ " + strconv.Itoa(i+1)
		m, ok := c.member(path("chi_tieu", i, "thanh_vien"), what, in.Member)
		if in.Plan.Sign() <= 0 {
			c.errf(path("chi_tieu", i, "ke_hoach"), "ghi kế hoạch là số lớn hơn 0 (cùng đơn vị tính với kết quả thực hiện)",
				"%s (%s): kế hoạch %s không tính được tỷ lệ %% so với kế hoạch", what, in.Name, in.Plan)
			ok = false
		}
		key := [2]string{in.Member, in.Name}
		if j, dup := seen[key]; dup {
			c.errf(path("chi_tieu", i, "ten"), "mỗi chỉ tiêu của một thành viên chỉ ghi một lần; xóa mục trùng hoặc sửa tên",
				"%s: chỉ tiêu %q của %q đã ghi ở chỉ tiêu thứ %d", what, in.Name, in.Member, j+1)
			continue
		}
		seen[key] = i
		if !ok {
			continue
		}
		r := new(big.Rat).Quo(in.Result.Rat(), in.Plan.Rat())
		cmp := r.Cmp(one)
		ind := &Indicator{Name: in.Name, Unit: in.Unit, Plan: in.Plan, Result: in.Result, OfPlan: percentOf(r, cmp >= 0)}
		mi := byMember[m.ID]
		if mi == nil {
			mi = &MemberIndicators{Member: m, ID: m.ID, Name: m.ShortName()}
			byMember[m.ID] = mi
		}
		switch {
		case cmp > 0:
			ind.Status = StatusExceeded
			mi.Met++
			mi.Exceeded++
		case cmp == 0:
			ind.Status = StatusMet
			mi.Met++
		default:
			ind.Status = StatusShort
		}
		mi.Items = append(mi.Items, ind)
	}
	var out []*MemberIndicators
	for _, m := range c.rec.Members {
		if mi := byMember[m.ID]; mi != nil {
			out = append(out, mi)
		}
	}
	return out
}
