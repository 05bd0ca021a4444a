package record

import (
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"thidua/internal/view"
)

func TestNumberFrom(t *testing.T) {
	for _, tc := range []struct {
		in    any
		units int64
		scale int
		text  string
	}{
		{int64(18500), 18500, 0, "18.500"},
		{92.58, 9258, 2, "92,58"},
		{1721.4, 17214, 1, "1.721,4"},
		{301.011, 301011, 3, "301,011"},
		{-0.5, -5, 1, "-0,5"},
		{0.1, 1, 1, "0,1"},
		{"92,58", 9258, 2, "92,58"},
		{"1.721,4", 17214, 1, "1.721,4"},
		{"18.500", 18500, 0, "18.500"},
		{" -2,25 ", -225, 2, "-2,25"},
		{"7", 7, 0, "7"},
		{"1.234.567,891", 1234567891, 3, "1.234.567,891"},
	} {
		n, p := numberFrom(tc.in)
		if p != nil {
			t.Errorf("%v: %s", tc.in, p.msg)
			continue
		}
		if n.Units != tc.units || n.Scale != tc.scale || n.String() != tc.text {
			t.Errorf("%v: {%d %d} %q, want {%d %d} %q", tc.in, n.Units, n.Scale, n.String(), tc.units, tc.scale, tc.text)
		}
	}
	for _, bad := range []any{"92.58", "1.72,4", "12,", "abc", "1,2,3", "", true, "1234567890123456", float64(1e20)} {
		if _, p := numberFrom(bad); p == nil {
			t.Errorf("%v read as a number", bad)
		}
	}
	// Exact arithmetic: 0,1 + 0,2 is 0,3.
	a, _ := numberFrom(0.1)
	b, _ := numberFrom(0.2)
	c, _ := numberFrom(0.3)
	if new(big.Rat).Add(a.Rat(), b.Rat()).Cmp(c.Rat()) != 0 {
		t.Error("0,1 + 0,2 != 0,3")
	}
}

// sessionRecord is goodRecord (decode_test.go) with session sections; the
// cases below edit one line of it.
func sessionRecord(t *testing.T) string {
	return edit(t, `[giao_uoc]`, `[bo_tieu_chi]
nhom = [{ ten = "Nhóm", tieu_chi = [{ ma = "1.1", ten = "Tiêu chí", toi_da = 10 }] }]

[[diem]]
thanh_vien = "nghe-an"
cum_cham = { "1.1" = 9.5 }
thuong = "0,25"

[giao_uoc]`)
}

func TestSessionDecodes(t *testing.T) {
	r, err := Parse("rec.toml", []byte(sessionRecord(t)))
	if err != nil {
		t.Fatal(err)
	}
	s := r.Scores[0]
	if s.Member != "nghe-an" || s.Cluster["1.1"] != (Number{95, 1}) || s.Bonus != (Number{25, 2}) {
		t.Errorf("score decoded as %+v", s)
	}
	if r.Criteria.Groups[0].Criteria[0].Max != (Number{10, 0}) {
		t.Errorf("criterion %+v", r.Criteria.Groups[0].Criteria[0])
	}
	d := view.Data(r)
	if got := d["diem"].([]map[string]any)[0]["cum_cham"].(map[string]any)["1.1"]; got != 9.5 {
		t.Errorf("Data gives the score as %v (%T), want 9.5", got, got)
	}
}

func TestSessionDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string
		want     []wantErr
	}{{
		name: "criterion code with a dot, unquoted",
		old:  `cum_cham = { "1.1" = 9.5 }`, new: `cum_cham = { 1.1 = 9.5, 1.2 = 8 }`,
		want: []wantErr{{"30:14", "diem[1].cum_cham.1", []string{"điểm cụm chấm: mã có dấu chấm (1.1, 1.2) phải đặt trong ngoặc kép"}, []string{`viết "1.1" = ...`}}},
	}, {
		name: "a score in words",
		old:  `cum_cham = { "1.1" = 9.5 }`, new: `cum_cham = { "1.1" = "chín" }`,
		want: []wantErr{{"30:22", `diem[1].cum_cham."1.1"`, []string{`điểm cụm chấm (tiêu chí 1.1): "chín" không phải là số`}, nil}},
	}, {
		name: "a decimal point inside quotes",
		old:  `thuong = "0,25"`, new: `thuong = "0.25"`,
		want: []wantErr{{"31:10", "diem[1].thuong", []string{`điểm thưởng: số "0.25" viết sai: dấu chấm chỉ để ngăn cách hàng nghìn`}, []string{"92.58", `"92,58"`}}},
	}, {
		name: "scores as a list",
		old:  `cum_cham = { "1.1" = 9.5 }`, new: `cum_cham = [9.5]`,
		want: []wantErr{{"30:12", "diem[1].cum_cham", []string{"điểm cụm chấm phải là bảng, đang là một danh sách"}, []string{`{ "1.1" = ..., "1.2" = ... }`}}},
	}, {
		name: "a score as true",
		old:  `thuong = "0,25"`, new: `thuong = true`,
		want: []wantErr{{"31:10", "diem[1].thuong", []string{"điểm thưởng phải là số, đang là giá trị đúng/sai true"}, nil}},
	}, {
		name: "missing scores",
		old:  "cum_cham = { \"1.1\" = 9.5 }\n", new: "",
		want: []wantErr{{"28:1", "diem[1].cum_cham", []string{"bảng điểm thứ 1: thiếu điểm cụm chấm (khóa cum_cham)"}, []string{"thêm bảng [diem.cum_cham] của bảng điểm thứ 1"}}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(sessionRecord(t), tc.old, tc.new, 1)
			_, err := Parse("rec.toml", []byte(src))
			checkErrors(t, err, tc.want)
		})
	}
}

