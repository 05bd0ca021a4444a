// Package fieldpath builds and splits the field paths that name a value of
// a record, as errors show them and as the scanners of TOML text index
// them: keys joined by dots, a key that could be taken for path syntax in
// double quotes, and 1-based item numbers of arrays in brackets, e.g.
// `thanh_vien[2].thu_truong.ho_ten` or `diem[1].cum_cham."1.1"`.
//
// Every package that names a field goes through it, so that a path the
// decoder reports is the path an editor finds.
package fieldpath

import (
	"strconv"
	"strings"
)

// Key appends a key to a path, quoting it when it could be mistaken for
// path syntax: Key("diem[1].cum_cham", "1.1") = `diem[1].cum_cham."1.1"`.
func Key(prefix, key string) string {
	if key == "" || strings.ContainsAny(key, ".[]\" \t\r\n") {
		key = strconv.Quote(key)
	}
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// Item appends a 1-based item number: Item("thanh_vien", 2) = "thanh_vien[2]".
func Item(prefix string, n int) string {
	return prefix + "[" + strconv.Itoa(n) + "]"
}

// Parent strips the last key or item number: "a[2].b" -> "a[2]" -> "a" -> "".
func Parent(p string) string {
	_, end := Last(p)
	return p[:end]
}

// Last returns the last key of a path, unquoted ("" when the path ends in
// an item number), and where the parent path ends.
func Last(p string) (key string, parentEnd int) {
	if strings.HasSuffix(p, "]") && !strings.HasSuffix(p, `"]`) {
		if i := strings.LastIndexByte(p, '['); i > 0 {
			return "", i
		}
	}
	inQuote := false
	last := -1
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if inQuote {
				i++
			}
		case '"':
			inQuote = !inQuote
		case '.', '[':
			if !inQuote {
				last = i
			}
		}
	}
	k := p[last+1:]
	if uq, err := strconv.Unquote(k); err == nil {
		k = uq
	}
	if last < 0 {
		return k, 0
	}
	return k, last
}
