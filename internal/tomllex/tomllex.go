// Package tomllex finds where the lexical pieces of TOML text end: a
// string of any of the four kinds, a comment or line. The scanners that
// read TOML text without decoding it (tomlguard's shape check, record's
// position index, tomledit's in-place editor) skip strings and comments
// the same way through it, so a bracket, '#' or quote inside a string
// never means anything to any of them.
//
// Offsets are byte offsets into the text; broken text never panics: a
// string left open ends at the end of its line (one-line) or of the text
// (multi-line), and the decoder reports it.
package tomllex

import "strings"

// LineEnd returns the offset of the newline that ends the line holding i,
// or len(src) on the last line.
func LineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// StringEnd returns the offset just past the string that opens at src[i]
// (a double or a single quote): basic or literal, one-line or multi-line (between three
// quotes, whose closing run may carry up to two more quotes of content).
func StringEnd(src string, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		return multiEnd(src, i, q)
	}
	return LineStringEnd(src, i)
}

// LineStringEnd returns the offset just past the one-line string that
// opens at src[i]; one left open ends at its line's newline. In a basic
// string a backslash escapes the next byte, but never the newline.
func LineStringEnd(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\\' && q == '"' && j+1 < len(src) && src[j+1] != '\n':
			j++
		case c == q:
			return j + 1
		case c == '\n':
			return j
		}
	}
	return len(src)
}

func multiEnd(src string, i int, q byte) int {
	for j := i + 3; j < len(src); j++ {
		c := src[j]
		if c == '\\' && q == '"' {
			j++
			continue
		}
		if c == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
			j += 3
			for n := 0; n < 2 && j < len(src) && src[j] == q; n++ {
				j++
			}
			return j
		}
	}
	return len(src)
}
