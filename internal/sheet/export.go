package sheet

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"thidua/internal/awards"
	"thidua/internal/frame"
	"thidua/internal/record"
	"thidua/internal/tally"
)

// Source is what the tables of a record's papers are made of: the record,
// the session's results (nil without a session section) and the award
// dossier as templates see it (the "ho_so" data, nil without one).
type Source struct {
	Record  *record.Record
	Results *tally.Results
	Awards  map[string]any
}

// builders lists, by paper (template name), the tables the paper's
// spreadsheet holds; a builder returns nil when the record lacks its part.
var builders = map[string][]func(*Source) *table{
	"bao-cao":              {indicatorTable, scoreTable},
	"bien-ban-binh-xet":    {voteTable},
	"danh-sach":            {nomineeTable, nomineeData},
	"tong-hop-tien-thuong": {prizeTable},
}

// HasTables reports whether a paper has tables to export.
func HasTables(paper string) bool { return builders[paper] != nil }

// Papers lists the papers that have tables to export.
func Papers() []string { return slices.Sorted(maps.Keys(builders)) }

// Export writes the tables of a paper as an .xlsx workbook, one sheet a
// table, each under the paper's NĐ30 header block. ok is false when the
// paper has no table (or the record none of its parts).
func Export(paper string, head frame.Head, src *Source) (data []byte, ok bool, err error) {
	b := newBook()
	n := 0
	for _, build := range builders[paper] {
		t := build(src)
		if t == nil {
			continue
		}
		t.head = head
		if err := b.add(t); err != nil {
			return nil, false, fmt.Errorf("bảng %s: %w", t.sheet, err)
		}
		n++
	}
	if n == 0 {
		return nil, false, nil
	}
	date := w3cDate(src.Record.Session.Date)
	title := head.Type
	if head.Summary != "" {
		title += " - " + head.Summary
	}
	data, err = b.bytes(title, head.Issuer, date)
	return data, err == nil, err
}

// Sheet names; the import knows them (kinds' sheets).
const (
	sheetIndicators = "Chỉ tiêu"
	sheetScores     = "Bảng điểm"
	sheetVotes      = "Bình xét"
	sheetNominees   = "Danh sách"
	// sheetNomineeData holds the nominees as thidua nhap reads them.
	sheetNomineeData = "Dữ liệu đề nghị"
	sheetPrizes      = "Tổng hợp"
)

var (
	centred = style{center: true}
	boldTxt = style{bold: true}
)

func num(v any, f format) cell { return cell{v: v, style: style{format: f}} }

// computed is a cell whose formula rowFormulas gives, holding the value
// thidua computed.
func computed(cached any, fm format, bold bool) cell {
	return cell{v: cached, style: style{format: fm, bold: bold}}
}

