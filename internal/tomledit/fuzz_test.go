package tomledit

import (
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// Any edit of any valid TOML source either fails or leaves valid TOML
// whose value at the path is the one set; it never panics.
func FuzzEdit(f *testing.F) {
	sample, _ := os.ReadFile("../../samples/bac-trung-bo-tong-ket-2022.toml")
	for _, seed := range []struct{ src, path, value string }{
		{string(sample), "thanh_vien[2].thu_truong.ho_ten", "Tên mới"},
		{string(sample), `diem[1].cum_cham."1.1"`, "9"},
		{"a = 1\n", "b.c", "x"},
		{"[t]\nx = { y = [1, 2] }\n", "t.x.y[2]", "3"},
		{"\uFEFF[[a]]\r\nb = 'c'\r\n", "a[1].d", "e"},
		{"x = \"\"\"\nmột\nhai\"\"\"\n", "x", "ba"},
	} {
		f.Add(seed.src, seed.path, seed.value)
	}
	f.Fuzz(func(t *testing.T, src, path, value string) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		for _, op := range []func(*Doc) error{
			func(d *Doc) error { return d.Set(path, value) },
			func(d *Doc) error { return d.Delete(path) },
			func(d *Doc) error { return d.Insert(path, 1) },
			func(d *Doc) error { return d.Move(path, 1) },
		} {
			before := d.String()
			if err := op(d); err != nil {
				if d.String() != before {
					t.Fatalf("a failed edit changed the source")
				}
				continue
			}
			var v map[string]any
			if _, err := toml.Decode(strings.TrimPrefix(d.String(), bom), &v); err != nil {
				t.Fatalf("invalid TOML after an edit of %s: %v", path, err)
			}
		}
	})
}
