package sheet

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"thidua/internal/record"
)

// This file writes numbers and dates in machine syntax (TOML values,
// formula constants, document properties), never for people to read.

// fmtFloat writes x in its shortest form with a decimal point: "92.5".
func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// w3cDate writes a date as document properties want it.
func w3cDate(d record.Date) string {
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", d.Year, int(d.Month), d.Day)
}

// tomlKey writes a key, quoted unless it is bare (letters, digits, _ and -).
func tomlKey(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlString(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// tomlString writes a TOML basic string.
func tomlString(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == '"' || r == '\\' || r == 0x7f }) {
		return `"` + s + `"`
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || r == 0x7f:
			b = fmt.Appendf(b, `\u%04X`, r)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(append(b, '"'))
}

// tomlValue writes a value read from a sheet.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case record.Number:
		return x.TOML()
	case int64:
		return strconv.FormatInt(x, 10)
	case record.Date:
		return fmt.Sprintf("%04d-%02d-%02d", x.Year, int(x.Month), x.Day)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = tomlString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case [][]kv:
		parts := make([]string, len(x))
		for i, y := range x {
			parts[i] = tomlValue(y)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []kv:
		parts := make([]string, len(x))
		for i, y := range x {
			parts[i] = tomlKey(y.key) + " = " + tomlValue(y.val)
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	panic(fmt.Sprintf("sheet: no TOML for %T", v))
}
