package vn

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DecreeDate writes t as the decree wants it: "ngày 05 tháng 01 năm 2024".
// Days below 10 and the months 1 and 2 take a leading zero; the months 3
// to 12 do not: "ngày 29 tháng 6 năm 2019", "ngày 14 tháng 3 năm 2023".
// Only the calendar date of t counts, in t's own location.
func DecreeDate(t time.Time) string {
	y, m, d := t.Date()
	b := make([]byte, 0, 32)
	b = append(b, "ngày "...)
	b = appendTwo(b, d)
	b = append(b, " tháng "...)
	if m <= 2 {
		b = appendTwo(b, int(m))
	} else {
		b = strconv.AppendInt(b, int64(m), 10)
	}
	b = append(b, " năm "...)
	b = strconv.AppendInt(b, int64(y), 10)
	return string(b)
}

// appendTwo appends n (0..99) with two digits.
func appendTwo(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// PlaceDate writes the place-and-date line of a paper:
// "Nghệ An, ngày 05 tháng 01 năm 2024". The place is written as given
// (in NFC, trimmed); an empty place gives the date alone.
func PlaceDate(place string, t time.Time) string {
	place = strings.TrimSpace(Normalize(place, ToneModern))
	if place == "" {
		return DecreeDate(t)
	}
	return place + ", " + DecreeDate(t)
}

var weekdays = [7]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday names the day of the week: "Thứ Năm", "Chủ nhật".
func Weekday(t time.Time) string { return weekdays[t.Weekday()] }

// ParseDate reads a date written "dd/mm/yyyy" (or "d/m/yyyy") and rejects
// dates that do not exist. The result is midnight UTC of that day. Its
// errors are in Vietnamese and say what is wrong:
// "ngày 30/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày".
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return time.Time{}, errors.New("chưa có ngày: hãy viết như 05/01/2024")
	}
	parts := strings.Split(in, "/")
	shape := fmt.Errorf("ngày %q không đúng dạng ngày/tháng/năm: hãy viết như 05/01/2024 hoặc 5/1/2024", in)
	if len(parts) != 3 {
		return time.Time{}, shape
	}
	d, okD := digits(parts[0], 1, 2)
	m, okM := digits(parts[1], 1, 2)
	y, okY := digits(parts[2], 4, 4)
	if !okD || !okM || !okY {
		return time.Time{}, shape
	}
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("ngày %s không có thật: tháng %d không có, tháng chỉ từ 1 đến 12", in, m)
	}
	if y < 1 {
		return time.Time{}, fmt.Errorf("ngày %s không có thật: năm phải từ 0001 trở đi", in)
	}
	last := DaysIn(time.Month(m), y)
	if d < 1 || d > last {
		if d < 1 {
			return time.Time{}, fmt.Errorf("ngày %s không có thật: ngày phải từ 1 đến %d", in, last)
		}
		return time.Time{}, fmt.Errorf("ngày %s không có thật: tháng %d năm %d chỉ có %d ngày", in, m, y, last)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

// DaysIn returns the number of days of month m in year y.
func DaysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// digits reads s as a decimal number of lo to hi ASCII digits.
func digits(s string, lo, hi int) (int, bool) {
	if len(s) < lo || len(s) > hi {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// TimeOfDay writes the time of t as papers do: "08 giờ 00 phút".
func TimeOfDay(t time.Time) string {
	b := make([]byte, 0, 20)
	b = appendTwo(b, t.Hour())
	b = append(b, " giờ "...)
	b = appendTwo(b, t.Minute())
	b = append(b, " phút"...)
	return string(b)
}

// ShortTime writes the time of t in the short form: "14h00", "08h30".
func ShortTime(t time.Time) string {
	b := make([]byte, 0, 5)
	b = appendTwo(b, t.Hour())
	b = append(b, 'h')
	b = appendTwo(b, t.Minute())
	return string(b)
}

// ParseTimeOfDay reads a time of day as records write it: "8:30",
// "08:30", "8h30", "14h", "8 giờ 30 phút", "8 giờ", "8 giờ 30". It
// returns the hour (0..23) and minute (0..59).
func ParseTimeOfDay(s string) (hour, minute int, err error) {
	in := strings.TrimSpace(Normalize(s, ToneModern))
	t := strings.ToLower(in)
	t = strings.TrimSuffix(t, "phút")
	t = strings.TrimSpace(t)
	var h, m string
	switch {
	case strings.Contains(t, "giờ"):
		h, m, _ = strings.Cut(t, "giờ")
	case strings.Contains(t, "h"):
		h, m, _ = strings.Cut(t, "h")
	case strings.Contains(t, ":"):
		h, m, _ = strings.Cut(t, ":")
	default:
		h = t
	}
	h, m = strings.TrimSpace(h), strings.TrimSpace(m)
	if m == "" {
		m = "0"
	}
	hh, okH := digits(h, 1, 2)
	mm, okM := digits(m, 1, 2)
	if !okH || !okM || h == "" {
		return 0, 0, fmt.Errorf("giờ %q không đúng dạng: hãy viết như 08:30, 8h30 hoặc 8 giờ 30 phút", in)
	}
	if hh > 23 || mm > 59 {
		return 0, 0, fmt.Errorf("giờ %q không có thật: giờ từ 0 đến 23, phút từ 0 đến 59", in)
	}
	return hh, mm, nil
}

// Period names the first months of a year as reports do: months 12 gives
// "năm 2023", 6 gives "6 tháng đầu năm 2023", 9 "9 tháng đầu năm 2023".
func Period(months, year int) (string, error) {
	if err := checkMonths(months); err != nil {
		return "", err
	}
	if months == 12 {
		return "năm " + strconv.Itoa(year), nil
	}
	return fmt.Sprintf("%d tháng đầu năm %d", months, year), nil
}

// LastMonths names the last months of a year: 6, 2023 -> "6 tháng cuối năm 2023".
func LastMonths(months, year int) (string, error) {
	if err := checkMonths(months); err != nil {
		return "", err
	}
	if months == 12 {
		return "năm " + strconv.Itoa(year), nil
	}
	return fmt.Sprintf("%d tháng cuối năm %d", months, year), nil
}

func checkMonths(months int) error {
	if months < 1 || months > 12 {
		return fmt.Errorf("kỳ %d tháng không có: số tháng phải từ 1 đến 12", months)
	}
	return nil
}

// Quarter names a quarter with a Roman numeral: 1, 2023 -> "quý I năm 2023".
func Quarter(q, year int) (string, error) {
	roman := [...]string{"I", "II", "III", "IV"}
	if q < 1 || q > 4 {
		return "", fmt.Errorf("quý %d không có: quý phải từ 1 đến 4", q)
	}
	return "quý " + roman[q-1] + " năm " + strconv.Itoa(year), nil
}

// ShortDate writes t as dd/mm/yyyy: "14/03/2023", for tables and
// messages where the decree's long form does not fit.
func ShortDate(t time.Time) string {
	return TwoDigits(int64(t.Day())) + "/" + TwoDigits(int64(t.Month())) + "/" + strconv.Itoa(t.Year())
}
