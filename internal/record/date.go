package record

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"thidua/internal/vn"
)

var reYMD = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

const dateHint = `sửa thành một ngày có thật, viết dạng 2024-01-12 (không có ngoặc kép) hoặc "12/01/2024"`

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
		t, err := vn.ParseDate(x)
		if err != nil {
			return Date{}, &problem{msg: err.Error(), hint: dateHint}
		}
		return Date{t.Year(), t.Month(), t.Day()}, nil
	}
	return Date{}, &problem{typeErr: true, value: v, msg: "phải là ngày, đang là " + describe(v), hint: dateHint}
}

// tomlDateProblem explains a TOML date or time BurntSushi could not read:
// a day the calendar does not have gets the same message as "30/02/2024".
func tomlDateProblem(raw string) (msg, hint string) {
	m := reYMD.FindStringSubmatch(raw)
	if m == nil {
		return fmt.Sprintf("ngày giờ %s viết sai", raw), dateHint
	}
	if _, err := vn.ParseDate(m[3] + "/" + m[2] + "/" + m[1]); err != nil {
		return err.Error(), dateHint
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("ngày %s phải viết đủ hai chữ số cho tháng và ngày", raw), fmt.Sprintf("viết %s-%02d-%02d", m[1], month, day)
}
