package vn

import (
	"fmt"
	"math"
	"reflect"
)

// TemplateFuncs returns the functions templates use to write Vietnamese,
// ready to pass to text/template's Funcs (its FuncMap is this map type):
//
//	date t            ngày 05 tháng 01 năm 2024
//	placeDate p t     Nghệ An, ngày 05 tháng 01 năm 2024
//	weekday t         Thứ Năm
//	timeOfDay t       08 giờ 00 phút
//	shortTime t       08h00
//	int n             2.340.000
//	number x d        31.434,47 (d decimals)
//	decimal x d       4,5 (at most d decimals, no trailing zeros)
//	percent x d       43,31%
//	moneyWords n      Hai triệu ba trăm bốn mươi nghìn đồng
//	numberWords n     hai triệu ba trăm bốn mươi nghìn
//	upper s           ỦY BAN NHÂN DÂN
//	period m y        6 tháng đầu năm 2023 / năm 2023
//	lastMonths m y    6 tháng cuối năm 2023
//	quarter q y       quý I năm 2023
//
// The numeric functions take any Go integer or float, as template data
// holds them; a value of another kind, or a fraction where a whole number
// is needed, stops the template with an error in Vietnamese.
func TemplateFuncs() map[string]any {
	return map[string]any{
		"date":       DecreeDate,
		"placeDate":  PlaceDate,
		"weekday":    Weekday,
		"timeOfDay":  TimeOfDay,
		"shortTime":  ShortTime,
		"upper":      Upper,
		"period":     Period,
		"lastMonths": LastMonths,
		"quarter":    Quarter,
		"int": func(v any) (string, error) {
			n, err := toInt(v)
			return FormatInt(n), err
		},
		"number": func(v any, decimals int) (string, error) {
			x, err := toFloat(v)
			return FormatNumber(x, decimals), err
		},
		"decimal": func(v any, maxDecimals int) (string, error) {
			x, err := toFloat(v)
			return FormatDecimal(x, maxDecimals), err
		},
		"percent": func(v any, decimals int) (string, error) {
			x, err := toFloat(v)
			return FormatPercent(x, decimals), err
		},
		"moneyWords": func(v any) (string, error) {
			n, err := toInt(v)
			return MoneyWords(n), err
		},
		"numberWords": func(v any) (string, error) {
			n, err := toInt(v)
			return NumberWords(n), err
		},
	}
}

func toFloat(v any) (float64, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	}
	return 0, fmt.Errorf("giá trị %v (kiểu %T) không phải là số", v, v)
}

func toInt(v any) (int64, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := rv.Uint(); u <= math.MaxInt64 {
			return int64(u), nil
		}
		return 0, fmt.Errorf("số %v quá lớn", v)
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
			return int64(f), nil
		}
		return 0, fmt.Errorf("số %v không phải số nguyên: hãy làm tròn trước khi đọc bằng chữ", v)
	}
	return 0, fmt.Errorf("giá trị %v (kiểu %T) không phải là số", v, v)
}
