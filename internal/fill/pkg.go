package fill

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"html"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"thidua/internal/vn"
	"thidua/internal/zipflate"
)

// Limits bound what Parse accepts from a form, which is untrusted input.
// A zero field takes its default.
type Limits struct {
	MaxEntries   int   // entries in the package; default 2000
	MaxEntrySize int64 // uncompressed bytes of one entry; default 64 MiB
	MaxTotalSize int64 // uncompressed bytes of all entries; default 256 MiB
	// MaxTextSize bounds the uncompressed bytes of the parts whose text
	// is filled (body, headers, footers, notes, comments) together; default
	// 32 MiB, some thousand pages.
	MaxTextSize int64
	// MaxNodes bounds the tree of one part being read: elements and texts
	// alive at once, a paragraph, row or table without tags counting as
	// one; default 250 000.
	MaxNodes int
	// MaxIterations bounds the loop iterations of one fill, all loops
	// together; default 100 000.
	MaxIterations int
	// MaxOutputSize bounds the uncompressed bytes one fill writes; default
	// 256 MiB.
	MaxOutputSize int64
}

// WithDefaults is l with its zero fields set to their defaults: the
// limits a Parse with l applies.
func (l Limits) WithDefaults() Limits { return l.withDefaults() }

func (l Limits) withDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = 2000
	}
	if l.MaxEntrySize <= 0 {
		l.MaxEntrySize = 64 << 20
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = 256 << 20
	}
	if l.MaxTextSize <= 0 {
		l.MaxTextSize = 32 << 20
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = 250_000
	}
	if l.MaxIterations <= 0 {
		l.MaxIterations = 100_000
	}
	if l.MaxOutputSize <= 0 {
		l.MaxOutputSize = 256 << 20
	}
	return l
}

// entry is one member of the package as it will be written back: either
// copied as stored (raw, already compressed) or rendered from a part's
// template at each Execute.
type entry struct {
	hdr    zip.FileHeader // clean header: name, method, sizes, CRC, MS-DOS time
	raw    []byte         // stored bytes, compressed as hdr.Method says
	data   []byte         // uncompressed UTF-8 bytes, kept for the content types and relationships only
	file   *zip.File      // XML parts while parsing: unpacked again when needed
	braces bool           // an XML part holding "{{"
	size   int64          // uncompressed bytes
	part   *part          // non-nil: written by executing the part's template
}

// pkg is a read, checked .docx package.
type pkg struct {
	entries  []*entry
	byName   map[string]*entry
	main     string   // main document part, e.g. "word/document.xml"
	stories  []string // parts whose text is filled: main first, then headers, footers, notes
	template bool     // the main part is a .dotx template: written back as a document
	lim      Limits
	ids      idMax // the largest ids of all parts: a loop's copies get the next ones
}

const (
	ctMain         = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctTemplateMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
	relOfficeDoc   = "/officeDocument"
)

