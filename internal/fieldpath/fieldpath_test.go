package fieldpath

import "testing"

func TestParent(t *testing.T) {
	for in, want := range map[string]string{
		"thanh_vien[2].thu_truong.ho_ten": "thanh_vien[2].thu_truong",
		"thanh_vien[2]":                   "thanh_vien",
		"thanh_vien":                      "",
		`cum."a.b"`:                       "cum",
		`"x[1]"`:                          "",
		"a.b[1][2]":                       "a.b[1]",
	} {
		if got := Parent(in); got != want {
			t.Errorf("Parent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeyAndLast(t *testing.T) {
	for _, c := range []struct{ prefix, key, path string }{
		{"", "thanh_vien", "thanh_vien"},
		{"diem[1].cum_cham", "1.1", `diem[1].cum_cham."1.1"`},
		{"a", "", `a.""`},
		{"a", `x "y"`, `a."x \"y\""`},
	} {
		p := Key(c.prefix, c.key)
		if p != c.path {
			t.Errorf("Key(%q, %q) = %s, want %s", c.prefix, c.key, p, c.path)
		}
		if k, end := Last(p); k != c.key || p[:end] != c.prefix {
			t.Errorf("Last(%s) = %q, %q; want %q, %q", p, k, p[:end], c.key, c.prefix)
		}
	}
	if k, end := Last("a.b[3]"); k != "" || end != 3 {
		t.Errorf(`Last("a.b[3]") = %q, %d; want "", 3`, k, end)
	}
	if got := Item("thanh_vien", 2); got != "thanh_vien[2]" {
		t.Errorf("Item = %s", got)
	}
}
