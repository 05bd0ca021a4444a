package pdf

import (
	"unicode"
	"unicode/utf8"

	"thidua/fonts"
	"thidua/internal/doc"
)

// pos is a place in a paragraph's text: a run and a byte offset in it.
type pos struct{ run, off int }

// atom is an unbreakable piece of a paragraph in one face: part of a word,
// or one space. Its text is the n bytes of its run's text from at.
type atom struct {
	at    pos
	n     int
	style fonts.Style
	width float64 // exact advance at the paragraph's size, pt
	space bool
	// breakAfter allows a line break after this atom though it is not a
	// space (after the hyphen of "kinh-tế").
	breakAfter bool
	// newline is a line break the text asks for ("\n" in a run).
	newline bool
}

// end is the place just after a.
func (a *atom) end() pos { return pos{a.at.run, a.at.off + a.n} }

// line is one laid-out line: the paragraph's text from from to to (spaces
// at either end left out; from == to for an empty line), its natural
// width and where it starts relative to the paragraph's left indent.
type line struct {
	from, to pos
	width    float64
	indent   float64
	last     bool
}

// segment is the part of a line in one run.
type segment struct {
	style fonts.Style
	text  string
}

// segments appends the line's text to dst, one segment a run, each with
// its face.
func (l *line) segments(p *doc.Paragraph, dst []segment) []segment {
	if l.from == l.to {
		return dst
	}
	for i := l.from.run; i <= l.to.run; i++ {
		s := p.Runs[i].Text
		if i == l.to.run {
			s = s[:l.to.off]
		}
		if i == l.from.run {
			s = s[l.from.off:]
		}
		if s != "" {
			dst = append(dst, segment{runStyle(p, i), s})
		}
	}
	return dst
}

// runStyle is the face of run i of p.
func runStyle(p *doc.Paragraph, i int) fonts.Style {
	return fonts.StyleOf(p.Props.Bold || p.Runs[i].Bold, p.Props.Italic || p.Runs[i].Italic)
}

// breaker breaks paragraphs into lines, reusing its memory from one
// paragraph, and one document, to the next.
type breaker struct {
	atoms []atom // the current paragraph's
	// lines holds every line broken since the last reset; each paragraph
	// gets a capped window of it, which later appends never touch.
	lines []line
}

// reset forgets every line broken so far, keeping the memory.
func (b *breaker) reset() {
	b.atoms = b.atoms[:0]
	b.lines = b.lines[:0]
}

// atomize cuts a paragraph's runs into b.atoms.
func (b *breaker) atomize(p *doc.Paragraph) {
	out := b.atoms[:0]
	size := p.Props.Size
	for ri, r := range p.Runs {
		st := runStyle(p, ri)
		face := fonts.Get(st)
		space := face.Width(" ", size)
		s := r.Text
		for off := 0; off < len(s); {
			switch s[off] {
			case ' ':
				out = append(out, atom{at: pos{ri, off}, n: 1, style: st, width: space, space: true})
				off++
				continue
			case '\n':
				out = append(out, atom{at: pos{ri, off}, style: st, newline: true})
				off++
				continue
			}
			end := off + 1
			for end < len(s) && s[end] != ' ' && s[end] != '\n' {
				end++
			}
			// A hyphen between letters is a break opportunity, as in Word
			// and LibreOffice.
			for {
				i := hyphenBreak(s[off:end])
				if i < 0 {
					break
				}
				out = append(out, atom{at: pos{ri, off}, n: i, style: st, width: face.Width(s[off:off+i], size), breakAfter: true})
				off += i
			}
			out = append(out, atom{at: pos{ri, off}, n: end - off, style: st, width: face.Width(s[off:end], size)})
			off = end
		}
	}
	b.atoms = out
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

// breakLines breaks p for a width with a breaker of its own.
func breakLines(p *doc.Paragraph, width float64) []line {
	var b breaker
	return b.breakLines(p, width)
}

// breakLines fills lines greedily, the way Word does: a word goes on the
// line if it fits, else it starts the next; a word wider than a whole line
// is cut between characters. Spaces at a line's end take no room. A "\n"
// in the text ends the line there, as Word's line break (w:br) does.
func (b *breaker) breakLines(p *doc.Paragraph, width float64) []line {
	b.atomize(p)
	atoms := b.atoms
	first := len(b.lines)
	pr := &p.Props
	avail := func(first bool) float64 {
		w := width - pr.Left - pr.Right
		if first {
			w -= pr.FirstLine
		}
		return w
	}
	cur := line{indent: pr.FirstLine}
	open := false // cur holds a word
	curAvail := avail(true)
	pending := 0.0 // width of spaces since the last word
	flush := func() {
		b.lines = append(b.lines, cur)
		cur = line{}
		open = false
		curAvail = avail(false)
		pending = 0
	}
	// take puts text from a up to end on cur.
	take := func(a *atom, end pos) {
		if !open {
			cur.from = a.at
			open = true
		}
		cur.to = end
	}
	forced := false // the last line ended at a "\n"
	for i := 0; i < len(atoms); {
		a := &atoms[i]
		if a.newline {
			flush()
			forced = true
			i++
			continue
		}
		forced = false
		if a.space {
			if open {
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
		case cur.width+pending+w <= curAvail-italicCorrection(atoms[j-1].style, p.Props.Size)+widthEps:
			take(a, atoms[j-1].end())
			cur.width += pending + w
			pending = 0
			i = j
		case open:
			flush()
		case a.width <= curAvail-cur.width+widthEps:
			// a word wider than the line starts alone; its first atoms fit
			take(a, a.end())
			cur.width += a.width
			i++
		default:
			// the word alone is wider than the line: cut it between characters
			text := p.Runs[a.at.run].Text[a.at.off : a.at.off+a.n]
			k := fitPrefix(text, a.style, curAvail-cur.width, p.Props.Size)
			face := fonts.Get(a.style)
			take(a, pos{a.at.run, a.at.off + k})
			cur.width += face.Width(text[:k], p.Props.Size)
			a.at.off += k
			a.n -= k
			a.width = face.Width(text[k:], p.Props.Size)
			flush()
		}
	}
	if open || len(b.lines) == first || forced {
		flush()
	}
	b.lines[len(b.lines)-1].last = true
	return b.lines[first:len(b.lines):len(b.lines)]
}

// widthEps absorbs float rounding in sums of widths, nothing more: a line
// a hair too wide goes to the next line in LibreOffice too.
const widthEps = 1e-6

// italicCorrection is the room LibreOffice keeps at the end of a line
// that ends in italics, so that the slanted last letter does not pass the
// margin: a twelfth of the font size, in whole twips.
func italicCorrection(st fonts.Style, size float64) float64 {
	if !st.Italic() {
		return 0
	}
	return float64(int(size*20)/12) / 20
}

// fitPrefix returns how many bytes of text, in face st, fit in width, at
// least one character's worth.
func fitPrefix(text string, st fonts.Style, width, size float64) int {
	face := fonts.Get(st)
	w := 0.0
	for i, r := range text {
		w += face.Advance(r) * size / 1000
		if w > width {
			if i == 0 {
				_, n := utf8.DecodeRuneInString(text)
				return n
			}
			return i
		}
	}
	return len(text)
}