// indicatorTable is the indicators, one row a figure: each indicator's
// members, then the cluster's figure (stated) or the members' sum
// ("Cộng", a formula), with the ratios the record allows.
func indicatorTable(src *Source) *table {
	if src.Results == nil || len(src.Results.Indicators) == 0 {
		return nil
	}
	groups := src.Results.Indicators
	midYear := src.Results.Kind == record.KindMidYear
	has := func(get func(*tally.Figure) *record.Number) bool {
		for _, g := range groups {
			for _, f := range figures(g) {
				if get(f) != nil {
					return true
				}
			}
		}
		return false
	}
	plan := has(func(f *tally.Figure) *record.Number { return f.Plan })
	target := has(func(f *tally.Figure) *record.Number { return f.Target })
	same := has(func(f *tally.Figure) *record.Number { return f.SamePeriod })
	// Columns: what each holds and, for a ratio, its formula.
	type col struct {
		title string
		value func(*tally.Figure) cell
		// formula of the row given the columns of the figures by key
		formula func(at map[string]string) string
		key     string
	}
	number := func(n *record.Number) cell {
		if n == nil {
			return cell{}
		}
		return num(n.Float64(), decimals(n.Scale))
	}
	percent := func(p *tally.Percent) cell {
		if p == nil {
			return cell{}
		}
		return computed(float64(p.Shown)/100, dec2, false)
	}
	// verdict rounds as papers do: a share that reaches the mark half away
	// from zero, one short of it down; progress never shows a share short
	// of 1 as 100%.
	verdict := func(num, den string) string {
		return fmt.Sprintf("IF(%[1]s>=%[2]s,ROUND(%[1]s*100/%[2]s,2),ROUNDDOWN(%[1]s*100/%[2]s,2))", num, den)
	}
	progress := func(num, den string) string {
		return fmt.Sprintf("IF(AND(%[1]s<%[2]s,ROUND(%[1]s*100/%[2]s,2)>=100),ROUNDDOWN(%[1]s*100/%[2]s,2),ROUND(%[1]s*100/%[2]s,2))", num, den)
	}
	cols := []col{
		{title: "Kế hoạch năm", key: "plan", value: func(f *tally.Figure) cell { return number(f.Plan) }},
		{title: "Chỉ tiêu kỳ", key: "target", value: func(f *tally.Figure) cell { return number(f.Target) }},
		{title: "Thực hiện", key: "result", value: func(f *tally.Figure) cell { return number(&f.Result) }},
		{title: "Cùng kỳ năm trước", key: "same", value: func(f *tally.Figure) cell { return number(f.SamePeriod) }},
		{title: "So với chỉ tiêu kỳ (%)", value: func(f *tally.Figure) cell { return percent(f.OfTarget) },
			formula: func(at map[string]string) string { return verdict(at["result"], at["target"]) }},
		{title: "So với kế hoạch (%)", value: func(f *tally.Figure) cell { return percent(f.OfPlan) },
			formula: func(at map[string]string) string {
				if midYear {
					return progress(at["result"], at["plan"])
				}
				return verdict(at["result"], at["plan"])
			}},
		{title: "So với cùng kỳ (%)", value: func(f *tally.Figure) cell { return percent(f.OfSame) },
			formula: func(at map[string]string) string { return progress(at["result"], at["same"]) }},
		{title: "Tăng, giảm (%)", value: func(f *tally.Figure) cell { return percent(f.Change) },
			formula: func(at map[string]string) string {
				return fmt.Sprintf("ROUND(%[1]s*100/%[2]s-100,2)", at["result"], at["same"])
			}},
	}
	if midYear {
		cols[0].title = "Kế hoạch năm"
	} else {
		cols[0].title = "Kế hoạch"
	}
	keep := map[string]bool{"Kế hoạch năm": plan, "Kế hoạch": plan, "Chỉ tiêu kỳ": target, "Thực hiện": true, "Cùng kỳ năm trước": same,
		"So với chỉ tiêu kỳ (%)": target, "So với kế hoạch (%)": plan, "So với cùng kỳ (%)": same, "Tăng, giảm (%)": same}
	cols = slices.DeleteFunc(cols, func(c col) bool { return !keep[c.title] })
	const lead = 4 // STT, Đơn vị, Chỉ tiêu, Đơn vị tính
	t := &table{sheet: sheetIndicators, wide: []bool{false, true, true},
		header: [][]string{{"STT", "Đơn vị", "Chỉ tiêu", "Đơn vị tính"}}}
	for _, c := range cols {
		t.header[0] = append(t.header[0], c.title)
	}
	t.header[0] = append(t.header[0], "Đánh giá")
	at := func(r int) map[string]string {
		m := map[string]string{}
		for i, c := range cols {
			if c.key != "" {
				m[c.key] = cellName(lead+i+1, r)
			}
		}
		return m
	}
	// sums[r] is the first and last sheet rows a computed total adds up.
	sums := map[int][2]int{}
	n := 0
	for _, g := range groups {
		first := len(t.rows)
		for _, f := range figures(g) {
			row := []cell{{style: centred}, {v: f.Name}, {v: g.Name}, {v: g.Unit, style: centred}}
			if f.ID != "" || f.Stated {
				n++
				row[0].v = n
			}
			for _, c := range cols {
				row = append(row, c.value(f))
			}
			row = append(row, cell{v: f.Status, style: centred})
			if f.ID == "" && !f.Stated {
				sums[len(t.rows)] = [2]int{first, len(t.rows) - 1}
				for i := range row {
					row[i].style.bold = true
				}
			}
			t.rows = append(t.rows, row)
		}
	}
	t.rowFormulas = func(r int) map[int]string {
		out := map[int]string{}
		cells := at(r)
		if span, ok := sums[r-t.firstRow]; ok {
			for i, c := range cols {
				if c.key != "" && t.rows[r-t.firstRow][lead+i].v != nil {
					out[lead+i] = fmt.Sprintf("SUM(%s:%s)", cellName(lead+i+1, t.firstRow+span[0]), cellName(lead+i+1, t.firstRow+span[1]))
				}
			}
		}
		for i, c := range cols {
			if c.formula != nil && t.rows[r-t.firstRow][lead+i].v != nil {
				out[lead+i] = c.formula(cells)
			}
		}
		return out
	}
	return t
}