// oleMagic starts Word 97-2003 files and password-protected .docx files.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// readPackage unpacks a .docx, enforcing the limits and refusing unsafe
// entry names and macros.
func readPackage(docx []byte, lim Limits) (*pkg, error) {
	if bytes.HasPrefix(docx, oleMagic) {
		return nil, fmt.Errorf("%w: đây là tệp Word 97-2003 (.doc) hoặc tệp .docx có đặt mật khẩu; hãy mở bằng Word hoặc LibreOffice, bỏ mật khẩu và lưu lại dưới dạng .docx", ErrNotDocx)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: không đọc được gói zip (%v); hãy lưu lại tệp bằng Word hoặc LibreOffice dưới dạng .docx", ErrNotDocx, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("%w: gói có %d mục, quá giới hạn %d", ErrTooLarge, len(zr.File), lim.MaxEntries)
	}
	p := &pkg{byName: map[string]*entry{}, lim: lim}
	var total int64
	for _, f := range zr.File {
		if err := checkEntryName(f.Name); err != nil {
			return nil, err
		}
		if p.byName[f.Name] != nil {
			return nil, fmt.Errorf("%w: mục %q xuất hiện hai lần", ErrUnsafeEntry, f.Name)
		}
		if isMacroEntry(f.Name) {
			return nil, fmt.Errorf("%w (mục %s); thidua không nhận tệp .docm: hãy lưu mẫu dưới dạng .docx thường (Word tự bỏ macro)", ErrMacro, f.Name)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return nil, fmt.Errorf("%w: mục %q nén theo kiểu %d không hỗ trợ", ErrNotDocx, f.Name, f.Method)
		}
		if f.UncompressedSize64 > uint64(lim.MaxEntrySize) {
			return nil, tooLarge(f.Name, lim.MaxEntrySize)
		}
		if strings.HasSuffix(f.Name, "/") {
			// A folder entry holds nothing; Java writes it compressed,
			// which a zip writer refuses to copy: write it stored.
			e := &entry{hdr: cleanHeader(&f.FileHeader)}
			e.hdr.Method, e.hdr.CRC32, e.hdr.CompressedSize64, e.hdr.UncompressedSize64 = zip.Store, 0, 0, 0
			p.entries = append(p.entries, e)
			p.byName[f.Name] = e
			continue
		}
		isXML := isXMLName(f.Name)
		data, n, err := inflate(f, lim.MaxEntrySize, isXML)
		if err != nil {
			return nil, err
		}
		total += n
		if total > lim.MaxTotalSize {
			return nil, fmt.Errorf("%w: tổng dung lượng giải nén vượt %d MiB", ErrTooLarge, lim.MaxTotalSize>>20)
		}
		raw, err := readRaw(f)
		if err != nil {
			return nil, err
		}
		e := &entry{hdr: cleanHeader(&f.FileHeader), raw: raw, size: n}
		if isXML {
			if data, err = toUTF8(data); err != nil {
				return nil, fmt.Errorf("%w: phần %s: %v", ErrNotDocx, f.Name, err)
			}
			if hasDirective(data) {
				return nil, dtdError(f.Name)
			}
			e.file, e.braces = f, bytes.Contains(data, []byte("{{"))
			p.ids.scan(data)
			if f.Name == "[Content_Types].xml" || strings.HasSuffix(strings.ToLower(f.Name), ".rels") {
				e.data = data
			}
		}
		p.entries = append(p.entries, e)
		p.byName[f.Name] = e
	}
	if err := p.findParts(); err != nil {
		return nil, err
	}
	return p, nil
}

// sizeText writes a size in MiB with one decimal ("32,4 MiB"), or in KiB
// below one MiB.
func sizeText(n int64) string {
	if n < 1<<20 {
		return vn.FormatDecimal(float64(n)/(1<<10), 1) + " KiB"
	}
	return vn.FormatDecimal(float64(n)/(1<<20), 1) + " MiB"
}

func tooLarge(name string, max int64) error {
	return fmt.Errorf("%w: mục %q giải nén ra hơn %d MiB (có thể là tệp nén độc hại)", ErrTooLarge, name, max>>20)
}

// checkEntryName refuses names that could land outside the package when
// unpacked: absolute, with a drive letter, backslashes or "..".
func checkEntryName(name string) error {
	bad := name == "" || !utf8.ValidString(name) || strings.ContainsAny(name, "\\\x00") ||
		strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':')
	if !bad {
		for _, seg := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
			if seg == ".." || seg == "." || seg == "" {
				bad = true
				break
			}
		}
	}
	if bad {
		return fmt.Errorf("%w: %q; tệp có thể đã bị sửa để ghi ra ngoài thư mục, hãy dùng bản gốc lưu từ Word hoặc LibreOffice", ErrUnsafeEntry, name)
	}
	return nil
}

func isMacroEntry(name string) bool {
	base := strings.ToLower(path.Base(name))
	return base == "vbaproject.bin" || base == "vbadata.xml"
}

func isXMLName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels")
}

