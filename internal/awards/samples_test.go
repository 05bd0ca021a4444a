package awards

import (
	"testing"

	"thidua/internal/record"
)

// The award samples hold their articles' proposals, and the prize money
// of their decision dates, worked by hand.
func TestSamples(t *testing.T) {
	// Hải Phòng, proposals of 28/02/2024: Nghị định 98/2023, base salary
	// 1.800.000 đồng; Cờ thi đua 12,0 and 8,0; Bằng khen 2,0 as the record
	// states (the catalogue does not know Điều 58).
	rec, err := record.Load("../../samples/hai-phong-khen-thuong-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := Compute(rec, Builtin(), nil)
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	want := []struct {
		name    string
		members int
		each    Money
	}{
		{"Cờ thi đua của Chính phủ", 1, 21_600_000},
		{"Cờ thi đua của Ủy ban nhân dân thành phố", 1, 14_400_000},
		{"Bằng khen toàn diện của Chủ tịch Ủy ban nhân dân thành phố", 2, 3_600_000},
		{"Bằng khen chuyên đề của Chủ tịch Ủy ban nhân dân thành phố", 4, 3_600_000},
	}
	if len(d.Groups) != len(want) {
		t.Fatalf("%d groups", len(d.Groups))
	}
	total := Money(0)
	for i, g := range d.Groups {
		if g.Name != want[i].name || len(g.Entries) != want[i].members {
			t.Errorf("group %d: %s with %d", i+1, g.Name, len(g.Entries))
		}
		for _, e := range g.Entries {
			total += e.Prize
			if e.Prize != want[i].each || e.Vote == nil || e.Vote.For != 8 || e.Vote.Entitled != 8 {
				t.Errorf("%s: %d đồng, vote %+v", e.Nominee.Name, e.Prize, e.Vote)
			}
		}
	}
	if d.Groups[0].Entries[0].Nominee.Name != "Cán bộ và Nhân dân huyện Vĩnh Bảo" || d.Groups[1].Entries[0].Nominee.Name != "Cán bộ và Nhân dân huyện Thủy Nguyên" {
		t.Error("Vĩnh Bảo gets the Cờ thi đua của Chính phủ, Thủy Nguyên the city's")
	}
	if total != 57_600_000 || d.Regime.ID != "nd98-2023" || d.Salary.Amount != 1_800_000 {
		t.Errorf("total %d, regime %s, salary %d", total, d.Regime.ID, d.Salary.Amount)
	}

	// Hồng Lĩnh: three Chiến sĩ thi đua cấp tỉnh, not named by the
	// article; decision in 2023: Nghị định 91/2017, 3,0 x 1.800.000.
	rec, err = record.Load("../../samples/hong-linh-khen-thuong-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	d = Compute(rec, Builtin(), nil)
	if len(d.Errors) > 0 || len(d.Entries) != 3 || d.Regime.ID != "nd91-2017" {
		t.Fatalf("errors %v, %d nominees", d.Errors, len(d.Entries))
	}
	for _, e := range d.Entries {
		if e.Nominee.Name != "(Họ và tên)" || e.Nominee.Kind != record.Individual || e.Group.Name != "Danh hiệu Chiến sĩ thi đua cấp tỉnh" || e.Prize != 5_400_000 {
			t.Errorf("%+v: %s, %d đồng", e.Nominee, e.Group.Name, e.Prize)
		}
	}
	if rec.Awards.Signer.Name != "Nguyễn Huy Hùng" {
		t.Errorf("the article names the town's chairman: %q", rec.Awards.Signer.Name)
	}
}
