package fill

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits bound what Parse accepts from a form, which is untrusted input.
// A zero field takes its default.
type Limits struct {
	MaxEntries   int   // entries in the package; default 2000
	MaxEntrySize int64 // uncompressed bytes of one entry; default 64 MiB
	MaxTotalSize int64 // uncompressed bytes of all entries; default 256 MiB
}

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
	return l
}

// entry is one member of the package as it will be written back: either
// copied as stored (raw, already compressed) or rendered from a part's
// template at each Execute.
type entry struct {
	hdr  zip.FileHeader // clean header: name, method, sizes, CRC, MS-DOS time
	raw  []byte         // stored bytes, compressed as hdr.Method says
	data []byte         // uncompressed bytes, kept for XML parts only
	part *part          // non-nil: written by executing the part's template
}

// pkg is a read, checked .docx package.
type pkg struct {
	entries  []*entry
	byName   map[string]*entry
	main     string   // main document part, e.g. "word/document.xml"
	stories  []string // parts whose text is filled: main first, then headers, footers, notes
	template bool     // the main part is a .dotx template: written back as a document
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
	p := &pkg{byName: map[string]*entry{}}
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
		keep := isXMLName(f.Name)
		data, n, err := inflate(f, lim.MaxEntrySize, keep)
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
		e := &entry{hdr: cleanHeader(&f.FileHeader), raw: raw, data: data}
		p.entries = append(p.entries, e)
		p.byName[f.Name] = e
	}
	if err := p.findParts(); err != nil {
		return nil, err
	}
	return p, nil
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

// xmlPart parses the named part, which must exist.
func (p *pkg) xmlPart(name string) (*node, error) {
	e := p.byName[name]
	if e == nil {
		return nil, fmt.Errorf("%w: thiếu phần %s", ErrNotDocx, name)
	}
	root, err := parseXML(e.data)
	if errors.Is(err, ErrDTD) {
		return nil, fmt.Errorf("%w trong %s; tệp Word bình thường không có, hãy lưu lại mẫu từ Word hoặc LibreOffice", ErrDTD, name)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: phần %s hỏng (%v)", ErrNotDocx, name, err)
	}
	return root, nil
}

// findParts reads the content types and relationships: which part is the
// main document, which are its headers, footers and notes, and whether any
// content type is macro-enabled.
func (p *pkg) findParts() error {
	ct, err := p.xmlPart("[Content_Types].xml")
	if err != nil {
		return err
	}
	overrides := map[string]string{}
	for _, k := range ct.element().kids {
		if k.typ != elemNode {
			continue
		}
		t, _ := k.attrValue("", "ContentType")
		if strings.Contains(t, "macroEnabled") || strings.Contains(strings.ToLower(t), "vbaproject") {
			return fmt.Errorf("%w (kiểu nội dung %s); thidua không nhận tệp .docm: hãy lưu mẫu dưới dạng .docx thường", ErrMacro, t)
		}
		if name, ok := k.attrValue("", "PartName"); ok && k.name.Local == "Override" {
			overrides[strings.TrimPrefix(name, "/")] = t
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
	switch overrides[p.main] {
	case ctMain:
	case ctTemplateMain:
		p.template = true
	default:
		return fmt.Errorf("%w: phần chính %s có kiểu %q, không phải văn bản Word", ErrNotDocx, p.main, overrides[p.main])
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
		case "header", "footer", "footnotes", "endnotes":
			if p.byName[r.target] != nil && !contains(others, r.target) {
				others = append(others, r.target)
			}
		}
	}
	sort.Strings(others)
	p.stories = append(p.stories, others...)
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
	root, err := p.xmlPart(name)
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
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
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
