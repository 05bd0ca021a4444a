package record

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"thidua/internal/vn"
)

var (
	reDMY = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	reYMD = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
)

const dateHint = `ghi ngày dạng 2024-01-12 (không có ngoặc kép) hoặc "12/01/2024"`

// dateFrom accepts a TOML local date or a "dd/mm/yyyy" string.
func dateFrom(v any) (Date, *problem) {
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() != "date-local" {
			return Date{}, &problem{msg: "chỉ ghi ngày, không kèm giờ hay múi giờ: đang là " + describe(x),
				hint: "ghi ngày dạng 2024-01-12; giờ họp ghi riêng ở khóa gio của bảng [phien]"}
		}
		return Date{x.Year(), x.Month(), x.Day()}, nil
	case string:
		s := strings.TrimSpace(x)
		t, err := vn.ParseDate(s)
		if err == nil {
			return Date{t.Year(), t.Month(), t.Day()}, nil
		}
		if m := reDMY.FindStringSubmatch(s); m != nil {
			if msg, hint := dayProblem(atoi(m[3]), atoi(m[2]), atoi(m[1])); msg != "" {
				return Date{}, &problem{msg: msg, hint: hint}
			}
			return Date{}, &problem{msg: fmt.Sprintf("không đọc được ngày %q: %v", s, err), hint: dateHint}
		}
		return Date{}, &problem{msg: fmt.Sprintf("ngày phải viết dạng dd/mm/yyyy, đang là chuỗi %q", clip(x)), hint: dateHint}
	}
	return Date{}, &problem{typeErr: true, value: v, msg: "phải là ngày, đang là " + describe(v), hint: dateHint}
}

// tomlDateProblem explains a TOML date or time BurntSushi could not read.
func tomlDateProblem(raw string) (msg, hint string) {
	if m := reYMD.FindStringSubmatch(raw); m != nil {
		if msg, hint := dayProblem(atoi(m[1]), atoi(m[2]), atoi(m[3])); msg != "" {
			return msg, hint
		}
		return fmt.Sprintf("ngày %s phải viết đủ hai chữ số cho ngày và tháng", raw),
			fmt.Sprintf("viết %s-%02d-%02d", m[1], atoi(m[2]), atoi(m[3]))
	}
	return fmt.Sprintf("ngày giờ %s viết sai", raw), dateHint
}

// dayProblem says why year-month-day is not a date in the calendar, or
// returns "" when it is one.
func dayProblem(y, m, d int) (msg, hint string) {
	if m < 1 || m > 12 {
		return fmt.Sprintf("ngày %02d/%02d/%04d không có thật: không có tháng %d", d, m, y, m),
			"tháng chỉ từ 01 đến 12; kiểm tra xem có viết ngược ngày và tháng không (ngày/tháng/năm)"
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return fmt.Sprintf("ngày %02d/%02d/%04d không có thật: tháng %02d/%04d chỉ có %d ngày", d, m, y, m, y, last),
			fmt.Sprintf("kiểm tra lại ngày trên giấy tờ gốc; tháng %02d/%04d có từ ngày 01 đến ngày %d", m, y, last)
	}
	return "", ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
