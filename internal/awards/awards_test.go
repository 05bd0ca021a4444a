package awards

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"thidua/internal/record"
)

// Prize money worked by hand: coefficient x base salary, rounded up to
// the next 10.000 đồng.
func TestPrize(t *testing.T) {
	for _, tc := range []struct {
		coef   Coef
		salary Money
		want   Money
	}{
		{1200, 1_800_000, 21_600_000},
		{800, 1_800_000, 14_400_000},
		{450, 1_800_000, 8_100_000},
		{300, 1_800_000, 5_400_000},
		{150, 1_800_000, 2_700_000},
		{100, 1_800_000, 1_800_000},
		{80, 1_800_000, 1_440_000},
		{60, 1_800_000, 1_080_000},
		{30, 1_800_000, 540_000},
		{1200, 2_340_000, 28_080_000},
		{800, 2_340_000, 18_720_000},
		{700, 2_340_000, 16_380_000},
		{450, 2_340_000, 10_530_000},
		{350, 2_340_000, 8_190_000},
		{300, 2_340_000, 7_020_000},
		{150, 2_340_000, 3_510_000},
		{100, 2_340_000, 2_340_000},
		{80, 2_340_000, 1_880_000},  // 1.872.000 rounded up
		{60, 2_340_000, 1_410_000},  // 1.404.000 rounded up
		{30, 2_340_000, 710_000},    // 702.000 rounded up
		{350, 1_490_000, 5_220_000}, // 5.215.000 rounded up
		{30, 1_490_000, 450_000},    // 447.000 rounded up
		{15, 1_490_000, 230_000},    // 223.500 rounded up
		{1, 1_000_000, 10_000},      // 10.000 exactly stays
		{1, 1_000_001, 20_000},      // 10.000,01 goes up
	} {
		if got, ok := Prize(tc.coef, tc.salary); !ok || got != tc.want {
			t.Errorf("Prize(%s, %d) = %d, want %d", tc.coef, tc.salary, got, tc.want)
		}
	}
}

func TestParseCoef(t *testing.T) {
	for s, want := range map[string]Coef{"4,5": 450, "4.5": 450, "12": 1200, "12,0": 1200, "0,15": 15, "0,3": 30, " 3,05 ": 305} {
		c, err := ParseCoef(s)
		if err != nil || c != want {
			t.Errorf("ParseCoef(%q) = %d, %v; want %d", s, c, err, want)
		}
	}
	for _, s := range []string{"", "4,555", "1.000", "abc", "4,5,1", "-1", "0", "0,00", ",5", "5,"} {
		if c, err := ParseCoef(s); err == nil {
			t.Errorf("ParseCoef(%q) = %d, want an error", s, c)
		}
	}
	for c, want := range map[Coef]string{450: "4,5", 1200: "12,0", 15: "0,15", 30: "0,3", 305: "3,05"} {
		if got := c.String(); got != want {
			t.Errorf("Coef(%d).String() = %q, want %q", int64(c), got, want)
		}
	}
}

// recordWith is a valid record whose [khen_thuong] gets extra lines and
// whose nominees are the given [[de_nghi]] tables.
func recordWith(t *testing.T, awardLines string, nominees ...string) *record.Record {
	t.Helper()
	src := `[cum]
ten = "Khối thi đua thử"
nam = 2024

[[thanh_vien]]
id = "a"
ten = "Ủy ban nhân dân xã A"
dia_danh = "Xã A"
thu_truong = { ho_ten = "Nguyễn Văn An", chuc_vu = "Chủ tịch" }

[[thanh_vien]]
id = "b"
ten = "Ủy ban nhân dân xã B"
thu_truong = { ho_ten = "Trần Thị Bình", chuc_vu = "Chủ tịch" }

[phien]
loai = "tong-ket"
ngay = 2024-01-10
dia_diem = "Xã A"
don_vi_dang_cai = "a"

[khen_thuong]
co_quan_de_nghi = "Ủy ban nhân dân huyện Thử"
ky_hieu = "TTr-UBND"
ngay = 2024-01-15
kinh_gui = "Ủy ban nhân dân tỉnh"
nguoi_ky = { ho_ten = "Lê Văn Cường", chuc_vu = "Chủ tịch" }
` + awardLines + "\n"
	for _, n := range nominees {
		src += "\n[[de_nghi]]\n" + n + "\nthanh_tich = \"Hoàn thành xuất sắc nhiệm vụ.\"\n"
	}
	r, err := record.Parse("rec.toml", []byte(src))
	if err != nil {
		t.Fatalf("record does not parse: %v\n%s", err, src)
	}
	return r
}

