package tally

import (
	"cmp"
	"fmt"
	"strings"

	"thidua/internal/awards"
	"thidua/internal/vn"
)

// leaderNotes warns about an award for the unit leading the cluster (a
// Cờ thi đua of a province or ministry, dan_dau in the catalogue)
// proposed for a member the record's scores do not rank first: in the
// vote ([[binh_xet.ung_vien]]) or in the proposals ([[de_nghi]]). A note,
// not an error: the cluster's rules may allow it (two flags for a large
// khối), but a clerk should not send it by mistake.
func (c *checker) leaderNotes(res *Results) []string {
	if c.catalogue == nil || res.Scoring == nil || len(res.Scoring.Rows) == 0 {
		return nil
	}
	rank := map[string]int{}
	var first []string
	for _, r := range res.Scoring.Rows {
		rank[r.ID] = r.Rank
		if r.Rank == 1 {
			first = append(first, r.Name)
		}
	}
	var notes []string
	seen := map[string]bool{}
	note := func(id, name, award string, a *awards.Award) {
		r, ok := rank[id]
		if !ok || r == 1 || seen[id+"|"+a.ID] {
			return
		}
		seen[id+"|"+a.ID] = true
		notes = append(notes, fmt.Sprintf("%s được đề nghị %s nhưng xếp hạng %s theo bảng điểm (hạng nhất: %s); "+
			"%s tặng tập thể tiêu biểu xuất sắc nhất qua bình xét, so sánh trong %s thi đua (%s). "+
			"Kiểm tra lại đề nghị, hoặc quy chế của %s có cho phép không.",
			name, award, vn.Fraction(int64(r), int64(len(res.Scoring.Rows))), strings.Join(first, ", "),
			a.Name, strings.ToLower(res.Word), a.Leader, strings.ToLower(res.Word)))
	}
	if v := res.Vote; v != nil {
		for _, cd := range v.Candidates {
			if a, ok := c.catalogue.Named(cd.Award); ok && a.Leader != "" && cd.ID != "" {
				note(cd.ID, cd.Name, cd.Award, a)
			}
		}
	}
	kinds := map[string]string{} // the record's award ids -> catalogue ids
	names := map[string]string{}
	if k := c.rec.Awards; k != nil {
		for _, kd := range k.Kinds {
			kinds[kd.ID] = kd.ID
			if kd.Of != "" {
				kinds[kd.ID] = kd.Of
			}
			names[kd.ID] = kd.Name
		}
	}
	for _, n := range c.rec.Nominees {
		id := n.Award
		if of, ok := kinds[id]; ok {
			id = of
		}
		a, ok := c.catalogue.Award(id)
		if !ok || a.Leader == "" || n.Member == "" {
			continue
		}
		name := n.Name
		if i, ok := c.members[n.Member]; ok {
			name = c.rec.Members[i].ShortName()
		}
		note(n.Member, name, cmp.Or(names[n.Award], a.Name), a)
	}
	return notes
}
