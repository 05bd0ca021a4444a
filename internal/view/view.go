// Package view turns a record into the data templates and Word forms
// read, keyed by the record's own TOML names ({{.cum.ten}}), and provides
// the functions they call ({{ngay .phien.ngay}}). Built-in templates and
// users' Word forms see exactly the same names.
package view

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"text/template"
	"time"

	"thidua/internal/frame"
	"thidua/internal/vn"
)

// Markdown is text that a template prints as Markdown rather than as
// literal text (see the markdown function).
type Markdown string

// Funcs returns the template functions, named in Vietnamese without
// diacritics like the record's keys.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"ngay":              func(d any) (string, error) { t, err := date(d); return vn.DecreeDate(t), err },
		"ngay_so":           func(d any) (string, error) { t, err := date(d); return vn.ShortDate(t), err },
		"thu":               func(d any) (string, error) { t, err := date(d); return vn.Weekday(t), err },
		"noi_ngay":          placeDate,
		"so_ky_hieu":        numberSymbol,
		"so":                formatNumber,
		"phan_tram":         formatPercent,
		"tien":              func(n any) (string, error) { v, err := integer(n); return vn.FormatInt(v), err },
		"bang_chu":          func(n any) (string, error) { v, err := integer(n); return vn.MoneyWords(v), err },
		"doc_so":            func(n any) (string, error) { v, err := integer(n); return vn.NumberWords(v), err },
		"thap_phan":         formatDecimal,
		"giai_doan":         func(months, year int) (string, error) { return vn.Period(months, year) },
		"quy":               func(q, year int) (string, error) { return vn.Quarter(q, year) },
		"hai_so":            twoDigits,
		"phan_so":           fraction,
		"chu_cai":           vn.PointLetter,
		"in_hoa":            func(s string) string { return vn.Upper(s) },
		"trong_cau":         vn.InSentence,
		"chuc_vu_don_vi":    vn.PositionAt,
		"chuc_vu_va_don_vi": vn.PositionAnd,
		"liet_ke":           enumerate,
		"markdown":          markdown,
		"co":                has,
		"khong_ngat":        func(s string) string { return frame.Breaker{}.Join(s) },
		"mot_dong":          func(s string) string { return strings.Join(strings.Fields(s), frame.NBSP) },
		"don_vi_ma":         memberByID,
		"bat_buoc":          required,
		"cong":              func(a, b int) int { return a + b },
	}
}

// markdown marks s as Markdown, to print as it is.
func markdown(s any) Markdown {
	if t, ok := s.(string); ok {
		return Markdown(t) // what fmt.Sprint gives, without a copy
	}
	return Markdown(fmt.Sprint(s))
}

// date accepts what the data holds for a date.
func date(d any) (time.Time, error) {
	switch v := d.(type) {
	case time.Time:
		return v, nil
	case string:
		return vn.ParseDate(v)
	}
	return time.Time{}, fmt.Errorf("cần một ngày, nhận được %v", d)
}

// placeDate writes "Nghệ An, ngày 14 tháng 3 năm 2023".
func placeDate(place string, d any) (string, error) {
	t, err := date(d)
	return vn.PlaceDate(place, t), err
}

// numberSymbol writes box 3 after "Số: " (see frame.NumberText).
func numberSymbol(number any, symbol string) (string, error) {
	n := int64(0)
	if number != nil {
		var err error
		if n, err = integer(number); err != nil {
			return "", err
		}
	}
	return frame.NumberText(int(n), symbol), nil
}

// formatNumber writes a number the Vietnamese way with the given
// decimals (none given: as many as it has, up to 2, no trailing zeros).
func formatNumber(x any, decimals ...int) (string, error) {
	f, err := float(x)
	if err != nil {
		return "", err
	}
	if len(decimals) > 0 {
		return vn.FormatNumber(f, decimals[0]), nil
	}
	return vn.FormatDecimal(f, 2), nil
}

func formatPercent(x any, decimals ...int) (string, error) {
	f, err := float(x)
	if err != nil {
		return "", err
	}
	d := 2
	if len(decimals) > 0 {
		d = decimals[0]
	}
	return vn.FormatPercent(f, d), nil
}

// formatDecimal writes x with at most the given decimals, without
// trailing zeros: a coefficient 4,5.
func formatDecimal(x any, maxDecimals int) (string, error) {
	f, err := float(x)
	return vn.FormatDecimal(f, maxDecimals), err
}

// twoDigits writes a count below 10 with a leading zero: "07".
func twoDigits(n any) (string, error) {
	v, err := integer(n)
	return vn.TwoDigits(v), err
}

// fraction writes a part of a whole without leading zeros: "4/5".
func fraction(part, whole any) (string, error) {
	p, err := integer(part)
	if err != nil {
		return "", err
	}
	w, err := integer(whole)
	return vn.Fraction(p, w), err
}

// required returns v, or an error when it prints as nothing: a form's
// signer name or issuing body must not come out empty.
func required(v any) (any, error) {
	if strings.TrimSpace(Print(v)) == "" {
		return nil, fmt.Errorf("giá trị bắt buộc này đang trống trong hồ sơ")
	}
	return v, nil
}

// memberByID returns the member unit whose id is given, from the data
// (the whole of it, $ in a template): {{with don_vi_ma $ .cum.cum_truong}}.
// An empty or unknown id is an error, so that a form never prints an
// empty issuer or signer.
func memberByID(data map[string]any, id string) (map[string]any, error) {
	if id == "" {
		return nil, fmt.Errorf("hồ sơ chưa ghi mã thành viên cần dùng ở đây (ví dụ cum.cum_truong)")
	}
	members, _ := data["thanh_vien"].([]map[string]any)
	for _, m := range members {
		if m["id"] == id {
			return m, nil
		}
	}
	return nil, fmt.Errorf("hồ sơ không có thành viên mã %q", id)
}

