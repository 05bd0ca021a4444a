// Package tally does the arithmetic of a review session from its record:
// % of plan of each indicator, score totals, ranks (equal totals share a
// rank) and ratings, vote shares against thresholds held as data, and the
// defaults the session's papers need (symbols, signers, chair). It checks
// that the record's parts fit together and reports every inconsistency at
// once, each positioned at its record line (record.Errors).
//
// Scores are integers in hundredths of a point and ratios are exact
// fractions (math/big), so nothing drifts: a unit passes a vote when its
// exact share meets the threshold, whatever the printed rounding.
package tally

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"thidua/internal/awards"
	"thidua/internal/record"
	"thidua/internal/suggest"
	"thidua/internal/vn"
)

// Results is what a session record computes to. A part is nil (or empty)
// when the record does not have its section.
type Results struct {
	// Kind is the session kind (phien.loai); Word is "Cụm" or "Khối",
	// as the cluster calls itself.
	Kind string `json:"loai"`
	Word string `json:"-"`
	// Period is the time reviewed: "năm 2022", "6 tháng đầu năm 2023".
	Period     string            `json:"ky_bao_cao"`
	Indicators []*IndicatorGroup `json:"chi_tieu,omitempty"`
	// Tallies count the members' verdicts on their indicators, for the
	// members that have any.
	Tallies  []*MemberTally `json:"ket_qua_chi_tieu,omitempty"`
	Scoring  *Scoring       `json:"cham_diem,omitempty"`
	Vote     *VoteResult    `json:"binh_xet,omitempty"`
	Report   *ReportInfo    `json:"bao_cao,omitempty"`
	Minutes  *MinutesInfo   `json:"bien_ban,omitempty"`
	NextYear *NextYearInfo  `json:"nam_toi,omitempty"`
	// Notes are warnings that do not stop the papers: a Cờ thi đua
	// proposed for a unit that does not lead the ranking.
	Notes []string `json:"luu_y,omitempty"`
}

// Empty reports whether the record had nothing to compute.
func (r *Results) Empty() bool {
	return len(r.Indicators) == 0 && len(r.Notes) == 0 && r.Scoring == nil && r.Vote == nil && r.Report == nil && r.Minutes == nil && r.NextYear == nil
}

// checker collects the problems found while computing.
type checker struct {
	rec       *record.Record
	catalogue *awards.Catalogue // sets the default vote thresholds
	errs      record.Errors
	members   map[string]int // id -> index in rec.Members
	ids       []string
}

// errf reports a problem at the value of field (or, for a table or a
// missing value, at its key).
func (c *checker) errf(field, hint, format string, args ...any) {
	c.errs = append(c.errs, c.rec.ValueErrorf(field, hint, format, args...))
}

// member resolves a member id written at field; it reports an unknown id,
// with the id it was probably meant to be. what names the referring item
// ("chỉ tiêu thứ 2").
func (c *checker) member(field, what, id string) (*record.Member, bool) {
	if i, ok := c.members[id]; ok {
		return &c.rec.Members[i], true
	}
	hint := "ghi mã (id) của một thành viên: " + strings.Join(c.ids, ", ")
	if s := suggest.Closest(id, c.ids); s != "" {
		hint = fmt.Sprintf("có phải là %q? Các mã đã khai: %s", s, strings.Join(c.ids, ", "))
	}
	c.errf(field, hint, "%s: %q không phải mã của thành viên nào trong [[thanh_vien]]", what, id)
	return nil, false
}

// Compute checks a record's session sections against each other and
// computes their results; the award catalogue gives the vote thresholds
// a record does not set. The error, when not nil, is a record.Errors
// holding every problem found, sorted by position.
func Compute(rec *record.Record, cat *awards.Catalogue) (*Results, error) {
	c := &checker{rec: rec, catalogue: cat, members: map[string]int{}}
	for i, m := range rec.Members {
		c.members[m.ID] = i
		c.ids = append(c.ids, m.ID)
	}
	res := &Results{Kind: rec.Session.Kind, Word: c.word(), Period: c.period()}
	res.Indicators, res.Tallies = c.indicators()
	res.Scoring = c.scoring()
	res.Minutes = c.minutes()
	res.Vote = c.vote(res.Minutes)
	res.Report = c.report()
	res.NextYear = c.nextYear()
	res.Notes = c.leaderNotes(res)
	if len(c.errs) > 0 {
		slices.SortStableFunc(c.errs, func(a, b *record.Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, c.errs
	}
	return res, nil
}

// path builds "diem[3].tu_cham".
func path(list string, i int, key string) string {
	p := fmt.Sprintf("%s[%d]", list, i+1)
	if key != "" {
		p += "." + key
	}
	return p
}

// word is "Cụm" or "Khối", as the cluster calls itself.
func (c *checker) word() string {
	if strings.HasPrefix(strings.ToLower(c.rec.Cluster.Name), "khối") {
		return "Khối"
	}
	return "Cụm"
}

// period is the time a session reviews: the year, or the months or the
// quarter phien.ky names for a mid-year review.
func (c *checker) period() string {
	return c.span(false)
}

// ahead is the rest of the year after a mid-year review, or the next year.
func (c *checker) ahead() string {
	return c.span(true)
}

func (c *checker) span(next bool) string {
	year := c.rec.Cluster.Year
	if c.rec.Session.Kind != record.KindMidYear {
		if next {
			year++
		}
		s, _ := vn.Period(12, year)
		return s
	}
	p := c.rec.Session.Period
	if q, ok := strings.CutPrefix(p, "quy-"); ok {
		n, _ := strconv.Atoi(q)
		if next {
			n++
		}
		s, _ := vn.Quarter(n, year)
		return s
	}
	months, _ := strconv.Atoi(strings.TrimSuffix(p, "-thang"))
	var s string
	if next {
		s, _ = vn.LastMonths(12-months, year)
	} else {
		s, _ = vn.Period(months, year)
	}
	return s
}
