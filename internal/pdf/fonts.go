package pdf

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"thidua/fonts"
)

//go:generate go run ./gen

// fontdata holds, for each face, two font definitions (encodings "a" and
// "b") and the face compressed once, as written by ./gen. fpdf embeds such
// a face as it is: no subsetting per document, and the definitions are
// parsed once per process (fpdf.NewFontDef), which is what makes a PDF
// cost about a millisecond instead of tens.
//
//go:embed fontdata
var fontdata embed.FS

// encoding is one of the two single-byte encodings of the faces.
type encoding struct {
	family string         // fpdf family name
	code   map[rune]byte  // character -> code
	widths [4][256]uint16 // per face, the /Widths fpdf writes, 1/1000 em
	defs   [4]*fpdf.FontDef
}

var (
	encs [2]*encoding // preferred first: "b", then "a"
	// codes maps a rune to its code in each encoding, plus one; 0 means
	// the encoding lacks it. Indexed by rune up to the charset's largest.
	codes [][2]uint16
)

func init() {
	var faceZ [4][]byte // per face, the compressed font file
	for _, st := range fonts.Styles {
		z, err := fontdata.ReadFile("fontdata/" + fonts.Family + "-" + st.Name() + ".z")
		must(err)
		faceZ[st] = z
	}
	for i, name := range []string{"b", "a"} {
		e := &encoding{family: "thidua" + name, code: map[rune]byte{}}
		m, err := fontdata.ReadFile("fontdata/thidua-" + name + ".map")
		must(err)
		sc := bufio.NewScanner(strings.NewReader(string(m)))
		for sc.Scan() {
			var pos, uv int
			var glyph string
			if _, err := fmt.Sscanf(sc.Text(), "!%x U+%x %s", &pos, &uv, &glyph); err == nil && glyph != ".notdef" {
				e.code[rune(uv)] = byte(pos)
			}
		}
		for _, st := range fonts.Styles {
			def, err := fontdata.ReadFile("fontdata/" + fonts.Family + "-" + st.Name() + "-" + name + ".json")
			must(err)
			var d struct{ Cw []int }
			must(json.Unmarshal(def, &d))
			for c, w := range d.Cw {
				e.widths[st][c] = uint16(w)
			}
			e.defs[st], err = fpdf.NewFontDef(def, faceZ[st])
			must(err)
		}
		encs[i] = e
	}
	top := rune(0)
	for _, r := range fonts.Charset() {
		top = max(top, r)
	}
	codes = make([][2]uint16, top+1)
	for i, e := range encs {
		for r, b := range e.code {
			if r <= top {
				codes[r][i] = uint16(b) + 1
			}
		}
	}
	for _, r := range fonts.Charset() {
		if codes[r] == [2]uint16{} {
			panic(fmt.Sprintf("pdf: no encoding holds %q; run go generate", r))
		}
	}
}

func must(err error) {
	if err != nil {
		panic("pdf: embedded font data: " + err.Error())
	}
}

// fpdfStyle is fpdf's name for a face.
func fpdfStyle(s fonts.Style) string {
	return [...]string{"", "B", "I", "BI"}[s]
}

// chunk is text in one encoding, already encoded.
type chunk struct {
	enc    int
	bytes  []byte
	spaces int // code-32 bytes, which the word spacing widens
}

// encode splits s into chunks, each in one encoding, preferring the first,
// and appends them to dst; the chunks' byte buffers in dst's spare
// capacity are reused. Characters no encoding holds are an error: the
// record check keeps them out, so one here is a bug, never a silent '?'.
func encode(s []byte, dst []chunk) ([]chunk, error) {
	cur := -1
	var out []byte // the bytes of the chunk being written, dst's last
	spaces := 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(s[i:])
		}
		i += n
		var c [2]uint16
		if int(r) < len(codes) {
			c = codes[r]
		}
		e := 0
		if c[0] == 0 || (cur == 1 && r == ' ') {
			e = 1
		}
		if c[e] == 0 {
			e = 1 - e
		}
		if c[e] == 0 {
			return dst, fmt.Errorf("ký tự %q (U+%04X) không có trong phông chữ", r, r)
		}
		if e != cur {
			if cur >= 0 {
				dst[len(dst)-1].bytes, dst[len(dst)-1].spaces = out, spaces
			}
			if len(dst) < cap(dst) {
				dst = dst[:len(dst)+1]
				out = dst[len(dst)-1].bytes[:0]
			} else {
				dst = append(dst, chunk{})
				out = nil
			}
			dst[len(dst)-1].enc = e
			cur, spaces = e, 0
		}
		b := byte(c[e] - 1)
		out = append(out, b)
		if b == ' ' {
			spaces++
		}
	}
	if cur >= 0 {
		dst[len(dst)-1].bytes, dst[len(dst)-1].spaces = out, spaces
	}
	return dst, nil
}

// width is the width of an encoded chunk as a PDF viewer advances it, pt.
func (c chunk) width(st fonts.Style, size float64) float64 {
	w := 0
	tab := &encs[c.enc].widths[st]
	for _, b := range c.bytes {
		w += int(tab[b])
	}
	return float64(w) * size / 1000
}

// addFont registers face st in encoding e with fpdf, sharing the one
// compressed file between both encodings of a face. The definitions were
// parsed once, at start-up.
func addFont(p *fpdf.Fpdf, e int, st fonts.Style) {
	p.AddFontDef(encs[e].family, fpdfStyle(st), encs[e].defs[st])
}
