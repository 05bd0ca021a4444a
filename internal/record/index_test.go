package record

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// positions renders an index's map as "path line:col" lines, sorted, for comparison.
func positions(ix *index, m map[string]int) []string {
	var out []string
	for p, off := range m {
		l, c := ix.lineCol(off)
		out = append(out, fmt.Sprintf("%s %d:%d", p, l, c))
	}
	slices.Sort(out)
	return out
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}

func diffLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("%s: unexpected %s", what, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: missing %s", what, w)
		}
	}
}

// The columns below were counted by hand, in characters (a tab is one).
const scanSource = `# Hồ sơ [không phải bảng] a = 1
[cum]
ten = "Cụm thi đua Bắc Trung Bộ" # ghi chú = 2
"tên lạ" = 1
'a.b' = 2

[[thanh_vien]]
id = "nghe-an"
thu_truong.ho_ten = "Nguyễn Đức Trung"

[[thanh_vien]]
	id = "quang-tri"
[thanh_vien.thu_truong]
ho_ten = "Võ Văn Hưng"

[phien]
chu_tri = [ { ho_ten = "Ồ", chuc_vu = "Chủ tịch" },
  # chú thích
  { ho_ten = "Bé" } ]
ghi_chu = """
[giả] = "không phải khóa"
"""
sau = 'x'
muc_dich = [
  "một", # một
  '''hai
ba''',
  "bốn \" ]",
]
[giao_uoc]
x = { a.b = 1, c = [1, 2] }
`

func TestIndexPositions(t *testing.T) {
	ix := newIndex(scanSource)
	ix.scan()
	diffLines(t, "keys", positions(ix, ix.keys), sorted(
		"cum 2:1",
		"cum.ten 3:1",
		`cum."tên lạ" 4:1`,
		`cum."a.b" 5:1`,
		"thanh_vien 7:1",
		"thanh_vien[1] 7:1",
		"thanh_vien[1].id 8:1",
		"thanh_vien[1].thu_truong 9:1",
		"thanh_vien[1].thu_truong.ho_ten 9:12",
		"thanh_vien[2] 11:1",
		"thanh_vien[2].id 12:2",
		"thanh_vien[2].thu_truong 13:1",
		"thanh_vien[2].thu_truong.ho_ten 14:1",
		"phien 16:1",
		"phien.chu_tri 17:1",
		"phien.chu_tri[1].ho_ten 17:15",
		"phien.chu_tri[1].chuc_vu 17:29",
		"phien.chu_tri[2].ho_ten 19:5",
		"phien.ghi_chu 20:1",
		"phien.sau 23:1",
		"phien.muc_dich 24:1",
		"giao_uoc 30:1",
		"giao_uoc.x 31:1",
		"giao_uoc.x.a 31:7",
		"giao_uoc.x.a.b 31:9",
		"giao_uoc.x.c 31:16",
	))
	diffLines(t, "values", positions(ix, ix.vals), sorted(
		"cum.ten 3:7",
		`cum."tên lạ" 4:12`,
		`cum."a.b" 5:9`,
		"thanh_vien[1].id 8:6",
		"thanh_vien[1].thu_truong.ho_ten 9:21",
		"thanh_vien[2].id 12:7",
		"thanh_vien[2].thu_truong.ho_ten 14:10",
		"phien.chu_tri 17:11",
		"phien.chu_tri[1] 17:13",
		"phien.chu_tri[1].ho_ten 17:24",
		"phien.chu_tri[1].chuc_vu 17:39",
		"phien.chu_tri[2] 19:3",
		"phien.chu_tri[2].ho_ten 19:14",
		"phien.ghi_chu 20:11",
		"phien.sau 23:7",
		"phien.muc_dich 24:12",
		"phien.muc_dich[1] 25:3",
		"phien.muc_dich[2] 26:3",
		"phien.muc_dich[3] 28:3",
		"giao_uoc.x 31:5",
		"giao_uoc.x.a.b 31:13",
		"giao_uoc.x.c 31:20",
		"giao_uoc.x.c[1] 31:21",
		"giao_uoc.x.c[2] 31:24",
	))
}

func TestIndexNestedArraysOfTables(t *testing.T) {
	ix := newIndex("[[a]]\n[[a.b]]\nx = 1\n[[a]]\n[[a.b]]\n[[a.b]]\ny = 2\n[a.c]\nz = 3\n")
	ix.scan()
	for path, want := range map[string]string{
		"a[1].b[1].x": "3:1",
		"a[2].b[1]":   "5:1",
		"a[2].b[2]":   "6:1",
		"a[2].b[2].y": "7:1",
		"a[2].c":      "8:1",
		"a[2].c.z":    "9:1",
	} {
		off, ok := ix.keys[path]
		l, c := ix.lineCol(off)
		if got := fmt.Sprintf("%d:%d", l, c); !ok || got != want {
			t.Errorf("%s at %s (found %v), want %s", path, got, ok, want)
		}
	}
	if _, ok := ix.keys["a[3]"]; ok {
		t.Error("a has two items, index has a[3]")
	}
}

