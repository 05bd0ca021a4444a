package forms

import (
	"strings"
	"testing"

	"thidua/internal/doc"
	"thidua/internal/frame"
)

const perItem = `+++
ten_loai = "BÁO CÁO"
co_quan_ban_hanh = "{{.muc.don_vi}}"
moi = "ho_so.ca_nhan"
ten_tep = "bao-cao-{{.muc.ten}}"

[[ky]]
nguoi = "muc"
+++
Thành tích của {{.muc.ten}}.

<!-- phu-luc -->

# Phụ lục

###### (Kèm theo báo cáo của {{.muc.ten}})
`

func TestEach(t *testing.T) {
	tpl, err := Parse("x.md", []byte(perItem))
	if err != nil {
		t.Fatal(err)
	}
	people := []map[string]any{{"ten": "An", "ho_ten": "Lê An", "chuc_vu": "Giáo viên", "don_vi": "Trường A"}, {"ten": "Bình", "ho_ten": "Lê Bình", "chuc_vu": "Y sĩ", "don_vi": "Trạm B"}}
	data := map[string]any{"ho_so": map[string]any{"ca_nhan": people}, "cum": "giữ nguyên"}
	items := tpl.Each(data)
	if len(items) != 2 || items[1][ItemKey].(map[string]any)["ten"] != "Bình" || items[0]["cum"] != "giữ nguyên" {
		t.Fatalf("items %v", items)
	}
	if _, ok := data[ItemKey]; ok {
		t.Error("Each must not change the data it is given")
	}
	if !tpl.Applies(data) || tpl.Applies(map[string]any{"ho_so": map[string]any{}}) {
		t.Error("a per-item paper applies when its list is there")
	}
	if name, _ := tpl.FileName(items[1]); name != "bao-cao-Bình" {
		t.Errorf("file name %q", name)
	}
	d, err := tpl.Build(items[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) != 2 {
		t.Fatalf("%d sections", len(d.Sections))
	}
	// The signature ends the report, not its appendix; the report has no
	// number, so no "Số:" line; "######" is the appendix's italic note.
	if !hasStyle(d.Sections[0].Blocks, frame.Signer) || hasStyle(d.Sections[1].Blocks, frame.Signer) {
		t.Error("the signature belongs before the appendix")
	}
	if hasStyle(d.Sections[0].Blocks, frame.Number) {
		t.Error("a paper without a number prints no \"Số:\"")
	}
	if !hasStyle(d.Sections[1].Blocks, frame.Note) {
		t.Error("###### is the centred italic note")
	}
	if plain := (&Template{Name: "y"}); len(plain.Each(data)) != 1 {
		t.Error("a template without moi makes one paper")
	}
	if _, err := Parse("z.md", []byte(strings.Replace(perItem, `moi = "ho_so.ca_nhan"`, `moi = "ho so"`, 1))); err == nil || !strings.Contains(err.Error(), "đường dẫn tới một danh sách") {
		t.Errorf("a bad moi: %v", err)
	}
}

// hasStyle reports whether a paragraph of style s is among the blocks,
// inside tables too.
func hasStyle(blocks []doc.Block, s *doc.Style) bool {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b.Style == s {
				return true
			}
		case *doc.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					if hasStyle(c.Blocks, s) {
						return true
					}
				}
			}
		}
	}
	return false
}

// A paper made per item costs the same whatever the number of items: the
// record's place names are found once by Each, not by every paper's
// frame (a dossier of 1.000 nominees took 10 s instead of 1 s).
func TestEachPaperCostIndependentOfItems(t *testing.T) {
	tpl, err := Parse("x.md", []byte(perItem))
	if err != nil {
		t.Fatal(err)
	}
	allocs := func(n int) float64 {
		people := make([]map[string]any, n)
		for i := range people {
			people[i] = map[string]any{"ten": "An", "ho_ten": "Lê An", "chuc_vu": "Giáo viên", "don_vi": "Trường A", "dia_danh": "Xã An Hòa"}
		}
		items := tpl.Each(map[string]any{"ho_so": map[string]any{"ca_nhan": people}})
		return testing.AllocsPerRun(5, func() {
			if _, err := tpl.Build(items[0]); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(10), allocs(2000)
	if large > small*1.2+10 {
		t.Errorf("one paper of 2.000 items allocates %.0f times, of 10 items %.0f", large, small)
	}
}
