package awards

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"thidua/internal/record"
)

// The figures of the decrees, written here by hand from the texts (and
// the audit of issue 16), NOT read back from templates/khen-thuong.toml:
// changing any coefficient, base salary, date or regime of the built-in
// catalogue without changing this table fails TestCatalogueMatchesDecrees.
// "" is a coefficient the texts could not be checked for: the record must
// give it.

// decreeRegime is a regime: the decree and the day it took effect.
type decreeRegime struct {
	ID, Name string
	From     record.Date
}

var decreeRegimes = []decreeRegime{
	{"nd91-2017", "Nghị định số 91/2017/NĐ-CP", record.Date{Year: 2017, Month: 10, Day: 1}},
	{"nd98-2023", "Nghị định số 98/2023/NĐ-CP", record.Date{Year: 2024, Month: 1, Day: 1}}, // with the Luật Thi đua, khen thưởng 2022
	{"nd152-2025", "Nghị định số 152/2025/NĐ-CP", record.Date{Year: 2025, Month: 7, Day: 1}},
}

// decreeSalary is a row of the base salary table.
type decreeSalary struct {
	From   record.Date
	Amount Money
	Source string
}

var decreeSalaries = []decreeSalary{
	{record.Date{Year: 2013, Month: 7, Day: 1}, 1_150_000, "Nghị định số 66/2013/NĐ-CP"},
	{record.Date{Year: 2016, Month: 5, Day: 1}, 1_210_000, "Nghị định số 47/2016/NĐ-CP"},
	{record.Date{Year: 2017, Month: 7, Day: 1}, 1_300_000, "Nghị định số 47/2017/NĐ-CP"},
	{record.Date{Year: 2018, Month: 7, Day: 1}, 1_390_000, "Nghị định số 72/2018/NĐ-CP"},
	{record.Date{Year: 2019, Month: 7, Day: 1}, 1_490_000, "Nghị định số 38/2019/NĐ-CP"},
	{record.Date{Year: 2023, Month: 7, Day: 1}, 1_800_000, "Nghị định số 24/2023/NĐ-CP"},
	{record.Date{Year: 2024, Month: 7, Day: 1}, 2_340_000, "Nghị định số 73/2024/NĐ-CP"},
}

// decreeAward is an award: its printed name, whether it is a danh hiệu,
// the vote share of the Hội đồng Thi đua - Khen thưởng (Nghị định
// 98/2023, Điều 30 khoản 7), and its coefficients by regime, collective
// then individual.
type decreeAward struct {
	ID, Name  string
	Title     bool
	Threshold int
	Coefs     map[string][2]string
}

var decreeAwards = []decreeAward{
	{"co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", true, 80, map[string][2]string{
		"nd91-2017": {"12,0", ""}, "nd98-2023": {"12,0", ""}, "nd152-2025": {"12,0", ""}}},
	{"co-thi-dua-cap-bo-tinh", "Cờ thi đua của bộ, ban, ngành, tỉnh", true, 80, map[string][2]string{
		"nd91-2017": {"8,0", ""}, "nd98-2023": {"8,0", ""}, "nd152-2025": {"8,0", ""}}},
	{"bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", false, 0, map[string][2]string{
		"nd91-2017": {"7,0", "3,5"}, "nd98-2023": {"", ""}, "nd152-2025": {"", "3,5"}}},
	{"anh-hung-lao-dong", "Anh hùng Lao động", true, 90, map[string][2]string{
		"nd91-2017": {"", "15,5"}, "nd98-2023": {"", ""}, "nd152-2025": {"", ""}}},
	{"anh-hung-luc-luong-vu-trang", "Anh hùng Lực lượng vũ trang nhân dân", true, 90, map[string][2]string{
		"nd91-2017": {"", "15,5"}, "nd98-2023": {"", ""}, "nd152-2025": {"", ""}}},
	{"chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", true, 90, map[string][2]string{
		"nd91-2017": {"", "4,5"}, "nd98-2023": {"", "4,5"}, "nd152-2025": {"", "4,5"}}},
	{"chien-si-thi-dua-cap-bo-tinh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", true, 90, map[string][2]string{
		"nd91-2017": {"", "3,0"}, "nd98-2023": {"", "3,0"}, "nd152-2025": {"", "3,0"}}},
	{"bang-khen-cap-bo-tinh", "Bằng khen của bộ, ban, ngành, tỉnh", false, 0, map[string][2]string{
		"nd91-2017": {"2,0", "1,0"}, "nd98-2023": {"", ""}, "nd152-2025": {"", "1,5"}}},
	{"tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", true, 0, map[string][2]string{
		"nd91-2017": {"1,5", ""}, "nd98-2023": {"1,5", ""}, "nd152-2025": {"1,5", ""}}},
	{"chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", true, 80, map[string][2]string{
		"nd91-2017": {"", "1,0"}, "nd98-2023": {"", "1,0"}, "nd152-2025": {"", "1,0"}}},
	{"giay-khen", "Giấy khen", false, 0, map[string][2]string{
		"nd91-2017": {"0,6", "0,3"}, "nd98-2023": {"", ""}, "nd152-2025": {"", "0,3"}}},
	{"tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", true, 0, map[string][2]string{
		"nd91-2017": {"0,8", ""}, "nd98-2023": {"0,8", ""}, "nd152-2025": {"0,8", ""}}},
	{"lao-dong-tien-tien", "Lao động tiên tiến", true, 0, map[string][2]string{
		"nd91-2017": {"", "0,3"}, "nd98-2023": {"", "0,3"}, "nd152-2025": {"", "0,3"}}},
}

