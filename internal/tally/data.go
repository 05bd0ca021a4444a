package tally

import (
	"strings"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// Data returns the results as templates read them under "ket_qua": text
// keyed like the record (Vietnamese without diacritics), every number
// already written the decree's way ("92,58", "83,33%"), lists as
// []map[string]any with "stt" from 1. A part the record lacks is absent,
// so that a template's front matter can require it (can = ["ket_qua.bao_cao"]).
func (r *Results) Data() map[string]any {
	out := map[string]any{"loai": r.Kind, "cum": r.Word, "cum_thuong": strings.ToLower(r.Word), "ky_bao_cao": r.Period}
	if len(r.Indicators) > 0 {
		out["chi_tieu"] = indicatorsData(r.Indicators, r.Tallies)
	}
	if r.Scoring != nil {
		out["cham_diem"] = r.Scoring.data()
	}
	if r.Vote != nil {
		out["binh_xet"] = r.Vote.data()
	}
	if r.Report != nil {
		out["bao_cao"] = r.Report.data()
	}
	if r.Minutes != nil {
		out["bien_ban"] = r.Minutes.data()
	}
	if n := r.NextYear; n != nil {
		out["nam_toi"] = map[string]any{"nam": n.Year, "cum_truong": n.Head, "cum_pho": n.Deputy}
	}
	return out
}

// list numbers items from 1 under "stt".
func list[T any](items []T, f func(T) map[string]any) []map[string]any {
	out := make([]map[string]any, len(items))
	for i, it := range items {
		out[i] = f(it)
		out[i]["stt"] = i + 1
	}
	return out
}

// indicatorsData is the indicators' table as templates read it: the
// columns the figures fill ("cot", each with its heading), one group per
// indicator with its members' rows and its cluster row ("tong"), every
// row's cells ("o") in the order of the columns.
func indicatorsData(groups []*IndicatorGroup, tallies []*MemberTally) map[string]any {
	cols := indicatorColumns(groups)
	heads := make([]map[string]any, len(cols))
	for i, c := range cols {
		heads[i] = map[string]any{"ten": c.head, "so": c.number}
	}
	row := func(f *Figure, unit string, d int) map[string]any {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.cell(f, d)
		}
		return map[string]any{"thanh_vien": f.ID, "don_vi": f.Name, "toan_cum": f.Stated,
			"thuc_hien": f.Result.Decimals(d), "so_luong": amount(f.Result, unit),
			"danh_gia": f.Status, "nhan_xet": f.Words, "o": cells}
	}
	return map[string]any{
		"cot": heads,
		"nhom": list(groups, func(g *IndicatorGroup) map[string]any {
			d := g.decimals()
			m := map[string]any{"ten": g.Name, "don_vi_tinh": g.Unit,
				"dong": list(g.Rows, func(f *Figure) map[string]any { return row(f, g.Unit, d) })}
			if g.Total != nil {
				m["tong"] = row(g.Total, g.Unit, d)
			}
			return m
		}),
		"thanh_vien": list(tallies, func(t *MemberTally) map[string]any {
			return map[string]any{"thanh_vien": t.ID, "don_vi": t.Name, "so_chi_tieu": t.Judged,
				"so_dat": t.Met, "so_vuot": t.Exceeded, "dat": vn.Fraction(int64(t.Met), int64(t.Judged))}
		}),
	}
}

// amount writes a figure with its unit: "1.234,5 tỷ đồng", "13,5%".
func amount(n record.Number, unit string) string {
	if unit == "" || unit == "%" || unit == "‰" {
		return n.String() + unit
	}
	return n.String() + " " + unit
}

// column is one figure column of the indicators' table.
type column struct {
	head   string
	number bool // right-aligned
	// cell writes the column's figure of a row, its numbers with at
	// least d decimals (the indicator's precision).
	cell func(f *Figure, d int) string
}