// figures are an indicator's rows, then its cluster row.
func figures(g *tally.IndicatorGroup) []*tally.Figure {
	out := slices.Clip(g.Rows)
	if g.Total != nil {
		out = append(out, g.Total)
	}
	return out
}

// scoreTable is the scoring table: every criterion of the self-assessed
// and the cluster's scores, their sums, bonus, penalty, total, rank.
func scoreTable(src *Source) *table {
	if src.Results == nil || src.Results.Scoring == nil {
		return nil
	}
	s := src.Results.Scoring
	var crit []*tally.Criterion
	var groupOf []string
	for _, g := range s.Groups {
		for _, k := range g.Criteria {
			crit = append(crit, k)
			groupOf = append(groupOf, g.Code)
		}
	}
	multi := len(s.Groups) > 1
	var top, mid, low []string
	add := func(a, b, c string) { top, mid, low = append(top, a), append(mid, b), append(low, c) }
	add("STT", "^", "^")
	add("Đơn vị", "^", "^")
	block := func(name string) {
		for i, k := range crit {
			a, b := name, groupOf[i]
			if i > 0 {
				a = "<"
				if groupOf[i-1] == groupOf[i] {
					b = "<"
				}
			}
			add(a, b, k.Code)
		}
		add("<", "Cộng", "^")
	}
	if s.HasSelf {
		block("Điểm tự chấm")
	}
	block("Điểm cụm chấm")
	if s.BonusCap > 0 {
		add("Điểm thưởng", "^", "^")
	}
	add("Điểm trừ", "^", "^")
	add("Tổng điểm", "^", "^")
	add("Xếp hạng", "^", "^")
	if len(s.Classes) > 0 {
		add("Xếp loại", "^", "^")
	}
	add("Ghi chú", "^", "^")
	t := &table{sheet: sheetScores, wide: []bool{false, true}}
	if multi {
		t.header = [][]string{top, mid, low}
	} else {
		for i := range mid {
			if mid[i] == "Cộng" {
				low[i] = "Cộng"
			}
		}
		t.header = [][]string{top, low}
	}
	scores := map[string]*record.Score{}
	for i := range src.Record.Scores {
		scores[src.Record.Scores[i].Member] = &src.Record.Scores[i]
	}
	// Column numbers (1-based) of the sums, for the formulas.
	selfFrom, clusterFrom := 3, 3
	if s.HasSelf {
		clusterFrom += len(crit) + 1
	}
	clusterSum := clusterFrom + len(crit)
	bonusCol := clusterSum + 1
	penaltyCol := bonusCol
	if s.BonusCap > 0 {
		penaltyCol++
	}
	for i, row := range s.Rows {
		sc := scores[row.ID]
		cells := []cell{{v: i + 1, style: centred}, {v: row.Name}}
		sheetCells := func(m map[string]record.Number, total tally.Points) {
			for _, k := range crit {
				if v, ok := m[k.Code]; ok {
					cells = append(cells, num(v.Float64(), decimals(v.Scale)))
				} else {
					cells = append(cells, cell{})
				}
			}
			cells = append(cells, points(total, true))
		}
		if s.HasSelf {
			sheetCells(sc.Self, row.Self)
		}
		sheetCells(sc.Cluster, row.Cluster)
		if s.BonusCap > 0 {
			cells = append(cells, points(row.BonusGiven, false))
		}
		cells = append(cells, points(row.Penalty, false), points(row.Total, true), cell{v: row.Rank, style: centred})
		if len(s.Classes) > 0 {
			cells = append(cells, cell{v: row.Class, style: centred})
		}
		cells = append(cells, cell{v: row.Note})
		t.rows = append(t.rows, cells)
	}
	bonusCap := s.BonusCap.Float64()
	t.rowFormulas = func(r int) map[int]string {
		out := map[int]string{}
		sumOf := func(from int) string {
			return fmt.Sprintf("SUM(%s:%s)", cellName(from, r), cellName(from+len(crit)-1, r))
		}
		if s.HasSelf {
			out[selfFrom+len(crit)-1] = sumOf(selfFrom)
		}
		out[clusterSum-1] = sumOf(clusterFrom)
		total := cellName(clusterSum, r)
		if s.BonusCap > 0 {
			total += fmt.Sprintf("+MIN(%s,%s)", cellName(bonusCol, r), fmtFloat(bonusCap))
		}
		total += "-" + cellName(penaltyCol, r)
		out[penaltyCol] = total
		return out
	}
	return t
}