// TestCatalogueMatchesDecrees pins every figure of the built-in
// catalogue to the table above; a difference is printed field by field.
func TestCatalogueMatchesDecrees(t *testing.T) {
	c := Builtin()
	var regimes []decreeRegime
	for _, r := range c.Regimes {
		regimes = append(regimes, decreeRegime{r.ID, r.Name, r.From})
	}
	if diff := cmp.Diff(decreeRegimes, regimes); diff != "" {
		t.Errorf("regimes differ from the decrees (-decrees +catalogue):\n%s", diff)
	}
	var salaries []decreeSalary
	for _, s := range c.Salaries {
		salaries = append(salaries, decreeSalary(s))
	}
	if diff := cmp.Diff(decreeSalaries, salaries); diff != "" {
		t.Errorf("base salaries differ from the decrees (-decrees +catalogue):\n%s", diff)
	}
	var awards []decreeAward
	for _, a := range c.Awards {
		d := decreeAward{ID: a.ID, Name: a.Name, Title: a.Title, Threshold: a.Threshold, Coefs: map[string][2]string{}}
		for _, r := range c.Regimes {
			var pair [2]string
			for k, kind := range [2]string{record.Collective, record.Individual} {
				if coef, ok := a.Coef(r.ID, kind); ok {
					pair[k] = coef.String()
				}
			}
			d.Coefs[r.ID] = pair
		}
		awards = append(awards, d)
	}
	if diff := cmp.Diff(decreeAwards, awards); diff != "" {
		t.Errorf("awards differ from the decrees (-decrees +catalogue):\n%s", diff)
	}
}

// TestRegimeAndSalaryByDate checks the day before and the day each regime
// and each salary starts, so that a shifted date fails even where the
// table above would agree.
func TestRegimeAndSalaryByDate(t *testing.T) {
	c := Builtin()
	for i, want := range decreeRegimes {
		day := want.From.Time()
		before := dateOf(day.AddDate(0, 0, -1))
		if r, ok := c.RegimeAt(want.From); !ok || r.ID != want.ID {
			t.Errorf("on %s: regime %v, want %s", want.From, r.ID, want.ID)
		}
		r, ok := c.RegimeAt(before)
		if i == 0 && ok || i > 0 && (!ok || r.ID != decreeRegimes[i-1].ID) {
			t.Errorf("on %s: regime %q (%v), want the one before %s", before, r.ID, ok, want.ID)
		}
	}
	for i, want := range decreeSalaries {
		before := dateOf(want.From.Time().AddDate(0, 0, -1))
		if s, ok := c.SalaryAt(want.From); !ok || s.Amount != want.Amount {
			t.Errorf("on %s: salary %d, want %d", want.From, s.Amount, want.Amount)
		}
		s, ok := c.SalaryAt(before)
		if i == 0 && ok || i > 0 && (!ok || s.Amount != decreeSalaries[i-1].Amount) {
			t.Errorf("on %s: salary %d (%v), want the one before %s", before, s.Amount, ok, want.From)
		}
	}
}

// Old names of the 2003 law still find the awards, which print the
// current names.
func TestOldNamesAreAliases(t *testing.T) {
	c := Builtin()
	for old, id := range map[string]string{
		"Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh": "chien-si-thi-dua-cap-bo-tinh",
		"Chiến sỹ thi đua cấp tỉnh":                 "chien-si-thi-dua-cap-bo-tinh",
		"Bằng khen cấp bộ, ban, ngành, tỉnh":        "bang-khen-cap-bo-tinh",
		"Cờ thi đua cấp bộ, ban, ngành, tỉnh":       "co-thi-dua-cap-bo-tinh",
		"Chiến sĩ thi đua bộ, ban, ngành, tỉnh":     "chien-si-thi-dua-cap-bo-tinh",
		"Bằng khen của bộ, ban, ngành, tỉnh":        "bang-khen-cap-bo-tinh",
	} {
		if a, ok := c.Named(old); !ok || a.ID != id {
			t.Errorf("%q: %v, want %s", old, a, id)
		}
	}
}

func dateOf(t time.Time) record.Date {
	return record.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}
