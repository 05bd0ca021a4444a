package tally

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"thidua/internal/awards"
	"thidua/internal/record"
)

// fixture is testdata/phien.toml: four members, three indicators, a set of
// three criteria in two groups, four score sheets, four candidates. The
// expectations below are worked out by hand from it.
func fixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/phien.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces old, which must occur once in src, with new.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("%q occurs %d times", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

func compute(t *testing.T, src string) (*Results, error) {
	t.Helper()
	rec, err := record.Parse("phien.toml", []byte(src))
	if err != nil {
		t.Fatalf("record does not decode: %v", err)
	}
	return Compute(rec, awards.Builtin())
}

func mustCompute(t *testing.T, src string) *Results {
	t.Helper()
	res, err := compute(t, src)
	if err != nil {
		t.Fatalf("unexpected errors:\n%v", err)
	}
	return res
}

func TestIndicators(t *testing.T) {
	res := mustCompute(t, fixture(t))
	if len(res.Indicators) != 3 {
		t.Fatalf("%d indicators, want 3", len(res.Indicators))
	}
	ap := res.Tallies[0]
	if len(res.Tallies) != 2 || ap.Name != "An Phú" || ap.Judged != 2 || ap.Met != 2 || ap.Exceeded != 1 {
		t.Errorf("tallies %+v; want An Phú 2 judged, 2 met, 1 exceeded, then Bình Minh", res.Tallies)
	}
	if bm := res.Tallies[1]; bm.Met != 0 {
		t.Errorf("Bình Minh met %d, want 0", bm.Met)
	}
	for _, tc := range []struct {
		f            *Figure
		shown        string
		status, plan string
	}{
		// 301,011 / 192,5 = 1,5636935... -> 156,369...% -> 156,37%
		{res.Indicators[0].Rows[0], "156,37%", StatusExceeded, "192,5"},
		{res.Indicators[1].Rows[0], "100,00%", StatusMet, "12"},
		// 19.999 / 25.000 = 79,996%: short of plan, so rounded down
		{res.Indicators[2].Rows[0], "79,99%", StatusShort, "25.000"},
	} {
		if got := tc.f.OfPlan.String(); got != tc.shown || tc.f.Status != tc.status || tc.f.Plan.String() != tc.plan {
			t.Errorf("%s: %s %s (plan %s), want %s %s (plan %s)", tc.f.Name, got, tc.f.Status, tc.f.Plan, tc.shown, tc.status, tc.plan)
		}
	}
	for _, g := range res.Indicators {
		if g.Total != nil {
			t.Errorf("%s: a total of one member's figure", g.Name)
		}
	}
}

// midYear turns the fixture into a sơ kết whose indicators are replaced by src.
func midYear(t *testing.T, indicators string) string {
	t.Helper()
	return withIndicators(edit(t, fixture(t), `loai = "tong-ket"`, `loai = "so-ket"`), indicators)
}

// withIndicators replaces the [[chi_tieu]] entries of a record's source.
func withIndicators(src, indicators string) string {
	i, j := strings.Index(src, "[[chi_tieu]]"), strings.Index(src, "[bo_tieu_chi]")
	return src[:i] + indicators + "\n" + src[j:]
}

// Members' figures without plans add up to a "Cộng" row; nothing is judged.
func TestIndicatorTotals(t *testing.T) {
	res := mustCompute(t, midYear(t, `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Giá trị sản xuất"
don_vi_tinh = "tỷ đồng"
thuc_hien = 120.5
cung_ky = 100

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Giá trị sản xuất"
don_vi_tinh = "tỷ đồng"
thuc_hien = 80.25
cung_ky = 90
`))
	g := res.Indicators[0]
	if len(res.Indicators) != 1 || len(g.Rows) != 2 || g.Total == nil {
		t.Fatalf("indicators %+v", res.Indicators)
	}
	tot := g.Total
	// 200,75 against 190: +5,657...% -> 5,66%.
	if tot.Name != ComputedName || tot.Result.String() != "200,75" || tot.Plan != nil || tot.SamePeriod.String() != "190" ||
		tot.Words != "tăng 5,66% so với cùng kỳ" || tot.Status != "" {
		t.Errorf("total %+v (%s)", tot, tot.Words)
	}
	// 80,25 against 90: -10,83%.
	if w := g.Rows[1].Words; w != "giảm 10,83% so với cùng kỳ" {
		t.Errorf("Bình Minh: %q", w)
	}
	if len(res.Tallies) != 0 {
		t.Errorf("verdicts without anything to judge against: %+v", res.Tallies)
	}
}

// A rate is compared with the same period in points, not as a ratio of
// two rates: 61,35% against 55,2% is "tăng 6,15 điểm phần trăm", not
// "tăng 11,14%", and it has no "% cùng kỳ".
func TestRateChangeInPoints(t *testing.T) {
	res := mustCompute(t, midYear(t, `
[[chi_tieu]]
ten = "Tỷ lệ giải ngân vốn đầu tư công"
don_vi_tinh = "%"
thuc_hien = 61.35
cung_ky = 55.2

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Tỷ suất sinh"
don_vi_tinh = "‰"
thuc_hien = 14.1
cung_ky = 14.6
`))
	rate := res.Indicators[0].Total
	if rate == nil || rate.Words != "tăng 6,15 điểm phần trăm so với cùng kỳ" || rate.OfSame != nil || rate.Change != nil {
		t.Errorf("rate in %%: %+v (%q)", rate, rate.Words)
	}
	if w := res.Indicators[1].Rows[0].Words; w != "giảm 0,5 điểm phần nghìn so với cùng kỳ" {
		t.Errorf("rate in ‰: %q", w)
	}
}

// At a mid-year review, the year's plan gives progress, never "Chưa đạt";
// a period target gives a verdict.
func TestMidYearProgress(t *testing.T) {
	res := mustCompute(t, midYear(t, `
[[chi_tieu]]
ten = "Tổng giá trị sản xuất"
don_vi_tinh = "tỷ đồng"
ke_hoach = 18500
thuc_hien = 8012.4

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
ke_hoach = 200
chi_tieu_ky = 90
thuc_hien = 95
`))
	cluster := res.Indicators[0].Total
	// 8.012,4 / 18.500 = 43,3102...%
	if !cluster.Stated || cluster.Name != "Toàn cụm" || cluster.Status != "" || cluster.Words != "đạt 43,31% kế hoạch năm" {
		t.Errorf("cluster figure %+v", cluster)
	}
	f := res.Indicators[1].Rows[0]
	if f.Status != StatusExceeded || f.Words != "đạt 105,56% chỉ tiêu 6 tháng đầu năm 2023, đạt 47,50% kế hoạch năm" {
		t.Errorf("An Phú: %s %q", f.Status, f.Words)
	}
}

func TestIndicatorErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []wantErr
	}{{
		name: "different units",
		src: `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 95

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Thu ngân sách"
don_vi_tinh = "triệu đồng"
thuc_hien = 95000
`,
		want: []wantErr{{`don_vi_tinh = |"triệu đồng"`, "chi_tieu[2].don_vi_tinh", []string{`chỉ tiêu "Thu ngân sách" tính bằng "triệu đồng", khác đơn vị "tỷ đồng" ở chỉ tiêu thứ 1; không cộng được`}}},
	}, {
		name: "stated total disagrees",
		src: `
[[chi_tieu]]
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 200.5

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 95.04

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 95

[[chi_tieu]]
thanh_vien = "cam-lo"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 5

[[chi_tieu]]
thanh_vien = "dong-ha"
ten = "Thu ngân sách"
don_vi_tinh = "tỷ đồng"
thuc_hien = 5
`,
		want: []wantErr{{"thuc_hien = |200.5", "chi_tieu[1].thuc_hien", []string{"kết quả ghi 200,5 tỷ đồng, nhưng cộng 4 thành viên được 200,04 tỷ đồng"}}},
	}, {
		name: "period target at a year-end review",
		src: `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
chi_tieu_ky = 90
thuc_hien = 95
`,
		want: []wantErr{{"chi_tieu_ky = |90", "chi_tieu[1].chi_tieu_ky", []string{"chỉ tiêu của kỳ chỉ dùng ở phiên sơ kết"}}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			src := midYear(t, tc.src)
			if strings.Contains(tc.name, "year-end") {
				src = edit(t, src, `loai = "so-ket"`, `loai = "tong-ket"`)
			}
			_, err := compute(t, src)
			checkErrors(t, src, err, tc.want)
		})
	}
}

