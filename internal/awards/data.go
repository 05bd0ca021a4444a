package awards

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"thidua/internal/record"
	"thidua/internal/view"
	"thidua/internal/vn"
)

// Placeholder is printed where the record does not name a signer.
const Placeholder = "(Họ và tên)"

// Data is the dossier as templates read it under the key "ho_so"
// (docs/record.md lists its keys). Bad entries are left out, and so are
// the groups that hold one; the totals of the whole dossier ("tong_cong")
// are there only when nothing is bad, so that no paper lists a dossier
// with a nominee missing.
func (d *Dossier) Data(rec *record.Record) map[string]any {
	out := map[string]any{"ngay_quyet_dinh": d.Date.Time()}
	if d.Regime != nil {
		out["che_do"] = map[string]any{"ten": d.Regime.Name, "can_cu": d.Regime.Source, "tu_ngay": d.Regime.From.Time()}
	}
	if d.Salary.Amount > 0 {
		out["luong_co_so"] = map[string]any{"muc": int64(d.Salary.Amount), "can_cu": d.Salary.Source, "tu_ngay": d.Salary.From.Time(), "ho_so_ghi": d.SalaryOver}
	}
	entries := map[*Entry]map[string]any{}
	var all, collective, individual []*Entry
	for _, e := range d.Entries {
		if e.Bad {
			continue
		}
		entries[e] = entryData(rec, e)
		all = append(all, e)
		if e.Nominee.Kind == record.Individual {
			individual = append(individual, e)
		} else {
			collective = append(collective, e)
		}
	}
	list := func(es []*Entry) []map[string]any {
		l := make([]map[string]any, len(es))
		for i, e := range es {
			m := make(map[string]any, len(entries[e])+1)
			for k, v := range entries[e] {
				m[k] = v
			}
			m["stt"] = i + 1
			l[i] = m
		}
		return l
	}
	out["tap_the"], out["ca_nhan"] = list(collective), list(individual)
	var groups []map[string]any
	var byGroup []*Entry
	for _, g := range d.Groups {
		if slices.ContainsFunc(g.Entries, func(e *Entry) bool { return e.Bad }) {
			continue
		}
		gm := groupData(g, list(g.Entries))
		gm["stt"] = len(groups) + 1
		groups = append(groups, gm)
		byGroup = append(byGroup, g.Entries...)
	}
	out["hinh_thuc"] = groups
	out["co_he_so_ho_so"] = slices.ContainsFunc(groups, func(g map[string]any) bool { return g["he_so_ho_so"] == true })
	out["de_nghi"] = list(byGroup)
	if d.Complete() {
		total := map[string]any{"so_hinh_thuc": len(groups), "so_luong": len(all), "so_tap_the": len(collective), "so_ca_nhan": len(individual)}
		total["doi_tuong"], total["so_luong_chu"] = countWords(len(collective), len(individual))
		total["tien"] = int64(d.Total)
		out["tong_cong"] = total
	}
	return out
}

// entryData is one nominee: its record keys and what the catalogue adds.
func entryData(rec *record.Record, e *Entry) map[string]any {
	n := e.Nominee
	m := view.Data(n)
	g := e.Group
	m["vi_tri"] = e.Field()
	m["stt_ho_so"] = e.Index + 1
	m["ma_hinh_thuc"] = g.ID
	m["ten_hinh_thuc"] = g.Name
	m["danh_hieu"] = g.Award.Title
	m["doi_tuong"] = KindWord(n.Kind)
	m["he_so"] = e.Coef.String()
	m["tien_thuong"] = int64(e.Prize)
	if v := e.Vote; v != nil {
		m["phieu"] = map[string]any{"dong_y": v.For, "so_nguoi": v.Entitled, "ty_le": v.Percent()}
	}
	member := rec.Member(n.Member)
	var place, unit string
	head := n.Head
	if member != nil {
		place, unit = member.Place, member.Name
		if head == nil {
			head = member.Head
		}
	}
	m["don_vi_bao_cao"] = cmp.Or(n.Unit, unit, n.Name)
	if n.Kind == record.Individual {
		m["chuc_vu_don_vi"] = join(n.Position, n.Unit)
	} else {
		m["chuc_vu_don_vi"] = join(n.Unit, n.Address)
	}
	for key, list := range map[string][]record.EarlierAward{"danh_hieu_thi_dua": n.Titles, "hinh_thuc_khen_thuong": n.Honoured} {
		items, _ := m[key].([]map[string]any)
		for i, a := range list {
			items[i]["quyet_dinh"] = decision(a)
		}
	}
	m["dia_danh_bao_cao"] = cmp.Or(n.Place, place, rec.Awards.Place)
	if head != nil {
		m["thu_truong"] = view.Data(head)
	} else {
		m["thu_truong"] = map[string]any{"ho_ten": Placeholder, "chuc_vu": "(Chức vụ)"}
	}
	cert := n.Certifier
	if cert == nil {
		cert = &rec.Awards.Signer
	}
	m["xac_nhan"] = view.Data(cert)
	m["nguoi_bao_cao"] = map[string]any{"ho_ten": n.Name}
	return m
}

