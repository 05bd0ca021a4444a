package vn

import (
	"strings"
	"testing"
	"text/template"
	"time"
)

func TestTemplateFuncs(t *testing.T) {
	const src = `{{placeDate .Place .Date}} ({{weekday .Date}}, {{timeOfDay .Date}})
{{int .Money}} đồng ({{moneyWords .Money}}); {{number .Value 2}}; {{percent .Rate 2}}; hệ số {{decimal .Coef 2}}
{{upper .Body}}; {{period 6 2023}}; {{numberWords 21}}; {{int 2340000.0}}`
	tmpl := template.Must(template.New("t").Funcs(TemplateFuncs()).Parse(src))
	var b strings.Builder
	err := tmpl.Execute(&b, map[string]any{
		"Place": "Nghệ An",
		"Date":  time.Date(2024, 1, 4, 8, 0, 0, 0, time.UTC),
		"Money": int64(2340000),
		"Value": 31434.47,
		"Rate":  43.31,
		"Coef":  4.5,
		"Body":  "Ủy ban nhân dân",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `Nghệ An, ngày 04 tháng 01 năm 2024 (Thứ Năm, 08 giờ 00 phút)
2.340.000 đồng (Hai triệu ba trăm bốn mươi nghìn đồng); 31.434,47; 43,31%; hệ số 4,5
ỦY BAN NHÂN DÂN; 6 tháng đầu năm 2023; hai mươi mốt; 2.340.000`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, bad := range []string{`{{moneyWords 2.5}}`, `{{int "abc"}}`, `{{number "x" 2}}`, `{{period 13 2023}}`} {
		tm := template.Must(template.New("bad").Funcs(TemplateFuncs()).Parse(bad))
		if err := tm.Execute(&b, nil); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
