// Package fill fills a clerk's own Word form (.docx) from a record.
//
// A clerk types tags into the form in Word or LibreOffice: values such as
// {{.cum.ten}} or {{ngay .phien.ngay}}, loops {{range .thanh_vien}} ...
// {{end}}, conditions {{if ...}} ... {{else}} ... {{end}}, and the optional
// marker {{.phien.gio?}} for a value that may be absent. The tags are Go
// text/template actions over the record's keys. Where a loop or condition's
// tags sit decides what it repeats: both in one paragraph, the text between
// them; in one table row, the row; in different rows, those rows; on
// paragraphs of their own, the paragraphs between them. docs/mau-word.md
// explains this to clerks.
//
// Parse reads and checks a form once: the package (size limits, entry
// names, no DTDs in any part, no macros) and every tag, reporting all
// problems at once with their places; a form written for another engine
// (docxtpl, docxtemplater) is reported once as such, and a tag where fill
// cannot reach (SmartArt, ruby text) is a problem, never left as typed.
// Parts are read one at a time into a compact tree, in which a paragraph
// or table without a brace stays one node holding its source text. Each
// part with tags is compiled into one template (body, headers, footers,
// notes, comments) printing the part's long static XML from chunks, so
// Execute only runs templates and zips; a Form is safe for concurrent use.
// Limits bound what a form may unpack and what one fill may loop and write.
package fill

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sync"
	"text/template"
	"thidua/internal/zipflate"
)

// Options tell Parse what tags may use and how much it may unpack.
type Options struct {
	// Funcs are the functions tags may call (ngay, so, tien, bang_chu, ...).
	// They are bound once here: a tag calling an unknown function is a
	// problem Parse reports.
	Funcs template.FuncMap
	// Schema lists the fields a record can have; a tag reading any other
	// field is reported by Parse. Nil skips that check.
	Schema *Schema
	// Limits bound the package; the zero value takes the defaults.
	Limits Limits
}

// Form is a parsed, checked and compiled Word form. It is filled with
// Execute any number of times, from any number of goroutines.
type Form struct {
	pkg    *pkg
	parts  []*part // parts that hold tags, in document order
	fields []string
	size   int
	lim    Limits
}

// Parse reads a .docx form and checks it. Refusals of the package wrap
// ErrNotDocx, ErrTooLarge, ErrUnsafeEntry, ErrDTD or ErrMacro; mistakes in
// the tags come back together as an *Error.
func Parse(docx []byte, opt Options) (*Form, error) {
	lim := opt.Limits.withDefaults()
	p, err := readPackage(docx, lim)
	if err != nil {
		return nil, err
	}
	a := newAnalyser(opt.Funcs, opt.Schema)
	f := &Form{pkg: p, size: len(docx), lim: lim}
	// One part at a time: its tree lives only until its template is built.
	for i, name := range p.stories {
		root, nodes, err := p.xmlPart(name, parseOptions{compact: true, maxNodes: lim.MaxNodes})
		if err != nil {
			return nil, err
		}
		pt := &part{name: name, root: root, index: i, nodesLeft: lim.MaxNodes - nodes}
		before := len(a.probs.list)
		if err := a.analyse(pt); err != nil {
			return nil, err
		}
		if pt.err != nil {
			return nil, partError(name, pt.err, lim.MaxNodes)
		}
		if len(pt.tags) == 0 || before > 0 || len(a.probs.list) > before {
			continue
		}
		tm, spans, err := pt.build(a)
		if errors.Is(err, errTooManyNodes) {
			return nil, partError(name, err, lim.MaxNodes)
		}
		if err != nil {
			return nil, err
		}
		pt.compiled(tm, spans)
		p.byName[pt.name].part = pt
		f.parts = append(f.parts, pt)
	}
	unfilled, err := p.unfilled()
	if err != nil {
		return nil, err
	}
	for _, pr := range unfilled {
		a.probs.add(pr)
	}
	if a.foreign != nil {
		// Every tag would be an error: say once what the form is.
		return nil, &Error{Problems: []Problem{*a.foreign}}
	}
	if err := a.probs.err(); err != nil {
		return nil, err
	}
	for _, e := range p.entries {
		e.data, e.file = nil, nil
	}
	f.fields = sortedKeys(a.fields)
	return f, nil
}

