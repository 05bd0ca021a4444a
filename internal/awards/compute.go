package awards

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"thidua/internal/record"
	"thidua/internal/suggest"
	"thidua/internal/vn"
)

// Vote is the result of the vote on one nominee.
type Vote struct {
	For      int // votes for
	Entitled int // members entitled to vote (not only those present)
}

// Percent is the share of votes for among those entitled, in percent,
// for printing.
func (v Vote) Percent() float64 {
	if v.Entitled == 0 {
		return 0
	}
	return float64(v.For) * 100 / float64(v.Entitled)
}

// Reaches reports whether the share of votes for is at least threshold
// percent, computed exactly in 128-bit integers, so that no count can
// overflow; counts are never negative (the record checks them).
func (v Vote) Reaches(threshold int) bool {
	hi1, lo1 := bits.Mul64(uint64(v.For), 100)
	hi2, lo2 := bits.Mul64(uint64(threshold), uint64(v.Entitled))
	return hi1 > hi2 || hi1 == hi2 && lo1 >= lo2
}

// VoteSource gives the vote on a nominee that its record entry does not
// state. It is the seam for the session's tally (issue 4): today no
// source is passed and votes come from de_nghi.phieu_dong_y.
type VoteSource func(index int, n *record.Nominee) (Vote, bool)

// Group is one award as the record proposes it: one submission (tờ
// trình) and its list.
type Group struct {
	ID        string // the record's award kind id, or the catalogue id
	Name      string // as printed
	Decider   string
	Number    int
	Threshold int
	Award     *Award
	Entries   []*Entry
	// Field is where the group is defined in the record, for messages.
	Field string
	// Totals are the prize money of the group's collectives and of its
	// individuals; Total is their sum.
	Totals [2]Money
	Total  Money
	coefs  [2]Coef // record overrides, by kind; 0: none
}

// Entry is one nominee with what the catalogue makes of it.
type Entry struct {
	Index   int // in rec.Nominees
	Nominee *record.Nominee
	Group   *Group
	Coef    Coef
	Prize   Money
	Vote    *Vote // nil when unknown
	// Bad is true when the entry has an error: no paper lists it.
	Bad bool
}

// Field is the entry's field path in the record: "de_nghi[3]".
func (e *Entry) Field() string { return fmt.Sprintf("de_nghi[%d]", e.Index+1) }

// Dossier is what Compute makes of a record's award proposals.
type Dossier struct {
	Date       record.Date // of the decision: chooses regime and salary
	Regime     *Regime     // nil before every regime of the catalogue
	Salary     Salary      // Amount 0 when unknown
	SalaryOver bool        // the record gave the salary
	Groups     []*Group    // in catalogue order
	Entries    []*Entry    // in record order
	Total      Money       // the prize money of every entry
	// Errors are the problems of single nominees or award kinds; the
	// entries they concern are Bad.
	Errors record.Errors
}

// Complete reports whether no entry is bad, so that papers listing every
// nominee can be made.
func (d *Dossier) Complete() bool { return len(d.Errors) == 0 }

