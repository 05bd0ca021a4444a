package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"ten", "ten_ngan", "dia_danh", "thu_truong", "ngay", "nam"}
	cases := map[string]string{
		"tên":        "ten",        // a diacritic is one edit
		"Ten":        "ten",        // so is a capital
		"ten_ngna":   "ten_ngan",   // two edits in a long word
		"thu_truog":  "thu_truong", // one missing letter
		"ngya":       "",           // a swap is two edits: too many for four letters
		"xyz":        "",
		"dia_danh_x": "dia_danh",
		"":           "",
	}
	for in, want := range cases {
		if got := Closest(in, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Closest("nam", []string{"nay", "nam"}); got != "nam" {
		t.Errorf("exact match loses: %q", got)
	}
	if got := Closest("naz", []string{"nay", "nam"}); got != "nay" {
		t.Errorf("ties go to the first: %q", got)
	}
}