// points is a score cell with as many decimals as the paper prints.
func points(p tally.Points, bold bool) cell {
	d := 2
	switch {
	case p%100 == 0:
		d = 0
	case p%10 == 0:
		d = 1
	}
	return cell{v: p.Float64(), style: style{format: decimals(d), bold: bold}}
}

// voteTable is the vote: every candidate, their votes, share and result.
func voteTable(src *Source) *table {
	if src.Results == nil || src.Results.Vote == nil {
		return nil
	}
	v := src.Results.Vote
	t := &table{sheet: sheetVotes, wide: []bool{false, true, true, true},
		header: [][]string{{"STT", "Đơn vị, cá nhân", "Chức vụ", "Hình thức khen thưởng", "Số phiếu đồng ý", "Cơ sở tính tỷ lệ", "Tỷ lệ (%)", "Mức đạt", "Kết quả"}}}
	for i, c := range v.Candidates {
		result := "Không đạt"
		if c.Passed {
			result = "Đạt"
		}
		t.rows = append(t.rows, []cell{
			{v: i + 1, style: centred}, {v: c.Name}, {v: c.Title}, {v: c.Award},
			num(c.Votes, dec0), num(v.Denominator, dec0), computed(float64(c.Share.Shown)/100, dec2, false),
			{v: c.Rule.Describe(), style: centred}, {v: result, style: centred},
		})
	}
	t.rowFormulas = func(r int) map[int]string {
		e, f, i := cellName(5, r), cellName(6, r), cellName(9, r)
		return map[int]string{6: fmt.Sprintf(`IF(%[3]s="Đạt",ROUND(%[1]s*100/%[2]s,2),ROUNDDOWN(%[1]s*100/%[2]s,2))`, e, f, i)}
	}
	return t
}

