package record

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"thidua/internal/testkit"
)

// goodRecord is valid. Its line numbers matter: the cases below edit one
// line and expect errors at hand-counted positions.
// goodRecord is a small record without a fault.
const goodRecord = testkit.Record

// edit returns goodRecord with old (which must occur exactly once) replaced.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(goodRecord, old); n != 1 {
		t.Fatalf("%q occurs %d times in goodRecord", old, n)
	}
	return strings.Replace(goodRecord, old, new, 1)
}

// wantErr is one expected problem: position, field and pieces of the
// message and hint (Vietnamese, as the clerk reads them).
type wantErr struct {
	pos, field string
	msg        []string
	hint       []string
}

func checkErrors(t *testing.T, err error, want []wantErr) {
	t.Helper()
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v (%T) is not record.Errors", err, err)
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i := range min(len(errs), len(want)) {
		e, w := errs[i], want[i]
		if pos := strings.TrimPrefix(strings.SplitN(e.Error(), ": ", 2)[0], "rec.toml:"); pos != w.pos || e.Field != w.field {
			t.Errorf("error %d at %s field %q, want %s field %q (%s)", i+1, pos, e.Field, w.pos, w.field, e.Msg)
		}
		for _, m := range w.msg {
			if !strings.Contains(e.Msg, m) {
				t.Errorf("error %d message %q lacks %q", i+1, e.Msg, m)
			}
		}
		for _, h := range w.hint {
			if !strings.Contains(e.Hint, h) {
				t.Errorf("error %d hint %q lacks %q", i+1, e.Hint, h)
			}
		}
	}
}

func TestGoodRecord(t *testing.T) {
	r, err := Parse("rec.toml", []byte(goodRecord))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Members) != 2 || r.Members[1].Head.Name != "Võ Văn Hưng" || r.Members[0].Head.Title != "Chủ tịch" {
		t.Errorf("members decoded wrong: %+v", r.Members)
	}
	if r.Session.Date != (Date{2023, 3, 14}) || r.Session.Date.String() != "14/03/2023" {
		t.Errorf("session date %v", r.Session.Date)
	}
	// Defaults the schema names.
	p := r.Pledge
	if p.Date != r.Session.Date || p.Place != "Nghệ An" || p.Copies != 3 || p.Number != 0 {
		t.Errorf("pledge defaults: date %v place %q copies %d number %d", p.Date, p.Place, p.Copies, p.Number)
	}
	if r.Members[1].ShortName() != "Ủy ban nhân dân tỉnh Quảng Trị" || r.Cluster.Tone != "moi" {
		t.Errorf("short name %q, tone %q", r.Members[1].ShortName(), r.Cluster.Tone)
	}
	if len(p.Purposes) != 1 || len(p.Pledges) != 2 {
		t.Errorf("lines: %q %q", p.Purposes, p.Pledges)
	}
	if r.Head().ID != "quang-tri" || r.Host().ID != "nghe-an" || r.Deputy() != nil {
		t.Error("head, host or deputy resolved wrong")
	}
}