// A stated total that agrees once the sum is rounded as it is written is
// accepted: 200,04 states as 200. One that covers members the record
// gives no figure for is not checked.
func TestStatedTotalRounded(t *testing.T) {
	partial := midYear(t, `
[[chi_tieu]]
ten = "Thu ngân sách"
thuc_hien = 999

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
thuc_hien = 95.04

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Thu ngân sách"
thuc_hien = 95
`)
	if tot := mustCompute(t, partial).Indicators[0].Total; !tot.Stated || tot.Result.String() != "999" {
		t.Errorf("partial: total %+v", tot)
	}
	res := mustCompute(t, midYear(t, `
[[chi_tieu]]
ten = "Thu ngân sách"
thuc_hien = 200

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Thu ngân sách"
thuc_hien = 95.04

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Thu ngân sách"
thuc_hien = 95

[[chi_tieu]]
thanh_vien = "cam-lo"
ten = "Thu ngân sách"
thuc_hien = 5

[[chi_tieu]]
thanh_vien = "dong-ha"
ten = "Thu ngân sách"
thuc_hien = 5
`))
	if tot := res.Indicators[0].Total; !tot.Stated || tot.Result.String() != "200" {
		t.Errorf("total %+v", tot)
	}
}

func TestScoring(t *testing.T) {
	s := mustCompute(t, fixture(t)).Scoring
	if s.Max != 10000 || s.BonusCap != 500 || !s.HasSelf || len(s.Groups) != 2 || s.Groups[0].Code != "I" || s.Groups[1].Code != "II" {
		t.Fatalf("set: max %v cap %v self %v groups %d", s.Max, s.BonusCap, s.HasSelf, len(s.Groups))
	}
	if s.Groups[0].Max != 6000 || s.Groups[1].Max != 4000 {
		t.Errorf("group maxima %v %v, want 60 and 40", s.Groups[0].Max, s.Groups[1].Max)
	}
	type row struct {
		rank                       int
		name                       string
		self, cluster, groupI      string
		bonus, given, penalty, tot string
		class                      string
	}
	// An Phú: 29,5 + 29,25 + 37,5 = 96,25; bonus 6 counts 5 (the cap): 101,25.
	// Bình Minh: 29,1 + 29,2 + 31,95 = 90,25.
	// Cam Lộ: 29,05 + 29,4 + 32 = 90,45; + 0,5 - 0,7 = 90,25: ties with Bình Minh.
	// Đông Hà: 25 + 25 + 30 = 80; + 2 - 1,5 = 80,5; rank 4 after the tie.
	want := []row{
		{1, "An Phú", "97,5", "96,25", "58,75", "5", "6", "0", "101,25", "Xuất sắc"},
		{2, "Bình Minh", "90", "90,25", "58,3", "0", "0", "0", "90,25", "Xuất sắc"},
		{2, "Cam Lộ", "90,5", "90,45", "58,45", "0,5", "0,5", "0,7", "90,25", "Xuất sắc"},
		{4, "Đông Hà", "81", "80", "50", "2", "2", "1,5", "80,5", "Tốt"},
	}
	if len(s.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(s.Rows), len(want))
	}
	for i, w := range want {
		r := s.Rows[i]
		got := row{r.Rank, r.Name, r.Self.String(), r.Cluster.String(), r.Groups[0].String(), r.Bonus.String(), r.BonusGiven.String(), r.Penalty.String(), r.Total.String(), r.Class}
		if diff := cmp.Diff(w, got, cmp.AllowUnexported(row{})); diff != "" {
			t.Errorf("row %d (-want +got):\n%s", i+1, diff)
		}
	}
	ranges := []string{"từ 90 điểm trở lên", "từ 80 đến dưới 90 điểm", "dưới 80 điểm"}
	for i, k := range s.Classes {
		if k.Range != ranges[i] {
			t.Errorf("class %s: %q, want %q", k.Name, k.Range, ranges[i])
		}
	}
}

