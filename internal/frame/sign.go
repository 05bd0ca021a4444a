package frame

import (
	"strings"

	"thidua/internal/doc"
)

// Sig is one signature block (boxes 7a-7c): the authority lines
// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the title ("PHÓ CHỦ TỊCH"),
// room for the signature and seal, and the name.
type Sig struct {
	Authority []string
	Title     string
	Name      string
}

// SignatureRoom is the empty height left between title and name for a
// handwritten or digital signature and the seal (box 7c): the decree's
// "about 25-30 mm" at its low end, so that eight signers and Nơi nhận
// fit on one page.
var SignatureRoom = doc.Mm(25)

// blocks builds the signature block, centred in a cell whose text is
// width wide.
func (s Sig) blocks(br Breaker, width float64) []doc.Block {
	return append(s.titles(br, width), s.name(br, width)...)
}

// titles are the authority and title lines.
func (s Sig) titles(br Breaker, width float64) []doc.Block {
	var out []doc.Block
	for _, a := range s.Authority {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, para(Authority, br.Centred(a, Authority, width, true)))
		}
	}
	if s.Title != "" {
		out = append(out, para(Authority, br.Centred(s.Title, Authority, width, true)))
	}
	return out
}

// name is the room for the signature and the name under it.
func (s Sig) name(br Breaker, width float64) []doc.Block {
	name := para(Signer, br.Centred(s.Name, Signer, width, false))
	name.Props.After = NameAfter
	return []doc.Block{&doc.Spacer{Height: SignatureRoom}, name}
}

// NameAfter is the space under a signer's name, before the next row of
// signatures or Nơi nhận.
const NameAfter = 6

// Signatures lays out the end of a paper: one signer on the right with
// "Nơi nhận" on the left; two or more side by side, two per row (as Mẫu
// 1.9 puts the secretary left and the chair right), the last one centred
// when their number is odd, and "Nơi nhận" under them, kept on the page of
// the last signature. Side by side, titles take one row and names the
// next, so that names are level however many lines the titles take; a
// block never splits across pages.
func Signatures(copies []string, sigs []Sig, br Breaker) []doc.Block {
	width := doc.PageWidth - doc.MarginLeft - doc.MarginRight
	if len(sigs) <= 1 {
		if len(sigs) == 0 && len(copies) == 0 {
			return nil
		}
		left := width * 0.45
		right := &doc.Cell{}
		if len(sigs) == 1 {
			right.Blocks = sigs[0].blocks(br, width-left-2*CellPad)
		}
		return []doc.Block{&doc.Table{
			Columns: []float64{left, width - left},
			PadX:    CellPad,
			Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: copiesBlocks(copies, br, left-2*CellPad)}, right}}},
		}}
	}
	// A grid of quarter columns: a signature takes two, so that the odd
	// last one sits in the middle two. 6 pt of room above the first row,
	// inside it, so that the paragraph before can keep with the signatures.
	q := width / 4
	inner := 2*q - 2*CellPad
	grid := &doc.Table{Columns: []float64{q, q, q, q}, PadX: CellPad}
	for i := 0; i < len(sigs); i += 2 {
		top := 0.0
		if i == 0 {
			top = 6
		}
		cell := func(blocks []doc.Block) *doc.Cell {
			if top > 0 {
				blocks = append([]doc.Block{&doc.Spacer{Height: top}}, blocks...)
			}
			return &doc.Cell{Blocks: blocks, Span: 2}
		}
		titles, names := &doc.Row{KeepNext: true}, &doc.Row{}
		if i+1 < len(sigs) {
			titles.Cells = []*doc.Cell{cell(sigs[i].titles(br, inner)), cell(sigs[i+1].titles(br, inner))}
			names.Cells = []*doc.Cell{{Blocks: sigs[i].name(br, inner), Span: 2}, {Blocks: sigs[i+1].name(br, inner), Span: 2}}
		} else {
			titles.Cells = []*doc.Cell{{}, cell(sigs[i].titles(br, inner)), {}}
			names.Cells = []*doc.Cell{{}, {Blocks: sigs[i].name(br, inner), Span: 2}, {}}
		}
		grid.Rows = append(grid.Rows, titles, names)
	}
	if len(copies) > 0 {
		grid.Rows[len(grid.Rows)-1].KeepNext = true
		grid.Rows = append(grid.Rows, &doc.Row{Cells: []*doc.Cell{{Blocks: copiesBlocks(copies, br, inner), Span: 2}, {Span: 2}}})
	}
	return []doc.Block{grid}
}

// copiesBlocks writes "Nơi nhận:" and its list (box 9b); the list ends
// with "Lưu: VT" unless the record already says where the file copy goes.
func copiesBlocks(copies []string, br Breaker, width float64) []doc.Block {
	if len(copies) == 0 {
		return nil
	}
	items := append([]string(nil), copies...)
	last := strings.ToLower(items[len(items)-1])
	if !strings.HasPrefix(last, "lưu") {
		items = append(items, "Lưu: VT")
	}
	out := []doc.Block{para(CopiesHead, "Nơi nhận:")}
	for _, it := range Enumerate(items) {
		p := para(Copies, br.Left("- "+it, Copies, width))
		out = append(out, p)
	}
	return out
}