// groupData is one award group with its entries.
func groupData(g *Group, entries []map[string]any) map[string]any {
	m := map[string]any{"ma": g.ID, "ten": g.Name, "cap_tang": g.Decider, "danh_hieu": g.Award.Title, "de_nghi": entries}
	if g.Number > 0 {
		m["so"] = g.Number
	}
	if g.Threshold > 0 {
		m["ty_le_phieu"] = g.Threshold
	}
	var rows []map[string]any
	count := map[string]int{}
	overridden := false
	for _, kind := range []string{record.Collective, record.Individual} {
		var n int
		var first *Entry
		for _, e := range g.Entries {
			if e.Nominee.Kind == kind {
				n++
				first = cmp.Or(first, e)
			}
		}
		count[kind] = n
		if n > 0 {
			// he_so_ho_so: the record gave the coefficient, not the catalogue.
			given := g.coefs[targetIndex(kind)] > 0
			overridden = overridden || given
			rows = append(rows, map[string]any{"stt": len(rows) + 1, "doi_tuong": capital(KindWord(kind)), "so_luong": n,
				"he_so": first.Coef.String(), "he_so_ho_so": given, "muc_tien": int64(first.Prize), "thanh_tien": int64(g.Totals[targetIndex(kind)])})
		}
	}
	m["so_tap_the"], m["so_ca_nhan"], m["so_luong"] = count[record.Collective], count[record.Individual], len(g.Entries)
	m["doi_tuong"], m["so_luong_chu"] = countWords(count[record.Collective], count[record.Individual])
	m["du_phieu"] = !slices.ContainsFunc(g.Entries, func(e *Entry) bool { return e.Vote == nil })
	m["tong_tien"] = int64(g.Total)
	m["dong"] = rows
	m["he_so_ho_so"] = overridden
	return m
}

// join writes the non-empty parts separated by commas.
func join(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ", ")
}

// decision writes an earlier award's decision as the report's table
// gives it: "Quyết định số 125/QĐ-UBND ngày 12/05/2022 của Ủy ban nhân
// dân thành phố Hải Phòng", with what the record states.
func decision(a record.EarlierAward) string {
	var b strings.Builder
	if a.Decision != "" {
		b.WriteString("Quyết định số " + a.Decision)
	}
	if !a.Date.IsZero() {
		if b.Len() == 0 {
			b.WriteString("Quyết định")
		}
		b.WriteString(" ngày " + a.Date.String())
	}
	if a.Issuer != "" {
		if b.Len() > 0 {
			b.WriteString(" của ")
		}
		b.WriteString(a.Issuer)
	}
	return b.String()
}

// countWords names who a list holds and how many: "tập thể, cá nhân",
// "02 tập thể và 01 cá nhân".
func countWords(collective, individual int) (who, count string) {
	two := func(n int) string { return vn.TwoDigits(int64(n)) }
	switch {
	case collective > 0 && individual > 0:
		return "tập thể, cá nhân", two(collective) + " tập thể và " + two(individual) + " cá nhân"
	case individual > 0:
		return "cá nhân", two(individual) + " cá nhân"
	}
	return "tập thể", two(collective) + " tập thể"
}

// capital puts the first letter in upper case: "tập thể" -> "Tập thể".
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