func nominee(kind, award string) string {
	return fmt.Sprintf("loai = %q\nten = \"Người thử\"\nhinh_thuc = %q", kind, award)
}

// Every award of the built-in catalogue at both base salaries: the
// decree in force on 01/9/2025 is Nghị định 152/2025; the base salary is
// 2.340.000 đồng, or 1.800.000 when the record says so.
func TestEveryAwardAtBothSalaries(t *testing.T) {
	type row struct {
		award, kind    string
		at1800, at2340 Money
	}
	rows := []row{
		{"co-thi-dua-chinh-phu", record.Collective, 21_600_000, 28_080_000},
		{"co-thi-dua-cap-bo-tinh", record.Collective, 14_400_000, 18_720_000},
		{"bang-khen-thu-tuong", record.Individual, 6_300_000, 8_190_000},
		{"chien-si-thi-dua-toan-quoc", record.Individual, 8_100_000, 10_530_000},
		{"chien-si-thi-dua-cap-bo-tinh", record.Individual, 5_400_000, 7_020_000},
		{"bang-khen-cap-bo-tinh", record.Individual, 2_700_000, 3_510_000},
		{"tap-the-lao-dong-xuat-sac", record.Collective, 2_700_000, 3_510_000},
		{"chien-si-thi-dua-co-so", record.Individual, 1_800_000, 2_340_000},
		{"giay-khen", record.Individual, 540_000, 710_000},
		{"tap-the-lao-dong-tien-tien", record.Collective, 1_440_000, 1_880_000},
		{"lao-dong-tien-tien", record.Individual, 540_000, 710_000},
	}
	var nominees []string
	for _, r := range rows {
		nominees = append(nominees, nominee(r.kind, r.award))
	}
	for _, salary := range []string{"", "luong_co_so = 1800000"} {
		rec := recordWith(t, "ngay_quyet_dinh = 2025-09-01\n"+salary, nominees...)
		d := Compute(rec, Builtin(), nil)
		if len(d.Errors) > 0 {
			t.Fatalf("errors: %v", d.Errors)
		}
		if d.Regime == nil || d.Regime.Name != "Nghị định số 152/2025/NĐ-CP" {
			t.Errorf("regime %+v, want Nghị định 152/2025", d.Regime)
		}
		for i, r := range rows {
			want := r.at2340
			if salary != "" {
				want = r.at1800
			}
			if got := d.Entries[i].Prize; got != want {
				t.Errorf("%s (%s) with %q: %d đồng, want %d", r.award, r.kind, salary, got, want)
			}
		}
	}
	known := 0
	for _, a := range Builtin().Awards {
		for _, kind := range a.For {
			if _, ok := a.Coef("nd152-2025", kind); ok {
				known++
			}
		}
	}
	if len(rows) != known {
		t.Errorf("the table covers %d rows for %d coefficients the catalogue knows: add the new award here", len(rows), known)
	}
}

