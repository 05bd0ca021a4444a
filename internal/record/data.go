package record

import "reflect"

// Data returns the record as nested maps keyed by the TOML keys, for
// templates: {{.cum.ten}}, {{range .thanh_vien}}{{.ten_ngan}}{{end}}. Text
// is a string, an integer an int, a decimal number a float64, a date a
// Date, lines a []string, a table or a map a map[string]any and an array of
// tables a []map[string]any. Defaults that Load fills (ten_ngan, kieu_dau,
// giao_uoc.ngay, dia_danh, so_ban) are included; a missing [giao_uoc] is
// absent from the map.
func (r *Record) Data() map[string]any {
	return dataOf(reflect.ValueOf(r).Elem())
}

func dataOf(rv reflect.Value) map[string]any {
	out := map[string]any{}
	for _, f := range fieldsOf(rv.Type()) {
		if v := dataValue(rv.Field(f.index)); v != nil {
			out[f.key] = v
		}
	}
	return out
}

func dataValue(fv reflect.Value) any {
	t := fv.Type()
	switch {
	case t == dateType:
		return fv.Interface()
	case t == numberType:
		return fv.Interface().(Number).Float64()
	case t.Kind() == reflect.Map:
		m := map[string]any{}
		for _, k := range fv.MapKeys() {
			m[k.String()] = dataValue(fv.MapIndex(k))
		}
		return m
	case t == linesType:
		return []string(fv.Interface().(Lines))
	case t.Kind() == reflect.Pointer:
		if fv.IsNil() {
			return nil
		}
		return dataOf(fv.Elem())
	case t.Kind() == reflect.Struct:
		return dataOf(fv)
	case t.Kind() == reflect.Slice:
		items := make([]map[string]any, fv.Len())
		for i := range items {
			items[i] = dataOf(fv.Index(i))
		}
		return items
	}
	return fv.Interface()
}
