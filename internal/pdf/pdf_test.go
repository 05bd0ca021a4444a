package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thidua/fonts"
	"thidua/internal/doc"
	"thidua/internal/testkit"
)

var body = &doc.Style{ID: "Normal", Size: 14, Align: doc.Justify, FirstLine: doc.Mm(12.7), After: 6, Line: 17}

// textOf lists the text of each line of p broken for width.
func textOf(p *doc.Paragraph, width float64) []string {
	var out []string
	for _, l := range breakLines(p, width) {
		var b strings.Builder
		for _, s := range l.segments(p, nil) {
			b.WriteString(s.text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	face := fonts.Get(fonts.Regular)
	word := "thi đua"
	w := face.Width(word, 14)
	space := face.Width(" ", 14)
	p := doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: strings.TrimSpace(strings.Repeat(word+" ", 5))})
	// room for exactly three "thi đua" and the spaces between them
	width := 3*w + 2*space
	if got := textOf(p, width); strings.Join(got, "|") != "thi đua thi đua thi đua|thi đua thi đua" {
		t.Errorf("lines = %q", got)
	}
	// a hair less and the third goes down ("thi" fits, "đua" does not)
	if got := textOf(p, width-0.001); strings.Join(got, "|") != "thi đua thi đua thi|đua thi đua thi đua" {
		t.Errorf("lines = %q", got)
	}
	// the italic correction: a line ending in italics keeps size/12 free
	it := doc.NewParagraph(&doc.Style{Size: 14, Line: 17, Italic: true}, doc.Run{Text: "abc abc"})
	wi := fonts.Get(fonts.Italic).Width("abc abc", 14)
	if n := len(breakLines(it, wi+1.14)); n != 2 {
		t.Errorf("italic line with 1,14 pt to spare: %d lines, want 2", n)
	}
	if n := len(breakLines(it, wi+1.16)); n != 1 {
		t.Errorf("italic line with 1,16 pt to spare: %d lines, want 1", n)
	}
	// a hyphen between letters or digits is a break, a lone one is not
	h := doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: "aaaa 2023-2025 b - c"})
	cut := face.Width("aaaa 2023-", 14)
	if got := textOf(h, cut+1); got[0] != "aaaa 2023-" || got[1] != "2025 b - c" {
		t.Errorf("hyphen break: %q", got)
	}
	// a word wider than the line is cut between characters
	long := doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: strings.Repeat("m", 20)})
	if got := textOf(long, face.Width("mmmmm", 14)); len(got) != 4 || got[0] != "mmmmm" {
		t.Errorf("long word: %q", got)
	}
	// mixed faces inside a word stay one word
	mixed := doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: "x "}, doc.Run{Text: "Điều", Bold: true}, doc.Run{Text: "1"})
	if got := textOf(mixed, face.Width("x ", 14)+fonts.Get(fonts.Bold).Width("Điều", 14)); len(got) != 2 || got[1] != "Điều1" {
		t.Errorf("mixed word: %q", got)
	}
}

// pagesOf writes d and returns the text of each page.
func pagesOf(t *testing.T, d *doc.Document) []string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	os.WriteFile(path, b.Bytes(), 0o644)
	return testkit.Pages(t, path)
}

// filler is n one-line paragraphs of 17 pt without space after.
func filler(n int) []doc.Block {
	var out []doc.Block
	for i := 0; i < n; i++ {
		out = append(out, doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: "dòng đệm"}))
	}
	return out
}

// numbered is a paragraph of n lines "l1 ... ln", each forced by width.
func numbered(n int) *doc.Paragraph {
	var words []string
	for i := 1; i <= n; i++ {
		words = append(words, "dòng"+strings.Repeat("m", 36)+string(rune('A'+i-1)))
	}
	return doc.NewParagraph(&doc.Style{Size: 14, Line: 17}, doc.Run{Text: strings.Join(words, " ")})
}

// Widow and orphan control as Word's: a paragraph never leaves one line
// alone at the bottom or the top of a page.
func TestWidowOrphan(t *testing.T) {
	page := int((doc.PageHeight - doc.MarginTop - doc.MarginBottom) / 17) // 42 lines
	cases := []struct {
		name      string
		free, n   int
		onPage1   int // lines of the paragraph left on page 1
		wantPages int
	}{
		{"fits", 3, 3, 3, 1},
		{"orphan: one line free moves all", 1, 3, 0, 2},
		{"widow: one line would go down, two go", 4, 5, 3, 2},
		{"two lines of three: all move", 2, 3, 0, 2},
		{"plain split", 4, 8, 4, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			blocks := append(filler(page-c.free), numbered(c.n))
			pages := pagesOf(t, &doc.Document{Sections: []*doc.Section{{Blocks: blocks}}})
			if len(pages) != c.wantPages {
				t.Fatalf("%d pages, want %d", len(pages), c.wantPages)
			}
			if got := strings.Count(pages[0], "dòngm"); got != c.onPage1 {
				t.Errorf("%d lines of the paragraph on page 1, want %d", got, c.onPage1)
			}
		})
	}
}

