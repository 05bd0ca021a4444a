package record

import (
	"fmt"
	"reflect"
	"slices"

	"thidua/internal/fieldpath"
)

// Need checks the record against the papers about to be made (template
// names, e.g. "giao-uoc"): every field whose need tag names one of them
// must be given. The error, when not nil, is an Errors with one positioned
// problem per missing field, naming the paper that prints it.
func (r *Record) Need(papers []string) error {
	var errs Errors
	r.need(reflect.ValueOf(r).Elem(), "", "", papers, &errs)
	if len(errs) == 0 {
		return nil
	}
	return errs.sort()
}

// need walks the struct v at path; who names the list item it is in.
func (r *Record) need(v reflect.Value, path string, who owner, papers []string, errs *Errors) {
	for _, f := range fieldsOf(v.Type()) {
		fv := v.Field(f.index)
		fp := fieldpath.Key(path, f.key)
		if i := slices.IndexFunc(f.need, func(p string) bool { return slices.Contains(papers, p) }); i >= 0 && fv.IsZero() {
			paper := f.need[i]
			*errs = append(*errs, r.Errorf(fp, needHint(fv.Type(), f, path, who, paper),
				"giấy %s cần %s (%s)%s", paper, f.key, f.label, who.of()))
			continue
		}
		switch {
		case fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct && fv.Type() != reflect.PointerTo(numberType):
			r.need(fv.Elem(), fp, who, papers, errs)
		case fv.Kind() == reflect.Struct && isTableType(fv.Type()):
			r.need(fv, fp, who, papers, errs)
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct:
			for i := 0; i < fv.Len(); i++ {
				item := fv.Index(i)
				name := fmt.Sprintf("%s thứ %d", f.item, i+1)
				if n := item.FieldByName("Name"); n.IsValid() && n.Kind() == reflect.String && n.String() != "" {
					name += " (" + n.String() + ")"
				}
				r.need(item, fieldpath.Item(fp, i+1), owner(name), papers, errs)
			}
		}
	}
}

// needHint says how to add a field a paper needs, and why a review
// session's date is not the signing date of a pledge.
func needHint(t reflect.Type, f field, path string, who owner, paper string) string {
	d := &decoder{}
	hint := d.addHint(t, f, path, who)
	if f.key == "ngay" && path == "giao_uoc" {
		hint = "phiên họp này không phải phiên ký kết nên ngày họp không phải ngày ký giao ước; " + hint +
			" (ngày các đơn vị đã ký giao ước), hoặc bỏ giấy " + paper + " khỏi lần in này"
	}
	return hint
}