// The decision date chooses the decree and the base salary: a dossier of
// 2023 must not get 2025 money.
func TestDecisionDate(t *testing.T) {
	for _, tc := range []struct {
		date         string
		regime       string
		salary       Money
		cstdTinh, bk Money // Chiến sĩ thi đua cấp tỉnh; Bằng khen cấp tỉnh, cá nhân (0: unknown)
	}{
		{"2023-09-15", "Nghị định số 91/2017/NĐ-CP", 1_800_000, 5_400_000, 1_800_000},
		{"2023-06-30", "Nghị định số 91/2017/NĐ-CP", 1_490_000, 4_470_000, 1_490_000},
		{"2024-06-30", "Nghị định số 98/2023/NĐ-CP", 1_800_000, 5_400_000, 0},
		{"2024-07-01", "Nghị định số 98/2023/NĐ-CP", 2_340_000, 7_020_000, 0},
		{"2025-06-30", "Nghị định số 98/2023/NĐ-CP", 2_340_000, 7_020_000, 0},
		{"2025-07-01", "Nghị định số 152/2025/NĐ-CP", 2_340_000, 7_020_000, 3_510_000},
	} {
		rec := recordWith(t, "ngay_quyet_dinh = "+tc.date,
			nominee(record.Individual, "chien-si-thi-dua-cap-bo-tinh"), nominee(record.Individual, "bang-khen-cap-bo-tinh"))
		d := Compute(rec, Builtin(), nil)
		if d.Regime == nil || d.Regime.Name != tc.regime || d.Salary.Amount != tc.salary {
			t.Errorf("%s: regime %v, salary %d; want %s, %d", tc.date, d.Regime, d.Salary.Amount, tc.regime, tc.salary)
			continue
		}
		if got := d.Entries[0].Prize; got != tc.cstdTinh {
			t.Errorf("%s: Chiến sĩ thi đua cấp tỉnh %d, want %d", tc.date, got, tc.cstdTinh)
		}
		bk := d.Entries[1]
		if tc.bk > 0 && (bk.Bad || bk.Prize != tc.bk) {
			t.Errorf("%s: Bằng khen %d (bad %v), want %d", tc.date, bk.Prize, bk.Bad, tc.bk)
		}
		if tc.bk == 0 {
			// Nghị định 98/2023, Điều 58 is not in the catalogue: the
			// record is asked for the coefficient, at the nominee.
			if !bk.Bad || len(d.Errors) != 1 {
				t.Fatalf("%s: Bằng khen bad %v, errors %v; want one error", tc.date, bk.Bad, d.Errors)
			}
			e := d.Errors[0]
			if e.Field != "de_nghi[2].hinh_thuc" || e.Line != 39 || !strings.Contains(e.Msg, "chưa biết hệ số tiền thưởng") ||
				!strings.Contains(e.Msg, "Nghị định số 98/2023/NĐ-CP") || !strings.Contains(e.Hint, `he_so_ca_nhan = "..."`) {
				t.Errorf("%s: error %v", tc.date, e)
			}
		}
	}
}

// A record overrides the coefficient of an award kind and the base salary.
func TestOverrides(t *testing.T) {
	rec := recordWith(t, `ngay_quyet_dinh = 2024-03-01
[[khen_thuong.hinh_thuc]]
ma = "bang-khen-tinh"
danh_muc = "bang-khen-cap-bo-tinh"
ten = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
he_so_ca_nhan = "1,0"
he_so_tap_the = "2,0"`,
		nominee(record.Individual, "bang-khen-tinh"), nominee(record.Collective, "bang-khen-tinh"))
	d := Compute(rec, Builtin(), nil)
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	if d.Entries[0].Prize != 1_800_000 || d.Entries[1].Prize != 3_600_000 || d.Groups[0].Name != "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" {
		t.Errorf("prizes %d, %d; group %q", d.Entries[0].Prize, d.Entries[1].Prize, d.Groups[0].Name)
	}

	rec = recordWith(t, "ngay_quyet_dinh = 2025-09-01\nluong_co_so = 2000000", nominee(record.Individual, "bang-khen-cap-bo-tinh"))
	d = Compute(rec, Builtin(), nil)
	if got := d.Entries[0].Prize; got != 3_000_000 || !d.SalaryOver {
		t.Errorf("1,5 x 2.000.000 = %d (salary from the record: %v), want 3.000.000", got, d.SalaryOver)
	}
}

// Before the catalogue's first base salary or regime, the record must say.
func TestTooEarly(t *testing.T) {
	rec := recordWith(t, "ngay_quyet_dinh = 2012-05-01", nominee(record.Individual, "lao-dong-tien-tien"))
	d := Compute(rec, Builtin(), nil)
	if len(d.Errors) != 2 {
		t.Fatalf("errors %v, want two (salary, coefficient)", d.Errors)
	}
	if e := d.Errors[0]; e.Field != "khen_thuong.ngay_quyet_dinh" || !strings.Contains(e.Msg, "01/07/2013") || !strings.Contains(e.Hint, "luong_co_so") {
		t.Errorf("salary error %v", e)
	}
	if e := d.Errors[1]; !strings.Contains(e.Msg, "chưa có chế độ tiền thưởng nào") {
		t.Errorf("coefficient error %v", e)
	}
	rec = recordWith(t, "ngay_quyet_dinh = 2012-05-01\nluong_co_so = 1050000\n[[khen_thuong.hinh_thuc]]\nma = \"lao-dong-tien-tien\"\nhe_so_ca_nhan = \"0,3\"",
		nominee(record.Individual, "lao-dong-tien-tien"))
	if d := Compute(rec, Builtin(), nil); len(d.Errors) > 0 || d.Entries[0].Prize != 320_000 {
		t.Errorf("with both given: %v, %d; want 320.000 (315.000 rounded up)", d.Errors, d.Entries[0].Prize)
	}
}