func TestIndexFallsBackToParent(t *testing.T) {
	ix := newIndex(scanSource)
	ix.scan()
	for path, want := range map[string]string{
		"thanh_vien[2].thu_truong.chuc_vu":    "13:1",  // missing key: its table's header
		"phien.chu_tri[2].chuc_vu":            "19:3",  // missing key of an inline table: its '{'
		"thanh_vien[3].ten":                   "7:1",   // no third item: the array
		"phien.muc_dich[2]":                   "26:3",  // an array element has only a value
		`cum."a.b"`:                           "5:1",   // quoted key
		"giao_uoc.x.c[2]":                     "31:24", // element of a nested array
		"khong_co.gi_ca":                      "",      // nothing at all
		"thanh_vien[1].thu_truong.tham_quyen": "9:1",
	} {
		off, ok := ix.keyOff(path)
		got := ""
		if ok {
			l, c := ix.lineCol(off)
			got = fmt.Sprintf("%d:%d", l, c)
		}
		if got != want {
			t.Errorf("keyOff(%s) = %q, want %q", path, got, want)
		}
	}
}

func TestIndexAt(t *testing.T) {
	ix := newIndex(scanSource)
	ix.scan()
	for _, tc := range []struct {
		line, col int
		want      string
	}{
		{3, 40, "cum.ten"},                   // in the comment after the value
		{17, 45, "phien.chu_tri[1].chuc_vu"}, // inside the second value of the line
		{18, 5, ""},                          // a comment line has no key
		{1, 1, ""},
	} {
		off := ix.lineOffset(tc.line)
		off += len(string([]rune(scanSource[off:])[:tc.col-1]))
		if got := ix.at(off); got != tc.want {
			t.Errorf("at(%d:%d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestLineColCountsCharacters(t *testing.T) {
	src := "a = 1\r\nb = \"ô\" # ở\r\n\tc = 'x'"
	ix := newIndex(src)
	ix.scan()
	for path, want := range map[string]string{"b": "2:5", "c": "3:6"} {
		l, c := ix.lineCol(ix.vals[path])
		if got := fmt.Sprintf("%d:%d", l, c); got != want {
			t.Errorf("%s value at %s, want %s", path, got, want)
		}
	}
	// An offset inside "ô" (BurntSushi's can be) counts as the "ô".
	if l, c := ix.lineCol(strings.Index(src, "ô") + 1); l != 2 || c != 6 {
		t.Errorf("inside ô at %d:%d, want 2:6", l, c)
	}
	// The '#' after "ô" is byte 10 of line 2 but character 9.
	l, c := ix.lineCol(strings.Index(src, "#"))
	if l != 2 || c != 9 {
		t.Errorf("# at %d:%d, want 2:9", l, c)
	}
}

// checkIndex asserts what FuzzIndex promises: every position the index holds
// is a character of the source, on a line and column that exist.
func checkIndex(t *testing.T, src string) {
	ix := newIndex(src)
	ix.scan()
	all := slices.Collect(maps.Values(ix.keys))
	all = append(all, slices.Collect(maps.Values(ix.vals))...)
	for _, e := range ix.order {
		all = append(all, e.off)
	}
	for _, off := range all {
		if off < 0 || off >= len(src) || src[off] == '\n' {
			t.Fatalf("offset %d outside the source's characters (len %d)", off, len(src))
		}
		l, c := ix.lineCol(off)
		lines := strings.Split(src, "\n")
		if l < 1 || l > len(lines) || c < 1 || c > utf8.RuneCountInString(lines[l-1]) {
			t.Fatalf("offset %d gives %d:%d, outside the source", off, l, c)
		}
	}
	for p := range ix.keys {
		ix.keyOff(p + ".x[3]")
		ix.at(ix.keys[p])
	}
}

func FuzzIndex(f *testing.F) {
	f.Add(scanSource)
	f.Add("[[a]]\n[[a.b]]\nx = 1\n[[a]]\n[[a.b]]\n")
	f.Add("a = [[[[1]]]]\nb = {c = {d = [{e = '''\n'''}]}}\n")
	f.Add("a = \"\\\nb = '\n[x\n[[y]\nz = \"\"\"\n")
	f.Add("\"a.b\".'c' = 1\n\xff\xfe = [,]\n")
	samples, _ := filepath.Glob("../../samples/*.toml")
	for _, s := range samples {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(checkIndex)
}
