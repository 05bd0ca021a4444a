package fill

import (
	"regexp"
	"strings"
)

// A form written for another template engine is told apart by tags thidua
// never uses, and reported once with how to convert it, instead of one
// misleading error per tag.
var engines = []struct {
	name string
	sign *regexp.Regexp
	how  string
}{
	{
		name: "docxtpl/Jinja",
		sign: regexp.MustCompile(`\{%.*?%\}|\{\{[pr]\s|\{\{tr\s|\{\{\s*[\p{L}_][\w.]*\s*\|\s*\w+\s*\}\}`),
		how: "{{ cum.ten }} → {{.cum.ten}} (thêm dấu chấm trước tên trường); " +
			"{% for tv in thanh_vien %} … {{ tv.ten }} … {% endfor %} → {{range .thanh_vien}} … {{.ten}} … {{end}}; " +
			"{% if x %} … {% else %} … {% endif %} → {{if .x}} … {{else}} … {{end}}; " +
			"{%p …%}, {%tr …%}, {{r …}}: bỏ chữ p, tr, r (thidua tự lặp đoạn hay hàng bảng theo chỗ đặt thẻ); " +
			"{{ x|upper }} → {{in_hoa .x}}",
	},
	{
		name: "docxtemplater",
		sign: regexp.MustCompile(`(?:^|[^{])\{[#/^@-][^{}]*\}|\{\{[#/^][^*]`),
		how: "{ten} → {{.ten}}; {#thanh_vien} … {ten} … {/thanh_vien} → {{range .thanh_vien}} … {{.ten}} … {{end}}; " +
			"{^x} … {/x} → {{if not .x}} … {{end}}; {x | loc} → {{hàm .x}} (các hàm ở mục 2)",
	},
}

// foreignSyntax returns a problem for a paragraph written for another
// template engine, or nil.
func foreignSyntax(text string, loc Location) *Problem {
	if !strings.ContainsRune(text, '{') {
		return nil
	}
	for _, e := range engines {
		m := e.sign.FindStringIndex(text)
		if m == nil {
			continue
		}
		s := m[0]
		if text[s] != '{' {
			s++
		}
		loc.Context = around(text, s, m[1])
		return &Problem{Where: loc, Tag: cleanText(text[s:m[1]]),
			Msg: "tệp này viết cho " + e.name + ", không phải cho thidua: thẻ của thidua là {{...}} theo docs/mau-word.md. " +
				"Cách sửa các trường hợp thường gặp: " + e.how}
	}
	return nil
}