// indicatorColumns are the columns some figure fills, in the order
// reports print them: plan, period target, result, same period, verdict.
func indicatorColumns(groups []*IndicatorGroup) []column {
	var has struct{ plan, target, same, status bool }
	for _, g := range groups {
		for _, f := range g.figures() {
			has.plan = has.plan || f.Plan != nil
			has.target = has.target || f.Target != nil
			has.same = has.same || f.SamePeriod != nil
			has.status = has.status || f.Status != ""
		}
	}
	num := func(n *record.Number, d int) string {
		if n == nil {
			return ""
		}
		return n.Decimals(d)
	}
	pct := func(p *Percent, _ int) string {
		if p == nil {
			return ""
		}
		return p.Number()
	}
	var cols []column
	if has.plan {
		cols = append(cols, column{"Kế hoạch năm", true, func(f *Figure, d int) string { return num(f.Plan, d) }})
	}
	if has.target {
		cols = append(cols, column{"Chỉ tiêu kỳ", true, func(f *Figure, d int) string { return num(f.Target, d) }})
	}
	cols = append(cols, column{"Thực hiện", true, func(f *Figure, d int) string { return f.Result.Decimals(d) }})
	if has.plan {
		cols = append(cols, column{"% kế hoạch năm", true, func(f *Figure, d int) string { return pct(f.OfPlan, d) }})
	}
	if has.target {
		cols = append(cols, column{"% chỉ tiêu kỳ", true, func(f *Figure, d int) string { return pct(f.OfTarget, d) }})
	}
	if has.same {
		cols = append(cols, column{"Cùng kỳ", true, func(f *Figure, d int) string { return num(f.SamePeriod, d) }},
			column{"% cùng kỳ", true, func(f *Figure, d int) string { return pct(f.OfSame, d) }})
	}
	if has.status {
		cols = append(cols, column{"Đánh giá", false, func(f *Figure, _ int) string { return f.Status }})
	}
	return cols
}

func (s *Scoring) data() map[string]any {
	return map[string]any{
		"ten": s.Name, "thang_diem": s.Max.String(), "thuong_toi_da": s.BonusCap.String(),
		"co_thuong": s.BonusCap > 0, "co_tu_cham": s.HasSelf, "nhieu_nhom": len(s.Groups) > 1,
		"co_xep_loai": len(s.Classes) > 0, "so_cot": s.columns(), "cot_diem": make([]int, s.scoreColumns()),
		"tong_toi_da": (s.Max + s.BonusCap).String(),
		"nhom": list(s.Groups, func(g *Group) map[string]any {
			return map[string]any{"ma": g.Code, "ten": g.Name, "toi_da": g.Max.String(),
				"tieu_chi": list(g.Criteria, func(k *Criterion) map[string]any {
					return map[string]any{"ma": k.Code, "ten": k.Name, "toi_da": k.Max.String()}
				})}
		}),
		"xep_loai": list(s.Classes, func(k *Class) map[string]any {
			return map[string]any{"ten": k.Name, "tu": k.From.String(), "khoang": k.Range}
		}),
		"bang": list(s.Rows, func(row *ScoreRow) map[string]any {
			groups := make([]string, len(row.Groups))
			for i, g := range row.Groups {
				groups[i] = g.String()
			}
			return map[string]any{"thanh_vien": row.ID, "don_vi": row.Name, "hang": row.Rank,
				"tu_cham": row.Self.String(), "nhom": groups, "cum_cham": row.Cluster.String(),
				"thuong": row.Bonus.String(), "thuong_ghi": row.BonusGiven.String(), "tru": row.Penalty.String(),
				"tong": row.Total.String(), "xep_loai": row.Class, "ghi_chu": row.Note}
		}),
	}
}

// Ways and bases in words.
var (
	wayWords  = map[string]string{record.VoteBallot: "bỏ phiếu kín", record.VoteHands: "biểu quyết giơ tay"}
	baseWords = map[string]string{record.BaseAll: "tổng số thành viên có quyền biểu quyết", record.BasePresent: "số thành viên có mặt"}
)

