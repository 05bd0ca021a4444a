package view

import (
	"io"
	"strings"
	"testing"
	"text/template"
	"time"

	"thidua/internal/record"
	"thidua/internal/testkit"
)

// rec is testkit.Record with a number, a short name and an authority line.
var rec = strings.NewReplacer(
	`ky_hieu = "GƯTĐ-CTĐBTB"`, "so = 5\nky_hieu = \"GƯTĐ-CTĐBTB\"",
	`ten = "Ủy ban nhân dân tỉnh Quảng Trị"`, "ten = \"Ủy ban nhân dân tỉnh Quảng Trị\"\nten_ngan = \"Quảng Trị\"",
	"chuc_vu = \"Chủ tịch\"\n\n[phien]", "chuc_vu = \"Chủ tịch\"\ntham_quyen = \"TM. Ủy ban nhân dân\"\n\n[phien]",
).Replace(testkit.Record)

func TestDataOfRecord(t *testing.T) {
	r, err := record.Parse("r.toml", []byte(rec))
	if err != nil {
		t.Fatal(err)
	}
	d := Data(r)
	cum := d["cum"].(map[string]any)
	if cum["ten"] != "Cụm thi đua các tỉnh Bắc Trung Bộ" || cum["nam"] != int64(2023) {
		t.Errorf("cum = %v", cum)
	}
	members := d["thanh_vien"].([]map[string]any)
	if len(members) != 2 || members[1]["stt"] != 2 || members[0]["ten_ngan"] != "Ủy ban nhân dân tỉnh Nghệ An" {
		t.Errorf("thanh_vien = %v", members)
	}
	head := members[1]["thu_truong"].(map[string]any)
	if head["ho_ten"] != "Võ Văn Hưng" || strings.Join(head["tham_quyen"].([]string), "|") != "TM. Ủy ban nhân dân" {
		t.Errorf("thu_truong = %v", head)
	}
	g := d["giao_uoc"].(map[string]any)
	if g["ngay"] != time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC) || g["dia_danh"] != "Nghệ An" || g["so_ban"] != int64(3) {
		t.Errorf("giao_uoc defaults = %v", g)
	}
	if _, ok := d["giao_uoc"].(map[string]any)["noi_nhan"]; !ok {
		t.Errorf("empty lists should still be present so templates can range over them")
	}
}

func TestFuncs(t *testing.T) {
	day := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)
	cases := []struct{ tpl, want string }{
		{`{{ngay .d}}`, "ngày 05 tháng 01 năm 2024"},
		{`{{noi_ngay "Nghệ An" .d}}`, "Nghệ An, ngày 05 tháng 01 năm 2024"},
		{`{{so_ky_hieu 5 "BC-CTĐ"}}`, "05/BC-CTĐ"},
		{`{{so_ky_hieu 12 "BC-CTĐ"}}`, "12/BC-CTĐ"},
		{`{{so_ky_hieu 0 "BC-CTĐ"}}`, "        /BC-CTĐ"},
		{`{{so 31434.47}}`, "31.434,47"},
		{`{{so 1721.4}}`, "1.721,4"},
		{`{{so 4.5 2}}`, "4,50"},
		{`{{phan_tram 43.31}}`, "43,31%"},
		{`{{tien 2340000}}`, "2.340.000"},
		{`{{bang_chu 2340000}}`, "Hai triệu ba trăm bốn mươi nghìn đồng"},
		{`{{hai_so 7}}`, "07"},
		{`{{in_hoa "Ủy ban nhân dân"}}`, "ỦY BAN NHÂN DÂN"},
		{`{{range liet_ke .l}}{{.}}|{{end}}`, "a;|b.|"},
		{`{{if co .m "x"}}có{{else}}không{{end}}`, "không"},
		{`{{khong_ngat "Ủy ban nhân dân tỉnh Hà Tĩnh"}}`, "Ủy\u00a0ban\u00a0nhân\u00a0dân tỉnh\u00a0Hà\u00a0Tĩnh"},
		{`{{with don_vi_ma $ "ha-tinh"}}{{bat_buoc .ten}}{{end}}`, "Ủy ban nhân dân tỉnh Hà Tĩnh"},
	}
	data := map[string]any{"d": day, "l": []string{"a", "b;"}, "m": map[string]any{"x": ""},
		"thanh_vien": []map[string]any{{"id": "ha-tinh", "ten": "Ủy ban nhân dân tỉnh Hà Tĩnh"}, {"id": "x", "ten": ""}}}
	for _, c := range cases {
		tt := template.Must(template.New("").Funcs(Funcs()).Parse(c.tpl))
		var b strings.Builder
		if err := tt.Execute(&b, data); err != nil {
			t.Errorf("%s: %v", c.tpl, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%s = %q, want %q", c.tpl, b.String(), c.want)
		}
	}
}

// A form's issuer or signer never prints empty: an empty or unknown
// member id and an empty required value are errors.
func TestRequiredValues(t *testing.T) {
	data := map[string]any{"thanh_vien": []map[string]any{{"id": "x", "ten": ""}}}
	for tpl, want := range map[string]string{
		`{{with don_vi_ma $ ""}}{{.ten}}{{end}}`:           "chưa ghi mã thành viên",
		`{{with don_vi_ma $ "y"}}{{.ten}}{{end}}`:          `không có thành viên mã "y"`,
		`{{with don_vi_ma $ "x"}}{{bat_buoc .ten}}{{end}}`: "bắt buộc",
	} {
		err := template.Must(template.New("").Funcs(Funcs()).Parse(tpl)).Execute(io.Discard, data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error saying %q", tpl, err, want)
		}
	}
}

func TestPrint(t *testing.T) {
	for v, want := range map[any]string{2023: "2023", 4.5: "4,5", "x": "x", nil: ""} {
		if got := Print(v); got != want {
			t.Errorf("Print(%v) = %q, want %q", v, got, want)
		}
	}
	if got := Print(time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC)); got != "14/03/2023" {
		t.Errorf("Print(date) = %q", got)
	}
}

func TestPaths(t *testing.T) {
	paths := strings.Join(Paths(record.Record{}), " ")
	for _, want := range []string{"cum.ten", "cum.nam", "thanh_vien[].stt", "thanh_vien[].thu_truong.ho_ten", "thanh_vien[].thu_truong.tham_quyen[]", "phien.ngay", "giao_uoc.noi_dung[]", "phien.chu_tri[].ho_ten"} {
		if !strings.Contains(" "+paths+" ", " "+want+" ") {
			t.Errorf("Paths lacks %q: %s", want, paths)
		}
	}
}

func TestPathsOf(t *testing.T) {
	got := strings.Join(PathsOf(map[string]any{
		"ket_qua": map[string]any{"cham_diem": []map[string]any{{"xep_hang": "1", "stt": 1}}, "cum": "Cụm"},
		"l":       []string{"a"},
	}), " ")
	if got != "ket_qua.cham_diem[].stt ket_qua.cham_diem[].xep_hang ket_qua.cum l[]" {
		t.Errorf("PathsOf = %q", got)
	}
}