// Compute applies the catalogue to a record's proposals; votes may be nil.
// It returns nil for a record without [khen_thuong].
func Compute(rec *record.Record, cat *Catalogue, votes VoteSource) *Dossier {
	a := rec.Awards
	if a == nil {
		return nil
	}
	d := &Dossier{Date: a.DecisionDate}
	if r, ok := cat.RegimeAt(d.Date); ok {
		d.Regime = &r
	}
	if a.BaseSalary > 0 {
		d.Salary, d.SalaryOver = Salary{From: d.Date, Amount: Money(a.BaseSalary), Source: "hồ sơ ghi"}, true
	} else if s, ok := cat.SalaryAt(d.Date); ok {
		d.Salary = s
	}
	groups := d.groups(rec, cat)
	for i := range rec.Nominees {
		n := &rec.Nominees[i]
		e := &Entry{Index: i, Nominee: n}
		d.Entries = append(d.Entries, e)
		g := groups[n.Award]
		if g == nil {
			g = d.catalogueGroup(rec, cat, groups, e)
		}
		if g == nil {
			continue
		}
		e.Group = g
		g.Entries = append(g.Entries, e)
		d.vote(rec, e, votes)
	}
	if d.Salary.Amount == 0 && len(d.Entries) > 0 {
		first := d.Date.Time()
		if len(cat.Salaries) > 0 {
			first = cat.Salaries[0].From.Time()
		}
		d.fail(rec.Errorf("khen_thuong.ngay_quyet_dinh",
			fmt.Sprintf("ghi mức lương cơ sở áp dụng vào ngày đó: luong_co_so = ... (đồng) trong bảng [khen_thuong], hoặc bổ sung bảng lương của danh mục (%s)", cat.File),
			"bảng lương cơ sở của danh mục bắt đầu từ ngày %s; chưa biết mức lương cơ sở vào ngày quyết định %s",
			vn.ShortDate(first), d.Date), d.Entries...)
	}
	for _, g := range d.Groups {
		d.prizes(rec, g)
	}
	d.totals(rec)
	d.Groups = slices.DeleteFunc(d.Groups, func(g *Group) bool { return len(g.Entries) == 0 })
	rank := func(g *Group) int {
		if g.Award == nil {
			return len(cat.Awards)
		}
		return cat.rank[g.Award.ID]
	}
	slices.SortStableFunc(d.Groups, func(x, y *Group) int { return cmp.Compare(rank(x), rank(y)) })
	d.Errors = d.Errors.Sorted()
	return d
}

// fail records an error and marks the entries it concerns.
func (d *Dossier) fail(err *record.Error, entries ...*Entry) {
	d.Errors = append(d.Errors, err)
	for _, e := range entries {
		e.Bad = true
	}
}

// groups makes a group of each award kind the record defines.
func (d *Dossier) groups(rec *record.Record, cat *Catalogue) map[string]*Group {
	out := map[string]*Group{}
	for i, k := range rec.Awards.Kinds {
		p := fmt.Sprintf("khen_thuong.hinh_thuc[%d]", i+1)
		of, field := k.Of, p+".danh_muc"
		if of == "" {
			of, field = k.ID, p+".ma"
		}
		g := &Group{ID: k.ID, Name: k.Name, Decider: k.Decider, Number: k.Number, Threshold: k.Threshold, Field: p}
		out[k.ID] = g
		d.Groups = append(d.Groups, g)
		a, ok := cat.Award(of)
		if !ok {
			d.Errors = append(d.Errors, rec.Errorf(field, unknownHint(of, cat.IDs(), "danh_muc"),
				"hình thức %q không có trong danh mục khen thưởng (%s)", of, cat.File))
			continue
		}
		g.Award = a
		g.Name = cmp.Or(g.Name, a.Name)
		g.Decider = cmp.Or(g.Decider, a.Decider)
		g.Threshold = cmp.Or(g.Threshold, councilShare(rec, a))
		for j, s := range [2]string{k.Collective, k.Individual} {
			if s == "" {
				continue
			}
			kind := [2]string{record.Collective, record.Individual}[j]
			key := p + [2]string{".he_so_tap_the", ".he_so_ca_nhan"}[j]
			if !a.Gives(kind) {
				d.Errors = append(d.Errors, rec.Errorf(key, "bỏ dòng này", "%s không tặng cho %s", a.Name, KindWord(kind)))
				continue
			}
			c, err := ParseCoef(s)
			if err != nil {
				d.Errors = append(d.Errors, rec.Errorf(key, `ví dụ: `+key[strings.LastIndexByte(key, '.')+1:]+` = "1,5"`, "%v", err))
				g.Award = nil // its nominees cannot be computed
				continue
			}
			g.coefs[j] = c
		}
	}
	return out
}

