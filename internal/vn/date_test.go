package vn

import (
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDecreeDate(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{day(2024, 1, 5), "ngày 05 tháng 01 năm 2024"},
		{day(2019, 6, 29), "ngày 29 tháng 6 năm 2019"},
		{day(2023, 3, 14), "ngày 14 tháng 3 năm 2023"},
		{day(2024, 2, 9), "ngày 09 tháng 02 năm 2024"},
		{day(2023, 12, 31), "ngày 31 tháng 12 năm 2023"},
		{day(2023, 10, 10), "ngày 10 tháng 10 năm 2023"},
		{time.Date(2024, 1, 5, 23, 59, 0, 0, time.FixedZone("ICT", 7*3600)), "ngày 05 tháng 01 năm 2024"},
	} {
		if got := DecreeDate(c.t); got != c.want {
			t.Errorf("DecreeDate(%v) = %q; want %q", c.t, got, c.want)
		}
	}
}

func TestPlaceDate(t *testing.T) {
	d := day(2024, 1, 5)
	for place, want := range map[string]string{
		"Nghệ An":    "Nghệ An, ngày 05 tháng 01 năm 2024",
		"  Hà Nội  ": "Hà Nội, ngày 05 tháng 01 năm 2024",
		"":           "ngày 05 tháng 01 năm 2024",
	} {
		if got := PlaceDate(place, d); got != want {
			t.Errorf("PlaceDate(%q) = %q; want %q", place, got, want)
		}
	}
}

func TestWeekday(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{day(2024, 1, 1), "Thứ Hai"},
		{day(2024, 1, 4), "Thứ Năm"},
		{day(2024, 1, 6), "Thứ Bảy"},
		{day(2024, 1, 7), "Chủ nhật"},
		{day(2024, 1, 12), "Thứ Sáu"},
	} {
		if got := Weekday(c.t); got != c.want {
			t.Errorf("Weekday(%v) = %q; want %q", c.t, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]time.Time{
		"05/01/2024":   day(2024, 1, 5),
		"5/1/2024":     day(2024, 1, 5),
		" 29/02/2024 ": day(2024, 2, 29),
		"29/02/2000":   day(2000, 2, 29),
		"31/12/2023":   day(2023, 12, 31),
	} {
		if got, err := ParseDate(in); err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"30/02/2024": "ngày 30/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày",
		"29/02/2023": "ngày 29/02/2023 không có thật: tháng 2 năm 2023 chỉ có 28 ngày",
		"29/2/1900":  "ngày 29/2/1900 không có thật: tháng 2 năm 1900 chỉ có 28 ngày",
		"31/04/2024": "ngày 31/04/2024 không có thật: tháng 4 năm 2024 chỉ có 30 ngày",
		"12/13/2024": "ngày 12/13/2024 không có thật: tháng 13 không có, tháng chỉ từ 1 đến 12",
		"00/01/2024": "ngày 00/01/2024 không có thật: ngày phải từ 1 đến 31",
		"2024-01-05": `ngày "2024-01-05" không đúng dạng ngày/tháng/năm: hãy viết như 05/01/2024 hoặc 5/1/2024`,
		"5/1/24":     `ngày "5/1/24" không đúng dạng`,
		"aa/bb/cccc": `ngày "aa/bb/cccc" không đúng dạng`,
		" ":          "chưa có ngày: hãy viết như 05/01/2024",
	} {
		_, err := ParseDate(in)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseDate(%q) error = %v; want %q", in, err, want)
		}
	}
}

func TestTimes(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2024, 1, 5, h, m, 0, 0, time.UTC) }
	for _, c := range []struct{ got, want string }{
		{TimeOfDay(at(8, 0)), "08 giờ 00 phút"},
		{TimeOfDay(at(14, 30)), "14 giờ 30 phút"},
		{ShortTime(at(14, 0)), "14h00"},
		{ShortTime(at(8, 5)), "08h05"},
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
	for in, want := range map[string][2]int{
		"8:30": {8, 30}, "08:30": {8, 30}, "8h30": {8, 30}, "14h": {14, 0}, "14H00": {14, 0},
		"8 giờ 30 phút": {8, 30}, "8 giờ": {8, 0}, "08 giờ 00 phút": {8, 0}, "8 giờ 30": {8, 30}, "7": {7, 0},
	} {
		h, m, err := ParseTimeOfDay(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseTimeOfDay(%q) = %d, %d, %v; want %v", in, h, m, err, want)
		}
	}
	for in, want := range map[string]string{
		"25:00": "không có thật", "8:75": "không có thật", "sáng": "không đúng dạng", "": "không đúng dạng", "h30": "không đúng dạng",
	} {
		if _, _, err := ParseTimeOfDay(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTimeOfDay(%q) error = %v; want one saying %q", in, err, want)
		}
	}
}

func TestPeriods(t *testing.T) {
	must := func(s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []struct{ got, want string }{
		{must(Period(6, 2023)), "6 tháng đầu năm 2023"},
		{must(Period(9, 2024)), "9 tháng đầu năm 2024"},
		{must(Period(12, 2023)), "năm 2023"},
		{must(LastMonths(6, 2023)), "6 tháng cuối năm 2023"},
		{must(Quarter(1, 2023)), "quý I năm 2023"},
		{must(Quarter(4, 2023)), "quý IV năm 2023"},
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
	if _, err := Period(0, 2023); err == nil || !strings.Contains(err.Error(), "từ 1 đến 12") {
		t.Errorf("Period(0) error = %v", err)
	}
	if _, err := Quarter(5, 2023); err == nil || !strings.Contains(err.Error(), "từ 1 đến 4") {
		t.Errorf("Quarter(5) error = %v", err)
	}
}

func TestShortDateAndTwoDigits(t *testing.T) {
	if got := ShortDate(time.Date(2023, 3, 4, 0, 0, 0, 0, time.UTC)); got != "04/03/2023" {
		t.Errorf("ShortDate = %q", got)
	}
	for n, want := range map[int64]string{0: "00", 7: "07", 10: "10", 1234: "1.234"} {
		if got := TwoDigits(n); got != want {
			t.Errorf("TwoDigits(%d) = %q, want %q", n, got, want)
		}
	}
}