func TestValueErrorf(t *testing.T) {
	r, err := Parse("rec.toml", []byte(sessionRecord(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		field    string
		key, val string
	}{
		{`diem[1].cum_cham."1.1"`, "30:14", "30:22"},
		{"diem[1].thuong", "31:1", "31:10"},
		{"diem[1]", "28:1", "28:1"}, // a table: its header
		{"bo_tieu_chi.nhom[1].tieu_chi[1].toi_da", "26:69", "26:78"},
	} {
		k := r.Errorf(tc.field, "", "x")
		v := r.ValueErrorf(tc.field, "", "x")
		if pos(k) != tc.key || pos(v) != tc.val {
			t.Errorf("%s: key at %s, value at %s; want %s and %s", tc.field, pos(k), pos(v), tc.key, tc.val)
		}
	}
}

func pos(e *Error) string { return fmt.Sprintf("%d:%d", e.Line, e.Col) }

// The year-end samples decode and hold the facts of their articles.
func TestSessionSamples(t *testing.T) {
	for _, tc := range []struct {
		file                 string
		year, members, votes int
		head, next, date     string
		named                []string // people named in the article, in the order the record names them
	}{
		{"bac-trung-bo-tong-ket-2022.toml", 2022, 6, 2, "nghe-an", "quang-tri", "14/03/2023",
			[]string{"Nguyễn Đức Trung", "Võ Văn Hưng", "Nguyễn Đức Trung", "Võ Văn Hưng", "Phạm Huy Giang"}},
		{"hai-phong-khoi-huyen-tong-ket-2023.toml", 2023, 8, 8, "vinh-bao", "cat-hai", "28/02/2024",
			[]string{"Lê Anh Quân"}},
		{"hong-linh-tong-ket-2023.toml", 2023, 6, 4, "", "", "12/01/2024",
			[]string{"Bùi Quang Liêm", "Nguyễn Huy Hùng", "Nguyễn Quang Vinh", "Đặng Ngọc Sơn", "Lê Thành Đông", "Nguyễn Thăng Long"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r, err := Load(filepath.Join("..", "..", "samples", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			next := ""
			if r.NextYear != nil {
				next = r.NextYear.Head
			}
			if r.Session.Kind != KindYearEnd || r.Cluster.Year != tc.year || len(r.Members) != tc.members || r.Cluster.Head != tc.head ||
				next != tc.next || r.Session.Date.String() != tc.date || len(r.Vote.Candidates) != tc.votes {
				t.Errorf("year %d, %d members, head %q, next %q, date %s, %d candidates", r.Cluster.Year, len(r.Members), r.Cluster.Head, next, r.Session.Date, len(r.Vote.Candidates))
			}
			var named []string
			add := func(name string) {
				if name != "(Họ và tên)" {
					named = append(named, name)
				}
			}
			for _, m := range r.Members {
				add(m.Head.Name)
			}
			for _, p := range append(r.Session.Chairs, r.Session.Guests...) {
				add(p.Name)
			}
			add(r.Minutes.Secretary.Name)
			if r.Report.Signer != nil {
				add(r.Report.Signer.Name)
			}
			if !slices.Equal(named, tc.named) {
				t.Errorf("people named %q, want %q (only those of the article; others the placeholder)", named, tc.named)
			}
		})
	}
}

// A review held well before its period ends is refused at the date, with
// the reading of a date typed "5/3/2026" (05 tháng 3) in the hint; from the
// month before the period's last month it is accepted (estimated figures).
func TestReviewDateBeforeItsPeriod(t *testing.T) {
	for _, c := range []struct {
		kind, ky, date string
		bad            bool
	}{
		{"so-ket", "", `"5/3/2023"`, true}, // 6 tháng by default
		{"so-ket", `ky = "6-thang"`, "2023-06-01", false},
		{"so-ket", `ky = "6-thang"`, "2023-05-20", false},
		{"so-ket", `ky = "9-thang"`, "2023-08-31", false},
		{"so-ket", `ky = "9-thang"`, "2023-07-31", true},
		{"so-ket", `ky = "quy-1"`, "2023-03-25", false},
		{"tong-ket", "", "2023-03-14", false}, // award proposals are held in any month
	} {
		src := edit(t, "ngay = 2023-03-14", "ngay = "+c.date+"\n"+c.ky)
		src = strings.Replace(src, `loai = "ky-ket"`, `loai = "`+c.kind+`"`, 1)
		_, err := Parse("rec.toml", []byte(src))
		got := err != nil && strings.Contains(err.Error(), "phien.ngay: ngày họp") && strings.Contains(err.Error(), "sớm hơn kỳ của phiên")
		if got != c.bad {
			t.Errorf("%s %s %s: refused %v, want %v (%v)", c.kind, c.ky, c.date, got, c.bad, err)
		}
		if c.bad && !strings.Contains(fmt.Sprint(err), `"5/3/2023" là ngày 05 tháng 3`) {
			t.Errorf("hint lacks the reading of a typed date: %v", err)
		}
	}
}
