package frame

import (
	"strings"

	"thidua/fonts"
	"thidua/internal/doc"
	"thidua/internal/vn"
)

// National name and motto (box 1).
const (
	NationText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	MottoText  = "Độc lập - Tự do - Hạnh phúc"
)

// Head holds what the header and title of a paper say (boxes 1-5, 9a).
type Head struct {
	Parent string // cơ quan chủ quản, may be empty
	Issuer string // cơ quan ban hành
	// Number is the text after "Số: ", e.g. "01/GƯTĐ-CTĐ" (see NumberText);
	// empty leaves the line out.
	Number string
	// PlaceDate is "Nghệ An, ngày 14 tháng 3 năm 2023" (see vn.PlaceDate).
	PlaceDate string
	Type      string // tên loại, e.g. "BÁO CÁO"; empty for letters
	Summary   string // trích yếu
	// Letter makes the summary a "V/v ..." line under the number, as a
	// công văn has, instead of a centred title.
	Letter bool
	// To are the recipients of "Kính gửi".
	To []string
	// Break breaks the bodies' names and the title at their joints.
	Break Breaker
}

// NumberText writes a document's number and symbol as box 3 shows them:
// a number below 10 takes a leading zero; no number leaves room for the
// clerk to write it by hand.
func NumberText(number int, symbol string) string {
	if number <= 0 {
		return "        /" + symbol
	}
	return vn.TwoDigits(int64(number)) + "/" + symbol
}

// Widths of the header's two columns and of the empty gutter between
// them, which keeps their texts 3 mm apart: the right one holds the
// national name at 13 pt bold on one line.
var (
	HeadLeft   = doc.Mm(64.5)
	HeadGutter = doc.Mm(3)
	HeadRight  = doc.Mm(97.5)
)

// CellPad is the padding left and right inside the cells of the
// signature grid and Nơi nhận: the texts of two columns stay at least
// twice that, 3 mm, apart.
var CellPad = doc.Mm(1.5)

// Blocks builds the header table, the type and summary with their rule,
// and "Kính gửi".
func (h Head) Blocks() []doc.Block {
	left := []doc.Block{}
	inner := HeadLeft
	if h.Parent != "" {
		left = append(left, para(Parent, h.Break.Centred(h.Parent, Parent, inner, true)))
	}
	issuer := para(Issuer, h.Break.Centred(h.Issuer, Issuer, inner, true))
	left = append(left, underline(issuer, ruleLength(issuer, inner)*0.4)...)
	motto := para(Motto, MottoText)
	right := append([]doc.Block{para(Nation, NationText)},
		underline(motto, fonts.Get(fonts.Bold).Width(MottoText, Motto.Size))...)
	var numberCell []doc.Block // papers without a number (an achievement report) leave it out
	if h.Number != "" {
		numberCell = append(numberCell, para(Number, "Số: "+h.Number))
	}
	if h.Letter && h.Summary != "" {
		p := para(Letter, "V/v "+h.Summary)
		numberCell = append(numberCell, p)
	}
	t := &doc.Table{
		Columns: []float64{HeadLeft, HeadGutter, HeadRight},
		Rows: []*doc.Row{
			{Cells: []*doc.Cell{{Blocks: left}, {}, {Blocks: right}}},
			{Cells: []*doc.Cell{{Blocks: numberCell}, {}, {Blocks: []doc.Block{para(PlaceDate, h.PlaceDate)}}}},
		},
	}
	out := []doc.Block{t}
	if h.Type != "" {
		full := doc.PageWidth - doc.MarginLeft - doc.MarginRight
		out = append(out, &doc.Spacer{Height: 12}, para(Type, h.Break.Centred(h.Type, Type, full, true)))
		if h.Summary != "" && !h.Letter {
			s := para(Summary, h.Break.Centred(h.Summary, Summary, full, false))
			out = append(out, underline(s, ruleLength(s, full)*0.4)...)
		} else {
			out = append(out, &doc.Spacer{Height: 6})
		}
	} else {
		out = append(out, &doc.Spacer{Height: 12})
	}
	out = append(out, h.recipients()...)
	return out
}

// recipients writes "Kính gửi:": one recipient on the same line, several
// each on a line of its own, "- name;" with the last ending in ".".
func (h Head) recipients() []doc.Block {
	switch len(h.To) {
	case 0:
		return nil
	case 1:
		p := para(Recipient, h.Break.Centred("Kính gửi: "+h.To[0]+".", Recipient, doc.PageWidth-doc.MarginLeft-doc.MarginRight, false))
		p.Props.Align = doc.Center
		p.Props.After = 12
		return []doc.Block{p}
	}
	label := "Kính gửi:"
	indent := fonts.Get(fonts.Regular).Width(label+" ", Recipient.Size)
	out := []doc.Block{}
	for i, to := range Enumerate(h.To) {
		p := para(Recipient, "- "+to)
		p.Props.Left = doc.Mm(30) + indent
		if i == 0 {
			p = para(Recipient, label+" - "+to)
			p.Props.Left = doc.Mm(30)
		}
		if i == len(h.To)-1 {
			p.Props.After = 12
		}
		p.Runs[0].Text = h.Break.Left(p.Runs[0].Text, Recipient, doc.PageWidth-doc.MarginLeft-doc.MarginRight-p.Props.Left)
		out = append(out, p)
	}
	return out
}

// Enumerate ends every item of a list with ";" and the last with ".",
// the way the decree writes recipients and legal bases. Items already
// ending in punctuation lose it first.
func Enumerate(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		s = strings.TrimRight(strings.TrimSpace(s), ";.,")
		if i == len(items)-1 {
			out[i] = s + "."
		} else {
			out[i] = s + ";"
		}
	}
	return out
}

// para is a one-run paragraph of a style.
func para(s *doc.Style, text string) *doc.Paragraph {
	return doc.NewParagraph(s, doc.Run{Text: text})
}

// underline returns p followed by a centred rule of the given length,
// a little below its last line (the rule takes some room under it too).
func underline(p *doc.Paragraph, length float64) []doc.Block {
	p.Props.After = 2
	return []doc.Block{p, &doc.Rule{Width: length, Height: 6}}
}

// ruleLength is the width of the longest line of p (its lines end at
// "\n") when set in a column of the given width; text wider than the
// column counts as the column.
func ruleLength(p *doc.Paragraph, column float64) float64 {
	face := fonts.Get(fonts.StyleOf(p.Props.Bold, p.Props.Italic))
	w := 0.0
	for _, l := range strings.Split(p.Text(), "\n") {
		w = max(w, face.Width(l, p.Props.Size))
	}
	return min(w, column)
}
