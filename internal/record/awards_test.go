package record

import (
	"strings"
	"testing"
)

// awardsPart follows goodRecord (which ends on line 28); line numbers
// matter to the cases below.
const awardsPart = `
[khen_thuong]
co_quan_de_nghi = "Ủy ban nhân dân tỉnh Nghệ An"
ky_hieu = "TTr-UBND"
ngay = 2023-03-20
kinh_gui = "Hội đồng Thi đua - Khen thưởng Trung ương"
nguoi_ky = { ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch", tham_quyen = "TM. Ủy ban nhân dân tỉnh" }

[[de_nghi]]
loai = "tap-the"
ten = "Nhân dân và cán bộ tỉnh Nghệ An"
hinh_thuc = "co-thi-dua-chinh-phu"
thanh_vien = "nghe-an"
phieu_dong_y = 2
thanh_tich = ["Hoàn thành xuất sắc nhiệm vụ năm 2022."]

[[de_nghi]]
loai = "ca-nhan"
ten = "Võ Văn Hưng"
hinh_thuc = "chien-si-thi-dua-cap-bo-tinh"
thanh_tich = """
Nhiều năm liền **hoàn thành xuất sắc** nhiệm vụ.

- Sáng kiến cấp tỉnh."""
[[de_nghi.danh_hieu_thi_dua]]
nam = "2022"
ten = "Chiến sĩ thi đua cơ sở"
so_quyet_dinh = "125/QĐ-UBND"
ngay_quyet_dinh = 2022-05-12
`

// editAwards returns goodRecord and awardsPart with old (once in
// awardsPart) replaced.
func editAwards(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(awardsPart, old); n != 1 {
		t.Fatalf("%q occurs %d times in awardsPart", old, n)
	}
	return goodRecord + strings.Replace(awardsPart, old, new, 1)
}

func TestAwardsRecord(t *testing.T) {
	r, err := Parse("rec.toml", []byte(goodRecord+awardsPart))
	if err != nil {
		t.Fatal(err)
	}
	a := r.Awards
	// Defaults: the host's place, the decision on the submission's date,
	// the cluster's year, every member entitled to vote.
	if a.Place != "Nghệ An" || a.DecisionDate != a.Date || a.Year != 2023 || a.Voters != 2 {
		t.Errorf("defaults: place %q, decision %v, year %d, voters %d", a.Place, a.DecisionDate, a.Year, a.Voters)
	}
	if len(r.Nominees) != 2 || r.Nominees[0].Voters != 2 || r.Nominees[1].Voters != 0 {
		t.Errorf("nominees: %+v", r.Nominees)
	}
	n := r.Nominees[1]
	if len(n.Achievements) != 1 || !strings.Contains(n.Achievements[0], "\n\n- Sáng kiến") || len(n.Titles) != 1 || n.Titles[0].Date != (Date{2022, 5, 12}) {
		t.Errorf("achievements in Markdown, earlier titles: %q %+v", n.Achievements, n.Titles)
	}
}

func TestAwardsRecordErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []wantErr
	}{{
		name: "abbreviation in a nominee's name",
		src:  editAwards(t, `ten = "Nhân dân và cán bộ tỉnh Nghệ An"`, `ten = "UBND tỉnh Nghệ An"`),
		want: []wantErr{{"39:7", "de_nghi[1].ten", []string{`đề nghị thứ 1: tên "UBND tỉnh Nghệ An" có chữ viết tắt "UBND"`, "không viết tắt"}, []string{`"Ủy ban nhân dân" thay cho "UBND"`}}},
	}, {
		name: "abbreviation with a dot",
		src:  editAwards(t, `ten = "Võ Văn Hưng"`, `ten = "Trường Tiểu học TP. Vinh"`),
		want: []wantErr{{"47:7", "de_nghi[2].ten", []string{`chữ viết tắt "TP."`}, []string{`"thành phố" thay cho "TP."`}}},
	}, {
		name: "unknown kind of nominee",
		src:  editAwards(t, `loai = "tap-the"`, `loai = "tap_the"`),
		want: []wantErr{{"38:8", "de_nghi[1].loai", []string{`đề nghị thứ 1: loại (tập thể hay cá nhân) "tap_the" không có`}, []string{`loai = "tap-the" (tập thể), "ca-nhan" (cá nhân)`}}},
	}, {
		name: "more votes than members entitled",
		src:  editAwards(t, `phieu_dong_y = 2`, `phieu_dong_y = 3`),
		want: []wantErr{{"42:16", "de_nghi[1].phieu_dong_y", []string{"3 phiếu đồng ý, nhiều hơn số người có quyền biểu quyết (2)"}, []string{"so_nguoi_bieu_quyet"}}},
	}, {
		name: "voters without votes",
		src:  editAwards(t, `hinh_thuc = "chien-si-thi-dua-cap-bo-tinh"`, "hinh_thuc = \"chien-si-thi-dua-cap-bo-tinh\"\nso_nguoi_bieu_quyet = 9"),
		want: []wantErr{{"49:1", "de_nghi[2].so_nguoi_bieu_quyet", []string{"chưa có số phiếu đồng ý"}, []string{"phieu_dong_y"}}},
	}, {
		name: "unknown member",
		src:  editAwards(t, `thanh_vien = "nghe-an"`, `thanh_vien = "nghean"`),
		want: []wantErr{{"41:14", "de_nghi[1].thanh_vien", []string{`mã thành viên "nghean" không phải mã của thành viên nào`}, []string{`có phải là "nghe-an"?`}}},
	}, {
		name: "award id with capitals",
		src:  editAwards(t, `hinh_thuc = "co-thi-dua-chinh-phu"`, `hinh_thuc = "Cờ thi đua"`),
		want: []wantErr{{"40:13", "de_nghi[1].hinh_thuc", []string{`mã "Cờ thi đua" chỉ được có chữ thường không dấu`}, []string{"hinh_thuc = "}}},
	}, {
		name: "symbol: Tờ trình is TTr",
		src:  editAwards(t, `ky_hieu = "TTr-UBND"`, `ky_hieu = "ttr-ubnd"`),
		want: []wantErr{{"32:11", "khen_thuong.ky_hieu", nil, []string{`ky_hieu = "TTr-UBND"`}}},
	}, {
		name: "academic title before the signer",
		src:  editAwards(t, `ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch", tham`, `ho_ten = "TS. Nguyễn Đức Trung", chuc_vu = "Chủ tịch", tham`),
		want: []wantErr{{"35:23", "khen_thuong.nguoi_ky.ho_ten", []string{`người ký tờ trình: trước họ tên người ký có học hàm, học vị "TS."`}, []string{`ho_ten = "Nguyễn Đức Trung"`}}},
	}, {
		name: "nominees without [khen_thuong]",
		src: goodRecord + strings.Replace(awardsPart, `[khen_thuong]
co_quan_de_nghi = "Ủy ban nhân dân tỉnh Nghệ An"
ky_hieu = "TTr-UBND"
ngay = 2023-03-20
kinh_gui = "Hội đồng Thi đua - Khen thưởng Trung ương"
nguoi_ky = { ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch", tham_quyen = "TM. Ủy ban nhân dân tỉnh" }
`, "", 1),
		want: []wantErr{{"31:1", "de_nghi", []string{"thiếu bảng [khen_thuong]"}, []string{"thêm bảng [khen_thuong]"}}},
	}, {
		name: "a required field of a nominee",
		src:  editAwards(t, "thanh_tich = [\"Hoàn thành xuất sắc nhiệm vụ năm 2022.\"]\n", ""),
		want: []wantErr{{"37:1", "de_nghi[1].thanh_tich", []string{"tập thể, cá nhân được đề nghị thứ 1: thiếu thành tích đạt được (khóa thanh_tich)"}, nil}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("rec.toml", []byte(tc.src))
			checkErrors(t, err, tc.want)
		})
	}
}

// A file other than a record (the award catalogue) decodes with the same
// rules and messages.
func TestDecodeFile(t *testing.T) {
	var v struct {
		Rows []struct {
			Name string `toml:"ten" label:"tên" required:"true"`
			Day  Date   `toml:"ngay" label:"ngày"`
		} `toml:"dong" item:"dòng"`
	}
	f, err := DecodeFile("rec.toml", []byte("[[dong]]\nten = \"Một\"\nngay = \"30/02/2024\"\n\n[[dong]]\nten = 2\n"), &v)
	checkErrors(t, err, []wantErr{
		{"3:8", "dong[1].ngay", []string{"ngày 30/02/2024 không có thật"}, nil},
		{"6:7", "dong[2].ten", []string{"dòng thứ 2: tên phải là chuỗi, đang là số nguyên 2"}, nil},
	})
	if e := f.Errorf("dong[2]", "sửa đi", "sai %d", 1); e.Error() != "rec.toml:5:1: dong[2]: sai 1\n    Cách sửa: sửa đi" {
		t.Errorf("Errorf: %q", e.Error())
	}
}

// Every abbreviation of Phụ lục III of Nghị định 30/2020, written as the
// decree writes it, is a right symbol; other spellings get the decree's
// form as the fix.
func TestSymbolsOfPhuLucIII(t *testing.T) {
	types := []string{"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr",
		"HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL"}
	for _, ty := range types {
		if msg, _, bad := SymbolProblem(ty+"-UBND", "ky_hieu"); bad {
			t.Errorf("%s-UBND: %s", ty, msg)
		}
	}
	for given, want := range map[string]string{
		"QYĐ-UBND": "QyĐ-UBND", "qyđ-ubnd": "QyĐ-UBND", "Qyđ UBND": "QyĐ-UBND",
		"TRS-UBND": "TrS-UBND", "trs-ubnd": "TrS-UBND", "TTR-UBND": "TTr-UBND", "ctr-ubnd": "CTr-UBND",
		"bc ctđ": "BC-CTĐ", "TTr-TRS": "TTr-TRS", // only the paper's type is mixed case
	} {
		msg, hint, bad := SymbolProblem(given, "ky_hieu")
		if want == given {
			if bad {
				t.Errorf("%q: %s", given, msg)
			}
			continue
		}
		if !bad || hint != `viết ky_hieu = "`+want+`"` || strings.Contains(msg, "phải viết hoa") {
			t.Errorf("%q: %q, fix %q; want the fix %q", given, msg, hint, want)
		}
	}
}

// The decree's own mixed-case symbols pass a whole record.
func TestMixedCaseSymbolsInARecord(t *testing.T) {
	for _, s := range []string{"QyĐ-UBND", "TrS-UBND", "CTr-UBND"} {
		if _, err := Parse("rec.toml", []byte(editAwards(t, `ky_hieu = "TTr-UBND"`, `ky_hieu = "`+s+`"`))); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}
