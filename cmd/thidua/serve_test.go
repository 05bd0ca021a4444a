package main

import (
	"strings"
	"testing"
)

// serve refuses what would be unsafe or cannot work, before listening.
func TestServeRefusals(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"serve", "--khong-mo", "--dia-chi", "0.0.0.0:0"}, exitUsage, "cần thêm --mat-khau"},
		{[]string{"serve", "--khong-mo", "--dia-chi", "0.0.0.0:0", "--cong", "8080"}, exitUsage, "không dùng cả hai"},
		{[]string{"serve", "--khong-mo", "a", "b"}, exitUsage, "một thư mục"},
		{[]string{"serve", "--khong-mo", "--cong", "0", "khong-co-thu-muc-nay"}, exitInput, "không mở được thư mục hồ sơ"},
	} {
		code, _, errOut := cli(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", tc.args, code, errOut, tc.code, tc.says)
		}
	}
}
