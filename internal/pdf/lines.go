package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"thidua/fonts"
	"thidua/internal/doc"
)

// atom is an unbreakable piece of a paragraph in one face: part of a word,
// or one space.
type atom struct {
	text  string
	style fonts.Style
	width float64 // exact advance at the paragraph's size, pt
	space bool
	// breakAfter allows a line break after this atom though it is not a
	// space (after the hyphen of "kinh-tế").
	breakAfter bool
	// newline is a line break the text asks for ("\n" in a run).
	newline bool
}

// line is one laid-out line: its atoms, natural width (trailing spaces
// excluded) and where it starts relative to the paragraph's left indent.
type line struct {
	atoms  []atom
	width  float64
	indent float64
	last   bool
}

// atomize cuts a paragraph's runs into atoms.
func atomize(p *doc.Paragraph) []atom {
	n := 0
	for _, r := range p.Runs {
		n += len(r.Text)
	}
	out := make([]atom, 0, n/3+len(p.Runs))
	size := p.Props.Size
	for _, r := range p.Runs {
		st := fonts.StyleOf(p.Props.Bold || r.Bold, p.Props.Italic || r.Italic)
		face := fonts.Get(st)
		s := r.Text
		for len(s) > 0 {
			if s[0] == ' ' {
				out = append(out, atom{text: " ", style: st, width: face.Width(" ", size), space: true})
				s = s[1:]
				continue
			}
			if s[0] == '\n' {
				out = append(out, atom{style: st, newline: true})
				s = s[1:]
				continue
			}
			end := strings.IndexAny(s, " \n")
			if end < 0 {
				end = len(s)
			}
			word := s[:end]
			// A hyphen between letters is a break opportunity, as in Word
			// and LibreOffice.
			for {
				i := hyphenBreak(word)
				if i < 0 {
					break
				}
				out = append(out, atom{text: word[:i], style: st, width: face.Width(word[:i], size), breakAfter: true})
				word = word[i:]
			}
			out = append(out, atom{text: word, style: st, width: face.Width(word, size)})
			s = s[end:]
		}
	}
	return out
}

// hyphenBreak returns the index just after the first hyphen in w that
// stands between two letters or digits ("kinh-tế", "2023-2025"), or -1.
func hyphenBreak(w string) int {
	for i := 1; i < len(w)-1; i++ {
		if w[i] != '-' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(w[:i])
		next, _ := utf8.DecodeRuneInString(w[i+1:])
		if (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			return i + 1
		}
	}
	return -1
}

// breakLines fills lines greedily, the way Word does: a word goes on the
// line if it fits, else it starts the next; a word wider than a whole line
// is cut between characters. Spaces at a line's end take no room. A "\n"
// in the text ends the line there, as Word's line break (w:br) does.
func breakLines(p *doc.Paragraph, width float64) []line {
	atoms := atomize(p)
	pr := &p.Props
	avail := func(first bool) float64 {
		w := width - pr.Left - pr.Right
		if first {
			w -= pr.FirstLine
		}
		return w
	}
	var lines []line
	cur := line{indent: pr.FirstLine}
	curAvail := avail(true)
	pending := 0.0 // width of spaces since the last word
	flush := func() {
		// drop trailing spaces
		for len(cur.atoms) > 0 && cur.atoms[len(cur.atoms)-1].space {
			cur.atoms = cur.atoms[:len(cur.atoms)-1]
		}
		lines = append(lines, cur)
		cur = line{}
		curAvail = avail(false)
		pending = 0
	}
	forced := false // the last line ended at a "\n"
	for i := 0; i < len(atoms); {
		a := atoms[i]
		if a.newline {
			flush()
			forced = true
			i++
			continue
		}
		forced = false
		if a.space {
			if len(cur.atoms) > 0 {
				cur.atoms = append(cur.atoms, a)
				pending += a.width
			}
			i++
			continue
		}
		// a word: the atoms up to the next space or break opportunity
		j, w := i, 0.0
		for j < len(atoms) && !atoms[j].space && !atoms[j].newline {
			w += atoms[j].width
			j++
			if atoms[j-1].breakAfter {
				break
			}
		}
		switch {
		case cur.width+pending+w <= curAvail-italicCorrection(atoms[j-1], p.Props.Size)+widthEps:
			cur.atoms = append(cur.atoms, atoms[i:j]...)
			cur.width += pending + w
			pending = 0
			i = j
		case len(cur.atoms) > 0:
			flush()
		case a.width <= curAvail-cur.width+widthEps:
			// a word wider than the line starts alone; its first atoms fit
			cur.atoms = append(cur.atoms, a)
			cur.width += a.width
			i++
		default:
			// the word alone is wider than the line: cut it between characters
			k := fitPrefix(a, curAvail-cur.width, p.Props.Size)
			face := fonts.Get(a.style)
			head, tail := a, a
			head.text, tail.text = a.text[:k], a.text[k:]
			head.width = face.Width(head.text, p.Props.Size)
			tail.width = face.Width(tail.text, p.Props.Size)
			head.breakAfter = false
			cur.atoms = append(cur.atoms, head)
			cur.width += head.width
			atoms[i] = tail
			flush()
		}
	}
	if len(cur.atoms) > 0 || len(lines) == 0 || forced {
		flush()
	}
	lines[len(lines)-1].last = true
	return lines
}

// widthEps absorbs float rounding in sums of widths, nothing more: a line
// a hair too wide goes to the next line in LibreOffice too.
const widthEps = 1e-6

// italicCorrection is the room LibreOffice keeps at the end of a line
// that ends in italics, so that the slanted last letter does not pass the
// margin: a twelfth of the font size, in whole twips.
func italicCorrection(a atom, size float64) float64 {
	if !a.style.Italic() {
		return 0
	}
	return float64(int(size*20)/12) / 20
}

// fitPrefix returns how many bytes of a's text fit in width, at least one
// character's worth.
func fitPrefix(a atom, width, size float64) int {
	face := fonts.Get(a.style)
	w := 0.0
	for i, r := range a.text {
		w += face.Advance(r) * size / 1000
		if w > width {
			if i == 0 {
				_, n := utf8.DecodeRuneInString(a.text)
				return n
			}
			return i
		}
	}
	return len(a.text)
}