// Totals are exact: a tie made of decimals that floating point would add
// up differently still shares a rank, and ranks skip after a tie.
func TestRankTies(t *testing.T) {
	src := fixture(t)
	// All four at 90,3 in different ways: 0,1 + 0,2 style decimals.
	src = edit(t, src, `cum_cham = { "1.1" = 29.5, "1.2" = 29.25, "2.1" = 37.5 }
thuong = 6`, `cum_cham = { "1.1" = 30, "1.2" = 30, "2.1" = 30.3 }`)
	src = edit(t, src, `cum_cham = { "1.1" = 29.1, "1.2" = 29.2, "2.1" = 31.95 }`, `cum_cham = { "1.1" = 0.1, "1.2" = 0.2, "2.1" = 40 }
thuong = 5
tru = 5`)
	// 0,1 + 0,2 + 40 + 5 - 5 = 40,3 (float64 says 40.300000000000004)
	src = edit(t, src, `cum_cham = { "1.1" = 25, "1.2" = 25, "2.1" = 30 }`, `cum_cham = { "1.1" = 0.3, "1.2" = 0, "2.1" = 40 }`)
	// Đông Hà: 0,3 + 0 + 40 + 2 - 1,5 = 40,8
	s := mustCompute(t, src).Scoring
	var got []string
	for _, r := range s.Rows {
		got = append(got, r.Name+" "+r.Total.String()+" #"+itoa(r.Rank))
	}
	want := "An Phú 90,3 #1|Cam Lộ 90,25 #2|Đông Hà 40,8 #3|Bình Minh 40,3 #4"
	if strings.Join(got, "|") != want {
		t.Errorf("ranking %q, want %q", strings.Join(got, "|"), want)
	}

	rows := []*ScoreRow{{Name: "a", Total: 9258, order: 3}, {Name: "b", Total: 9000, order: 0}, {Name: "c", Total: 9258, order: 1}, {Name: "d", Total: 8000, order: 2}, {Name: "e", Total: 9000, order: 4}}
	rank(rows)
	var order []string
	for _, r := range rows {
		order = append(order, r.Name+itoa(r.Rank))
	}
	if strings.Join(order, " ") != "c1 a1 b3 e3 d5" {
		t.Errorf("ranks %v, want c1 a1 b3 e3 d5 (equal totals share a rank, in member order)", order)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestVoteCountedAgainstEntitled(t *testing.T) {
	v := mustCompute(t, fixture(t)).Vote
	// 4 members entitled, Đông Hà absent: 3 present, 3 ballots, all valid.
	if v.Entitled != 4 || v.Present != 3 || v.Issued != 3 || v.Valid != 3 || v.Denominator != 4 || v.Way != record.VoteBallot {
		t.Fatalf("electorate %+v", v)
	}
	want := []struct {
		name, share, rule string
		passed            bool
	}{
		{"An Phú", "75,00%", "từ 80% trở lên", false},        // 3/4 < 80% (Cờ thi đua của Chính phủ)
		{"Bình Minh", "50,00%", "từ 80% trở lên", false},     // 2/4
		{"Cam Lộ", "75,00%", "từ 2/3 trở lên", true},         // 3/4 >= 2/3
		{"Trần Thị Bình", "75,00%", "từ 90% trở lên", false}, // "Chiến sỹ" spelt with y still matches "Chiến sĩ"
	}
	for i, w := range want {
		c := v.Candidates[i]
		if c.Name != w.name || c.Share.String() != w.share || c.Rule.Describe() != w.rule || c.Passed != w.passed {
			t.Errorf("candidate %d: %s %s (%s) passed %v; want %s %s (%s) %v", i+1, c.Name, c.Share, c.Rule.Describe(), c.Passed, w.name, w.share, w.rule, w.passed)
		}
	}
	if len(v.Nominees) != 1 || v.Nominees[0].Name != "Cam Lộ" {
		t.Errorf("nominees %v, want only Cam Lộ (every candidate who passed)", v.Nominees)
	}
	// Each threshold says where it comes from: the cluster's regulation
	// named in [binh_xet] by default, the meeting, or a decree.
	for i, want := range []string{"theo Quy chế hoạt động của Khối thi đua, Điều 9", "theo Quy chế hoạt động của Khối thi đua, Điều 9",
		"do hội nghị thống nhất", "theo khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP"} {
		if got := v.Candidates[i].Rule.Origin(); got != want {
			t.Errorf("candidate %d: threshold %q, want %q", i+1, got, want)
		}
	}
}

func TestVoteCountedAgainstPresent(t *testing.T) {
	src := edit(t, fixture(t), "[binh_xet]\n", "[binh_xet]\ntinh_tren = \"co-mat\"\n")
	v := mustCompute(t, src).Vote
	if v.Denominator != 3 {
		t.Fatalf("denominator %d, want 3 present", v.Denominator)
	}
	// 3/3 = 100% passes 80% and 90%; 2/3 = 66,666...% fails 80%, and is
	// shown rounded down so that it cannot read as 66,67%.
	want := map[string]string{"An Phú": "100,00% true", "Bình Minh": "66,66% false", "Cam Lộ": "100,00% true", "Trần Thị Bình": "100,00% true"}
	for _, c := range v.Candidates {
		if got := c.Share.String() + " " + boolText(c.Passed); got != want[c.Name] {
			t.Errorf("%s: %s, want %s", c.Name, got, want[c.Name])
		}
	}
	if len(v.Nominees) != 3 {
		t.Errorf("%d nominees, want 3", len(v.Nominees))
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// 2/3 against a 2/3 rule passes (exactly at the threshold) and shows
// 66,67%; against 80% it fails and shows 66,66%.
func TestTwoThirdsVersusEightyPercent(t *testing.T) {
	src := edit(t, fixture(t), "[binh_xet]\n", "[binh_xet]\ntinh_tren = \"co-mat\"\n")
	src = edit(t, src, "khen_thuong = \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\"\nso_phieu = 3", "khen_thuong = \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\"\nso_phieu = 2")
	v := mustCompute(t, src).Vote
	cam, binh := v.Candidates[2], v.Candidates[1]
	if !cam.Passed || cam.Share.String() != "66,67%" {
		t.Errorf("Cam Lộ 2/3 against 2/3: %s passed %v, want 66,67%% passed", cam.Share, cam.Passed)
	}
	if binh.Passed || binh.Share.String() != "66,66%" {
		t.Errorf("Bình Minh 2/3 against 80%%: %s passed %v, want 66,66%% failed", binh.Share, binh.Passed)
	}
}

func TestShowOfHandsAndStrictRule(t *testing.T) {
	src := edit(t, fixture(t), "[binh_xet]\n", "[binh_xet]\ncach_bieu_quyet = \"gio-tay\"\n")
	src = edit(t, src, "ty_le = \"2/3\"", "ty_le = \"quá bán\"")
	src = edit(t, src, "khen_thuong = \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\"\nso_phieu = 3", "khen_thuong = \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\"\nso_phieu = 2")
	v := mustCompute(t, src).Vote
	if v.Issued != 0 || v.Valid != 0 || v.Way != record.VoteHands {
		t.Errorf("show of hands has ballots: %+v", v)
	}
	// 2/4 = 50% is not more than half.
	if c := v.Candidates[2]; c.Passed || c.Rule.Describe() != "trên 50%" {
		t.Errorf("2/4 against 'quá bán': passed %v (%s), want failed (trên 50%%)", c.Passed, c.Rule.Describe())
	}
}

func TestPercentRounding(t *testing.T) {
	for _, tc := range []struct {
		a, b    int64
		reached bool
		want    string
	}{
		{2, 3, true, "66,67%"},
		{2, 3, false, "66,66%"},
		{19999, 25000, false, "79,99%"}, // not 80,00%: it falls short
		{19999, 25000, true, "80,00%"},
		{1, 8, true, "12,50%"},
		{1, 80000, true, "0,00%"},
		{1, 40000, true, "0,00%"}, // 0,0025% -> 0,00
		{1, 20000, true, "0,01%"}, // 0,005% -> half away from zero
		{-1, 20000, true, "-0,01%"},
		{-3, 40000, true, "-0,01%"}, // -0,0075%
		{5, 4, true, "125,00%"},
	} {
		if got := percentOf(ratio(tc.a, tc.b), tc.reached).String(); got != tc.want {
			t.Errorf("%d/%d (reached %v): %s, want %s", tc.a, tc.b, tc.reached, got, tc.want)
		}
	}
}

func TestParseRule(t *testing.T) {
	for _, tc := range []struct {
		in, describe string
		meets, fails [2]int64 // a ratio that meets it, one that does not
	}{
		{"80%", "từ 80% trở lên", [2]int64{4, 5}, [2]int64{79999, 100000}},
		{"Từ 90% trở lên", "từ 90% trở lên", [2]int64{9, 10}, [2]int64{8, 9}},
		{"2/3", "từ 2/3 trở lên", [2]int64{2, 3}, [2]int64{6666, 10000}},
		{"66,67%", "từ 66,67% trở lên", [2]int64{6667, 10000}, [2]int64{2, 3}},
		{"trên 50%", "trên 50%", [2]int64{501, 1000}, [2]int64{1, 2}},
		{"Quá bán", "trên 50%", [2]int64{3, 5}, [2]int64{2, 4}},
	} {
		r, err := ParseRule(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if r.Describe() != tc.describe || !r.Met(ratio(tc.meets[0], tc.meets[1])) || r.Met(ratio(tc.fails[0], tc.fails[1])) {
			t.Errorf("%q: %q, meets %v: %v, fails %v: %v", tc.in, r.Describe(), tc.meets, r.Met(ratio(tc.meets[0], tc.meets[1])), tc.fails, r.Met(ratio(tc.fails[0], tc.fails[1])))
		}
	}
	for _, bad := range []string{"80", "0%", "120%", "3/2", "1/0", "80,123%", "tám mươi phần trăm", ""} {
		if _, err := ParseRule(bad); err == nil {
			t.Errorf("%q parsed without error", bad)
		}
	}
}

func TestPapersDefaults(t *testing.T) {
	res := mustCompute(t, fixture(t))
	r := res.Report
	if r.Symbol != "BC-CTĐTN" || r.Number != 12 || r.Place != "An Phú" || r.Date.String() != "15/01/2024" ||
		r.Summary != "Tổng kết công tác thi đua, khen thưởng năm 2023" || r.Ahead != "năm 2024" {
		t.Errorf("report %+v", r)
	}
	if len(r.To) != 1 || r.To[0] != "Hội đồng Thi đua - Khen thưởng tỉnh" {
		t.Errorf("report goes to %q, want the cluster's body", r.To)
	}
	sg := r.Signer
	if sg.Name != "Nguyễn Văn An" || sg.Title != "Chủ tịch Ủy ban nhân dân huyện An Phú" || strings.Join(sg.Authority, "|") != "TM. Cụm thi đua thử nghiệm|Cụm trưởng" {
		t.Errorf("report signer %+v", sg)
	}
	m := res.Minutes
	if m.Symbol != "BB-CTĐTN" || m.Chair.Name != "Nguyễn Văn An" || m.Secretary.Name != "Lê Thị Cúc" || m.Present != 3 || m.Members != 4 ||
		m.Start != "08 giờ 00 phút, ngày 15 tháng 01 năm 2024" || m.End != "11 giờ 30 phút, ngày 15 tháng 01 năm 2024" {
		t.Errorf("minutes %+v", m)
	}
	if n := res.NextYear; n.Year != 2024 || n.Head != "Bình Minh" || n.Deputy != "Cam Lộ" {
		t.Errorf("next year %+v", n)
	}
}

// A record without session sections has nothing to compute.
func TestNothingToCompute(t *testing.T) {
	src := fixture(t)
	src = src[:strings.Index(src, "[[chi_tieu]]")]
	res := mustCompute(t, src)
	if !res.Empty() {
		t.Errorf("results of a record without session sections: %+v", res)
	}
}

// wantErr says where an error must point: at the first character of the
// text at (which occurs once in the record), or at its "|" when it has one;
// on field, saying msg.
type wantErr struct {
	at, field string
	msg       []string
}

// position returns the line and character column that at points to in src.
func position(t *testing.T, src, at string) (int, int) {
	t.Helper()
	text := strings.Replace(at, "|", "", 1)
	if strings.Count(src, text) != 1 {
		t.Fatalf("%q occurs %d times in the record", text, strings.Count(src, text))
	}
	before := src[:strings.Index(src, text)] + at[:max(strings.Index(at, "|"), 0)]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	return line, col
}

func checkErrors(t *testing.T, src string, err error, want []wantErr) {
	t.Helper()
	var errs record.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v (%T) is not record.Errors", err, err)
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i := range min(len(errs), len(want)) {
		e, w := errs[i], want[i]
		line, col := position(t, src, w.at)
		if e.Line != line || e.Col != col || e.Field != w.field {
			t.Errorf("error %d at %d:%d %s, want %d:%d %s (%s)", i+1, e.Line, e.Col, e.Field, line, col, w.field, e.Msg)
		}
		for _, m := range w.msg {
			if !strings.Contains(e.Msg+" Cách sửa: "+e.Hint, m) {
				t.Errorf("error %d: %q (Cách sửa: %q) lacks %q", i+1, e.Msg, e.Hint, m)
			}
		}
		if e.Hint == "" || e.File != "phien.toml" {
			t.Errorf("error %d has no hint or no file: %+v", i+1, e)
		}
	}
}

func TestBadSessions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string
		want     []wantErr
		first    bool // only the first errors are checked
	}{{
		name: "score over its maximum",
		old:  `cum_cham = { "1.1" = 29.5,`, new: `cum_cham = { "1.1" = 30.5,`,
		want: []wantErr{{`"1.1" = |30.5`, `diem[1].cum_cham."1.1"`, []string{"bảng điểm của An Phú: điểm cụm chấm tiêu chí 1.1 (Phát triển kinh tế) là 30,5, vượt điểm tối đa 30"}}},
	}, {
		name: "self-assessed score over its maximum",
		old:  `tu_cham = { "1.1" = 26,`, new: `tu_cham = { "1.1" = 31,`,
		want: []wantErr{{`"1.1" = |31`, `diem[4].tu_cham."1.1"`, []string{"điểm tự chấm tiêu chí 1.1", "là 31, vượt điểm tối đa 30"}}},
	}, {
		name: "unknown criterion, and the one it replaced is missing",
		old:  `cum_cham = { "1.1" = 25, "1.2" = 25,`, new: `cum_cham = { "1.1" = 25, "1.3" = 25,`,
		want: []wantErr{
			{`{ "1.1" = 25, "1.3"`, "diem[4].cum_cham", []string{"bảng điểm của Đông Hà: điểm cụm chấm thiếu điểm của tiêu chí 1.2"}},
			{`"1.3" = |25`, `diem[4].cum_cham."1.3"`, []string{`điểm cụm chấm có tiêu chí "1.3" không có trong bộ tiêu chí`}},
		},
	}, {
		name: "unknown member in a score sheet, who is then without a score",
		old:  "thanh_vien = \"dong-ha\"\ntu_cham", new: "thanh_vien = \"dong-hoa\"\ntu_cham",
		want: []wantErr{
			{"[[diem]]\nthanh_vien = \"an-phu\"", "diem", []string{"thành viên Đông Hà (mã \"dong-ha\") chưa có bảng điểm"}},
			{`"dong-hoa"`, "diem[4].thanh_vien", []string{`bảng điểm thứ 4: "dong-hoa" không phải mã của thành viên nào`}},
		},
	}, {
		name: "member without a score",
		old:  "[[diem]]\nthanh_vien = \"cam-lo\"\ntu_cham = { \"1.1\" = 30, \"1.2\" = 30, \"2.1\" = 30.5 }\ncum_cham = { \"1.1\" = 29.05, \"1.2\" = 29.4, \"2.1\" = 32 }\nthuong = 0.5\ntru = 0.7\n", new: "",
		want: []wantErr{{"[[diem]]\nthanh_vien = \"an-phu\"", "diem", []string{"thành viên Cam Lộ (mã \"cam-lo\") chưa có bảng điểm"}}},
	}, {
		name: "a score with three decimals",
		old:  `"1.2" = 29.25`, new: `"1.2" = 29.125`,
		want: []wantErr{{`"1.2" = |29.125`, `diem[1].cum_cham."1.2"`, []string{"29,125, có quá hai chữ số thập phân"}}},
	}, {
		name: "bonus when the set allows none",
		old:  "diem_thuong_toi_da = 5\n", new: "",
		want: []wantErr{
			{"thuong = |6", "diem[1].thuong", []string{"có 6 điểm thưởng nhưng bộ tiêu chí không cho điểm thưởng"}},
			{"thuong = |0.5", "diem[3].thuong", nil},
			{"thuong = |2", "diem[4].thuong", nil},
		},
	}, {
		name: "scale that the maxima do not add up to",
		old:  "thang_diem = 100", new: "thang_diem = 1000",
		want: []wantErr{{"thang_diem = |1000", "bo_tieu_chi.thang_diem", []string{"tổng điểm tối đa của các tiêu chí là 100, khác thang điểm 1.000"}}},
	}, {
		name: "duplicate criterion code", first: true,
		old: `{ ma = "2.1", ten = "Tổ chức`, new: `{ ma = "1.2", ten = "Tổ chức`,
		want: []wantErr{
			{`thang_diem = |100`, "bo_tieu_chi.thang_diem", []string{"là 60, khác thang điểm 100"}},
			{`"1.2", ten = "Tổ chức`, "bo_tieu_chi.nhom[2].tieu_chi[1].ma", []string{`mã tiêu chí "1.2" trùng với tiêu chí ở bo_tieu_chi.nhom[1].tieu_chi[2]`}},
			{"tu = |90", "bo_tieu_chi.xep_loai[1].tu", []string{`mức "Xuất sắc" bắt đầu từ 90 điểm, cao hơn số điểm có thể đạt (65)`}},
		},
	}, {
		name: "votes over valid ballots",
		old:  "khen_thuong = \"Cờ thi đua của Chính phủ\"\nso_phieu = 3", new: "khen_thuong = \"Cờ thi đua của Chính phủ\"\nso_phieu = 4",
		want: []wantErr{{"so_phieu = |4", "binh_xet.ung_vien[1].so_phieu", []string{"An Phú có 4 phiếu, nhiều hơn số phiếu hợp lệ (3)"}}},
	}, {
		name: "show of hands: votes over members present",
		old:  "[binh_xet]\n", new: "[binh_xet]\ncach_bieu_quyet = \"gio-tay\"\nso_phieu_hop_le = 3\n",
		want: []wantErr{{"so_phieu_hop_le = |3", "binh_xet.so_phieu_hop_le", []string{"biểu quyết giơ tay không có phiếu"}}},
	}, {
		name: "ballots over members present",
		old:  "[binh_xet]\n", new: "[binh_xet]\nso_phieu_phat_ra = 4\n",
		want: []wantErr{{"so_phieu_phat_ra = |4", "binh_xet.so_phieu_phat_ra", []string{"số phiếu phát ra (4) nhiều hơn số thành viên có mặt (3)"}}},
	}, {
		name: "valid ballots over ballots issued",
		old:  "[binh_xet]\n", new: "[binh_xet]\nso_phieu_hop_le = 4\n",
		want: []wantErr{{"so_phieu_hop_le = |4", "binh_xet.so_phieu_hop_le", []string{"số phiếu hợp lệ (4) nhiều hơn số phiếu phát ra (3)"}}},
	}, {
		name: "members present over members entitled",
		old:  "[binh_xet]\n", new: "[binh_xet]\nso_thanh_vien = 4\nso_co_mat = 5\n",
		want: []wantErr{{"so_co_mat = |5", "binh_xet.so_co_mat", []string{"số thành viên có mặt (5) nhiều hơn số thành viên có quyền biểu quyết (4)"}}},
	}, {
		name: "nominee who did not pass the vote",
		old:  "[bao_cao]\n", new: "[[binh_xet.de_nghi]]\nthanh_vien = \"binh-minh\"\nkhen_thuong = \"Cờ thi đua cấp tỉnh\"\n\n[bao_cao]\n",
		want: []wantErr{{"[[binh_xet.de_nghi]]", "binh_xet.de_nghi[1]", []string{"Bình Minh không đạt khi bình xét Cờ thi đua cấp tỉnh: 2/4 phiếu (50,00%), cần từ 80% trở lên"}}},
	}, {
		name: "nominee never put to the vote",
		old:  "[bao_cao]\n", new: "[[binh_xet.de_nghi]]\nthanh_vien = \"dong-ha\"\nkhen_thuong = \"Cờ thi đua cấp tỉnh\"\n\n[bao_cao]\n",
		want: []wantErr{{"[[binh_xet.de_nghi]]", "binh_xet.de_nghi[1]", []string{"Đông Hà chưa được đưa ra bình xét cho hình thức \"Cờ thi đua cấp tỉnh\""}}},
	}, {
		name: "unknown member in the vote",
		old:  "thanh_vien = \"cam-lo\"\nkhen_thuong", new: "thanh_vien = \"camlo\"\nkhen_thuong",
		want: []wantErr{{`"camlo"`, "binh_xet.ung_vien[3].thanh_vien", []string{`"camlo" không phải mã của thành viên nào`}}},
	}, {
		name: "award without a threshold",
		old:  "khen_thuong = \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\"\nso_phieu", new: "khen_thuong = \"Giấy khen\"\nso_phieu",
		want: []wantErr{{`"Giấy khen"`, "binh_xet.ung_vien[3].khen_thuong", []string{`chưa có tỷ lệ phiếu tối thiểu cho hình thức "Giấy khen"`}}},
	}, {
		name: "negative votes",
		old:  "khen_thuong = \"Cờ thi đua cấp tỉnh\"\nso_phieu = 2", new: "khen_thuong = \"Cờ thi đua cấp tỉnh\"\nso_phieu = -2",
		want: []wantErr{{"so_phieu = |-2", "binh_xet.ung_vien[2].so_phieu", []string{"Bình Minh có số phiếu âm (-2)", "từ 0 trở lên"}}},
	}, {
		name: "cluster vote without its own threshold: the council's is not borrowed",
		old:  "[[binh_xet.nguong]]\nkhen_thuong = \"Cờ thi đua của Chính phủ\"\nty_le = \"80%\"\n", new: "",
		want: []wantErr{{"khen_thuong = |\"Cờ thi đua của Chính phủ\"\nso_phieu", "binh_xet.ung_vien[1].khen_thuong",
			[]string{`chưa có tỷ lệ phiếu tối thiểu cho hình thức "Cờ thi đua của Chính phủ" trong bình xét của cụm`,
				"tỷ lệ 80% của nghị định là ngưỡng của Hội đồng Thi đua - Khen thưởng", `nguon = "quy-che"`}}},
	}, {
		name: "threshold without a source",
		old:  "can_cu = \"Quy chế hoạt động của Khối thi đua, Điều 9\"\n", new: "",
		want: []wantErr{
			{"ty_le = |\"80%\"\n\n[[binh_xet.nguong]]\nkhen_thuong = \"Cờ thi đua cấp", "binh_xet.nguong[1].ty_le", []string{`ngưỡng của hình thức "Cờ thi đua của Chính phủ" chưa ghi nguồn`}},
			{"ty_le = |\"80%\"\n\n[[binh_xet.nguong]]\nkhen_thuong = \"Bằng", "binh_xet.nguong[2].ty_le", nil},
			// and not again at the candidates of these awards
		},
	}, {
		name: "decree threshold without the decree",
		old:  "can_cu = \"khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP\"\n", new: "",
		want: []wantErr{
			// only where the threshold is wrong, not again at its candidates
			{`"nghi-dinh"`, "binh_xet.nguong[4].nguon", []string{"theo nghị định nhưng chưa ghi nghị định nào"}},
		},
	}, {
		name: "unreadable threshold",
		old:  `ty_le = "2/3"`, new: `ty_le = "hai phần ba"`,
		want: []wantErr{
			// not again as "chưa có tỷ lệ phiếu tối thiểu" at its candidate
			{`"hai phần ba"`, "binh_xet.nguong[3].ty_le", []string{`tỷ lệ "hai phần ba" không đọc được`}},
		},
	}, {
		name: "unit and person in one candidate",
		old:  "ho_ten = \"Trần Thị Bình\"", new: "thanh_vien = \"binh-minh\"\nho_ten = \"Trần Thị Bình\"",
		want: []wantErr{{"ho_ten = |\"Trần Thị Bình\"", "binh_xet.ung_vien[4].ho_ten", []string{"ghi cả mã đơn vị"}}},
	}, {
		name: "indicator of an unknown member, and a plan of zero",
		old:  "thanh_vien = \"binh-minh\"\nten = \"Số hộ dùng nước sạch\"\ndon_vi_tinh = \"hộ\"\nke_hoach = 25000", new: "thanh_vien = \"binh\"\nten = \"Số hộ dùng nước sạch\"\ndon_vi_tinh = \"hộ\"\nke_hoach = 0",
		want: []wantErr{
			{`"binh"`, "chi_tieu[3].thanh_vien", []string{`chỉ tiêu thứ 3: "binh" không phải mã`}},
			{"ke_hoach = |0", "chi_tieu[3].ke_hoach", []string{"kế hoạch 0 không tính được tỷ lệ %"}},
		},
	}, {
		name: "report of a signing session",
		old:  `loai = "tong-ket"`, new: `loai = "ky-ket"`,
		want: []wantErr{{`"ky-ket"`, "phien.loai", []string{"báo cáo sơ kết, tổng kết chỉ có ở phiên sơ kết hoặc tổng kết"}}},
	}, {
		name: "closing before opening",
		old:  `gio_ket_thuc = "11 giờ 30 phút"`, new: `gio_ket_thuc = "7h30"`,
		want: []wantErr{{`"7h30"`, "bien_ban.gio_ket_thuc", []string{`giờ kết thúc "7h30" không sau giờ bắt đầu "08 giờ 00 phút"`}}},
	}, {
		name: "next year's deputy is its head",
		old:  `cum_pho = "cam-lo"`, new: `cum_pho = "binh-minh"`,
		want: []wantErr{{"cum_pho = |\"binh-minh\"", "nam_toi.cum_pho", []string{"trùng với cụm trưởng năm tới"}}},
	}, {
		name: "total below every rating band",
		old:  "ten = \"Tốt\"\ntu = 80\n\n[[bo_tieu_chi.xep_loai]]\nten = \"Chưa đạt\"\ntu = 0", new: "ten = \"Tốt\"\ntu = 85",
		want: []wantErr{{"[[diem]]\nthanh_vien = \"dong-ha\"", "diem[4]", []string{"bảng điểm của Đông Hà: tổng điểm 80,5 thấp hơn mức xếp loại thấp nhất (Tốt, từ 85 điểm)"}}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			src := edit(t, fixture(t), tc.old, tc.new)
			_, err := compute(t, src)
			if tc.first {
				var errs record.Errors
				if errors.As(err, &errs) && len(errs) > len(tc.want) {
					err = errs[:len(tc.want)]
				}
			}
			checkErrors(t, src, err, tc.want)
		})
	}
}

// Every problem is reported at once, in the order of the record's lines.
func TestErrorsAllAtOnce(t *testing.T) {
	src := fixture(t)
	src = edit(t, src, "ke_hoach = 12\n", "ke_hoach = -12\n")
	src = edit(t, src, `"2.1" = 37.5`, `"2.1" = 41`)
	src = edit(t, src, "thanh_vien = \"cam-lo\"\nkhen_thuong", "thanh_vien = \"camlo\"\nkhen_thuong")
	src = edit(t, src, `cum_truong = "binh-minh"`, `cum_truong = "binhminh"`)
	_, err := compute(t, src)
	checkErrors(t, src, err, []wantErr{
		{"ke_hoach = |-12", "chi_tieu[2].ke_hoach", []string{"kế hoạch -12"}},
		{`"2.1" = |41`, `diem[1].cum_cham."2.1"`, []string{"vượt điểm tối đa 40"}},
		{`"camlo"`, "binh_xet.ung_vien[3].thanh_vien", nil},
		{`"binhminh"`, "nam_toi.cum_truong", []string{`cụm trưởng năm tới: "binhminh" không phải mã`}},
	})
}

// A mid-year review names the period phien.ky gives, and the rest of the
// year as the period ahead.
func TestMidYearPeriods(t *testing.T) {
	for ky, want := range map[string][2]string{
		"":        {"6 tháng đầu năm 2023", "6 tháng cuối năm 2023"},
		"9-thang": {"9 tháng đầu năm 2023", "3 tháng cuối năm 2023"},
		"quy-2":   {"quý II năm 2023", "quý III năm 2023"},
	} {
		src := edit(t, fixture(t), `loai = "tong-ket"`, `loai = "so-ket"`)
		if ky != "" {
			src = edit(t, src, `loai = "so-ket"`, "loai = \"so-ket\"\nky = \""+ky+"\"")
		}
		res := mustCompute(t, src)
		if res.Period != want[0] || res.Report.Period != want[0] || res.Report.Ahead != want[1] || res.Report.Review != "sơ kết" {
			t.Errorf("ky %q: period %q, report %q ahead %q; want %q, %q", ky, res.Period, res.Report.Period, res.Report.Ahead, want[0], want[1])
		}
	}
}

// The minutes say where each threshold comes from: once when they share
// their source, by award otherwise.
func TestThresholdSourcesInTheMinutes(t *testing.T) {
	v := mustCompute(t, fixture(t)).Vote.data()
	if v["nguon_chung"] != "" {
		t.Errorf("mixed sources printed once as %q", v["nguon_chung"])
	}
	var got []string
	for _, g := range v["nhom"].([]map[string]any) {
		got = append(got, g["khen_thuong"].(string)+": "+g["nguon"].(string))
	}
	want := []string{
		"Cờ thi đua của Chính phủ: theo Quy chế hoạt động của Khối thi đua, Điều 9",
		"Cờ thi đua cấp tỉnh: theo Quy chế hoạt động của Khối thi đua, Điều 9",
		"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: do hội nghị thống nhất",
		"Chiến sỹ thi đua cấp tỉnh: theo khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	src := edit(t, fixture(t), "nguon = \"hoi-nghi\"\n", "")
	src = edit(t, src, "nguon = \"nghi-dinh\"\ncan_cu = \"khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP\"\n", "")
	if got := mustCompute(t, src).Vote.data()["nguon_chung"]; got != "theo Quy chế hoạt động của Khối thi đua, Điều 9" {
		t.Errorf("one source for all: %q", got)
	}
}

// A Cờ thi đua of the province proposed for a unit the scores do not rank
// first is computed (not refused) with a note naming its rank and the
// leader; for the leader, or for a tie at the top, there is no note.
func TestFlagForTheLeader(t *testing.T) {
	src := fixture(t)
	res := mustCompute(t, src)
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "Bình Minh được đề nghị Cờ thi đua cấp tỉnh nhưng xếp hạng 2/4 theo bảng điểm (hạng nhất: An Phú)") ||
		!strings.Contains(res.Notes[0], "Nghị định số 91/2017/NĐ-CP, Điều 12") {
		t.Errorf("notes: %q", res.Notes)
	}
	var out strings.Builder
	if err := res.WriteText(&out); err != nil || !strings.Contains(out.String(), "Lưu ý: Bình Minh được đề nghị Cờ thi đua cấp tỉnh") {
		t.Errorf("check does not print the note (%v):\n%s", err, out.String())
	}
	// the same flag for the leader: no note
	led := edit(t, src, "thanh_vien = \"binh-minh\"\nkhen_thuong = \"Cờ thi đua cấp tỉnh\"", "thanh_vien = \"an-phu\"\nkhen_thuong = \"Cờ thi đua cấp tỉnh\"")
	if res := mustCompute(t, led); len(res.Notes) != 0 {
		t.Errorf("a flag for the leader gets notes: %q", res.Notes)
	}
}

// yearEnd keeps the fixture a tổng kết whose indicators are replaced by src.
func yearEnd(t *testing.T, indicators string) string {
	t.Helper()
	return withIndicators(fixture(t), indicators)
}

// A rate against its period's target or its plan is compared in points,
// never as the ratio of two rates (99,5% against 98% is not "101,53%"),
// with the verdict the comparison gives.
func TestRateAgainstTargetInPoints(t *testing.T) {
	res := mustCompute(t, midYear(t, `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Tỷ lệ hồ sơ giải quyết đúng hạn"
don_vi_tinh = "%"
chi_tieu_ky = 98
thuc_hien = 99.5

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Tỷ lệ hồ sơ giải quyết đúng hạn"
don_vi_tinh = "%"
chi_tieu_ky = 98
ke_hoach = 98
thuc_hien = 97.2
`))
	rows := res.Indicators[0].Rows
	if f := rows[0]; f.Status != StatusExceeded || f.OfTarget != nil || f.Words != "cao hơn 1,5 điểm phần trăm so với chỉ tiêu 6 tháng đầu năm 2023" {
		t.Errorf("an-phu: %s %v %q", f.Status, f.OfTarget, f.Words)
	}
	if f := rows[1]; f.Status != StatusShort || f.OfPlan != nil ||
		f.Words != "thấp hơn 0,8 điểm phần trăm so với chỉ tiêu 6 tháng đầu năm 2023, thấp hơn 0,8 điểm phần trăm so với kế hoạch năm" {
		t.Errorf("binh-minh: %s %v %q", f.Status, f.OfPlan, f.Words)
	}
}

// An indicator better lower (chieu = "giam": the poverty rate, road
// accidents) is met at or below its plan; its share reads "bằng", and a
// result just above the plan never shows as 100,00%.
func TestLowerIsBetter(t *testing.T) {
	res := mustCompute(t, yearEnd(t, `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Tỷ lệ hộ nghèo"
don_vi_tinh = "%"
chieu = "giam"
ke_hoach = 2
thuc_hien = 1.8

[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Số vụ tai nạn giao thông"
don_vi_tinh = "vụ"
chieu = "giam"
ke_hoach = 50
thuc_hien = 45

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Số vụ tai nạn giao thông"
don_vi_tinh = "vụ"
chieu = "giam"
ke_hoach = 200000
thuc_hien = 200001
`))
	if f := res.Indicators[0].Rows[0]; f.Status != StatusExceeded || f.Words != "thấp hơn 0,2 điểm phần trăm so với kế hoạch" {
		t.Errorf("poverty rate: %s %q", f.Status, f.Words)
	}
	if f := res.Indicators[1].Rows[0]; f.Status != StatusExceeded || f.Words != "bằng 90,00% kế hoạch" {
		t.Errorf("accidents below plan: %s %q", f.Status, f.Words)
	}
	if f := res.Indicators[1].Rows[1]; f.Status != StatusShort || f.Words != "bằng 100,01% kế hoạch" {
		t.Errorf("accidents just above plan: %s %q", f.Status, f.Words)
	}
	if ap := res.Tallies[0]; ap.Met != 2 || ap.Exceeded != 2 {
		t.Errorf("An Phú: %+v, want 2 met, 2 exceeded", ap)
	}
	// one figure "giam", another not: refused at the second, with its position
	_, err := compute(t, yearEnd(t, `
[[chi_tieu]]
thanh_vien = "an-phu"
ten = "Số vụ tai nạn giao thông"
chieu = "giam"
ke_hoach = 50
thuc_hien = 45

[[chi_tieu]]
thanh_vien = "binh-minh"
ten = "Số vụ tai nạn giao thông"
ke_hoach = 50
thuc_hien = 45
`))
	if err == nil || !regexp.MustCompile(`phien\.toml:\d+:\d+: chi_tieu\[2\]\.chieu: chỉ tiêu thứ 2: chỉ tiêu "Số vụ tai nạn giao thông" có chiều khác`).MatchString(err.Error()) {
		t.Errorf("mixed directions: %v", err)
	}
}