// Votes: the share is of those entitled; the threshold holds at exactly
// 80%; a vote may come from the session's tally through a VoteSource.
func TestVotes(t *testing.T) {
	co := nominee(record.Collective, "co-thi-dua-chinh-phu")
	// A cluster's own vote takes no share from the catalogue: the votes
	// are reported without a verdict.
	rec := recordWith(t, "so_nguoi_bieu_quyet = 10", co+"\nphieu_dong_y = 8", co+"\nphieu_dong_y = 7", co)
	d := Compute(rec, Builtin(), nil)
	if len(d.Errors) != 0 || d.Groups[0].Threshold != 0 || d.Entries[1].Vote.For != 7 {
		t.Fatalf("a cluster's vote without a stated share: errors %v, threshold %d", d.Errors, d.Groups[0].Threshold)
	}
	// The council's vote takes the decree's share from the catalogue.
	rec = recordWith(t, "so_nguoi_bieu_quyet = 10\nbieu_quyet = \"hoi-dong\"", co+"\nphieu_dong_y = 8", co+"\nphieu_dong_y = 7", co)
	d = Compute(rec, Builtin(), nil)
	if len(d.Errors) != 1 || d.Entries[0].Bad || !d.Entries[1].Bad || d.Entries[2].Bad {
		t.Fatalf("errors %v", d.Errors)
	}
	if e := d.Errors[0]; e.Field != "de_nghi[2].phieu_dong_y" || !strings.Contains(e.Msg, "7/10 phiếu đồng ý (70,00%)") || !strings.Contains(e.Msg, "80%") {
		t.Errorf("threshold error %v", e)
	}
	if d.Entries[2].Vote != nil {
		t.Error("a nominee without votes has no vote")
	}
	tally := func(i int, n *record.Nominee) (Vote, bool) { return Vote{For: 10, Entitled: 12}, i == 2 }
	d = Compute(rec, Builtin(), tally)
	if v := d.Entries[2].Vote; v == nil || v.For != 10 || v.Entitled != 12 || d.Entries[2].Bad {
		t.Errorf("vote from the tally: %+v", v)
	}
	if v := d.Entries[0].Vote; v.For != 8 {
		t.Errorf("the record's own vote comes first: %+v", v)
	}
	// A cluster's vote with the share its record states is checked.
	rec = recordWith(t, "so_nguoi_bieu_quyet = 10\n[[khen_thuong.hinh_thuc]]\nma = \"co-thi-dua-chinh-phu\"\nty_le_phieu = 75", co+"\nphieu_dong_y = 8", co+"\nphieu_dong_y = 7", co)
	d = Compute(rec, Builtin(), nil)
	if len(d.Errors) != 1 || !strings.Contains(d.Errors[0].Msg, "7/10 phiếu đồng ý (70,00%), chưa đạt tỷ lệ tối thiểu 75%") {
		t.Errorf("the record's share: %v", d.Errors)
	}
}

