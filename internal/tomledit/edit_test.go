package tomledit

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"thidua/internal/record"
)

func decode(t *testing.T, src string) map[string]any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("invalid TOML: %v\n%s", err, src)
	}
	return m
}

func parse(t *testing.T, src string) *Doc {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func samples(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("../../samples/*.toml")
	if len(files) < 5 {
		t.Fatalf("samples not found: %v", files)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// comments lists the comment lines of a source.
func comments(src string) []string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			out = append(out, l)
		}
	}
	return out
}

// Writing every value of every sample again, as Encode writes it, gives
// the same record and keeps every comment byte for byte.
func TestRewriteEveryValue(t *testing.T) {
	for name, src := range samples(t) {
		d := parse(t, src)
		want, err := record.Parse(name, []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		for _, p := range paths(d) {
			e := d.sc.vals[p]
			raw := d.sc.src[e.val.start:e.val.end]
			var v any
			switch {
			case strings.HasPrefix(raw, `"`) && !strings.HasPrefix(raw, `"""`):
				v = decode(t, "x = "+raw)["x"].(string)
			case strings.HasPrefix(raw, "[") || strings.HasPrefix(raw, "{") || strings.HasPrefix(raw, `"""`) || strings.HasPrefix(raw, "'"):
				continue
			default:
				v = Raw(raw)
			}
			if err := d.Set(p, v); err != nil {
				t.Fatalf("%s: Set(%s): %v", name, p, err)
			}
			n++
		}
		if n < 30 {
			t.Errorf("%s: only %d values rewritten", name, n)
		}
		got, err := record.Parse(name, []byte(d.String()))
		if err != nil {
			t.Fatalf("%s after rewriting: %v", name, err)
		}
		if !reflect.DeepEqual(stripped(got), stripped(want)) {
			t.Errorf("%s: record changed by rewriting its values", name)
		}
		if !reflect.DeepEqual(comments(d.String()), comments(src)) {
			t.Errorf("%s: comments changed", name)
		}
	}
}

// stripped drops what a record keeps of its source (positions).
func stripped(r *record.Record) record.Record {
	c := *r
	return record.Record{Cluster: c.Cluster, Members: c.Members, Session: c.Session, Pledge: c.Pledge, Indicators: c.Indicators,
		Criteria: c.Criteria, Scores: c.Scores, Vote: c.Vote, Report: c.Report, Minutes: c.Minutes, NextYear: c.NextYear,
		Awards: c.Awards, Nominees: c.Nominees}
}

// paths lists the values of a document that are not inline tables or arrays.
func paths(d *Doc) []string {
	var out []string
	for p := range d.sc.vals {
		if _, in := d.sc.inlines[p]; !in {
			out = append(out, p)
		}
	}
	return out
}

// changedLines returns the lines of b that a does not have.
func changedLines(a, b string) []string {
	have := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		have[l]++
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if have[l] > 0 {
			have[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func TestSetHeadName(t *testing.T) {
	s := samples(t)
	for _, name := range []string{"bac-trung-bo-2023.toml", "bac-trung-bo-tong-ket-2022.toml"} {
		src := s[name]
		d := parse(t, src)
		if err := d.Set("thanh_vien[2].thu_truong.ho_ten", `Lê Văn "Mới" \ Hai`); err != nil {
			t.Fatal(err)
		}
		r, err := record.Parse(name, []byte(d.String()))
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Members[1].Head.Name; got != `Lê Văn "Mới" \ Hai` {
			t.Errorf("%s: head = %q", name, got)
		}
		if ch := changedLines(src, d.String()); len(ch) != 1 || !strings.Contains(ch[0], `"Lê Văn \"Mới\" \\ Hai"`) {
			t.Errorf("%s: changed lines %q", name, ch)
		}
	}
}

func TestAddKeys(t *testing.T) {
	src := "# đầu tệp\n\n[cum]\nten = \"A\" # tên\n\n[[thanh_vien]]\nid = \"a\"\n  [thanh_vien.thu_truong]\n  ho_ten = \"X\"\n\n[[thanh_vien]]\nid = \"b\"\nthu_truong = { ho_ten = \"Y\" }\n\n[[thanh_vien]]\nid = \"c\"\nthu_truong = {}\n"
	d := parse(t, src)
	steps := []struct {
		path string
		v    any
	}{
		{"cum.nam", 2024},
		{"thanh_vien[1].thu_truong.chuc_vu", "Chủ tịch"},
		{"thanh_vien[2].thu_truong.chuc_vu", "Phó Chủ tịch"},
		{"thanh_vien[3].thu_truong.ho_ten", "Z"},
		{"thanh_vien[1].dia_danh", "Vinh"},
		{"phien.ngay", Date{2024, 1, 12}},
		{"phien.loai", "ky-ket"},
		{"giao_uoc.noi_dung", []string{"một", "hai"}},
		{`diem.cum_cham."1.1"`, Raw("9.5")},
	}
	for _, s := range steps {
		if err := d.Set(s.path, s.v); err != nil {
			t.Fatalf("Set(%s): %v", s.path, err)
		}
	}
	want := `# đầu tệp

[cum]
ten = "A" # tên
nam = 2024

[[thanh_vien]]
id = "a"
dia_danh = "Vinh"
  [thanh_vien.thu_truong]
  ho_ten = "X"
  chuc_vu = "Chủ tịch"

[[thanh_vien]]
id = "b"
thu_truong = { ho_ten = "Y", chuc_vu = "Phó Chủ tịch" }

[[thanh_vien]]
id = "c"
thu_truong = { ho_ten = "Z" }

[phien]
ngay = 2024-01-12
loai = "ky-ket"

[giao_uoc]
noi_dung = ["một", "hai"]

[diem.cum_cham]
"1.1" = 9.5
`
	if d.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", d.String(), want)
	}
	if err := d.Set("thanh_vien[4].id", "d"); err == nil {
		t.Error("setting a key of a missing item worked")
	}
}

func TestMultilineArrayStays(t *testing.T) {
	src := "[giao_uoc]\nnoi_dung = [\n  \"một\", # đầu\n  \"hai\",\n]\ncan_cu = \"một căn cứ\"\n"
	d := parse(t, src)
	if err := d.Set("giao_uoc.noi_dung", []string{"một", "hai", "ba"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("giao_uoc.can_cu", []string{"căn cứ mới"}); err != nil {
		t.Fatal(err)
	}
	want := "[giao_uoc]\nnoi_dung = [\n  \"một\",\n  \"hai\",\n  \"ba\",\n]\ncan_cu = \"căn cứ mới\"\n"
	if d.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", d.String(), want)
	}
	// One item of the list, by number, keeps the comment of the line.
	d = parse(t, src)
	if err := d.Set("giao_uoc.noi_dung[1]", "MỘT"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.String(), "  \"MỘT\", # đầu\n") {
		t.Errorf("got:\n%s", d.String())
	}
}

func TestDelete(t *testing.T) {
	src := "[cum]\nten = \"A\"\nnam = 2024 # năm\n\n# thành viên a\n[[thanh_vien]]\nid = \"a\"\n[thanh_vien.thu_truong]\nho_ten = \"X\"\n\n[[thanh_vien]]\nid = \"b\"\nthu_truong = { ho_ten = \"Y\", chuc_vu = \"Z\" }\n\n[phien]\nchu_tri = [\n  { ho_ten = \"P\" },\n  { ho_ten = \"Q\" },\n]\nkhach = [\"x\", \"y\", \"z\"]\n"
	d := parse(t, src)
	for _, p := range []string{"cum.nam", "thanh_vien[1]", "thanh_vien[1].thu_truong.ho_ten", "phien.chu_tri[1]", "phien.khach[3]", "phien.khach[1]", "khong_co.gi"} {
		if err := d.Delete(p); err != nil {
			t.Fatalf("Delete(%s): %v", p, err)
		}
	}
	want := "[cum]\nten = \"A\"\n\n[[thanh_vien]]\nid = \"b\"\nthu_truong = { chuc_vu = \"Z\" }\n\n[phien]\nchu_tri = [\n  { ho_ten = \"Q\" },\n]\nkhach = [\"y\"]\n"
	if d.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", d.String(), want)
	}
}

func ids(t *testing.T, d *Doc, list string) []string {
	t.Helper()
	var out []string
	m := decode(t, d.String())
	items, _ := m[list].([]map[string]any)
	for _, it := range items {
		id, _ := it["id"].(string)
		out = append(out, id)
	}
	return out
}

func TestInsertAndMoveTables(t *testing.T) {
	src := samples(t)["bac-trung-bo-2023.toml"]
	d := parse(t, src)
	want := []string{"thanh-hoa", "nghe-an", "ha-tinh", "quang-binh", "quang-tri", "thua-thien-hue"}
	if got := ids(t, d, "thanh_vien"); !reflect.DeepEqual(got, want) {
		t.Fatalf("ids = %v", got)
	}
	if err := d.Move("thanh_vien[1]", 3); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, d, "thanh_vien"); !reflect.DeepEqual(got, []string{"nghe-an", "ha-tinh", "thanh-hoa", "quang-binh", "quang-tri", "thua-thien-hue"}) {
		t.Errorf("after move: %v", got)
	}
	if err := d.Move("thanh_vien[6]", 1); err != nil {
		t.Fatal(err)
	}
	if err := d.Insert("thanh_vien", 2); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("thanh_vien[2].id", "moi"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("thanh_vien[2].thu_truong.ho_ten", "Người Mới"); err != nil {
		t.Fatal(err)
	}
	if err := d.Insert("thanh_vien", 99); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("thanh_vien[8].id", "cuoi"); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, d, "thanh_vien"); !reflect.DeepEqual(got, []string{"thua-thien-hue", "moi", "nghe-an", "ha-tinh", "thanh-hoa", "quang-binh", "quang-tri", "cuoi"}) {
		t.Errorf("after insert: %v", got)
	}
	m := decode(t, d.String())
	second := m["thanh_vien"].([]map[string]any)[1]
	if second["thu_truong"].(map[string]any)["ho_ten"] != "Người Mới" {
		t.Errorf("new member's head: %v", second)
	}
	// Each member kept its own head.
	r := m["thanh_vien"].([]map[string]any)
	if r[2]["thu_truong"].(map[string]any)["ho_ten"] != "Nguyễn Đức Trung" {
		t.Errorf("nghe-an's head moved away: %v", r[2])
	}
	if !reflect.DeepEqual(comments(d.String()), comments(src)) {
		t.Error("comments changed")
	}
	// Moved back where they were, the members make the same record.
	if err := d.Delete("thanh_vien[8]"); err != nil {
		t.Fatal(err)
	}
	if err := d.Delete("thanh_vien[2]"); err != nil {
		t.Fatal(err)
	}
	if err := d.Move("thanh_vien[1]", 6); err != nil {
		t.Fatal(err)
	}
	if err := d.Move("thanh_vien[3]", 1); err != nil {
		t.Fatal(err)
	}
	a, err := record.Parse("a", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := record.Parse("b", []byte(d.String()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stripped(a), stripped(b)) {
		t.Errorf("record differs after moving back:\n%s", d.String())
	}
}

func TestInlineArrays(t *testing.T) {
	src := "[phien]\nchu_tri = [\n  { ho_ten = \"P\" },\n  { ho_ten = \"Q\" },\n]\nkhach = [{ ho_ten = \"X\" }]\nrong = []\n"
	d := parse(t, src)
	steps := []func() error{
		func() error { return d.Insert("phien.chu_tri", 1) },
		func() error { return d.Set("phien.chu_tri[1].ho_ten", "O") },
		func() error { return d.Insert("phien.chu_tri", 9) },
		func() error { return d.Set("phien.chu_tri[4].ho_ten", "R") },
		func() error { return d.Move("phien.chu_tri[4]", 2) },
		func() error { return d.Insert("phien.khach", 2) },
		func() error { return d.Insert("phien.rong", 1) },
	}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v\n%s", i, err, d.String())
		}
	}
	want := "[phien]\nchu_tri = [\n  { ho_ten = \"O\" },\n  { ho_ten = \"R\" },\n  { ho_ten = \"P\" },\n  { ho_ten = \"Q\" },\n]\nkhach = [{ ho_ten = \"X\" }, {}]\nrong = [{}]\n"
	if d.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", d.String(), want)
	}
}

func TestEncodeStrings(t *testing.T) {
	for _, s := range []string{"", "Ủy ban nhân dân", `a "b" \c`, "hai\ndòng\tcó tab", "\x01\x7f", "'", `"""`} {
		v, err := Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, "x = "+v)["x"]; got != s {
			t.Errorf("Encode(%q) = %s reads back as %q", s, v, got)
		}
	}
	d := parse(t, "a = 1\n")
	if err := d.Set("a", Raw("1 2")); err == nil {
		t.Error("a Raw value making invalid TOML was accepted")
	}
	if d.String() != "a = 1\n" {
		t.Errorf("a refused edit changed the source: %q", d.String())
	}
}