// catalogueGroup returns the group of a catalogue award a nominee names
// directly, making it on first use; nil (and an error) when the award is
// unknown or its record kind is broken.
func (d *Dossier) catalogueGroup(rec *record.Record, cat *Catalogue, groups map[string]*Group, e *Entry) *Group {
	id := e.Nominee.Award
	if _, defined := groups[id]; defined {
		return nil
	}
	a, ok := cat.Award(id)
	if !ok {
		var kinds []string
		for _, k := range rec.Awards.Kinds {
			kinds = append(kinds, k.ID)
		}
		d.fail(rec.Errorf(e.Field()+".hinh_thuc", unknownHint(id, append(kinds, cat.IDs()...), "hinh_thuc"),
			"hình thức %q không có trong danh mục khen thưởng, cũng không phải mã của một [[khen_thuong.hinh_thuc]]", id), e)
		return nil
	}
	g := &Group{ID: id, Name: a.Name, Decider: a.Decider, Threshold: councilShare(rec, a), Award: a, Field: e.Field() + ".hinh_thuc"}
	groups[id] = g
	d.Groups = append(d.Groups, g)
	return g
}

// councilShare is the catalogue's share of votes for an award (the
// decree's, for the Hội đồng Thi đua - Khen thưởng) when the council cast
// the record's votes; 0 for a cluster's own vote, which takes only the
// shares its record states and is otherwise reported without a verdict.
func councilShare(rec *record.Record, a *Award) int {
	if rec.Awards.Body == record.VotedByCouncil {
		return a.Threshold
	}
	return 0
}

// unknownHint suggests the closest id, or lists them.
func unknownHint(id string, ids []string, key string) string {
	if s := suggest.Closest(id, ids); s != "" {
		return fmt.Sprintf("có phải là %s = %q? Các mã có: %s", key, s, strings.Join(ids, ", "))
	}
	return "ghi một mã có trong danh mục: " + strings.Join(ids, ", ")
}

// vote sets the entry's vote and checks it against the group's threshold.
func (d *Dossier) vote(rec *record.Record, e *Entry, votes VoteSource) {
	n := e.Nominee
	field := e.Field() + ".phieu_dong_y"
	switch {
	case n.Voters > 0:
		e.Vote = &Vote{For: n.Votes, Entitled: n.Voters}
	case votes != nil:
		if v, ok := votes(e.Index, n); ok {
			e.Vote, field = &v, e.Field()
		}
	}
	g := e.Group
	if e.Vote == nil || g.Threshold == 0 || e.Vote.Reaches(g.Threshold) {
		return
	}
	d.fail(rec.Errorf(field, "kiểm tra lại số phiếu; nếu quy chế áp dụng tỷ lệ khác thì ghi ty_le_phieu trong [[khen_thuong.hinh_thuc]] của hình thức này",
		"%s: %d/%d phiếu đồng ý (%s), chưa đạt tỷ lệ tối thiểu %d%% để đề nghị %s",
		n.Name, e.Vote.For, e.Vote.Entitled, vn.FormatPercent(e.Vote.Percent(), 2), g.Threshold, g.Name), e)
}

