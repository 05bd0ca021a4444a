package forms

import (
	"fmt"
	"strings"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/frame"
)

// A column of scores shows one number of decimals, the most any cell
// has, aligned right unless the template chose otherwise; a column with
// words is left alone; an explicitly centred column stays centred.
func TestOneNumberOfDecimalsPerColumn(t *testing.T) {
	md := `| Đơn vị | Tổng | Tiền | Hạng | Ghi chú |
| --- | --- | --- | :-: | --- |
| Vĩnh Bảo | 100,5 | 4.200 | 1 | 95 |
| Thủy Nguyên | 99,75 | 4.652,8 | 2 | Tốt |
| An Lão | 95 (*) | 1.209,35 | 3 | 9,5 |
| **Cộng** | < | **8.062,15** | < | < |
`
	tb := tables(body(t, md)[0].Blocks)[0]
	want := [][]string{
		{"Vĩnh Bảo", "100,50", "4.200,00", "1", "95"},
		{"Thủy Nguyên", "99,75", "4.652,80", "2", "Tốt"},
		{"An Lão", "95,00 (*)", "1.209,35", "3", "9,5"},
	}
	for i, w := range want {
		row := tb.Rows[i+1]
		for j, cell := range row.Cells {
			if got := cellText(cell); got != w[j] {
				t.Errorf("row %d column %d: %q, want %q", i+1, j+1, got, w[j])
			}
		}
		align := []doc.Align{doc.Left, doc.Right, doc.Right, doc.Center, doc.Left}
		for j, cell := range row.Cells {
			if a := cell.Blocks[0].(*doc.Paragraph).Props.Align; a != align[j] {
				t.Errorf("row %d column %d aligned %v, want %v", i+1, j+1, a, align[j])
			}
		}
	}
	if got := cellText(tb.Rows[4].Cells[1]); got != "8.062,15" {
		t.Errorf("total %q", got)
	}
	// each row another quantity: decimals kept, numbers aligned right
	rows := tables(body(t, "<!-- so-theo-dong -->\n\n"+md)[0].Blocks)[0]
	if got := cellText(rows.Rows[1].Cells[2]); got != "4.200" {
		t.Errorf("so-theo-dong: %q, want the row's own 4.200", got)
	}
	if a := rows.Rows[1].Cells[2].Blocks[0].(*doc.Paragraph).Props.Align; a != doc.Right {
		t.Errorf("so-theo-dong: aligned %v, want right", a)
	}
}

// Columns are sized from their cells: a cell without letters ("8/8
// (100,00%)") is never broken; a name gets the room to be set on two
// lines rather than three when a longer cell can give it; a "cot"
// directive pins a width.
func TestColumnsFromContent(t *testing.T) {
	md := `| STT | Tên tập thể, họ và tên cá nhân | Hình thức khen thưởng | Số phiếu đồng ý | Tiền thưởng (đồng) |
|:-:|---|---|:-:|--:|
| 1 | Cán bộ và Nhân dân huyện Bạch Long Vĩ | Bằng khen chuyên đề của Chủ tịch Ủy ban nhân dân thành phố | 8/8 (100,00%) | 3.600.000 |
| 2 | Cán bộ và Nhân dân huyện Thủy Nguyên | Cờ thi đua của Ủy ban nhân dân thành phố | 8/8 (100,00%) | 14.400.000 |
`
	tb := tables(body(t, md)[0].Blocks)[0]
	for _, row := range tb.Rows[1:] {
		for j, want := range map[int]int{1: 2, 3: 1, 4: 1} {
			p := row.Cells[j].Blocks[0].(*doc.Paragraph)
			if n := frame.LineCount(p, tb.Columns[j]-2*tb.PadX); n > want {
				t.Errorf("%q takes %d lines in %.0f pt, want at most %d", p.Text(), n, tb.Columns[j], want)
			}
		}
	}
	pinned := tables(body(t, "<!-- cot: 20mm, *, *, *, 30mm -->\n\n"+md)[0].Blocks)[0]
	if c := pinned.Columns; c[0] != float64(int(doc.Mm(20))) || c[4] < doc.Mm(30)-1 {
		t.Errorf("pinned columns %v, want 20 mm first and 30 mm last", c)
	}
	_, _, err := convert([]byte("<!-- cot: 20mm, rộng -->\n\n"+md), &doc.Section{}, frame.Breaker{})
	if err == nil || !strings.Contains(err.Error(), "rộng") {
		t.Errorf("a bad width: %v", err)
	}
}

// A list of a thousand nominees converts in tens of milliseconds, not
// seconds: column sizing looks at a bounded number of rows.
func BenchmarkLongTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("| STT | Tên tập thể, họ và tên cá nhân | Hình thức khen thưởng | Số phiếu đồng ý | Tiền thưởng (đồng) |\n|:-:|---|---|:-:|--:|\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "| %d | Cán bộ và Nhân dân huyện Bạch Long Vĩ số %d | Bằng khen chuyên đề của Chủ tịch Ủy ban nhân dân thành phố | 8/8 (100,00%%) | 3.600.000 |\n", i+1, i)
	}
	md := sb.String()
	for b.Loop() {
		if _, _, err := convert([]byte(md), &doc.Section{}, frame.Breaker{}); err != nil {
			b.Fatal(err)
		}
	}
}