// A heading stays with the paragraph after it.
func TestKeepWithNext(t *testing.T) {
	page := int((doc.PageHeight - doc.MarginTop - doc.MarginBottom) / 17)
	heading := doc.NewParagraph(&doc.Style{Size: 14, Line: 17, Bold: true, KeepNext: true}, doc.Run{Text: "I. TIÊU ĐỀ"})
	blocks := append(filler(page-2), heading, numbered(3))
	pages := pagesOf(t, &doc.Document{Sections: []*doc.Section{{Blocks: blocks}}})
	if len(pages) != 2 || strings.Contains(pages[0], "TIÊU ĐỀ") || !strings.Contains(pages[1], "TIÊU ĐỀ") {
		t.Errorf("the heading did not move with its paragraph: %d pages", len(pages))
	}
}

// A table that runs onto a second page starts it with its header row,
// page numbers start on page 2, and a row never splits.
func TestTableAcrossPages(t *testing.T) {
	cell := func(s string) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{doc.NewParagraph(&doc.Style{Size: 13, Line: 15.5}, doc.Run{Text: s})}}
	}
	tbl := &doc.Table{Columns: []float64{100, 367.7}, Borders: true, HeaderRows: 1, PadX: 4, PadY: 2}
	tbl.Rows = append(tbl.Rows, &doc.Row{Cells: []*doc.Cell{cell("STT"), cell("Đơn vị")}, KeepNext: true})
	for i := 1; i <= 60; i++ {
		tbl.Rows = append(tbl.Rows, &doc.Row{Cells: []*doc.Cell{cell("hàng " + strings.Repeat("I", i%5+1)), cell("đơn vị thứ " + string(rune('a'+i%26)))}})
	}
	pages := pagesOf(t, &doc.Document{Sections: []*doc.Section{{Numbered: true, Blocks: []doc.Block{tbl}}}})
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	first := strings.Fields(pages[1])
	if first[0] != "2" || first[1] != "STT" {
		t.Errorf("page 2 starts %q, want the number then the header row", first[:3])
	}
	if strings.Fields(pages[0])[0] != "STT" {
		t.Errorf("page 1 starts with %q", strings.Fields(pages[0])[0])
	}
	rows := 0
	for _, p := range pages {
		rows += strings.Count(p, "hàng")
	}
	if rows != 60 {
		t.Errorf("%d rows printed, want 60", rows)
	}
}

func TestDeterministicAndErrors(t *testing.T) {
	d := &doc.Document{Title: "Thử", Sections: []*doc.Section{{Numbered: true, Blocks: append(filler(50), numbered(4))}}}
	var a, b bytes.Buffer
	if err := Write(&a, d); err != nil {
		t.Fatal(err)
	}
	Write(&b, d)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
	bad := &doc.Document{Sections: []*doc.Section{{Blocks: []doc.Block{doc.NewParagraph(body, doc.Run{Text: "chữ Hán 漢"})}}}}
	if err := Write(&bytes.Buffer{}, bad); err == nil || !strings.Contains(err.Error(), "漢") {
		t.Errorf("a character the font lacks: err = %v", err)
	}
}

// BenchmarkWrite lays out and writes a document of 20 justified
// paragraphs with mixed faces (3 pages).
func BenchmarkWrite(b *testing.B) {
	s := &doc.Section{Numbered: true}
	for i := 0; i < 20; i++ {
		s.Blocks = append(s.Blocks, doc.NewParagraph(body,
			doc.Run{Text: "Cộng hòa xã hội chủ nghĩa Việt Nam: "},
			doc.Run{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true},
			doc.Run{Text: ". Các phong trào thi đua yêu nước của 6 tỉnh trong Cụm thi đua diễn ra sôi nổi, phong phú, thiết thực và hiệu quả “ngoặc” – 31.434,47 tỷ đồng; ", Italic: true}))
	}
	d := &doc.Document{Title: "Thử", Sections: []*doc.Section{s}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}