func TestBadRecords(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []wantErr
	}{{
		name: "unknown key",
		src:  edit(t, `ky_hieu = "GƯTĐ-CTĐBTB"`, "ky_hieu = \"GƯTĐ-CTĐBTB\"\ntrichyeu = \"Năm 2023\""),
		want: []wantErr{{"27:1", "giao_uoc.trichyeu", []string{`khóa lạ "trichyeu" trong bảng [giao_uoc]`}, []string{"có phải là trich_yeu"}}},
	}, {
		name: "unknown key, nothing close",
		src:  edit(t, "nam = 2023", "nam = 2023\nmau_sac = \"đỏ\""),
		want: []wantErr{{"4:1", "cum.mau_sac", []string{`khóa lạ "mau_sac" trong bảng [cum]`}, []string{"ten, ky_hieu, co_quan_chu_quan, nam"}}},
	}, {
		name: "key with a capital letter",
		src:  edit(t, `ten = "Ủy ban nhân dân tỉnh Nghệ An"`, `Ten = "Ủy ban nhân dân tỉnh Nghệ An"`),
		want: []wantErr{{"8:1", "thanh_vien[1].Ten", []string{`thành viên thứ 1: khóa "Ten" phải viết chữ thường: "ten"`}, []string{"sửa Ten thành ten"}}},
	}, {
		name: "wrong type",
		src:  edit(t, "nam = 2023", `nam = "2023"`),
		want: []wantErr{{"3:7", "cum.nam", []string{`năm thi đua phải là số nguyên, đang là chuỗi "2023"`}, []string{"bỏ dấu ngoặc kép: nam = 2023"}}},
	}, {
		name: "text given as a number",
		src:  edit(t, `chuc_vu = "Chủ tịch" }`, `chuc_vu = 1 }`),
		want: []wantErr{{"10:55", "thanh_vien[1].thu_truong.chuc_vu", []string{"thành viên thứ 1: chức vụ thủ trưởng phải là chuỗi, đang là số nguyên 1"}, []string{`chuc_vu = "1"`}}},
	}, {
		name: "a number in a list of lines",
		src:  edit(t, `chuc_vu = "Chủ tịch" }`, `chuc_vu = "Chủ tịch", tham_quyen = ["TM. Ủy ban nhân dân", 2] }`),
		want: []wantErr{{"10:104", "thanh_vien[1].thu_truong.tham_quyen[2]", []string{"thành viên thứ 1: mục thứ 2 của thẩm quyền ký phải là chuỗi, đang là số nguyên 2"}, nil}},
	}, {
		name: "a table where a list of persons belongs",
		src:  edit(t, `don_vi_dang_cai = "nghe-an"`, "don_vi_dang_cai = \"nghe-an\"\nchu_tri = { ho_ten = \"Nguyễn Đức Trung\" }"),
		want: []wantErr{{"24:11", "phien.chu_tri", []string{"người chủ trì phải là danh sách các bảng, đang là một bảng"}, []string{"[[phien.chu_tri]]"}}},
	}, {
		name: "missing field in a table",
		src:  edit(t, "\nchuc_vu = \"Chủ tịch\"\n", "\n"),
		want: []wantErr{{"15:1", "thanh_vien[2].thu_truong.chuc_vu", []string{"thành viên thứ 2: thiếu chức vụ thủ trưởng (khóa chuc_vu)"}, []string{`chuc_vu = "..."`, "[thanh_vien.thu_truong] của thành viên thứ 2"}}},
	}, {
		name: "missing field in an inline table",
		src:  edit(t, `, chuc_vu = "Chủ tịch" }`, ` }`),
		want: []wantErr{{"10:1", "thanh_vien[1].thu_truong.chuc_vu", []string{"thành viên thứ 1: thiếu chức vụ thủ trưởng"}, nil}},
	}, {
		name: "missing table",
		src:  edit(t, "[phien]\nloai = \"ky-ket\"\nngay = 2023-03-14\ndia_diem = \"Thành phố Vinh, tỉnh Nghệ An\"\ndon_vi_dang_cai = \"nghe-an\"\n", ""),
		want: []wantErr{{"1:1", "phien", []string{"thiếu thông tin phiên họp (khóa phien)"}, []string{"thêm bảng [phien]"}}},
	}, {
		name: "missing year: the hint shows a year",
		src:  edit(t, "nam = 2023\n", ""),
		want: []wantErr{{"1:1", "cum.nam", []string{"thiếu năm thi đua (khóa nam)"}, []string{"thêm nam = 2024 vào bảng [cum]"}}},
	}, {
		name: "empty required text",
		src:  edit(t, `ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, `ten = "  "`),
		want: []wantErr{{"14:7", "thanh_vien[2].ten", []string{"thành viên thứ 2: tên đầy đủ của đơn vị đang để trống"}, nil}},
	}, {
		name: "impossible TOML date",
		src:  edit(t, "ngay = 2023-03-14", "ngay = 2024-02-30"),
		want: []wantErr{{"21:8", "phien.ngay", []string{"ngày 30/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"}, []string{"ngày có thật"}}},
	}, {
		name: "impossible date written dd/mm/yyyy",
		src:  edit(t, "ngay = 2023-03-14", `ngay = "30/02/2024"`),
		want: []wantErr{{"21:8", "phien.ngay", []string{"ngày 30/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"}, nil}},
	}, {
		name: "month 13",
		src:  edit(t, "ngay = 2023-03-14", `ngay = "14/13/2023"`),
		want: []wantErr{{"21:8", "phien.ngay", []string{"ngày 14/13/2023 không có thật: tháng 13 không có"}, nil}},
	}, {
		name: "TOML date without leading zeros",
		src:  edit(t, "ngay = 2023-03-14", "ngay = 2023-3-14"),
		want: []wantErr{{"21:8", "phien.ngay", []string{"ngày 2023-3-14 phải viết đủ hai chữ số"}, []string{"viết 2023-03-14"}}},
	}, {
		name: "date with a time",
		src:  edit(t, "ngay = 2023-03-14", "ngay = 2023-03-14T08:00:00"),
		want: []wantErr{{"21:8", "phien.ngay", []string{"chỉ ghi ngày, không kèm giờ", "2023-03-14T08:00:00"}, []string{"khóa gio"}}},
	}, {
		name: "duplicate id, and the cluster head now points nowhere",
		src:  edit(t, `id = "quang-tri"`, `id = "nghe-an"`),
		want: []wantErr{
			{"4:14", "cum.cum_truong", []string{`cụm trưởng "quang-tri" không phải mã của thành viên nào`}, []string{"nghe-an"}},
			{"13:6", "thanh_vien[2].id", []string{`thành viên thứ 2: mã "nghe-an" trùng với mã của thành viên thứ 1`}, nil},
		},
	}, {
		name: "unknown member reference",
		src:  edit(t, `don_vi_dang_cai = "nghe-an"`, `don_vi_dang_cai = "nghean"`),
		want: []wantErr{{"23:19", "phien.don_vi_dang_cai", []string{`đơn vị đăng cai "nghean" không phải mã của thành viên nào trong [[thanh_vien]]`}, []string{`có phải là "nghe-an"?`}}},
	}, {
		name: "member id with capitals and diacritics",
		src:  edit(t, `id = "quang-tri"`, `id = "Quảng Trị"`),
		want: []wantErr{
			{"4:14", "cum.cum_truong", []string{`"quang-tri" không phải mã`}, nil},
			{"13:6", "thanh_vien[2].id", []string{`thành viên thứ 2: mã "Quảng Trị" chỉ được có chữ thường không dấu`}, []string{`"nghe-an"`}},
		},
	}, {
		name: "fewer than two members",
		src:  edit(t, "[[thanh_vien]]\nid = \"quang-tri\"\nten = \"Ủy ban nhân dân tỉnh Quảng Trị\"\n[thanh_vien.thu_truong]\nho_ten = \"Võ Văn Hưng\"\nchuc_vu = \"Chủ tịch\"\n", ""),
		want: []wantErr{
			{"4:14", "cum.cum_truong", []string{`"quang-tri" không phải mã`}, nil},
			{"6:1", "thanh_vien", []string{"cụm mới có 1 thành viên; cần ít nhất 2"}, []string{"[[thanh_vien]]"}},
		},
	}, {
		name: "line break in a name",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, "ho_ten = \"\"\"Võ Văn\nHưng\"\"\""),
		want: []wantErr{{"16:10", "thanh_vien[2].thu_truong.ho_ten", []string{"thành viên thứ 2: họ và tên thủ trưởng không được xuống dòng"}, nil}},
	}, {
		name: "academic titles before a signer's name",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, `ho_ten = "PGS.TS. Võ Văn Hưng"`),
		want: []wantErr{{"16:10", "thanh_vien[2].thu_truong.ho_ten", []string{`thành viên thứ 2: trước họ tên người ký có học hàm, học vị "PGS.TS."`, "Nghị định 30/2020"}, []string{`bỏ "PGS.TS.", chỉ ghi: ho_ten = "Võ Văn Hưng"`}}},
	}, {
		name: "digit in a signer's name",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, `ho_ten = "Võ Văn Hưng2"`),
		want: []wantErr{{"16:10", "thanh_vien[2].thu_truong.ho_ten", []string{`thành viên thứ 2: họ tên người ký "Võ Văn Hưng2" có chữ số`}, []string{`"(Họ và tên)"`}}},
	}, {
		name: "academic title spelt out",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, `ho_ten = "Tiến sĩ Võ Văn Hưng"`),
		want: []wantErr{{"16:10", "thanh_vien[2].thu_truong.ho_ten", []string{`"Tiến sĩ"`}, []string{`ho_ten = "Võ Văn Hưng"`}}},
	}, {
		name: "TCVN3 text read as Unicode",
		src:  edit(t, `ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"`, `ten = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"`),
		want: []wantErr{{"2:7", "cum.ten", []string{"tên cụm thi đua có vẻ là chữ gõ bằng bảng mã TCVN3", `có lẽ là "Cộng ho`}, []string{"thidua convert"}}},
	}, {
		name: "a character the font lacks",
		src:  edit(t, `dia_diem = "Thành phố Vinh, tỉnh Nghệ An"`, `dia_diem = "Thành phố Vinh ✓"`),
		want: []wantErr{{"22:12", "phien.dia_diem", []string{`địa điểm họp có ký tự phông chữ không in được: '✓' (U+2713)`}, nil}},
	}, {
		name: "bad session kind and tone style",
		src:  edit(t, `loai = "ky-ket"`, "loai = \"ký kết\"") + "",
		want: []wantErr{{"20:8", "phien.loai", []string{`loại phiên họp "ký kết" không có`}, []string{`"ky-ket"`, `"tong-ket"`}}},
	}, {
		name: "syntax error after Vietnamese text: column in characters",
		src:  edit(t, `dia_diem = "Thành phố Vinh, tỉnh Nghệ An"`, `dia_diem = "Thành phố Vinh, tỉnh Nghệ An" (cũ)`),
		want: []wantErr{{"22:43", "phien.dia_diem", []string{"còn chữ thừa '(' sau giá trị"}, []string{"dấu ngoặc kép"}}},
	}, {
		name: "text without quotes",
		src:  edit(t, `ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, `ten = Ủy ban nhân dân tỉnh Quảng Trị # tên mới`),
		want: []wantErr{{"14:7", "thanh_vien[2].ten", []string{`giá trị "Ủy" viết sai: chữ phải đặt trong dấu ngoặc kép`}, []string{`đặt chữ trong dấu ngoặc kép: ten = "Ủy ban nhân dân tỉnh Quảng Trị"`}}},
	}, {
		name: "key with diacritics",
		src:  edit(t, `dia_danh = "Nghệ An"`, `địa_danh = "Nghệ An"`),
		want: []wantErr{{"9:1", "thanh_vien[1].địa_danh", []string{"tên khóa viết sai ở 'đ'"}, []string{"chữ không dấu"}}},
	}, {
		name: "key written twice",
		src:  edit(t, "nam = 2023", "nam = 2023\nnam = 2024"),
		want: []wantErr{{"4:1", "cum.nam", []string{"khóa cum.nam được ghi hai lần"}, nil}},
	}, {
		name: "string left open",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, `ho_ten = "Võ Văn Hưng`),
		want: []wantErr{{"16:22", "thanh_vien[2].thu_truong.ho_ten", []string{"chuỗi chưa đóng"}, nil}},
	}, {
		name: "legacy 8-bit file",
		src:  edit(t, `ho_ten = "Võ Văn Hưng"`, "ho_ten = \"V\xf5 V\xe3n H\xad\xeang\""),
		want: []wantErr{{"16:12", "thanh_vien[2].thu_truong.ho_ten", []string{"tệp không phải văn bản UTF-8"}, []string{"thidua convert"}}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("rec.toml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; decoded %+v", r)
			}
			if r != nil {
				t.Error("a record came back with errors")
			}
			checkErrors(t, err, tc.want)
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      wantErr
	}{
		{"value missing", edit(t, "nam = 2023", "nam ="), wantErr{"3:6", "cum.nam", []string{"thiếu giá trị sau dấu ="}, nil}},
		{"comma missing in a list", edit(t, `", "Làm tốt`, `" "Làm tốt`),
			wantErr{"28:57", "giao_uoc.noi_dung[2]", []string{"danh sách [...] thiếu dấu phẩy"}, []string{`["mục 1", "mục 2"]`}}},
		{"bad escape", edit(t, `dia_danh = "Nghệ An"`, `dia_danh = "Nghệ\An"`),
			wantErr{"9:17", "thanh_vien[1].dia_danh", []string{`ký tự thoát \A không hợp lệ`}, []string{`viết \\`}}},
		{"control character", edit(t, `dia_danh = "Nghệ An"`, "dia_danh = \"Nghệ\x01An\""),
			wantErr{"9:17", "thanh_vien[1].dia_danh", []string{"ký tự điều khiển 0x01"}, nil}},
		{"UTF-16 file", "\xff\xfe[\x00c\x00u\x00m\x00]\x00", wantErr{"1:1", "", []string{"UTF-16"}, []string{"UTF-8"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("rec.toml", []byte(tc.src))
			checkErrors(t, err, []wantErr{tc.want})
		})
	}
}

func TestErrorsAllAtOnceInOrder(t *testing.T) {
	src := edit(t, "nam = 2023", `nam = "2023"`)
	src = strings.Replace(src, `ho_ten = "Võ Văn Hưng"`, `ho_ten = "ThS. Võ Văn Hưng"`, 1)
	src = strings.Replace(src, `don_vi_dang_cai = "nghe-an"`, `don_vi_dang_cai = "ha-tinh"`, 1)
	src = strings.Replace(src, "cum_truong", "Cum_truong", 1)
	_, err := Parse("rec.toml", []byte(src))
	checkErrors(t, err, []wantErr{
		{"3:7", "cum.nam", nil, nil},
		{"4:1", "cum.Cum_truong", nil, nil},
		{"16:10", "thanh_vien[2].thu_truong.ho_ten", []string{`"ThS."`}, nil},
		{"23:19", "phien.don_vi_dang_cai", nil, nil},
	})
}

func TestErrorText(t *testing.T) {
	_, err := Parse("hoso.toml", []byte(edit(t, "nam = 2023", `nam = "2023"`)))
	want := "hoso.toml:3:7: cum.nam: năm thi đua phải là số nguyên, đang là chuỗi \"2023\"\n    Cách sửa: bỏ dấu ngoặc kép: nam = 2023"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Col != 7 {
		t.Errorf("errors.As gives %+v", e)
	}
}

func TestNFDBecomesNFC(t *testing.T) {
	nfd := "U\u0309y ban nha\u0302n da\u0302n ti\u0309nh Nghe\u0323\u0302 An" // "Ủy ban nhân dân tỉnh Nghệ An" decomposed
	r, err := Parse("rec.toml", []byte(edit(t, `ten = "Ủy ban nhân dân tỉnh Nghệ An"`, `ten = "`+nfd+`"`)))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Members[0].Name; got != "Ủy ban nhân dân tỉnh Nghệ An" {
		t.Errorf("name %q (% x), want NFC", got, got)
	}
}

func TestToneStyle(t *testing.T) {
	for style, want := range map[string]string{"moi": "Cụm thi đua Hòa Bình", "cu": "Cụm thi đua Hoà Bình"} {
		src := edit(t, `ten = "Cụm thi đua các tỉnh Bắc Trung Bộ"`, `ten = "Cụm thi đua Hoà Bình"`+"\nkieu_dau = \""+style+"\"")
		src = strings.Replace(src, `ten = "Ủy ban nhân dân tỉnh Nghệ An"`, `ten = "Uỷ ban nhân dân tỉnh Nghệ An"`, 1)
		r, err := Parse("rec.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if r.Cluster.Name != want {
			t.Errorf("kieu_dau %s: %q, want %q", style, r.Cluster.Name, want)
		}
		if style == "moi" && r.Members[0].Name != "Ủy ban nhân dân tỉnh Nghệ An" {
			t.Errorf("kieu_dau moi: %q", r.Members[0].Name)
		}
	}
}

func TestMarkupCharactersKeptVerbatim(t *testing.T) {
	r, err := Parse("rec.toml", []byte(edit(t, `ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, `ten = "Công ty <Sông & Biển> \"QT\""`)))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Members[1].Name; got != `Công ty <Sông & Biển> "QT"` {
		t.Errorf("name %q", got)
	}
}

func TestDateAsString(t *testing.T) {
	r, err := Parse("rec.toml", []byte(edit(t, "ngay = 2023-03-14", `ngay = "14/03/2023"`)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Session.Date != (Date{2023, 3, 14}) {
		t.Errorf("date %v", r.Session.Date)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hoso.toml")
	if err := os.WriteFile(path, []byte("\uFEFF"+edit(t, "nam = 2023", `nam = "2023"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	// The byte-order mark is not a character of line 3.
	checkErrorsFile(t, err, path+":3:7: cum.nam: ")
	_, err = Load(filepath.Join(dir, "khong-co.toml"))
	checkErrorsFile(t, err, filepath.Join(dir, "khong-co.toml")+": không đọc được tệp hồ sơ: tệp không tồn tại")
	_, err = Load(dir)
	checkErrorsFile(t, err, dir+": không đọc được tệp hồ sơ: đây là thư mục, không phải tệp")
}

func checkErrorsFile(t *testing.T, err error, prefix string) {
	t.Helper()
	var errs Errors
	if !errors.As(err, &errs) || !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("error %q, want prefix %q", err, prefix)
	}
}

func TestPosAndErrorf(t *testing.T) {
	r, err := Parse("rec.toml", []byte(goodRecord))
	if err != nil {
		t.Fatal(err)
	}
	for field, want := range map[string][2]int{
		"thanh_vien[2].thu_truong.ho_ten": {16, 1},
		"thanh_vien[1].thu_truong.ho_ten": {10, 16},
		"thanh_vien[2].diem":              {12, 1}, // not written: the member's header
		"giao_uoc.noi_dung":               {28, 1},
		"tieu_chi.tong":                   {1, 1},
	} {
		if l, c := r.Pos(field); l != want[0] || c != want[1] {
			t.Errorf("Pos(%s) = %d:%d, want %d:%d", field, l, c, want[0], want[1])
		}
	}
	e := r.Errorf("thanh_vien[2].diem", "sửa điểm", "điểm %d vượt điểm tối đa %d", 105, 100)
	if got := e.Error(); got != "rec.toml:12:1: thanh_vien[2].diem: điểm 105 vượt điểm tối đa 100\n    Cách sửa: sửa điểm" {
		t.Errorf("Errorf: %q", got)
	}
}

// Date and Lines also decode with BurntSushi's own decoder.
func TestUnmarshalTOML(t *testing.T) {
	var v struct {
		A, B Date
		L, M Lines
	}
	if _, err := toml.Decode("a = 2024-01-12\nb = \"12/01/2024\"\nl = \"một\"\nm = [\"một\", \"hai\"]", &v); err != nil {
		t.Fatal(err)
	}
	if v.A != (Date{2024, 1, 12}) || v.B != v.A || len(v.L) != 1 || len(v.M) != 2 {
		t.Errorf("%+v", v)
	}
	if v.A.Time().Weekday().String() != "Friday" {
		t.Errorf("12/01/2024 was a Friday, Time() gives %v", v.A.Time())
	}
	if _, err := toml.Decode("a = 2024-01-12T08:00:00", &v); err == nil || !strings.Contains(err.Error(), "không kèm giờ") {
		t.Errorf("datetime accepted: %v", err)
	}
	if _, err := toml.Decode("l = [1]", &v); err == nil {
		t.Error("array of integers accepted as Lines")
	}
}

// FuzzParse: Parse never panics, and every error it reports points at a
// line of the source and a column on that line (or just past its end).
func FuzzParse(f *testing.F) {
	f.Add(goodRecord)
	f.Add(strings.Replace(goodRecord, "nam = 2023", `nam = "2023"`, 1))
	f.Add("[cum]\nten = 1\n[[thanh_vien]]\nthu_truong = 2\n[phien]\nngay = 2024-02-30\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse("f.toml", []byte(src))
		if err == nil {
			return
		}
		var errs Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("error %v is not a non-empty Errors", err)
		}
		lines := strings.Split(strings.TrimPrefix(src, "\uFEFF"), "\n")
		for _, e := range errs {
			if e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > len([]rune(lines[e.Line-1]))+1 || e.Msg == "" {
				t.Fatalf("error outside the source: %v", e)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../../samples/bac-trung-bo-2023.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("bac-trung-bo-2023.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// A name printed in the frame may say where its line ends: a "\n" in a
// unit's name is kept (a Windows line end becomes "\n"); one in a
// person's name is refused (see TestBadRecords).
func TestLineBreakInAName(t *testing.T) {
	src := edit(t, `ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, "ten = \"\"\"Ủy ban nhân dân\r\ntỉnh Quảng Trị\"\"\"")
	rec, err := Parse("r.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.Member("quang-tri").Name; got != "Ủy ban nhân dân\ntỉnh Quảng Trị" {
		t.Errorf("name %q, want the break kept", got)
	}
}

// A record a Windows clerk saves: a BOM, CRLF line ends, letters typed
// decomposed (NFD). The column of an error counts the characters the clerk
// sees, a decomposed "ễ" as one, as the same record typed precomposed
// gives; and the names read precomposed.
func TestDecomposedWindowsRecordColumns(t *testing.T) {
	src := edit(t, `thu_truong = { ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch" }`,
		`thu_truong = { ho_ten = "Nguyễn Đức Trung", chuc_vu = "Chủ tịch", ngay = 1 }`)
	line := strings.Count(src[:strings.Index(src, "ngay = 1")], "\n") + 1
	want := []wantErr{{pos: fmt.Sprintf("%d:67", line), field: "thanh_vien[1].thu_truong.ngay", msg: []string{`khóa lạ "ngay"`}}}
	_, err := Parse("rec.toml", []byte(src))
	checkErrors(t, err, want)
	nfd := "\ufeff" + strings.ReplaceAll(norm.NFD.String(src), "\n", "\r\n")
	_, err = Parse("rec.toml", []byte(nfd))
	checkErrors(t, err, want)

	r, err := Parse("rec.toml", []byte("\ufeff"+strings.ReplaceAll(norm.NFD.String(goodRecord), "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	if r.Members[0].Head.Name != "Nguyễn Đức Trung" || !norm.NFC.IsNormalString(r.Members[0].Name) {
		t.Errorf("names not read precomposed: %q, %q", r.Members[0].Head.Name, r.Members[0].Name)
	}
}

// A date and numbers typed as on paper, without quotes, are refused with
// what the clerk typed and the two ways to write it, in the clerk's key.
func TestValuesTypedAsOnPaper(t *testing.T) {
	for _, c := range []struct{ old, new, msg, hint string }{
		{"ngay = 2023-03-14", "ngay = 14/3/2023", "ngày 14/3/2023 viết dạng ngày/tháng/năm phải đặt trong dấu ngoặc kép",
			`ngay = "14/3/2023" hoặc ngay = 2023-03-14`},
		{"nam = 2023", "nam = 2.023.000", "số 2.023.000 có dấu chấm ngăn hàng nghìn", "nam = 2023000"},
		{"nam = 2023", "nam = 2.023,5", "số 2.023,5 viết theo cách Việt Nam", `nam = "2.023,5", hoặc không ngoặc kép với dấu chấm thập phân: nam = 2023.5`},
	} {
		_, err := Parse("rec.toml", []byte(edit(t, c.old, c.new)))
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.hint) {
			t.Errorf("%s: %v, want %q and %q", c.new, err, c.msg, c.hint)
		}
	}
}