// inflate reads an entry through, never more than max bytes, which also
// checks its CRC. It returns the bytes when keep is set.
func inflate(f *zip.File, max int64, keep bool) ([]byte, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, 0, fmt.Errorf("%w: không mở được mục %q: %v", ErrNotDocx, f.Name, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	var w io.Writer = io.Discard
	if keep {
		buf.Grow(int(min(f.UncompressedSize64, uint64(max))) + bytes.MinRead)
		w = &buf
	}
	n, err := io.Copy(w, io.LimitReader(rc, max+1))
	if err != nil {
		return nil, 0, fmt.Errorf("%w: mục %q hỏng: %v", ErrNotDocx, f.Name, err)
	}
	if n > max {
		return nil, 0, tooLarge(f.Name, max)
	}
	if keep {
		return buf.Bytes(), n, nil
	}
	return nil, n, nil
}

func readRaw(f *zip.File) ([]byte, error) {
	r, err := f.OpenRaw()
	if err != nil {
		return nil, fmt.Errorf("%w: mục %q: %v", ErrNotDocx, f.Name, err)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: mục %q: %v", ErrNotDocx, f.Name, err)
	}
	return raw, nil
}

// cleanHeader keeps what a copy needs and drops extra fields, which may hold
// stale zip64 offsets.
// It keeps the name, method, checksum, sizes and the MS-DOS date and time
// as they are (a copy of the struct, since Modified would add an extra
// field and CreateRaw ignores it).
func cleanHeader(h *zip.FileHeader) zip.FileHeader {
	c := *h
	c.Flags &= 0x800 // names in UTF-8
	c.Comment, c.NonUTF8, c.Extra = "", false, nil
	c.CreatorVersion, c.ReaderVersion, c.ExternalAttrs = 0, 0, 0
	c.Modified = time.Time{}
	return c
}

func dtdError(name string) error {
	return fmt.Errorf("%w trong %s; tệp Word bình thường không có, hãy lưu lại mẫu từ Word hoặc LibreOffice", ErrDTD, name)
}

// load returns the named XML part's bytes in UTF-8, unpacking it again
// unless they are kept.
func (p *pkg) load(name string, max int64) ([]byte, error) {
	e := p.byName[name]
	if e == nil || (e.data == nil && e.file == nil) {
		return nil, fmt.Errorf("%w: thiếu phần %s", ErrNotDocx, name)
	}
	if e.data != nil {
		return e.data, nil
	}
	data, _, err := inflate(e.file, max, true)
	if err != nil {
		return nil, err
	}
	return toUTF8(data)
}

// xmlPart parses the named part, which must exist, as opt says.
// It returns the number of nodes the tree holds.
func (p *pkg) xmlPart(name string, opt parseOptions) (*node, int, error) {
	data, err := p.load(name, p.lim.MaxEntrySize)
	if err != nil {
		return nil, 0, err
	}
	root, nodes, err := parseXML(data, opt)
	if err != nil {
		return nil, 0, partError(name, err, opt.maxNodes)
	}
	return root, nodes, nil
}

// partError says why a part could not be read.
func partError(name string, err error, maxNodes int) error {
	switch {
	case errors.Is(err, ErrDTD):
		return dtdError(name)
	case errors.Is(err, errTooManyNodes):
		return fmt.Errorf("%w: phần %s có hơn %d phần tử cần xử lý (đoạn, bảng, ô...); hãy chia mẫu thành nhiều tệp nhỏ hơn", ErrTooLarge, name, maxNodes)
	}
	return fmt.Errorf("%w: phần %s hỏng (%v)", ErrNotDocx, name, err)
}

// hasDirective reports whether XML text holds a DTD or another <!...>
// declaration outside comments and CDATA sections.
func hasDirective(data []byte) bool {
	for {
		i := bytes.Index(data, []byte("<!"))
		if i < 0 {
			return false
		}
		data = data[i+2:]
		var end []byte
		switch {
		case bytes.HasPrefix(data, []byte("--")):
			end = []byte("-->")
		case bytes.HasPrefix(data, []byte("[CDATA[")):
			end = []byte("]]>")
		default:
			return true
		}
		j := bytes.Index(data, end)
		if j < 0 {
			return false
		}
		data = data[j+len(end):]
	}
}

var xmlEncoding = regexp.MustCompile(`^(<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']`)

// toUTF8 turns an XML part written in UTF-16 (which the format allows)
// into UTF-8 and makes its declaration say so.
func toUTF8(data []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order, data = binary.LittleEndian, data[2:]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order, data = binary.BigEndian, data[2:]
	case bytes.HasPrefix(data, []byte{'<', 0}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0, '<'}):
		order = binary.BigEndian
	default:
		return data, nil
	}
	if len(data)%2 != 0 {
		return nil, errors.New("mã UTF-16 bị cắt cụt")
	}
	out := make([]byte, 0, len(data)/2+len(data)/8)
	for i := 0; i < len(data); i += 2 {
		r := rune(order.Uint16(data[i:]))
		if utf16.IsSurrogate(r) && i+3 < len(data) {
			if pair := utf16.DecodeRune(r, rune(order.Uint16(data[i+2:]))); pair != utf8.RuneError {
				r = pair
				i += 2
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return xmlEncoding.ReplaceAll(out, []byte(`${1}"UTF-8"`)), nil
}

// findParts reads the content types and relationships: which part is the
// main document, which are its headers, footers and notes, and whether any
// content type is macro-enabled.
func (p *pkg) findParts() error {
	ct, _, err := p.xmlPart("[Content_Types].xml", parseOptions{maxNodes: p.lim.MaxNodes})
	if err != nil {
		return err
	}
	overrides, defaults := map[string]string{}, map[string]string{}
	for _, k := range ct.element().kids {
		if k.typ != elemNode {
			continue
		}
		t, _ := k.attrValue("", "ContentType")
		if strings.Contains(t, "macroEnabled") || strings.Contains(strings.ToLower(t), "vbaproject") {
			return fmt.Errorf("%w (kiểu nội dung %s); thidua không nhận tệp .docm: hãy lưu mẫu dưới dạng .docx thường", ErrMacro, t)
		}
		if name, ok := k.attrValue("", "PartName"); ok && k.name.Local == "Override" {
			// Part names compare without regard to case.
			overrides[strings.ToLower(strings.TrimPrefix(name, "/"))] = t
		}
		if ext, ok := k.attrValue("", "Extension"); ok && k.name.Local == "Default" {
			defaults[strings.ToLower(ext)] = t
		}
	}
	rels, err := p.relations("", "_rels/.rels")
	if err != nil {
		return err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relOfficeDoc) {
			p.main = r.target
			break
		}
	}
	if p.main == "" || p.byName[p.main] == nil {
		return fmt.Errorf("%w: không tìm thấy phần nội dung chính của văn bản", ErrNotDocx)
	}
	// A part without an override takes the default of its extension.
	typ, ok := overrides[strings.ToLower(p.main)]
	if !ok {
		typ = defaults[strings.ToLower(strings.TrimPrefix(path.Ext(p.main), "."))]
	}
	switch typ {
	case ctMain:
	case ctTemplateMain:
		p.template = true
	default:
		return fmt.Errorf("%w: phần chính %s có kiểu %q, không phải văn bản Word", ErrNotDocx, p.main, typ)
	}
	p.stories = []string{p.main}
	dir, base := path.Split(p.main)
	mainRels, err := p.relations(dir, dir+"_rels/"+base+".rels")
	if err != nil {
		return err
	}
	var others []string
	for _, r := range mainRels {
		kind := r.typ[strings.LastIndex(r.typ, "/")+1:]
		switch kind {
		case "header", "footer", "footnotes", "endnotes", "comments":
			if p.byName[r.target] != nil && !contains(others, r.target) {
				others = append(others, r.target)
			}
		}
	}
	sort.Strings(others)
	p.stories = append(p.stories, others...)
	var text int64
	for _, name := range p.stories {
		text += p.byName[name].size
	}
	if text > p.lim.MaxTextSize {
		return &sizeError{limit: LimitText, err: fmt.Errorf("%w: phần chữ của mẫu (thân văn bản, đầu trang, chân trang, chú thích) giải nén ra %s, quá giới hạn %s; mẫu Word thường chỉ vài MiB: hãy bỏ bớt phần không cần điền hoặc chia mẫu thành nhiều tệp", ErrTooLarge, sizeText(text), sizeText(p.lim.MaxTextSize))}
	}
	if p.template {
		if err := p.rewriteTemplateType(); err != nil {
			return err
		}
	}
	return nil
}

type relation struct{ typ, target string }

// relations reads a .rels part; targets are resolved against dir. A
// missing .rels part means no relations.
func (p *pkg) relations(dir, name string) ([]relation, error) {
	if p.byName[name] == nil {
		return nil, nil
	}
	root, _, err := p.xmlPart(name, parseOptions{maxNodes: p.lim.MaxNodes})
	if err != nil {
		return nil, err
	}
	var out []relation
	for _, k := range root.element().kids {
		if k.typ != elemNode || k.name.Local != "Relationship" {
			continue
		}
		if mode, _ := k.attrValue("", "TargetMode"); mode == "External" {
			continue
		}
		typ, _ := k.attrValue("", "Type")
		target, _ := k.attrValue("", "Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		out = append(out, relation{typ: typ, target: path.Clean(target)})
	}
	return out, nil
}

// rewriteTemplateType makes a filled .dotx a document: its content type
// entry is rewritten once here and then copied as stored.
func (p *pkg) rewriteTemplateType() error {
	e := p.byName["[Content_Types].xml"]
	data := bytes.Replace(e.data, []byte(ctTemplateMain), []byte(ctMain), 1)
	var buf bytes.Buffer
	fw, err := zipflate.NewWriter(&buf)
	if err != nil {
		return err
	}
	fw.Write(data)
	fw.Close()
	e.data = data
	e.raw = buf.Bytes()
	e.hdr.Method = zip.Deflate
	e.hdr.CRC32 = crc32.ChecksumIEEE(data)
	e.hdr.CompressedSize64 = uint64(len(e.raw))
	e.hdr.UncompressedSize64 = uint64(len(data))
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unfilled reports a tag in a part that is shown but not filled: SmartArt
// text, a chart, a comments part no story refers to. Other parts (the
// glossary of building blocks, properties) are not shown in the document.
func (p *pkg) unfilled() ([]Problem, error) {
	var out []Problem
	for _, e := range p.entries {
		name := e.hdr.Name
		shown := strings.Contains(name, "/diagrams/") || strings.Contains(name, "/charts/") ||
			(strings.HasPrefix(name, "word/") && !strings.HasPrefix(name, "word/glossary/") && !strings.HasSuffix(name, ".rels"))
		if !e.braces || !shown || contains(p.stories, name) {
			continue
		}
		data, err := p.load(name, p.lim.MaxEntrySize)
		if err != nil {
			return nil, err
		}
		text, i := tagInText(data)
		if i < 0 {
			continue
		}
		tag := text[i:]
		if m := anyTag.FindString(tag); m != "" {
			tag = m
		}
		where := "phần " + name + ", phần thidua không điền (thidua điền thân văn bản, đầu trang, chân trang, chú thích, nhận xét và hộp văn bản); hãy gõ thẻ vào một trong các phần đó"
		switch {
		case strings.Contains(name, "/diagrams/"):
			where = "SmartArt, thidua không điền chữ trong SmartArt; hãy gõ thẻ ra ngoài SmartArt (vào đoạn văn, ô bảng hay hộp văn bản)"
		case strings.Contains(name, "/charts/"):
			where = "biểu đồ, thidua không điền chữ trong biểu đồ; hãy gõ thẻ ra ngoài biểu đồ"
		}
		out = append(out, Problem{Where: Location{Part: name, Context: around(text, i, i+len(tag))}, Tag: tag, Msg: "thẻ nằm trong " + where})
	}
	return out, nil
}

// tagInText finds the first "{{" in the text of an element named t (w:t,
// a:t...), reading the bytes rather than the tree: it returns that text
// and where the "{{" is in it, or -1.
func tagInText(data []byte) (string, int) {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("{{"))
		if i < 0 {
			return "", -1
		}
		i += off
		// Whatever the answer, it holds to the end of the tag or text the
		// "{{" is in: the search goes on from there, so that no byte is read
		// backwards more than twice.
		lt := bytes.LastIndexByte(data[:i], '<')
		gt := bytes.IndexByte(data[max(lt, 0):i], '>')
		next := byte('<')
		if lt < 0 || gt < 0 {
			next = '>' // inside a tag: an attribute value
		}
		off = len(data)
		if k := bytes.IndexByte(data[i:], next); k >= 0 {
			off = i + k
		}
		if next == '>' {
			continue
		}
		start := data[lt+1 : lt+gt]
		if len(start) == 0 || bytes.ContainsAny(start[:1], "/?!") || bytes.HasSuffix(start, []byte("/")) {
			continue
		}
		name := start
		if k := bytes.IndexAny(start, " \t\r\n"); k >= 0 {
			name = start[:k]
		}
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if string(name) != "t" {
			continue
		}
		from := lt + gt + 1
		end := bytes.IndexByte(data[from:], '<')
		if end < 0 {
			end = len(data) - from
		}
		text := html.UnescapeString(string(data[from : from+end]))
		return text, strings.Index(text, "{{")
	}
}
