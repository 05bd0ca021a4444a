package fill

import (
	"strings"
	"testing"
)

// sameLines fails the test with both lists when they differ.
func sameLines(t testing.TB, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
		t.Errorf("got %d lines:\n  %s\nwant %d lines:\n  %s", len(got), strings.Join(got, "\n  "), len(want), strings.Join(want, "\n  "))
	}
}

func TestSmoke(t *testing.T) {
	b := &docBuilder{}
	b.p("Kính gửi: {{.cum.ten}}").p("Ngày họp: {{ngay .phien.ngay}}")
	got := fillLines(t, b.bytes(), sampleRecord(), "word/document.xml")
	sameLines(t, got, []string{"Kính gửi: Cụm thi đua các tỉnh Bắc Trung Bộ", "Ngày họp: ngày 14 tháng 03 năm 2023"})
}
