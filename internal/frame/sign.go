package frame

import (
	"strings"

	"thidua/internal/doc"
	"thidua/internal/vn"
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
// handwritten or digital signature and the seal (box 7c).
var SignatureRoom = doc.Mm(27)

// blocks builds the signature block, centred in its cell.
func (s Sig) blocks() []doc.Block { return append(s.titles(), s.name()...) }

// titles are the authority and title lines.
func (s Sig) titles() []doc.Block {
	var out []doc.Block
	for _, a := range s.Authority {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, para(Authority, vn.Upper(a)))
		}
	}
	if s.Title != "" {
		out = append(out, para(Authority, vn.Upper(s.Title)))
	}
	return out
}

// name is the room for the signature and the name under it.
func (s Sig) name() []doc.Block {
	name := para(Signer, s.Name)
	name.Props.After = 12
	return []doc.Block{&doc.Spacer{Height: SignatureRoom}, name}
}

// pair lays two signature blocks side by side in two rows, titles then
// names, so that the names line up however many lines the titles take;
// the rows stay on one page. top is room above the titles.
func pair(a, b Sig, top float64) []*doc.Row {
	cell := func(blocks []doc.Block) *doc.Cell {
		if top > 0 {
			blocks = append([]doc.Block{&doc.Spacer{Height: top}}, blocks...)
		}
		return &doc.Cell{Blocks: blocks}
	}
	titles := &doc.Row{Cells: []*doc.Cell{cell(a.titles()), cell(b.titles())}, KeepNext: true}
	names := &doc.Row{Cells: []*doc.Cell{{Blocks: a.name()}, {Blocks: b.name()}}}
	return []*doc.Row{titles, names}
}

// Signatures lays out the end of a paper: one signer on the right with
// "Nơi nhận" on the left; two signers side by side (as Mẫu 1.9 puts the
// secretary left and the chair right); more in a grid, two per row, the
// last one centred when their number is odd. Side by side, the names are
// level. A block never splits across pages.
func Signatures(copies []string, sigs []Sig) []doc.Block {
	width := doc.PageWidth - doc.MarginLeft - doc.MarginRight
	half := width / 2
	switch {
	case len(sigs) == 1:
		left := width * 0.45
		return []doc.Block{&doc.Table{
			Columns: []float64{left, width - left},
			Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: copiesBlocks(copies)}, {Blocks: sigs[0].blocks()}}}},
		}}
	case len(sigs) == 0:
		if len(copies) == 0 {
			return nil
		}
		return []doc.Block{&doc.Table{
			Columns: []float64{width * 0.45, width * 0.55},
			Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: copiesBlocks(copies)}, {}}}},
		}}
	}
	// Two per row, names level; 6 pt of room above the first row, inside
	// it, so that the paragraph before can keep with the signatures.
	grid := &doc.Table{Columns: []float64{half, half}}
	for i := 0; i+1 < len(sigs); i += 2 {
		top := 0.0
		if i == 0 {
			top = 6
		}
		grid.Rows = append(grid.Rows, pair(sigs[i], sigs[i+1], top)...)
	}
	out := []doc.Block{grid}
	if len(sigs)%2 == 1 {
		out = append(out, &doc.Table{
			Columns: []float64{half},
			Align:   doc.Center,
			Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: sigs[len(sigs)-1].blocks()}}}},
		})
	}
	if len(copies) > 0 {
		out = append(out, &doc.Table{
			Columns: []float64{width * 0.45, width * 0.55},
			Rows:    []*doc.Row{{Cells: []*doc.Cell{{Blocks: copiesBlocks(copies)}, {}}}},
		})
	}
	return out
}

// copiesBlocks writes "Nơi nhận:" and its list (box 9b); the list ends
// with "Lưu: VT" unless the record already says where the file copy goes.
func copiesBlocks(copies []string) []doc.Block {
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
		p := para(Copies, "- "+it)
		out = append(out, p)
	}
	return out
}