func (v *VoteResult) data() map[string]any {
	// Groups of candidates by award, in the order awards first appear.
	var awards []string
	byAward := map[string][]*Candidate{}
	for _, c := range v.Candidates {
		k := awardKey(c.Award)
		if _, ok := byAward[k]; !ok {
			awards = append(awards, k)
		}
		byAward[k] = append(byAward[k], c)
	}
	candidate := func(c *Candidate) map[string]any {
		result := "Không đạt"
		if c.Passed {
			result = "Đạt"
		}
		return map[string]any{"ten": c.Name, "chuc_vu": c.Title, "thanh_vien": c.ID, "khen_thuong": c.Award,
			"so_phieu": c.Votes, "ty_le": c.Share.Number(), "ty_le_phan_tram": c.Share.String(),
			"dat": c.Passed, "ket_qua": result, "de_nghi": c.Nominated}
	}
	n := 0 // candidates are numbered on through the groups
	groups := list(awards, func(k string) map[string]any {
		cs := byAward[k]
		rule := cs[0].Rule
		items := list(cs, candidate)
		for _, it := range items {
			n++
			it["tt"] = n
		}
		return map[string]any{"khen_thuong": cs[0].Award, "muc": rule.Describe(), "nguon": rule.Origin(),
			"ung_vien": items}
	})
	// Nominees by award, in the order awards first appear.
	var nomAwards []string
	nomBy := map[string][]*Candidate{}
	for _, c := range v.Nominees {
		k := awardKey(c.Award)
		if _, ok := nomBy[k]; !ok {
			nomAwards = append(nomAwards, k)
		}
		nomBy[k] = append(nomBy[k], c)
	}
	nomGroups := list(nomAwards, func(k string) map[string]any {
		return map[string]any{"khen_thuong": nomBy[k][0].Award, "ung_vien": list(nomBy[k], candidate)}
	})
	// nguon_chung: where every threshold comes from, when they all come
	// from the same place, so that the minutes say it once.
	common := ""
	for i, c := range v.Candidates {
		if i == 0 {
			common = c.Rule.Origin()
		} else if c.Rule.Origin() != common {
			common = ""
			break
		}
	}
	return map[string]any{
		"so": int64(v.Number), "ky_hieu": v.Symbol, "bat_dau": v.Start, "ket_thuc": v.End, "noi_nhan": v.Recipients,
		"cach_bieu_quyet": wayWords[v.Way], "bo_phieu": v.Way == record.VoteBallot,
		"tinh_tren": baseWords[v.Base], "tren_co_mat": v.Base == record.BasePresent, "can_cu": v.Basis,
		"so_thanh_vien": v.Entitled, "so_co_mat": v.Present, "so_vang": v.Entitled - v.Present,
		"so_phieu_phat_ra": v.Issued, "so_phieu_hop_le": v.Valid, "so_phieu_khong_hop_le": v.Issued - v.Valid,
		"co_so": v.Denominator, "nhom": groups, "nguon_chung": common,
		"ung_vien": list(v.Candidates, candidate),
		"de_nghi":  list(v.Nominees, candidate), "de_nghi_nhom": nomGroups,
	}
}

func (r *ReportInfo) data() map[string]any {
	return map[string]any{
		"so": int64(r.Number), "ky_hieu": r.Symbol, "ngay": r.Date.Time(), "dia_danh": r.Place,
		"trich_yeu": r.Summary, "ky": r.Review, "ky_bao_cao": r.Period, "ky_toi": r.Ahead,
		"kinh_gui": r.To, "noi_nhan": r.Recipients, "nguoi_ky": r.Signer.data(),
	}
}

func (s Signer) data() map[string]any {
	return map[string]any{"ho_ten": s.Name, "chuc_vu": s.Title, "tham_quyen": s.Authority}
}

func (p Person) data() map[string]any {
	return map[string]any{"ho_ten": p.Name, "chuc_vu": p.Title, "don_vi": p.Body, "chu_tri": p.Chairing}
}

func (m *MinutesInfo) data() map[string]any {
	return map[string]any{
		"so": int64(m.Number), "ky_hieu": m.Symbol, "trich_yeu": m.Summary,
		"bat_dau": m.Start, "ket_thuc": m.End,
		"chu_toa": m.Chair.data(), "thu_ky": m.Secretary.data(),
		"chu_toa_ky": list(m.Signers, Person.data),
		"don_vi_co_mat": list(m.Attending, func(a *Attending) map[string]any {
			return map[string]any{"thanh_vien": a.ID, "don_vi": a.Name, "dai_bieu": list(a.Delegates, func(d *Delegate) map[string]any {
				return d.Person.data()
			})}
		}),
		"so_vang": vn.TwoDigits(int64(len(m.Absent))),
		"dai_bieu": list(m.Delegates, func(d *Delegate) map[string]any {
			x := d.Person.data()
			x["thanh_vien"], x["don_vi"] = d.ID, d.Member
			return x
		}),
		"vang": list(m.Absent, func(a *Absent) map[string]any {
			return map[string]any{"thanh_vien": a.ID, "ten": a.Name, "ly_do": a.Reason}
		}),
		"so_co_mat": m.Present, "so_thanh_vien": m.Members,
		"co_mat":   vn.Fraction(int64(m.Present), int64(m.Members)),
		"noi_nhan": m.Recipients,
	}
}

// scoreColumns is the number of score columns of the full scoring table:
// self-assessed (when given), the cluster's per group and in all (one
// column when there is one group), bonus (when the set has one), penalty,
// total.
func (s *Scoring) scoreColumns() int {
	n := 3 // cluster, penalty, total
	if s.HasSelf {
		n++
	}
	if len(s.Groups) > 1 {
		n += len(s.Groups)
	}
	if s.BonusCap > 0 {
		n++
	}
	return n
}

// columns is the number of columns of the full scoring table: STT, unit,
// the score columns, rank and, when the set has bands, rating.
func (s *Scoring) columns() int {
	n := 3 + s.scoreColumns()
	if len(s.Classes) > 0 {
		n++
	}
	return n
}
