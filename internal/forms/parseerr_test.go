package forms

import (
	"errors"
	"strings"
	"testing"
)

func TestBodyErrors(t *testing.T) {
	const front = "+++\nten_loai = \"BÁO CÁO\"\n+++\n" // the body starts on line 4
	for _, c := range []struct {
		name, body string
		line, col  int
		msg        string
	}{
		{"if inside a line without end", "Gồm:\n{{range .thanh_vien}}\n- Ủy ban {{.ten}}{{if .cuoi}}.{{else}};\n{{end}}\nHết.\n",
			6, 18, "{{if .cuoi}} mở ở đây nhưng chưa có {{end}} đóng"},
		{"range without end", "Gồm:\n{{range .thanh_vien}}\n- {{.ten}}{{if .cuoi}}.{{end}}\nHết.\n",
			5, 1, "{{range .thanh_vien}} mở ở đây nhưng chưa có {{end}} đóng"},
		{"braces in strings and comments", "{{/* {{if x}} */}}\n{{with .a}}{{printf \"}}{{if\" }}\n",
			5, 1, "{{with .a}} mở ở đây"},
		{"end too many", "Một\n{{end}}\n", 5, 1, "{{end}} thừa"},
		{"unclosed action", "Một {{.ten\n", 4, 5, "thẻ {{ chưa đóng bằng }}"},
		{"unknown function", "{{ngay_thang .a}}\n", 4, 1, "không có hàm"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("mau/x.md", []byte(front+c.body))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v", err)
			}
			if e.Line != c.line || e.Col != c.col || !strings.Contains(e.Msg, c.msg) || e.Hint == "" {
				t.Fatalf("got %d:%d %q (hint %q), want %d:%d %q", e.Line, e.Col, e.Msg, e.Hint, c.line, c.col, c.msg)
			}
			if strings.Contains(e.Error(), "unexpected") || strings.Contains(e.Error(), "template:") {
				t.Fatalf("English left in %q", e.Error())
			}
		})
	}
}

// The front matter goes through tomlguard like a record: positioned in
// the template file.
func TestFrontMatterShape(t *testing.T) {
	src := "+++\nten_loai = \"BÁO CÁO\"\nx = " + strings.Repeat("[", 20) + "\n+++\nThân.\n"
	_, err := Parse("mau/x.md", []byte(src))
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Col != 13 || !strings.Contains(e.Msg, "phần đầu mẫu: danh sách [...] và bảng {...} lồng vào nhau quá") || e.Hint == "" {
		t.Fatalf("got %#v", err)
	}
}
