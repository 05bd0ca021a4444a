// Package fonts holds the embedded Thidua Serif faces (Liberation Serif
// trimmed to the characters in charset.txt, same advance widths as Times
// New Roman) and measures text set in them.
//
// Both renderers measure with this package, so that the PDF breaks lines
// where Word and LibreOffice, laying out the DOCX in Times New Roman, do.
package fonts

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Style is one of the four faces of the family.
type Style int

// The four faces, in the order Styles lists them.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists every face.
var Styles = [...]Style{Regular, Bold, Italic, BoldItalic}

// StyleOf returns the face for a run that is bold, italic, both or neither.
func StyleOf(bold, italic bool) Style {
	s := Regular
	if bold {
		s |= Bold
	}
	if italic {
		s |= Italic
	}
	return s
}

// Bold reports whether the face is bold.
func (s Style) Bold() bool { return s&Bold != 0 }

// Italic reports whether the face is italic.
func (s Style) Italic() bool { return s&Italic != 0 }

// Name is the face's suffix in file names: "Regular", "Bold", ...
func (s Style) Name() string {
	return [...]string{"Regular", "Bold", "Italic", "BoldItalic"}[s]
}

var (
	//go:embed ThiduaSerif-Regular.ttf
	regular []byte
	//go:embed ThiduaSerif-Bold.ttf
	bold []byte
	//go:embed ThiduaSerif-Italic.ttf
	italic []byte
	//go:embed ThiduaSerif-BoldItalic.ttf
	boldItalic []byte
	//go:embed charset.txt
	charsetFile string
)

// Family is the family name written into PDF files.
const Family = "ThiduaSerif"

// Face is one parsed face: its file and the advance width of every
// character in the charset.
type Face struct {
	Style Style
	// TTF is the font file as embedded.
	TTF []byte
	// UnitsPerEm, Ascent and Descent (negative) come from the head and
	// hhea tables, in font units.
	UnitsPerEm, Ascent, Descent int
	// widths holds the advance in 1/1000 em of every rune up to the
	// largest in the charset; -1 marks a rune outside it.
	widths []float64
}

var (
	faces   [4]*Face
	charset []rune
	inSet   map[rune]bool
)

func init() {
	for _, line := range strings.Split(charsetFile, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		charset = append(charset, []rune(line)...)
	}
	inSet = make(map[rune]bool, len(charset))
	for _, r := range charset {
		inSet[r] = true
	}
	for i, data := range [][]byte{regular, bold, italic, boldItalic} {
		f, err := parse(Style(i), data)
		if err != nil {
			panic(fmt.Sprintf("fonts: embedded face %s: %v", Style(i).Name(), err))
		}
		faces[i] = f
	}
}

// Get returns the parsed face of a style.
func Get(s Style) *Face { return faces[s] }

// Charset returns every character the faces can print, in charset.txt order.
func Charset() []rune { return charset }

// Has reports whether the faces can print r.
func Has(r rune) bool { return inSet[r] }

// Missing returns the characters of s that the faces cannot print, each once,
// in order of first appearance. Line breaks and tabs are not reported.
func Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || inSet[r] {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// Advance returns the advance width of r in 1/1000 em; characters outside
// the charset measure as a space would not: they take the width of "?".
func (f *Face) Advance(r rune) float64 {
	if r >= 0 && int(r) < len(f.widths) {
		if w := f.widths[r]; w >= 0 {
			return w
		}
	}
	return f.widths['?']
}

// Width returns the width of s set at size points, in points.
func (f *Face) Width(s string, size float64) float64 {
	var w float64
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		w += f.Advance(r)
		i += n
	}
	return w * size / 1000
}

// parse reads the tables Width needs from a TrueType file.
func parse(style Style, data []byte) (*Face, error) {
	tables := map[string][]byte{}
	if len(data) < 12 {
		return nil, fmt.Errorf("file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off+size) > len(data) {
			return nil, fmt.Errorf("table %q out of bounds", rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+size]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("no %s table", t)
		}
	}
	f := &Face{Style: style, TTF: data}
	f.UnitsPerEm = int(binary.BigEndian.Uint16(tables["head"][18:]))
	hhea := tables["hhea"]
	f.Ascent = int(int16(binary.BigEndian.Uint16(hhea[4:])))
	f.Descent = int(int16(binary.BigEndian.Uint16(hhea[6:])))
	numMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := tables["hmtx"]
	advance := func(gid int) int {
		if gid >= numMetrics {
			gid = numMetrics - 1
		}
		return int(binary.BigEndian.Uint16(hmtx[4*gid:]))
	}
	glyphs, err := cmap4(tables["cmap"])
	if err != nil {
		return nil, err
	}
	top := rune(0)
	for _, r := range charset {
		top = max(top, r)
	}
	f.widths = make([]float64, top+1)
	for i := range f.widths {
		f.widths[i] = -1
	}
	for _, r := range charset {
		gid, ok := glyphs[r]
		if !ok {
			return nil, fmt.Errorf("no glyph for %q (U+%04X)", r, r)
		}
		f.widths[r] = float64(advance(gid)) * 1000 / float64(f.UnitsPerEm)
	}
	return f, nil
}

// cmap4 reads the Windows Unicode BMP (3,1) subtable, format 4.
func cmap4(cmap []byte) (map[rune]int, error) {
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := cmap[4+8*i:]
		if binary.BigEndian.Uint16(rec) != 3 || binary.BigEndian.Uint16(rec[2:]) != 1 {
			continue
		}
		sub := cmap[binary.BigEndian.Uint32(rec[4:]):]
		if binary.BigEndian.Uint16(sub) != 4 {
			return nil, fmt.Errorf("cmap (3,1) is format %d, want 4", binary.BigEndian.Uint16(sub))
		}
		segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
		ends, starts := sub[14:], sub[16+2*segs:]
		deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
		out := map[rune]int{}
		for s := 0; s < segs; s++ {
			end := int(binary.BigEndian.Uint16(ends[2*s:]))
			start := int(binary.BigEndian.Uint16(starts[2*s:]))
			delta := int(binary.BigEndian.Uint16(deltas[2*s:]))
			ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
			for c := start; c <= end && c != 0xFFFF; c++ {
				var gid int
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else {
					at := 16 + 6*segs + 2*s + ro + 2*(c-start)
					gid = int(binary.BigEndian.Uint16(sub[at:]))
					if gid != 0 {
						gid = (gid + delta) & 0xFFFF
					}
				}
				if gid != 0 {
					out[rune(c)] = gid
				}
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("no (3,1) cmap subtable")
}
