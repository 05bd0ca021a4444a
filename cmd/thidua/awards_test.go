package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"thidua/internal/testkit"
	"thidua/templates"
)

// dossier is the sample dossier with salary put at the top of its
// [khen_thuong] table and, when kind is not empty, its award kind
// replaced by kind.
func dossier(t *testing.T, salary, kind string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "hong-linh-khen-thuong-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "[khen_thuong]\n", "[khen_thuong]\n"+salary+"\n", 1)
	if kind != "" {
		i := strings.Index(src, "[[khen_thuong.hinh_thuc]]")
		j := i + strings.Index(src[i:], "\n\n")
		src = src[:i] + kind + src[j:]
		src = strings.ReplaceAll(src, `hinh_thuc = "chien-si-thi-dua-cap-tinh"`, `hinh_thuc = "chien-si-thi-dua-cap-bo-tinh"`)
	}
	return src
}

// lineOf is the line of the first s in src.
func lineOf(src, s string) string {
	return strconv.Itoa(strings.Count(src[:strings.Index(src, s)], "\n") + 1)
}

const bigKind = "[[khen_thuong.hinh_thuc]]\nma = \"chien-si-thi-dua-cap-bo-tinh\"\nhe_so_ca_nhan = "

// Prize money never wraps (issue 14): a salary or coefficient no decree
// could set is an error at its key, in Vietnamese, with a fix; nothing
// is written, and no paper says "Âm ..." or "0 đồng".
func TestPrizeMoneyBounded(t *testing.T) {
	for _, c := range []struct {
		name, salary, kind string
		key, col, msg      string // the line the error is at, its column and field, its message
	}{
		{"salary 4e16", "luong_co_so = 40000000000000000", "", "luong_co_so", ":15: khen_thuong.luong_co_so: ", "mức lương cơ sở 40.000.000.000.000.000 đồng nằm ngoài khoảng hợp lý"},
		{"salary max int64", "luong_co_so = 9223372036854775807", "", "luong_co_so", ":15: khen_thuong.luong_co_so: ", "mức lương cơ sở 9.223.372.036.854.775.807 đồng nằm ngoài khoảng hợp lý"},
		{"salary below any decree", "luong_co_so = 2340", "", "luong_co_so", ":15: khen_thuong.luong_co_so: ", "mức lương cơ sở 2.340 đồng nằm ngoài khoảng hợp lý"},
		{"coefficient 999999", "luong_co_so = 90000000", bigKind + `"999999"`, "he_so_ca_nhan", ":1: khen_thuong.hinh_thuc[1].he_so_ca_nhan: ", `hệ số "999999" lớn bất thường`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := dossier(t, c.salary, c.kind)
			dir := t.TempDir()
			path := filepath.Join(dir, "r.toml")
			os.WriteFile(path, []byte(src), 0o644)
			out := filepath.Join(dir, "ra")
			code, stdout, errOut := cli(t, "render", path, "-o", out)
			want := "r.toml:" + lineOf(src, c.key) + c.col + c.msg
			if code != exitInput || !strings.Contains(errOut, want) || !strings.Contains(errOut, "Cách sửa:") {
				t.Fatalf("exit %d; stderr lacks %q or a fix:\n%s", code, want, errOut)
			}
			if files, _ := os.ReadDir(out); len(files) > 0 || stdout != "" {
				t.Errorf("a bad record wrote %d files: %s", len(files), stdout)
			}
		})
	}
}

// The largest plausible figures still make a right paper: 100 x
// 100.000.000 đồng for each of three people is 30 tỷ đồng, in figures
// and in words.
func TestPrizeMoneyLargestPlausible(t *testing.T) {
	src := dossier(t, "luong_co_so = 100000000", bigKind+`"100"`)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.toml")
	os.WriteFile(path, []byte(src), 0o644)
	out := filepath.Join(dir, "ra")
	if code, _, errOut := cli(t, "render", path, "-o", out, "--dinh-dang", "pdf"); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	text := strings.Join(strings.Fields(testkit.Text(t, filepath.Join(out, "tong-hop-tien-thuong-2023.pdf"))), " ")
	for _, w := range []string{"30.000.000.000", "Ba mươi tỷ đồng", "10.000.000.000"} {
		if !strings.Contains(text, w) {
			t.Errorf("tổng hợp tiền thưởng lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Âm") {
		t.Errorf("a negative amount:\n%s", text)
	}
}

// A catalogue with a salary no decree set is refused at its row.
func TestCatalogueSalaryBounded(t *testing.T) {
	data, err := templates.FS.ReadFile("khen-thuong.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "muc = 2340000", "muc = 40000000000000000", 1)
	dir := t.TempDir()
	cat := filepath.Join(dir, "khen-thuong.toml")
	os.WriteFile(cat, []byte(src), 0o644)
	_, rec := copySample(t, "hong-linh-khen-thuong-2023.toml")
	code, _, errOut := cli(t, "render", rec, "--khen-thuong", cat, "-o", filepath.Join(dir, "ra"))
	want := "khen-thuong.toml:" + lineOf(src, "muc = 4") + ":1: luong_co_so[7].muc: mức lương cơ sở 40.000.000.000.000.000 đồng nằm ngoài khoảng hợp lý"
	if code != exitInput || !strings.Contains(errOut, want) {
		t.Errorf("exit %d; stderr lacks %q:\n%s", code, want, errOut)
	}
}