func TestNomineeErrors(t *testing.T) {
	rec := recordWith(t, "",
		nominee(record.Individual, "co-thi-dua-chinh-phu"),
		nominee(record.Individual, "chien-si-thi-dua-cap-bo-tnh"),
		nominee(record.Individual, "lao-dong-tien-tien"))
	d := Compute(rec, Builtin(), nil)
	if len(d.Errors) != 2 || d.Complete() {
		t.Fatalf("errors %v", d.Errors)
	}
	if e := d.Errors[0]; e.Field != "de_nghi[1].hinh_thuc" || !strings.Contains(e.Msg, "chỉ tặng cho tập thể") {
		t.Errorf("kind error %v", e)
	}
	if e := d.Errors[1]; e.Field != "de_nghi[2].hinh_thuc" || !strings.Contains(e.Hint, `"chien-si-thi-dua-cap-bo-tinh"`) {
		t.Errorf("unknown award error %v", e)
	}
	data := d.Data(rec)
	if _, ok := data["tong_cong"]; ok {
		t.Error("an incomplete dossier has no totals (so no list of every nominee is made)")
	}
	groups := data["hinh_thuc"].([]map[string]any)
	if len(groups) != 1 || groups[0]["ma"] != "lao-dong-tien-tien" || len(data["ca_nhan"].([]map[string]any)) != 1 {
		t.Errorf("only the good nominee and its group remain: %v", groups)
	}
}

func TestData(t *testing.T) {
	rec := recordWith(t, "ngay_quyet_dinh = 2023-09-15",
		nominee(record.Individual, "chien-si-thi-dua-cap-bo-tinh")+"\nthanh_vien = \"a\"\nphieu_dong_y = 2",
		nominee(record.Collective, "tap-the-lao-dong-xuat-sac"),
		nominee(record.Individual, "chien-si-thi-dua-cap-bo-tinh"))
	d := Compute(rec, Builtin(), nil)
	data := d.Data(rec)
	total := data["tong_cong"].(map[string]any)
	if total["tien"] != int64(5_400_000*2+2_700_000) || total["so_luong_chu"] != "01 tập thể và 02 cá nhân" {
		t.Errorf("totals %v", total)
	}
	list := data["de_nghi"].([]map[string]any)
	if list[0]["ten_hinh_thuc"] != "Chiến sĩ thi đua bộ, ban, ngành, tỉnh" || list[1]["stt_ho_so"] != 3 || list[2]["ten_hinh_thuc"] != "Tập thể lao động xuất sắc" {
		t.Errorf("the list goes by award in catalogue order: %v", list)
	}
	first := list[0]
	if first["don_vi_bao_cao"] != "Ủy ban nhân dân xã A" || first["dia_danh_bao_cao"] != "Xã A" ||
		first["thu_truong"].(map[string]any)["ho_ten"] != "Nguyễn Văn An" || first["xac_nhan"].(map[string]any)["ho_ten"] != "Lê Văn Cường" {
		t.Errorf("defaults from the member and the proposing body: %v", first)
	}
	if p := first["phieu"].(map[string]any); p["ty_le"] != 100.0 || p["so_nguoi"] != 2 {
		t.Errorf("votes of the members entitled (2): %v", p)
	}
	g := data["hinh_thuc"].([]map[string]any)[0]
	if g["doi_tuong"] != "cá nhân" || g["tong_tien"] != int64(10_800_000) || g["so_luong_chu"] != "02 cá nhân" {
		t.Errorf("group %v", g)
	}
}

// A broken catalogue is reported with positions, every problem at once.
func TestCatalogueErrors(t *testing.T) {
	src := `[[che_do]]
ma = "a"
ten = "Nghị định A"
tu_ngay = 2020-01-01

[[luong_co_so]]
tu_ngay = 2020-01-01
muc = 0

[[hinh_thuc]]
ma = "x"
ten = "Giấy khen"
loai = "khen"
doi_tuong = ["ca-nhan"]
he_so = [
  { che_do = "b", ca_nhan = "1,0" },
  { che_do = "a", tap_the = "1,0", ca_nhan = "1,2,3" },
]
`
	_, err := Parse("kt.toml", []byte(src))
	var errs record.Errors
	if !asErrors(err, &errs) || len(errs) != 5 {
		t.Fatalf("got %v, want 5 errors", err)
	}
	// At the keys, counted by hand.
	want := []string{"kt.toml:8:1: luong_co_so[1].muc", "kt.toml:13:1: hinh_thuc[1].loai", "kt.toml:16:5: hinh_thuc[1].he_so[1].che_do",
		"kt.toml:17:19: hinh_thuc[1].he_so[2].tap_the", "kt.toml:17:36: hinh_thuc[1].he_so[2].ca_nhan"}
	for i, e := range errs {
		if !strings.HasPrefix(e.Error(), want[i]) {
			t.Errorf("error %d: %s\nwant it at %s", i+1, e, want[i])
		}
	}
}