// prizes computes the coefficient and prize money of a group's entries.
func (d *Dossier) prizes(rec *record.Record, g *Group) {
	if g.Award == nil {
		for _, e := range g.Entries {
			e.Bad = true
		}
		return
	}
	byKind := map[string][]*Entry{}
	for _, e := range g.Entries {
		if !g.Award.Gives(e.Nominee.Kind) {
			d.fail(rec.Errorf(e.Field()+".hinh_thuc", fmt.Sprintf("chọn hình thức dành cho %s, hoặc sửa loai", KindWord(e.Nominee.Kind)),
				"%s chỉ tặng cho %s, mà %q là %s", g.Award.Name, kindsWords(g.Award.For), e.Nominee.Name, KindWord(e.Nominee.Kind)), e)
			continue
		}
		byKind[e.Nominee.Kind] = append(byKind[e.Nominee.Kind], e)
	}
	for _, kind := range []string{record.Collective, record.Individual} {
		entries := byKind[kind]
		if len(entries) == 0 {
			continue
		}
		c := g.coefs[targetIndex(kind)]
		if c == 0 && d.Regime != nil {
			c, _ = g.Award.Coef(d.Regime.ID, kind)
		}
		if c == 0 {
			d.fail(d.unknownCoef(rec, g, kind, entries), entries...)
			continue
		}
		for _, e := range entries {
			e.Coef = c
			if d.Salary.Amount == 0 {
				continue
			}
			p, ok := Prize(c, d.Salary.Amount)
			if !ok {
				d.fail(d.tooMuch(rec, e.Field()+".hinh_thuc", fmt.Sprintf("tiền thưởng của %s (hệ số %s nhân mức lương cơ sở %s đồng)", e.Nominee.Name, c, d.Salary.Amount)), e)
				continue
			}
			e.Prize = p
		}
	}
}

// totals adds up the prize money by group, by kind and in all, with
// checked arithmetic.
func (d *Dossier) totals(rec *record.Record) {
	for _, g := range d.Groups {
		if !g.sum() {
			d.fail(d.tooMuch(rec, g.Field, "tổng tiền thưởng của "+g.Name), g.Entries...)
			continue
		}
		total, ok := d.Total.Add(g.Total)
		if !ok {
			d.fail(d.tooMuch(rec, "khen_thuong", "tổng tiền thưởng của hồ sơ"), d.Entries...)
			return
		}
		d.Total = total
	}
}

// sum sets the group's totals; false when one is beyond MaxMoney.
func (g *Group) sum() bool {
	var ok bool
	for _, e := range g.Entries {
		k := targetIndex(e.Nominee.Kind)
		if g.Totals[k], ok = g.Totals[k].Add(e.Prize); !ok {
			return false
		}
	}
	g.Total, ok = g.Totals[0].Add(g.Totals[1])
	return ok
}

// tooMuch reports an amount beyond MaxMoney at field: the salary or a
// coefficient is wrong, since no dossier comes near that sum.
func (d *Dossier) tooMuch(rec *record.Record, field, what string) *record.Error {
	if d.SalaryOver {
		field = "khen_thuong.luong_co_so"
	}
	return rec.Errorf(field, "kiểm tra mức lương cơ sở (luong_co_so, đồng một tháng) và hệ số tiền thưởng (he_so_tap_the, he_so_ca_nhan): một trong hai bị ghi nhầm",
		"%s vượt quá %s đồng, không thể đúng", what, MaxMoney)
}

// unknownCoef explains a coefficient the catalogue does not know for the
// decision date, at the first nominee concerned.
func (d *Dossier) unknownCoef(rec *record.Record, g *Group, kind string, entries []*Entry) *record.Error {
	key := map[string]string{record.Collective: "he_so_tap_the", record.Individual: "he_so_ca_nhan"}[kind]
	hint := fmt.Sprintf(`ghi hệ số theo văn bản áp dụng vào ngày quyết định, trong bảng [[khen_thuong.hinh_thuc]]: ma = %q, %s = "..."`, g.ID, key)
	why := "chưa có chế độ tiền thưởng nào trong danh mục cho ngày quyết định " + d.Date.String()
	if d.Regime != nil {
		why = fmt.Sprintf("danh mục chưa có hệ số theo %s (áp dụng cho ngày quyết định %s)", d.Regime.Name, d.Date)
	}
	count := ""
	if len(entries) > 1 {
		count = fmt.Sprintf(" (%d đề nghị)", len(entries))
	}
	return rec.Errorf(entries[0].Field()+".hinh_thuc", hint, "chưa biết hệ số tiền thưởng của %s tặng %s%s: %s", g.Name, KindWord(kind), count, why)
}
