package docx

import (
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/testkit"
)

// lineStyle sets one 14 pt line of 17 pt with 6 pt after: 23 pt a paragraph.
var lineStyle = &doc.Style{ID: "Dong", Name: "Dòng", Size: 14, Align: doc.Left, Line: 17, After: 6}

// fillPage is a numbered section that starts with top and then holds 32
// one-line paragraphs "Đoạn số N", the 31st without space after.
//
// The text column is 297 - 20 - 20 = 257 mm = 728.5 pt (14570 twips). With
// a top block 21.5 pt tall, paragraphs 1..31 take 30 x (17 + 6) + 17 = 707
// pt: the 31st ends exactly at the bottom margin and the 32nd starts page
// 2. Half a point more and the 31st moves to page 2.
func fillPage(top doc.Block, landscape bool) *doc.Section {
	s := &doc.Section{Numbered: true, Landscape: landscape, Blocks: []doc.Block{top}}
	for i := 1; i <= 32; i++ {
		p := para(lineStyle, plain(fmt.Sprintf("Đoạn số %d", i)))
		if i == 31 {
			p.Props.After = 0
		}
		s.Blocks = append(s.Blocks, p)
	}
	return s
}

func TestLibreOffice(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "soffice", "pdftotext", "pdfinfo", "pdftoppm")
	one := func(s ...*doc.Section) *doc.Document { return &doc.Document{Title: "Thử", Sections: s} }
	docs := map[string]*doc.Document{
		"exact":    one(fillPage(&doc.Spacer{Height: 21.5}, false)),
		"overfull": one(fillPage(&doc.Spacer{Height: 22}, false)),
		"rule":     one(fillPage(&doc.Rule{Width: 100, Height: 21.5}, false)),
		"sample":   benchDocument(),
		"sections": one(fillPage(&doc.Spacer{Height: 21.5}, false),
			&doc.Section{Numbered: true, Landscape: true, Blocks: []doc.Block{para(lineStyle, plain("Phụ lục trang một")), doc.PageBreak{}, para(lineStyle, plain("Phụ lục trang hai"))}}),
	}
	dir := t.TempDir()
	pdfs := toPDF(t, dir, docs)

	// Where a paragraph "Đoạn số N" landed, by page.
	pageOf := func(pdf string, n int) int {
		re := regexp.MustCompile(fmt.Sprintf(`(?m)Đoạn số %d\s*$`, n))
		for p := 1; p <= testkit.PageCount(t, pdf); p++ {
			if re.MatchString(pageText(t, pdf, p)) {
				return p
			}
		}
		return 0
	}
	for _, name := range []string{"exact", "rule", "sections"} {
		pdf := pdfs[name]
		if got := pageOf(pdf, 31); got != 1 {
			t.Errorf("%s: paragraph 31 is on page %d, want 1 (it ends exactly at the bottom margin)", name, got)
		}
		if got := pageOf(pdf, 32); got != 2 {
			t.Errorf("%s: paragraph 32 is on page %d, want 2", name, got)
		}
	}
	if got := pageOf(pdfs["overfull"], 31); got != 2 {
		t.Errorf("overfull: paragraph 31 is on page %d, want 2 (half a point too low for page 1)", got)
	}
	for name, want := range map[string]int{"exact": 2, "overfull": 2, "rule": 2, "sections": 4} {
		if got := testkit.PageCount(t, pdfs[name]); got != want {
			t.Errorf("%s: %d pages, want %d", name, got, want)
		}
	}

	// A4 pages, the second section's landscape.
	for name, pdf := range pdfs {
		n := testkit.PageCount(t, pdf)
		out, err := exec.Command("pdfinfo", "-f", "1", "-l", fmt.Sprint(n), pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		for p := 1; p <= n; p++ {
			var w, h float64
			m := regexp.MustCompile(fmt.Sprintf(`Page +%d size: +([\d.]+) x ([\d.]+)`, p)).FindSubmatch(out)
			if m == nil {
				t.Fatalf("%s: pdfinfo gives no size for page %d", name, p)
			}
			fmt.Sscan(string(m[1]), &w)
			fmt.Sscan(string(m[2]), &h)
			if name == "sections" && p > 2 {
				w, h = h, w
			}
			if math.Abs(w-doc.PageWidth) > 0.5 || math.Abs(h-doc.PageHeight) > 0.5 {
				t.Errorf("%s page %d is %.2f x %.2f pt, want A4 %.2f x %.2f", name, p, w, h, doc.PageWidth, doc.PageHeight)
			}
		}
	}

	// Page numbers: none on the first page of a section, then the page's
	// number centred over the text column, inside the top margin.
	centre := doc.MarginLeft + (doc.PageWidth-doc.MarginLeft-doc.MarginRight)/2
	for name, want := range map[string][]string{
		"exact":    {"", "2"},
		"sample":   {"", "2", "3", "4"},
		"sections": {"", "2", "", "2"},
	} {
		ws := testkit.Boxes(t, pdfs[name])
		if n := testkit.PageCount(t, pdfs[name]); n != len(want) {
			t.Errorf("%s: %d pages, want %d", name, n, len(want))
			continue
		}
		for p, num := range want {
			var inMargin []testkit.Word
			for _, w := range ws {
				if w.Page == p+1 && w.YMax < doc.MarginTop {
					inMargin = append(inMargin, w)
				}
			}
			if num == "" {
				if len(inMargin) != 0 {
					t.Errorf("%s page %d: %q in the top margin, want nothing", name, p+1, inMargin[0].Text)
				}
				continue
			}
			if len(inMargin) != 1 || inMargin[0].Text != num {
				t.Errorf("%s page %d: top margin holds %v, want the number %s", name, p+1, inMargin, num)
				continue
			}
			w := inMargin[0]
			c := centre
			if name == "sections" && p > 1 {
				c = doc.MarginLeft + (doc.PageHeight-doc.MarginLeft-doc.MarginRight)/2
			}
			if mid := (w.XMin + w.XMax) / 2; math.Abs(mid-c) > 1 {
				t.Errorf("%s page %d: number centred at %.2f pt, want %.2f", name, p+1, mid, c)
			}
			if w.YMin < doc.HeaderTop-1 {
				t.Errorf("%s page %d: number starts at %.2f pt, above the header line at %.2f", name, p+1, w.YMin, doc.HeaderTop)
			}
		}
	}

	// Text starts at the left margin.
	for _, w := range testkit.Boxes(t, pdfs["exact"]) {
		if w.Text == "Đoạn" && (w.XMin < doc.MarginLeft || w.XMin > doc.MarginLeft+1.5) {
			t.Errorf("paragraph starts at x = %.2f pt, want the 30 mm margin %.2f", w.XMin, doc.MarginLeft)
			break
		}
	}

	// The words of the sample are all there.
	all := ""
	for p := 1; p <= testkit.PageCount(t, pdfs["sample"]); p++ {
		all += pageText(t, pdfs["sample"], p)
	}
	all = strings.Join(strings.Fields(all), " ")
	want := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "GIAO ƯỚC THI ĐUA",
		"Số: 01/GƯTĐ-CTĐ", "Hà Tĩnh, ngày 05 tháng 01 năm 2024", "40. Các đơn vị thống nhất", "Ủy ban nhân dân huyện số 20"}
	for i := 1; i <= 8; i++ {
		want = append(want, fmt.Sprintf("Nguyễn Văn Người Ký %d", i))
	}
	for _, s := range want {
		if !strings.Contains(all, s) {
			t.Errorf("LibreOffice's PDF of the sample lacks %q", s)
		}
	}

	// The rule is drawn 0.5 pt thick at the top of its box, 100 pt long and
	// centred in the column, and takes no room beyond its height (checked
	// above: "rule" paginates as "exact").
	x0, x1, y0, y1 := ruleInk(t, pdfs["rule"], dir)
	col := doc.PageWidth - doc.MarginLeft - doc.MarginRight
	wantX0 := doc.MarginLeft + (col-100)/2
	if math.Abs(x0-wantX0) > 0.5 || math.Abs(x1-(wantX0+100)) > 0.5 {
		t.Errorf("rule drawn from %.2f to %.2f pt, want %.2f to %.2f", x0, x1, wantX0, wantX0+100)
	}
	if math.Abs(y0-doc.MarginTop) > 0.25 || math.Abs(y1-y0-doc.RuleThickness) > 0.25 {
		t.Errorf("rule drawn from y = %.2f to %.2f pt, want %.2f to %.2f", y0, y1, doc.MarginTop, doc.MarginTop+doc.RuleThickness)
	}
}

// ruleInk renders page 1 at 20 pixels a point and returns the box of the
// dark pixels in the first 10 pt under the top margin, in points.
func ruleInk(t *testing.T, pdf, dir string) (x0, x1, y0, y1 float64) {
	t.Helper()
	const scale = 20.0 // 1440 dpi
	top := int(doc.MarginTop*scale) - 20
	out := filepath.Join(dir, "rule")
	cmd := exec.Command("pdftoppm", "-png", "-r", "1440", "-f", "1", "-l", "1", "-x", "0", "-y", fmt.Sprint(top),
		"-W", fmt.Sprint(int(doc.PageWidth*scale)), "-H", "200", "-singlefile", pdf, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, b)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	box := image.Rectangle{Min: image.Pt(math.MaxInt, math.MaxInt)}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0x8000 {
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	if box.Empty() {
		t.Fatal("no rule drawn under the top margin")
	}
	pt := func(px, off int) float64 { return float64(px+off) / scale }
	return pt(box.Min.X, 0), pt(box.Max.X, 0), pt(box.Min.Y, top), pt(box.Max.Y, top)
}
