package frame

import (
	"testing"

	"thidua/internal/doc"
)

func texts(blocks []doc.Block) []string {
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			out = append(out, b.Text())
		case *doc.Spacer:
			out = append(out, "·")
		}
	}
	return out
}

// Two signers side by side (Mẫu 1.9: secretary left, chair right): the
// titles on one row, room and names on the next, so that the names are
// level however many title lines each has; the rows stay together.
func TestSignaturePair(t *testing.T) {
	blocks := Signatures([]string{"Lưu: VT, hồ sơ"}, []Sig{
		{Title: "Thư ký", Name: "Lê Thị Cúc"},
		{Authority: []string{"TM. Ủy ban nhân dân huyện An Phú"}, Title: "Chủ tọa", Name: "Nguyễn Văn An"},
	}, Breaker{})
	if len(blocks) != 1 {
		t.Fatalf("%d blocks, want one grid", len(blocks))
	}
	grid := blocks[0].(*doc.Table)
	if len(grid.Rows) != 3 || !grid.Rows[0].KeepNext || !grid.Rows[1].KeepNext {
		t.Fatalf("grid of %d rows; want titles kept with names kept with Nơi nhận", len(grid.Rows))
	}
	for _, c := range grid.Rows[0].Cells {
		if c.Span != 2 {
			t.Errorf("a signature spans %d quarter columns, want 2", c.Span)
		}
	}
	want := [2][2][]string{
		{{"·", "THƯ KÝ"}, {"·", "TM.\u00a0ỦY\u00a0BAN\u00a0NHÂN\u00a0DÂN\nHUYỆN\u00a0AN\u00a0PHÚ", "CHỦ TỌA"}},
		{{"·", "Lê Thị Cúc"}, {"·", "Nguyễn Văn An"}},
	}
	for i := range want {
		for j := range want[i] {
			got := texts(grid.Rows[i].Cells[j].Blocks)
			if len(got) != len(want[i][j]) {
				t.Errorf("row %d cell %d: %q, want %q", i+1, j+1, got, want[i][j])
				continue
			}
			for k := range got {
				if got[k] != want[i][j][k] {
					t.Errorf("row %d cell %d: %q, want %q", i+1, j+1, got, want[i][j])
					break
				}
			}
		}
	}
	if sp := grid.Rows[1].Cells[0].Blocks[0].(*doc.Spacer); sp.Height != SignatureRoom {
		t.Errorf("room for the signature %v pt, want %v", sp.Height, SignatureRoom)
	}
	copies := texts(grid.Rows[2].Cells[0].Blocks)
	if len(copies) != 2 || copies[0] != "Nơi nhận:" || copies[1] != "- Lưu: VT, hồ sơ." {
		t.Errorf("Nơi nhận under the signatures: %q", copies)
	}
}

// A grid of many signers puts the room above the first row only, and
// centres the odd last one in the middle quarter columns.
func TestSignatureGrid(t *testing.T) {
	sig := Sig{Title: "Chủ tịch", Name: "(Họ và tên)"}
	blocks := Signatures(nil, []Sig{sig, sig, sig, sig, sig}, Breaker{})
	grid := blocks[0].(*doc.Table)
	if len(grid.Rows) != 6 || len(blocks) != 1 {
		t.Fatalf("%d grid rows and %d blocks, want 6 rows (titles and names of three rows)", len(grid.Rows), len(blocks))
	}
	if got := texts(grid.Rows[2].Cells[0].Blocks); len(got) != 1 || got[0] != "CHỦ TỊCH" {
		t.Errorf("second pair's titles %q, want no room above", got)
	}
	last := grid.Rows[4].Cells
	if len(last) != 3 || last[0].Blocks != nil || last[1].Span != 2 || texts(last[1].Blocks)[0] != "CHỦ TỊCH" {
		t.Errorf("the odd signer is not centred in the middle quarters: %d cells", len(last))
	}
}
