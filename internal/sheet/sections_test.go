package sheet

import "testing"

func TestReplace(t *testing.T) {
	src := `# Hồ sơ
[cum]
ten = "Cụm [[diem]] thử" # not a header

[[diem]]
thanh_vien = "a"
cum_cham = { "1.1" = 1 }
# a comment inside a score table goes with it
thuong = 1

[[diem]]
thanh_vien = "b"
cum_cham = { "1.1" = 2 }

# ---- Bình xét ----
[binh_xet]
ghi_chu = """
[[binh_xet.ung_vien]]
not a header: a multi-line string
"""
danh_sach = [
  ["[diem]", "x"],
]

[[binh_xet.ung_vien]]
thanh_vien = "a"
so_phieu = 1

[[binh_xet.de_nghi]]
thanh_vien = "a"
`
	got := Replace(src, []Section{
		{Path: "diem", Text: "[[diem]]\nthanh_vien = \"c\"\n"},
		{Path: "binh_xet.ung_vien", Text: "[[binh_xet.ung_vien]]\nthanh_vien = \"c\"\n"},
		{Path: "chi_tieu", Text: "[[chi_tieu]]\nten = \"x\"\n"},
	})
	want := `# Hồ sơ
[cum]
ten = "Cụm [[diem]] thử" # not a header

[[diem]]
thanh_vien = "c"

# ---- Bình xét ----
[binh_xet]
ghi_chu = """
[[binh_xet.ung_vien]]
not a header: a multi-line string
"""
danh_sach = [
  ["[diem]", "x"],
]

[[binh_xet.ung_vien]]
thanh_vien = "c"

[[binh_xet.de_nghi]]
thanh_vien = "a"

[[chi_tieu]]
ten = "x"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Replace(src, nil) != src {
		t.Error("no sections changed the text")
	}
}

func TestHeaderPath(t *testing.T) {
	for in, want := range map[string]string{
		"[[diem]]": "diem", "[ binh_xet . ung_vien ]": "binh_xet.ung_vien", `[[a."b.c"]] # x`: "a.b.c",
	} {
		if got, ok := headerPath(in); !ok || got != want {
			t.Errorf("headerPath(%q) = %q, want %q", in, got, want)
		}
	}
}
