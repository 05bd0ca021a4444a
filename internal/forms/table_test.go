package forms

import (
	"strings"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/frame"
)

// body converts Markdown into the blocks of one portrait section.
func body(t *testing.T, md string) []*doc.Section {
	t.Helper()
	secs, _, err := convert([]byte(md), &doc.Section{Numbered: true}, frame.Breaker{})
	if err != nil {
		t.Fatal(err)
	}
	return secs
}

func tables(blocks []doc.Block) []*doc.Table {
	var out []*doc.Table
	for _, b := range blocks {
		if t, ok := b.(*doc.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// cellText is the text of a cell's first paragraph, "" for none.
func cellText(c *doc.Cell) string {
	if len(c.Blocks) == 0 {
		return ""
	}
	return c.Blocks[0].(*doc.Paragraph).Text()
}

// A header of three rows: rows under the Markdown header that merge into
// it ("^") are header rows too, and merges follow grid columns even when
// a cell to the left spans several.
func TestMultiRowHeader(t *testing.T) {
	md := `| STT | Đơn vị | Điểm | < | < | Hạng |
| :-: | --- | --: | --: | --: | :-: |
| ^ | ^ | Tự chấm | Cụm chấm | < | ^ |
| ^ | ^ | ^ | I | II | ^ |
| 1 | An Phú | 97,5 | 58,75 | 37,5 | 1 |
| 2 | Bình Minh | 90 | 58,3 | 31,95 | 2 |
`
	tb := tables(body(t, md)[0].Blocks)[0]
	if tb.HeaderRows != 3 {
		t.Fatalf("%d header rows, want 3", tb.HeaderRows)
	}
	type cell struct {
		text  string
		span  int
		merge doc.VMerge
	}
	want := [][]cell{
		{{"STT", 1, doc.MergeStart}, {"Đơn vị", 1, doc.MergeStart}, {"Điểm", 3, doc.NoMerge}, {"Hạng", 1, doc.MergeStart}},
		{{"", 1, doc.MergeContinue}, {"", 1, doc.MergeContinue}, {"Tự chấm", 1, doc.MergeStart}, {"Cụm chấm", 2, doc.NoMerge}, {"", 1, doc.MergeContinue}},
		{{"", 1, doc.MergeContinue}, {"", 1, doc.MergeContinue}, {"", 1, doc.MergeContinue}, {"I", 1, doc.NoMerge}, {"II", 1, doc.NoMerge}, {"", 1, doc.MergeContinue}},
	}
	for i, row := range want {
		got := tb.Rows[i].Cells
		if len(got) != len(row) {
			t.Errorf("header row %d has %d cells, want %d", i+1, len(got), len(row))
			continue
		}
		for j, w := range row {
			c := got[j]
			// (a header's joints hold no-break spaces: "Đơn vị" stays whole)
			if strings.ReplaceAll(cellText(c), frame.NBSP, " ") != w.text || c.Columns() != w.span || c.Merge != w.merge {
				t.Errorf("header row %d cell %d: %q span %d merge %d, want %q span %d merge %d", i+1, j+1, cellText(c), c.Columns(), c.Merge, w.text, w.span, w.merge)
			}
			if len(c.Blocks) > 0 && c.Blocks[0].(*doc.Paragraph).Style != frame.CellHead {
				t.Errorf("header row %d cell %d is not set as a header", i+1, j+1)
			}
		}
		if !tb.Rows[i].KeepNext {
			t.Errorf("header row %d does not keep with the next", i+1)
		}
	}
	data := tb.Rows[3].Cells
	if data[2].Blocks[0].(*doc.Paragraph).Style != frame.Cell || data[2].Blocks[0].(*doc.Paragraph).Props.Align != doc.Right {
		t.Error("a data cell of a right-aligned column must be a right-aligned body cell")
	}
	if tb.Rows[3].KeepNext {
		t.Error("a data row keeps with the next for no reason")
	}
}

// A cell spanning columns does not widen the first of them: the three
// columns under a long spanning title stay equal.
func TestSpanningCellDoesNotSizeColumns(t *testing.T) {
	md := `| A | Một tiêu đề rất dài trải qua ba cột của bảng | < | < | Z |
| --- | --: | --: | --: | --- |
| x | 1 | 2 | 3 | y |
`
	tb := tables(body(t, md)[0].Blocks)[0]
	c := tb.Columns
	if c[1] != c[2] || c[2] != c[3] {
		t.Errorf("columns under the spanning title are %v %v %v wide, want equal", c[1], c[2], c[3])
	}
	if sum := c[0] + c[1] + c[2] + c[3] + c[4]; sum != (&doc.Section{}).Width() {
		t.Errorf("columns add up to %v, want the text width %v", sum, (&doc.Section{}).Width())
	}
}

// Rows that must not be parted from the next keep with it; a paragraph
// leading into a table keeps with its first rows; a table has room after.
func TestKeepsAroundTables(t *testing.T) {
	md := `Kết quả như sau:

| STT | Chỉ tiêu |
| :-: | --- |
| **An Phú** | < |
| 1 | Thu ngân sách |
| 2 | Nông thôn mới |
| Gộp | x |
| ^ | y |
| 3 | z |

Đoạn sau bảng.
`
	blocks := body(t, md)[0].Blocks
	lead := blocks[0].(*doc.Paragraph)
	if !lead.Props.KeepNext {
		t.Error("the paragraph ending in ':' does not keep with its table")
	}
	tb := blocks[1].(*doc.Table)
	keeps := make([]bool, len(tb.Rows))
	for i, r := range tb.Rows {
		keeps[i] = r.KeepNext
	}
	// header, caption "An Phú", row 1, row 2, "Gộp" (merged into the next), "^", row 3
	want := []bool{true, true, false, false, true, false, false}
	for i := range want {
		if keeps[i] != want[i] {
			t.Errorf("row %d keeps with next: %v, want %v", i+1, keeps[i], want[i])
		}
	}
	if sp, ok := blocks[2].(*doc.Spacer); !ok || sp.Height != tableAfter {
		t.Errorf("block after the table is %T, want a %v pt spacer", blocks[2], tableAfter)
	}
	if p := blocks[3].(*doc.Paragraph); p.Props.KeepNext {
		t.Error("an ordinary paragraph keeps with the next")
	}
}

func TestCentreDirective(t *testing.T) {
	blocks := body(t, "<!-- giua -->\n*(Kèm theo Báo cáo số 05/BC-CTĐ)*\n\nĐoạn thường.\n")[0].Blocks
	c, n := blocks[0].(*doc.Paragraph), blocks[1].(*doc.Paragraph)
	if c.Props.Align != doc.Center || c.Props.FirstLine != 0 || !c.Runs[0].Italic {
		t.Errorf("centred paragraph: align %v, indent %v, italic %v", c.Props.Align, c.Props.FirstLine, c.Runs[0].Italic)
	}
	if n.Props.Align != doc.Justify || n.Props.FirstLine == 0 {
		t.Error("the paragraph after the centred one is centred too")
	}
}

// Signatures end the body, before the appendices; an appendix turned
// landscape is one section, not an empty page and a landscape one.
func TestSignaturesBeforeAppendix(t *testing.T) {
	src := `+++
ten_loai = "BÁO CÁO"
[[ky]]
nguoi = "nguoi_ky"
+++
Nội dung báo cáo.

<!-- phu-luc -->
<!-- ngang -->

# Phụ lục

| A | B |
| --- | --- |
| 1 | 2 |
`
	tpl, err := Parse("thu.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := tpl.Build(map[string]any{"nguoi_ky": map[string]any{"ho_ten": "Nguyễn Văn An", "chuc_vu": "Chủ tịch"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) != 2 || d.Sections[0].Landscape || !d.Sections[1].Landscape {
		t.Fatalf("%d sections, want a portrait body and one landscape appendix", len(d.Sections))
	}
	hasName := func(s *doc.Section) bool {
		for _, tb := range tables(s.Blocks) {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					for _, b := range c.Blocks {
						if p, ok := b.(*doc.Paragraph); ok && p.Text() == "Nguyễn Văn An" {
							return true
						}
					}
				}
			}
		}
		return false
	}
	if !hasName(d.Sections[0]) || hasName(d.Sections[1]) {
		t.Error("the signature is not at the end of the body, before the appendix")
	}
	last := d.Sections[0].Blocks
	var closing *doc.Paragraph
	for _, b := range last {
		if p, ok := b.(*doc.Paragraph); ok && strings.HasPrefix(p.Text(), "Nội dung") {
			closing = p
		}
	}
	if closing == nil || !closing.Props.KeepNext {
		t.Error("the closing paragraph does not keep with the signature")
	}
}
