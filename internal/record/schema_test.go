package record

import (
	"reflect"
	"slices"
	"testing"
)

// flatten lists the paths of a schema, tables and items before their keys.
func flatten(keys []Key) []string {
	var out []string
	for _, k := range keys {
		if len(k.Keys) == 0 || k.Path != k.Key {
			out = append(out, k.Path)
		}
		out = append(out, flatten(k.Keys)...)
	}
	return out
}

// The schema has every key the decoder reads (the list the docs test
// checks docs/record.md against), and nothing else.
func TestSchemaHasEveryKey(t *testing.T) {
	got := flatten(Schema())
	want := keyPaths(reflect.TypeFor[Record](), "")
	if !slices.Equal(got, want) {
		t.Errorf("schema paths differ from the decoder's keys:\n got %v\nwant %v", got, want)
	}
}

func TestSchemaTypes(t *testing.T) {
	for path, want := range map[string]Key{
		"cum.kieu_dau":                 {Type: TypeEnum, Enum: []string{"moi", "cu"}},
		"phien.loai":                   {Type: TypeEnum, Enum: []string{KindSigning, KindMidYear, KindYearEnd}, Required: true},
		"phien.ngay":                   {Type: TypeDate, Required: true},
		"cum.nam":                      {Type: TypeInt, Required: true},
		"thanh_vien":                   {Type: TypeTables, Required: true},
		"thanh_vien[3].thu_truong":     {Type: TypeTable, Need: []string{"giao-uoc"}},
		"phien.dia_diem":               {Type: TypeText, Need: []string{"bien-ban-hoi-nghi", "bien-ban-binh-xet"}},
		"phien.ky":                     {Type: TypeEnum, Enum: []string{"6-thang", "9-thang", "quy-1", "quy-2", "quy-3"}},
		"nam_toi.cum_pho":              {Type: TypeMemberRef},
		"thanh_vien.thu_truong.ho_ten": {Type: TypeText, Required: true},
		"giao_uoc.noi_dung":            {Type: TypeLines, Required: true},
		"chi_tieu[1].thanh_vien":       {Type: TypeMemberRef},
		"cum.cum_truong":               {Type: TypeMemberRef},
		"chi_tieu.ke_hoach":            {Type: TypeNumber},
		"chi_tieu.thuc_hien":           {Type: TypeNumber, Required: true},
		`diem[2].cum_cham."1.1"`:       {Type: TypeMap, Of: TypeNumber, Required: true},
		"binh_xet.tinh_tren":           {Type: TypeEnum, Enum: []string{BaseAll, BasePresent}},
		"de_nghi.loai":                 {Type: TypeEnum, Enum: []string{Collective, Individual}, Required: true},
	} {
		k, ok := Lookup(path)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", path)
			continue
		}
		if k.Type != want.Type || k.Of != want.Of || k.Required != want.Required || !slices.Equal(k.Enum, want.Enum) || !slices.Equal(k.Need, want.Need) || k.Label == "" {
			t.Errorf("Lookup(%q) = %+v, want %+v", path, k, want)
		}
	}
	for _, path := range []string{"cum.khong_co", "thanh_vien.thu_truong.ho_ten.x", ""} {
		if k, ok := Lookup(path); ok {
			t.Errorf("Lookup(%q) = %+v, want nothing", path, k)
		}
	}
}

// Every value an enum tag lists is one the decoder accepts.
func TestSchemaEnumsDecode(t *testing.T) {
	base := `[cum]
ten = "Cụm thi đua"
nam = 2024
[[thanh_vien]]
id = "a"
ten = "Ủy ban nhân dân huyện A"
[thanh_vien.thu_truong]
ho_ten = "Nguyễn Văn A"
chuc_vu = "Chủ tịch"
[[thanh_vien]]
id = "b"
ten = "Ủy ban nhân dân huyện B"
[thanh_vien.thu_truong]
ho_ten = "Trần Văn B"
chuc_vu = "Chủ tịch"
[phien]
ngay = 2024-12-12
dia_diem = "Hội trường"
`
	k, _ := Lookup("phien.loai")
	for _, v := range k.Enum {
		if _, err := Parse("r.toml", []byte(base+"loai = \""+v+"\"\n")); err != nil {
			t.Errorf("phien.loai = %q: %v", v, err)
		}
	}
	if _, err := Parse("r.toml", []byte(base+"loai = \"khac\"\n")); err == nil {
		t.Error("phien.loai = \"khac\" was accepted")
	}
}