// The paths of the scanner are those of the decoder's errors.
func TestPathsAsRecordNamesThem(t *testing.T) {
	d := parse(t, samples(t)["bac-trung-bo-tong-ket-2022.toml"])
	for _, p := range []string{`diem[1].cum_cham."1.1"`, "thanh_vien[2].thu_truong.ho_ten", "bo_tieu_chi.nhom[1].tieu_chi[2].ten"} {
		if !d.Has(p) {
			t.Errorf("no %s", p)
		}
	}
}

// A file saved by Windows Notepad: a byte order mark and "\r\n" line
// ends, which every added line gets too.
func TestWindowsFile(t *testing.T) {
	src := strings.ReplaceAll(bom+"# ghi chú\n[cum]\nten = \"A\"\n\n[[thanh_vien]]\nid = \"a\"\n", "\n", "\r\n")
	d := parse(t, src)
	steps := []func() error{
		func() error { return d.Set("cum.ten", "B") },
		func() error { return d.Set("cum.nam", 2024) },
		func() error { return d.Insert("thanh_vien", 1) },
		func() error { return d.Set("thanh_vien[1].id", "z") },
		func() error { return d.Set("phien.loai", "ky-ket") },
		func() error { return d.Delete("thanh_vien[2]") },
	}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	want := strings.ReplaceAll(bom+"# ghi chú\n[cum]\nten = \"B\"\nnam = 2024\n\n[[thanh_vien]]\nid = \"z\"\n\n[phien]\nloai = \"ky-ket\"\n", "\n", "\r\n")
	if d.String() != want {
		t.Errorf("got %q\nwant %q", d.String(), want)
	}
	if _, err := record.Parse("r.toml", []byte(d.String())); err == nil || strings.Contains(err.Error(), "cú pháp") {
		t.Errorf("the record reads as TOML: %v", err)
	}
}