// Fields lists the record fields the form's tags read, as paths from the
// record's root ("cum.ten", "thanh_vien[].thu_truong.ho_ten"), sorted.
func (f *Form) Fields() []string {
	return append([]string(nil), f.fields...)
}

// Check fills the form without writing it and reports, all at once as an
// *Error, every value the data lacks: each tag it reaches whose fields are
// absent, and each loop over an absent list. Tags in a branch of an if not
// taken are not needed, so not reported. A function that fails is reported
// too, but ends the checking of its part.
func (f *Form) Check(data map[string]any) error {
	col := &collector{}
	st := &fillState{lim: f.lim, ids: f.pkg.ids}
	for _, pt := range f.parts {
		tm, err := pt.tmpl.Clone()
		if err != nil {
			return err
		}
		tm.Funcs(pt.runtimeFuncs(col, st))
		if err := tm.Execute(&limitWriter{w: io.Discard, st: st}, data); err != nil {
			col.other.add(pt.execProblem(err))
			var l *limitError
			if errors.As(err, &l) {
				break
			}
		}
	}
	return col.err()
}

// Execute fills the form and returns the .docx bytes. The same form and
// data always give the same bytes. When the data lacks a value the form
// needs, the error is an *Error listing every such value; a fill that goes
// past Limits.MaxIterations or MaxOutputSize is an *Error naming the loop.
func (f *Form) Execute(data map[string]any) ([]byte, error) {
	out, pt, err := f.render(data)
	if err == nil {
		return out, nil
	}
	var l *limitError
	if errors.As(err, &l) {
		return nil, &Error{Problems: []Problem{l.problem()}}
	}
	if cerr := f.Check(data); cerr != nil {
		return nil, cerr
	}
	if pt == nil {
		return nil, err
	}
	return nil, &Error{Problems: []Problem{pt.execProblem(err)}, data: true}
}

var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

// render writes the package: entries without tags as stored, the others
// from their templates. It returns the part that failed, if one did.
func (f *Form) render(data map[string]any) ([]byte, *part, error) {
	buf := bytes.NewBuffer(make([]byte, 0, f.size+f.size/2))
	zw := zip.NewWriter(buf)
	st := &fillState{lim: f.lim, ids: f.pkg.ids}
	zipflate.Register(zw)
	for _, e := range f.pkg.entries {
		if e.part == nil {
			h := e.hdr
			w, err := zw.CreateRaw(&h)
			if err != nil {
				return nil, nil, err
			}
			if _, err := w.Write(e.raw); err != nil {
				return nil, nil, err
			}
			continue
		}
		h := e.hdr // its name, flags and MS-DOS date and time; the writer sets the rest
		h.Method = zip.Deflate
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, nil, err
		}
		tm, err := e.part.tmpl.Clone()
		if err != nil {
			return nil, nil, err
		}
		tm.Funcs(e.part.runtimeFuncs(nil, st))
		bw := writers.Get().(*bufio.Writer)
		bw.Reset(w)
		err = tm.Execute(&limitWriter{w: bw, st: st}, data)
		if err == nil {
			err = bw.Flush()
		}
		bw.Reset(nil)
		writers.Put(bw)
		if err != nil {
			return nil, e.part, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), nil, nil
}

// compiled stores a part's template and drops the tree it came from.
func (pt *part) compiled(tm *template.Template, spans []span) {
	pt.tmpl, pt.spans = tm, spans
	t := qname(xmlName(pt.w, "t"))
	pt.brk = "</" + t + "><" + qname(xmlName(pt.w, "br")) + "/><" + t + ` xml:space="preserve">`
	pt.tab = "</" + t + "><" + qname(xmlName(pt.w, "tab")) + "/><" + t + ` xml:space="preserve">`
	pt.root, pt.paras, pt.byNode, pt.top, pt.blocks = nil, nil, nil, nil, nil
	for _, tg := range pt.tags {
		tg.para, tg.story, tg.anchor, tg.node = nil, nil, nil, nil
	}
}

func xmlName(prefix, local string) xml.Name { return xml.Name{Space: prefix, Local: local} }