func asErrors(err error, errs *record.Errors) bool {
	e, ok := err.(record.Errors)
	*errs = e
	return ok
}

// Money arithmetic is checked: no amount wraps into a negative number or
// rounds to zero.
func TestMoneyChecked(t *testing.T) {
	if m, ok := Money(2_340_000).Add(7_020_000); !ok || m != 9_360_000 {
		t.Errorf("2.340.000 + 7.020.000 = %d, %v", m, ok)
	}
	if m, ok := MaxMoney.Add(0); !ok || m != MaxMoney {
		t.Errorf("MaxMoney + 0 = %d, %v", m, ok)
	}
	for _, c := range [][2]Money{{MaxMoney, 1}, {1, MaxMoney}, {math.MaxInt64, 1}, {math.MaxInt64, math.MaxInt64}, {-1, 5}, {5, -1}} {
		if m, ok := c[0].Add(c[1]); ok {
			t.Errorf("%d + %d = %d, want refused", c[0], c[1], m)
		}
	}
	for _, c := range []struct {
		coef   Coef
		salary Money
	}{
		{450, 40_000_000_000_000_000},    // the audit's salary: wrapped to a negative total
		{100, math.MaxInt64},             // wrapped to 0 đồng
		{MaxCoef, math.MaxInt64 / 100},   // just below int64 in hundredths, still beyond MaxMoney
		{MaxCoef, MaxMoney/100 + 10_000}, // one step past the bound
		{-30, 2_340_000},
		{30, -2_340_000},
	} {
		if p, ok := Prize(c.coef, c.salary); ok {
			t.Errorf("Prize(%s, %d) = %d, want refused", c.coef, c.salary, p)
		}
	}
	if p, ok := Prize(MaxCoef, MaxMoney/100); !ok || p != MaxMoney {
		t.Errorf("Prize(100, 10^13) = %d, %v; want 10^15", p, ok)
	}
}

// Coefficients and salaries outside what any decree sets are refused with
// a reason; the bounds themselves pass.
func TestPlausibleRanges(t *testing.T) {
	for _, s := range []string{"100", "100,0", "0,01"} {
		if _, err := ParseCoef(s); err != nil {
			t.Errorf("ParseCoef(%q): %v", s, err)
		}
	}
	for _, s := range []string{"100,01", "999999", "2340000", "99999999999999999999999"} {
		if _, err := ParseCoef(s); err == nil || !strings.Contains(err.Error(), "lớn bất thường") {
			t.Errorf("ParseCoef(%q): %v, want it refused as too large", s, err)
		}
	}
	for _, n := range []int{record.MinBaseSalary, 2_340_000, record.MaxBaseSalary} {
		if msg, _, bad := record.BaseSalaryProblem(n, "muc"); bad {
			t.Errorf("%d: %s", n, msg)
		}
	}
	for _, n := range []int{0, -1, record.MinBaseSalary - 1, record.MaxBaseSalary + 1, 40_000_000_000_000_000} {
		if _, hint, bad := record.BaseSalaryProblem(n, "muc"); !bad || !strings.Contains(hint, "muc = 2340000") {
			t.Errorf("%d: accepted, or hint %q", n, hint)
		}
	}
}

// The threshold comparison is exact at the boundary and cannot overflow.
func TestVoteReaches(t *testing.T) {
	for _, c := range []struct {
		v         Vote
		threshold int
		want      bool
	}{
		{Vote{8, 10}, 80, true},
		{Vote{7, 10}, 80, false},
		{Vote{2, 3}, 66, true},
		{Vote{2, 3}, 67, false},
		{Vote{math.MaxInt64, math.MaxInt64}, 100, true},      // For*100 would wrap
		{Vote{math.MaxInt64 - 1, math.MaxInt64}, 100, false}, // one short of all
		{Vote{math.MaxInt64 / 10 * 9, math.MaxInt64}, 90, false},
	} {
		if got := c.v.Reaches(c.threshold); got != c.want {
			t.Errorf("%d/%d reaches %d%%: %v, want %v", c.v.For, c.v.Entitled, c.threshold, got, c.want)
		}
	}
}