// Arrays of tables inside the items of another: each item counts its own.
func TestNestedArraysOfTables(t *testing.T) {
	src := "[bo_tieu_chi]\nten = \"B\"\n\n[[bo_tieu_chi.nhom]]\nten = \"I\"\n\n[[bo_tieu_chi.nhom.tieu_chi]]\nma = \"1.1\"\n\n[[bo_tieu_chi.nhom]]\nten = \"II\"\n\n[[bo_tieu_chi.nhom.tieu_chi]]\nma = \"2.1\"\n\n[[bo_tieu_chi.nhom.tieu_chi]]\nma = \"2.2\"\n"
	d := parse(t, src)
	if d.Len("bo_tieu_chi.nhom[1].tieu_chi") != 1 || d.Len("bo_tieu_chi.nhom[2].tieu_chi") != 2 {
		t.Fatalf("counts: %d %d", d.Len("bo_tieu_chi.nhom[1].tieu_chi"), d.Len("bo_tieu_chi.nhom[2].tieu_chi"))
	}
	steps := []func() error{
		func() error { return d.Insert("bo_tieu_chi.nhom[1].tieu_chi", 9) },
		func() error { return d.Set("bo_tieu_chi.nhom[1].tieu_chi[2].ma", "1.2") },
		func() error { return d.Move("bo_tieu_chi.nhom[2].tieu_chi[2]", 1) },
		func() error { return d.Move("bo_tieu_chi.nhom[2]", 1) },
	}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v\n%s", i, err, d.String())
		}
	}
	var v struct {
		BoTieuChi struct {
			Nhom []struct {
				Ten     string
				TieuChi []struct{ Ma string } `toml:"tieu_chi"`
			}
		} `toml:"bo_tieu_chi"`
	}
	if _, err := toml.Decode(d.String(), &v); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range v.BoTieuChi.Nhom {
		got = append(got, n.Ten)
		for _, c := range n.TieuChi {
			got = append(got, c.Ma)
		}
	}
	if want := []string{"II", "2.2", "2.1", "I", "1.1", "1.2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v\n%s", got, want, d.String())
	}
}
