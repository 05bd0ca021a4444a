package docx

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// buf is an append-only byte buffer with the few writers the parts need.
// It never fails, so the code that builds XML reads top to bottom.
type buf struct{ b []byte }

// s appends literal markup.
func (w *buf) s(x string) { w.b = append(w.b, x...) }

// attr appends ` name="n"` for an integer value.
func (w *buf) attr(name string, n int64) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, `="`...)
	w.b = strconv.AppendInt(w.b, n, 10)
	w.b = append(w.b, '"')
}

// val appends an element with a single integer w:val: <w:sz w:val="28"/>.
func (w *buf) val(elem string, n int64) {
	w.b = append(w.b, '<')
	w.b = append(w.b, elem...)
	w.attr("w:val", n)
	w.b = append(w.b, "/>"...)
}

// toggle appends an on/off property: <w:b/> when on, <w:b w:val="0"/> when off.
func (w *buf) toggle(elem string, on bool) {
	w.b = append(w.b, '<')
	w.b = append(w.b, elem...)
	if !on {
		w.b = append(w.b, ` w:val="0"`...)
	}
	w.b = append(w.b, "/>"...)
}

// text appends s escaped for element content or an attribute value. It
// fails, leaving w unchanged, on invalid UTF-8 and on the characters XML
// 1.0 cannot hold: C0 controls, U+FFFE and U+FFFF. Tab, line feed and
// carriage return are refused too: the model never puts them in text (a
// new line is a new paragraph), and Word would show them as spaces.
func (w *buf) text(s string) error {
	start := len(w.b)
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '&':
				esc = "&amp;"
			case c == '"':
				esc = "&quot;"
			case c == '\'':
				esc = "&apos;"
			case c < 0x20:
				w.b = w.b[:start]
				return badChar(s, rune(c))
			default:
				i++
				continue
			}
			w.b = append(w.b, s[last:i]...)
			w.b = append(w.b, esc...)
			i++
			last = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			w.b = w.b[:start]
			return fmt.Errorf("docx: văn bản %s không phải UTF-8 hợp lệ; hãy lưu tệp dữ liệu ở bảng mã UTF-8", quote(s))
		}
		if r == 0xFFFE || r == 0xFFFF {
			w.b = w.b[:start]
			return badChar(s, r)
		}
		i += n
	}
	w.b = append(w.b, s[last:]...)
	return nil
}

// badChar is the error for a character an XML part cannot hold.
func badChar(s string, r rune) error {
	return fmt.Errorf("docx: văn bản %s chứa ký tự điều khiển U+%04X, không ghi được vào tệp Word; "+
		"hãy xoá ký tự đó (mỗi dòng mới phải là một đoạn riêng)", quote(s), r)
}

// quote shows the start of s in an error message.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		n, i := 0, 0
		for i = range s {
			if n == max {
				break
			}
			n++
		}
		s = s[:i] + "…"
	}
	return strconv.Quote(s)
}

// tw converts points to twentieths of a point (twips, dxa), the unit of
// every length in WordprocessingML.
func tw(pt float64) int64 { return int64(math.Round(pt * 20)) }

// halfPt converts a font size in points to half-points, the unit of w:sz.
func halfPt(pt float64) int64 { return int64(math.Round(pt * 2)) }