// nomineeTable is the list of nominees, as the danh sách paper lists
// them, with the total of the prize money.
func nomineeTable(src *Source) *table {
	list, _ := src.Awards["de_nghi"].([]map[string]any)
	total, ok := src.Awards["tong_cong"].(map[string]any)
	if len(list) == 0 || !ok {
		return nil
	}
	t := &table{sheet: sheetNominees, wide: []bool{false, true, true, true},
		header: [][]string{{"STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị, địa chỉ", "Hình thức khen thưởng", "Số phiếu đồng ý", "Số người biểu quyết", "Tỷ lệ (%)", "Tiền thưởng (đồng)"}}}
	for i, e := range list {
		row := []cell{{v: i + 1, style: centred}, {v: e["ten"]}, {v: e["chuc_vu_don_vi"]}, {v: e["ten_hinh_thuc"]}, {}, {}, {}, num(e["tien_thuong"], dec0)}
		if p, ok := e["phieu"].(map[string]any); ok {
			row[4], row[5] = num(p["dong_y"], dec0), num(p["so_nguoi"], dec0)
			row[6] = computed(p["ty_le"], dec2, false)
		}
		t.rows = append(t.rows, row)
	}
	n := len(list)
	t.rows = append(t.rows, []cell{{v: "Tổng cộng", style: boldTxt}, {join: true}, {join: true}, {join: true}, {join: true}, {join: true}, {join: true},
		computed(total["tien"], dec0, true)})
	t.rowFormulas = func(r int) map[int]string {
		if r == t.firstRow+n {
			return map[int]string{7: fmt.Sprintf("SUM(%s:%s)", cellName(8, t.firstRow), cellName(8, r-1))}
		}
		if t.rows[r-t.firstRow][6].v == nil {
			return nil
		}
		return map[int]string{6: fmt.Sprintf("%s*100/%s", cellName(5, r), cellName(6, r))}
	}
	return t
}

