package tally

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"thidua/internal/record"
	"thidua/internal/vn"
)

// WriteText prints the results for a person at a terminal: one plain-text
// table per part (ranks, % of plan, votes and outcomes), in Vietnamese.
func (r *Results) WriteText(w io.Writer) error {
	p := &printer{w: w}
	if s := r.Scoring; s != nil {
		p.scoring(s)
	}
	if len(r.Indicators) > 0 {
		p.indicators(r.Indicators, r.Tallies, r.Period)
	}
	if v := r.Vote; v != nil {
		p.vote(v)
	}
	p.papers(r)
	for _, n := range r.Notes {
		p.printf("Lưu ý: %s\n", n)
	}
	return p.err
}

// printer writes text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table writes rows under a header, columns padded to their widths in
// characters; right marks the columns aligned right (numbers).
func (p *printer) table(head []string, right []bool, rows [][]string) {
	widths := make([]int, len(head))
	for _, row := range append([][]string{head}, rows...) {
		for j, cell := range row {
			widths[j] = max(widths[j], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range append([][]string{head}, rows...) {
		var b strings.Builder
		for j, cell := range row {
			pad := strings.Repeat(" ", widths[j]-utf8.RuneCountInString(cell))
			if j > 0 {
				b.WriteString("  ")
			}
			if right[j] {
				b.WriteString(pad + cell)
			} else if j < len(row)-1 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(cell)
			}
		}
		p.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

func (p *printer) scoring(s *Scoring) {
	title := "KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG"
	var about []string
	if s.Name != "" {
		about = append(about, s.Name)
	}
	about = append(about, "thang điểm "+s.Max.String())
	if s.BonusCap > 0 {
		about = append(about, "điểm thưởng tối đa "+s.BonusCap.String())
	}
	p.printf("%s (%s)\n", title, strings.Join(about, "; "))
	head := []string{"Hạng", "Đơn vị"}
	right := []bool{true, false}
	if s.HasSelf {
		head, right = append(head, "Tự chấm"), append(right, true)
	}
	if len(s.Groups) > 1 {
		for _, g := range s.Groups {
			head, right = append(head, g.Code+" ("+g.Max.String()+")"), append(right, true)
		}
	}
	head, right = append(head, "Cụm chấm"), append(right, true)
	if s.BonusCap > 0 {
		head, right = append(head, "Thưởng"), append(right, true)
	}
	head, right = append(head, "Trừ", "Tổng"), append(right, true, true)
	if len(s.Classes) > 0 {
		head, right = append(head, "Xếp loại"), append(right, false)
	}
	var rows [][]string
	var notes []string
	for _, r := range s.Rows {
		row := []string{vn.FormatInt(int64(r.Rank)), r.Name}
		if s.HasSelf {
			row = append(row, r.Self.String())
		}
		if len(s.Groups) > 1 {
			for _, g := range r.Groups {
				row = append(row, g.String())
			}
		}
		bonus := r.Bonus.String()
		if r.BonusGiven != r.Bonus {
			bonus += "*"
			notes = append(notes, fmt.Sprintf("(*) %s: điểm thưởng ghi %s, chỉ tính %s (tối đa của bộ tiêu chí).", r.Name, r.BonusGiven, r.Bonus))
		}
		row = append(row, r.Cluster.String())
		if s.BonusCap > 0 {
			row = append(row, bonus)
		}
		row = append(row, r.Penalty.String(), r.Total.String())
		if len(s.Classes) > 0 {
			row = append(row, r.Class)
		}
		rows = append(rows, row)
	}
	p.table(head, right, rows)
	for _, n := range notes {
		p.printf("%s\n", n)
	}
	if len(s.Classes) > 0 {
		var bands []string
		for _, k := range s.Classes {
			bands = append(bands, k.Name+": "+k.Range)
		}
		p.printf("Xếp loại: %s.\n", strings.Join(bands, "; "))
	}
	p.printf("\n")
}

// indicators prints the same columns as the report's table, a row per
// member, the cluster's row, and each figure's comparison in words.
func (p *printer) indicators(groups []*IndicatorGroup, tallies []*MemberTally, period string) {
	p.printf("CHỈ TIÊU %s\n", vn.Upper(period))
	cols := indicatorColumns(groups)
	head := []string{"Chỉ tiêu", "Đơn vị"}
	right := []bool{false, false}
	for _, c := range cols {
		head, right = append(head, c.head), append(right, c.number)
	}
	var rows [][]string
	var words []string
	for _, g := range groups {
		name := g.Name
		if g.Unit != "" {
			name += " (" + g.Unit + ")"
		}
		d := g.decimals()
		for i, f := range g.figures() {
			row := []string{"", f.Name}
			if i == 0 {
				row[0] = name
			}
			for _, c := range cols {
				row = append(row, c.cell(f, d))
			}
			rows = append(rows, row)
			if f.Words != "" {
				words = append(words, fmt.Sprintf("%s, %s: %s.", g.Name, f.Name, f.Words))
			}
		}
	}
	p.table(head, right, rows)
	for _, w := range words {
		p.printf("%s\n", w)
	}
	for _, t := range tallies {
		exceeded := ""
		if t.Exceeded > 0 {
			exceeded = ", vượt " + vn.TwoDigits(int64(t.Exceeded))
		}
		p.printf("%s: đạt %s chỉ tiêu%s.\n", t.Name, vn.Fraction(int64(t.Met), int64(t.Judged)), exceeded)
	}
	p.printf("\n")
}

func (p *printer) vote(v *VoteResult) {
	p.printf("BÌNH XÉT, SUY TÔN (%s; tỷ lệ tính trên %s: %d)\n", wayWords[v.Way], baseWords[v.Base], v.Denominator)
	counts := fmt.Sprintf("Có quyền biểu quyết %d, có mặt %d", v.Entitled, v.Present)
	if v.Way == record.VoteBallot {
		counts += fmt.Sprintf(", phiếu phát ra %d, phiếu hợp lệ %d", v.Issued, v.Valid)
	}
	p.printf("%s.\n", counts)
	var rows [][]string
	for i, c := range v.Candidates {
		result := "Không đạt"
		if c.Passed {
			result = "Đạt"
		}
		rule := c.Rule.Describe() + " (" + sourceWords[c.Rule.Source] + ")"
		rows = append(rows, []string{vn.FormatInt(int64(i + 1)), c.who(), c.Award,
			vn.Fraction(int64(c.Votes), int64(v.Denominator)), c.Share.String(), rule, result})
	}
	p.table([]string{"STT", "Đơn vị, cá nhân", "Hình thức khen thưởng", "Số phiếu", "Tỷ lệ", "Ngưỡng", "Kết quả"},
		[]bool{true, false, false, true, true, false, false}, rows)
	if len(v.Nominees) == 0 {
		p.printf("Không có đơn vị, cá nhân nào được đề nghị khen thưởng.\n\n")
		return
	}
	var noms []string
	for _, c := range v.Nominees {
		noms = append(noms, c.who()+": "+c.Award)
	}
	p.printf("Đề nghị khen thưởng: %s.\n\n", strings.Join(noms, "; "))
}

func (p *printer) papers(r *Results) {
	if b := r.Report; b != nil {
		p.printf("Báo cáo %s %s: số %s/%s, %s; người ký %s.\n", b.Review, b.Period, number(b.Number), b.Symbol,
			vn.PlaceDate(b.Place, b.Date.Time()), b.Signer.Name)
	}
	if m := r.Minutes; m != nil {
		p.printf("Biên bản hội nghị: số %s/%s; bắt đầu %s, kết thúc %s; chủ tọa %s, thư ký %s; có mặt %s thành viên.\n",
			number(m.Number), m.Symbol, m.Start, m.End, names(m.Signers), m.Secretary.Name, vn.Fraction(int64(m.Present), int64(m.Members)))
	}
	if n := r.NextYear; n != nil {
		var parts []string
		if n.Head != "" {
			parts = append(parts, strings.ToLower(r.Word)+" trưởng "+n.Head)
		}
		if n.Deputy != "" {
			parts = append(parts, strings.ToLower(r.Word)+" phó "+n.Deputy)
		}
		p.printf("Năm %d: %s.\n", n.Year, strings.Join(parts, ", "))
	}
}

// names joins people's names: "Nguyễn Văn A, Trần Thị B".
func names(people []Person) string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name
	}
	return strings.Join(out, ", ")
}

// number writes a document number, "..." when the record leaves it blank.
func number(n int) string {
	if n <= 0 {
		return "..."
	}
	return vn.TwoDigits(int64(n))
}