// enumerate ends each item with ";" and the last with "." (see frame.Enumerate).
func enumerate(items any) ([]string, error) {
	list, err := strings_(items)
	return frame.Enumerate(list), err
}

func strings_(items any) ([]string, error) {
	switch v := items.(type) {
	case []string:
		return v, nil
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			out[i] = fmt.Sprint(x)
		}
		return out, nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("cần một danh sách, nhận được %T", items)
}

// has reports whether a map holds a non-empty value under key: it lets a
// template test an optional field without failing on a missing key.
func has(m map[string]any, key string) bool {
	v, ok := m[key]
	if !ok || v == nil {
		return false
	}
	switch x := v.(type) {
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case []string:
		return len(x) > 0
	case []map[string]any:
		return len(x) > 0
	}
	return true
}

// integer reads a whole number from any Go number the data holds.
func integer(v any) (int64, error) {
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
		return 0, fmt.Errorf("số %v không phải số nguyên: hãy làm tròn trước", v)
	}
	return 0, fmt.Errorf("giá trị %v (kiểu %T) không phải là số", v, v)
}

// float reads any Go number the data holds.
func float(v any) (float64, error) {
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

// Print is how a value prints when a template gives it no function: text
// as it is, integers without grouping (a year stays 2023), decimals with
// a comma, dates as dd/mm/yyyy.
func Print(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case Markdown:
		return string(x)
	case time.Time:
		return vn.ShortDate(x)
	case float64:
		return vn.FormatDecimal(x, 4)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// Data converts a record (any struct whose fields carry toml tags) into
// the map templates read: keys are the TOML keys, nested tables are maps,
// arrays of tables are []map[string]any, dates are time.Time; nil
// pointers and empty optional values are left out.
func Data(record any) map[string]any {
	m, _ := toData(reflect.ValueOf(record)).(map[string]any)
	return m
}

// Dater is implemented by record types that hold a civil date.
type Dater interface{ Time() time.Time }

// Valuer is implemented by record types that stand for one plain value
// (an exact decimal number is a float64 to templates).
type Valuer interface{ TemplateValue() any }

var (
	daterType  = reflect.TypeFor[Dater]()
	valuerType = reflect.TypeFor[Valuer]()
)

func toData(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.Type().Implements(valuerType) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return nil
		}
		return v.Interface().(Valuer).TemplateValue()
	}
	if v.Type().Implements(daterType) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return nil
		}
		t := v.Interface().(Dater).Time()
		if t.IsZero() {
			return nil
		}
		return t
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return toData(v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return t
		}
		m := map[string]any{}
		addFields(m, v)
		return m
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.String {
			out := make([]string, v.Len())
			for i := range out {
				out[i] = v.Index(i).String()
			}
			return out
		}
		if isStructy(v.Type().Elem()) {
			out := make([]map[string]any, v.Len())
			for i := range out {
				out[i], _ = toData(v.Index(i)).(map[string]any)
				if out[i] != nil {
					out[i]["stt"] = i + 1
				}
			}
			return out
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = toData(v.Index(i))
		}
		return out
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[fmt.Sprint(k.Interface())] = toData(v.MapIndex(k))
		}
		return m
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.Bool:
		return v.Bool()
	case reflect.String:
		return v.String()
	}
	return v.Interface()
}

func isStructy(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != reflect.TypeFor[time.Time]()
}

// addFields copies a struct's tagged fields into m; untagged embedded
// structs contribute their fields at the same level.
func addFields(m map[string]any, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if tag == "-" {
			continue
		}
		fv := v.Field(i)
		if tag == "" {
			if f.Anonymous && fv.Kind() == reflect.Struct {
				addFields(m, fv)
			}
			continue
		}
		if x := toData(fv); x != nil {
			m[tag] = x
		}
	}
}

// Paths lists every field path data of v's type can hold, the way Word
// forms name them: "cum.ten", "thanh_vien[].thu_truong.ho_ten",
// "giao_uoc.noi_dung[]"; items of lists of tables also have "stt". v is a
// value or pointer of the record's type (or of any struct with toml tags).
func Paths(v any) []string {
	var out []string
	addPaths(&out, "", reflect.TypeOf(v))
	return out
}

func addPaths(out *[]string, prefix string, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(daterType) || reflect.PointerTo(t).Implements(daterType) || t == reflect.TypeFor[time.Time]() || t.Implements(valuerType) {
		*out = append(*out, prefix)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			switch {
			case tag == "-":
			case tag == "" && f.Anonymous:
				addPaths(out, prefix, f.Type)
			case tag != "":
				addPaths(out, join(prefix, tag), f.Type)
			}
		}
	case reflect.Slice, reflect.Array:
		if isStructy(t.Elem()) {
			*out = append(*out, prefix+"[].stt")
			addPaths(out, prefix+"[]", t.Elem())
			return
		}
		*out = append(*out, prefix+"[]")
	default:
		*out = append(*out, prefix)
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// PathsOf lists the field paths a data map holds, as Paths does for a
// type: what thidua computes (results under "ket_qua") has no record type.
func PathsOf(data map[string]any) []string {
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, sub := range x {
				if strings.HasPrefix(k, "\x00") {
					continue // a value for Go code, not a field (render's typed results)
				}
				walk(join(prefix, k), sub)
			}
		case []map[string]any:
			if len(x) == 0 {
				out = append(out, prefix+"[]")
			}
			for _, it := range x {
				walk(prefix+"[]", it)
			}
		case []string, []any:
			out = append(out, prefix+"[]")
		default:
			out = append(out, prefix)
		}
	}
	walk("", data)
	slices.Sort(out)
	return slices.Compact(out)
}