// nomineeData is every nominee of the record in the columns thidua nhap
// reads, so that the list can be edited and imported again: every key of
// a nominee but the report's paragraphs of section III, earlier titles
// and awards one a line in their cell.
func nomineeData(src *Source) *table {
	list, _ := src.Awards["de_nghi"].([]map[string]any)
	if len(list) == 0 {
		return nil
	}
	awardNames := map[string]string{}
	for _, e := range list {
		awardNames[e["ma_hinh_thuc"].(string)] = e["ten_hinh_thuc"].(string)
	}
	k := kindBySection("de_nghi")
	t := &table{sheet: sheetNomineeData, header: [][]string{{"STT"}}, wide: []bool{false}}
	for _, c := range k.cols {
		t.header[0] = append(t.header[0], capital(c.also[0]))
		t.wide = append(t.wide, c.as == asLines || c.as == asEarlier || c.key == "ten" || c.key == "hinh_thuc")
	}
	t.note = "Dữ liệu đề nghị khen thưởng để sửa rồi nhập lại bằng lệnh: thidua nhap TỆP.xlsx --vao HO_SO.toml " +
		"(danh hiệu, hình thức khen thưởng đã nhận: mỗi cái một dòng trong ô, dạng \"năm; tên; số quyết định; ngày quyết định; cơ quan\")"
	lines := func(l record.Lines) any {
		if len(l) == 0 {
			return nil
		}
		return strings.Join(l, "\n")
	}
	text := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	for i, n := range src.Record.Nominees {
		row := []cell{{v: i + 1, style: centred}}
		for _, c := range k.cols {
			var v any
			switch c.key {
			case "loai":
				v = capital(awards.KindWord(n.Kind))
			case "ten":
				v = n.Name
			case "hinh_thuc":
				v = cmp.Or(awardNames[n.Award], n.Award)
			case "thanh_vien":
				if m := src.Record.Member(n.Member); m != nil {
					v = m.ShortName()
				}
			case "chuc_vu":
				v = text(n.Position)
			case "don_vi":
				v = text(n.Unit)
			case "dia_chi":
				v = text(n.Address)
			case "dia_danh":
				v = text(n.Place)
			case "ngay_sinh":
				if !n.Birth.IsZero() {
					v = n.Birth.String()
				}
			case "gioi_tinh":
				v = text(n.Sex)
			case "que_quan":
				v = text(n.Hometown)
			case "tru_quan":
				v = text(n.Residence)
			case "trinh_do":
				v = text(n.Education)
			case "hoc_ham_hoc_vi":
				v = text(n.Honours)
			case "phieu_dong_y":
				if n.Votes > 0 || n.Voters > 0 {
					v = n.Votes
				}
			case "so_nguoi_bieu_quyet":
				if n.Voters > 0 {
					v = n.Voters
				}
			case "dac_diem":
				v = lines(n.Features)
			case "chuc_nang":
				v = lines(n.Duties)
			case "thanh_tich":
				v = lines(n.Achievements)
			case "thu_truong.ho_ten", "thu_truong.chuc_vu", "thu_truong.tham_quyen":
				v = signerPart(n.Head, c.key)
			case "xac_nhan.ho_ten", "xac_nhan.chuc_vu", "xac_nhan.tham_quyen":
				v = signerPart(n.Certifier, c.key)
			case "danh_hieu_thi_dua":
				v = earlierLines(n.Titles)
			case "hinh_thuc_khen_thuong":
				v = earlierLines(n.Honoured)
			default:
				panic("sheet: no nominee data for " + c.key)
			}
			x := cell{v: v}
			if _, isInt := v.(int); isInt {
				x.style = style{format: dec0}
			}
			row = append(row, x)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// signerPart is a part of a signer a nominee's row holds (the key's
// last part: ho_ten, chuc_vu, tham_quyen), nil when absent.
func signerPart(s *record.Signer, key string) any {
	if s == nil {
		return nil
	}
	var v string
	switch key[strings.LastIndexByte(key, '.')+1:] {
	case "ho_ten":
		v = s.Name
	case "chuc_vu":
		v = s.Title
	case "tham_quyen":
		v = strings.Join(s.Authority, "\n")
	}
	if v == "" {
		return nil
	}
	return v
}

// earlierLines writes titles or awards received before as thidua nhap
// reads them: one a line, "năm; tên; số quyết định; ngày quyết định;
// cơ quan", trailing empty parts left out.
func earlierLines(list []record.EarlierAward) any {
	if len(list) == 0 {
		return nil
	}
	lines := make([]string, len(list))
	for i, e := range list {
		date := ""
		if !e.Date.IsZero() {
			date = e.Date.String()
		}
		parts := []string{e.Year, e.Name, e.Decision, date, e.Issuer}
		for len(parts) > 2 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1]
		}
		lines[i] = strings.Join(parts, "; ")
	}
	return strings.Join(lines, "\n")
}

// prizeTable is the summary of prize money by award and kind.
func prizeTable(src *Source) *table {
	groups, _ := src.Awards["hinh_thuc"].([]map[string]any)
	total, ok := src.Awards["tong_cong"].(map[string]any)
	if len(groups) == 0 || !ok {
		return nil
	}
	t := &table{sheet: sheetPrizes, wide: []bool{false, true},
		header: [][]string{{"STT", "Hình thức khen thưởng", "Đối tượng", "Số lượng", "Hệ số", "Mức thưởng (đồng)", "Thành tiền (đồng)"}}}
	for _, g := range groups {
		rows, _ := g["dong"].([]map[string]any)
		for j, d := range rows {
			coef, _ := awards.ParseCoef(fmt.Sprint(d["he_so"]))
			cf := dec1
			if coef%10 != 0 {
				cf = dec2
			}
			row := []cell{{v: g["stt"], style: centred}, {v: g["ten"]}, {v: d["doi_tuong"], style: centred}, num(d["so_luong"], dec0),
				num(float64(coef)/100, cf), num(d["muc_tien"], dec0), computed(d["thanh_tien"], dec0, false)}
			if j > 0 {
				row[0], row[1] = cell{up: true}, cell{up: true}
			}
			t.rows = append(t.rows, row)
		}
	}
	n := len(t.rows)
	t.rows = append(t.rows, []cell{{v: "Tổng cộng", style: boldTxt}, {join: true}, {join: true},
		computed(total["so_luong"], dec0, true), {}, {}, computed(total["tien"], dec0, true)})
	t.rowFormulas = func(r int) map[int]string {
		if r == t.firstRow+n {
			return map[int]string{
				3: fmt.Sprintf("SUM(%s:%s)", cellName(4, t.firstRow), cellName(4, r-1)),
				6: fmt.Sprintf("SUM(%s:%s)", cellName(7, t.firstRow), cellName(7, r-1)),
			}
		}
		return map[int]string{6: fmt.Sprintf("%s*%s", cellName(4, r), cellName(6, r))}
	}
	return t
}
