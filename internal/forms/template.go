// Package forms loads the paper templates (a TOML front matter and a
// Markdown body with Go template actions, as Hugo pages are written),
// executes them over a record's data and builds the document model: the
// frame from the front matter, the body from the Markdown.
package forms

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/BurntSushi/toml"

	"thidua/internal/tomlguard"
	"thidua/internal/view"
	"thidua/internal/vn"
)

// Ext is the file extension of a template.
const Ext = ".md"

// Front is a template's front matter. Text fields are templates too,
// executed over the same data as the body.
type Front struct {
	// TenLoai is the document type printed as the title ("BẢN GIAO ƯỚC THI ĐUA").
	TenLoai string `toml:"ten_loai"`
	// TrichYeu is the summary under the type.
	TrichYeu string `toml:"trich_yeu"`
	// CongVan makes the paper a letter: no type line, "V/v" summary under the number.
	CongVan bool `toml:"cong_van"`
	// CoQuanChuQuan and CoQuanBanHanh are the parent and issuing bodies.
	CoQuanChuQuan string `toml:"co_quan_chu_quan"`
	CoQuanBanHanh string `toml:"co_quan_ban_hanh"`
	// So is the number and symbol after "Số: " (see the so_ky_hieu function).
	So string `toml:"so"`
	// DiaDanhNgay is the place and date line (see the noi_ngay function).
	DiaDanhNgay string `toml:"dia_danh_ngay"`
	// KinhGui and NoiNhan are the recipients, one per line.
	KinhGui string `toml:"kinh_gui"`
	NoiNhan string `toml:"noi_nhan"`
	// Ky lists who signs.
	Ky []Signer `toml:"ky"`
	// Can names the record sections the paper needs; a record without
	// one of them does not get this paper.
	Can []string `toml:"can"`
	// TenTep is the output file name, without extension (made safe).
	TenTep string `toml:"ten_tep"`
	// MoTa describes the paper in the template list.
	MoTa string `toml:"mo_ta"`
	// Moi, a path in the data to a list ("ho_so.ca_nhan"), makes one paper
	// per item of the list, the item under the key "muc" (see Each).
	Moi string `toml:"moi"`
}

// Signer names where a signature block's data is: Nguoi is a path in
// the data (e.g. "giao_uoc.nguoi_ky", or "thanh_vien" for every member's
// head); ChucDanh, when set, replaces the title line (e.g. "THƯ KÝ").
type Signer struct {
	Nguoi    string `toml:"nguoi"`
	ChucDanh string `toml:"chuc_danh"`
}

// Template is a parsed paper template.
type Template struct {
	// Name is the file name without extension: "giao-uoc".
	Name  string
	Front Front
	front map[string]*template.Template
	body  *template.Template
}

// frontFields lists the front matter's template fields by key.
func (f *Front) fields() map[string]*string {
	return map[string]*string{
		"ten_loai": &f.TenLoai, "trich_yeu": &f.TrichYeu,
		"co_quan_chu_quan": &f.CoQuanChuQuan, "co_quan_ban_hanh": &f.CoQuanBanHanh,
		"so": &f.So, "dia_danh_ngay": &f.DiaDanhNgay,
		"kinh_gui": &f.KinhGui, "noi_nhan": &f.NoiNhan, "ten_tep": &f.TenTep,
	}
}

// Error is a problem in a template file, with its position.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Hint      string // how to fix it, without the "Cách sửa:" prefix; may be empty
}

func (e *Error) Error() string {
	s := e.File + ": " + e.Msg
	if e.Line > 0 {
		s = fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	if e.Hint != "" {
		s += "\n    Cách sửa: " + e.Hint
	}
	return s
}

// Parse reads a template file.
func Parse(name string, src []byte) (*Template, error) {
	src = []byte(vn.Normalize(string(src), vn.ToneModern))
	file := name
	name = strings.TrimSuffix(path.Base(name), Ext)
	front, body, bodyLine, err := split(src)
	if err != nil {
		return nil, &Error{File: file, Line: 1, Col: 1, Msg: err.Error()}
	}
	t := &Template{Name: name, front: map[string]*template.Template{}}
	if p := tomlguard.Check(front); p != nil {
		return nil, &Error{File: file, Line: p.Line + 1, Col: p.Col, Msg: "phần đầu mẫu: " + p.Msg, Hint: p.Hint}
	}
	md, err := toml.Decode(front, &t.Front)
	if err != nil {
		return nil, tomlError(file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &Error{File: file, Line: 2, Col: 1, Msg: fmt.Sprintf("khóa %q không có trong phần đầu mẫu; các khóa dùng được: %s", und[0].String(), strings.Join(frontKeys(), ", "))}
	}
	if t.Front.Moi != "" && !reDataPath.MatchString(t.Front.Moi) {
		return nil, &Error{File: file, Line: 2, Col: 1, Msg: fmt.Sprintf("moi = %q phải là đường dẫn tới một danh sách trong dữ liệu, ví dụ \"ho_so.ca_nhan\"", t.Front.Moi)}
	}
	if t.Front.TenLoai == "" && !t.Front.CongVan {
		return nil, &Error{File: file, Line: 2, Col: 1, Msg: "phần đầu mẫu thiếu ten_loai (tên loại văn bản, ví dụ \"BÁO CÁO\")"}
	}
	for key, field := range t.Front.fields() {
		if *field == "" {
			continue
		}
		tt, err := newTemplate(file + "#" + key).Parse(*field)
		if err != nil {
			return nil, &Error{File: file, Line: 2, Col: 1, Msg: fmt.Sprintf("%s: %v", key, cleanTemplateError(err))}
		}
		escapeActions(tt, printFunc)
		t.front[key] = tt
	}
	// The body keeps its line numbers in errors: pad it to where it starts.
	padded := strings.Repeat("\n", bodyLine-1) + body
	bt, err := newTemplate(file).Parse(padded)
	if err != nil {
		return nil, bodyError(file, padded, err)
	}
	escapeActions(bt, escapeFunc)
	t.body = bt
	return t, nil
}

// reDataPath matches a dotted path of data keys: "ho_so.ca_nhan".
var reDataPath = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)

func frontKeys() []string {
	var keys []string
	for k := range (&Front{}).fields() {
		keys = append(keys, k)
	}
	keys = append(keys, "cong_van", "ky", "can", "mo_ta", "moi")
	sort.Strings(keys)
	return keys
}

func newTemplate(name string) *template.Template {
	return template.New(name).Option("missingkey=error").Funcs(view.Funcs()).Funcs(template.FuncMap{escapeFunc: escapeMarkdown, printFunc: view.Print})
}

// split separates the front matter, between lines "+++", from the body,
// and returns the body's first line number.
func split(src []byte) (front, body string, bodyLine int, err error) {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.HasPrefix(s, "+++\n") {
		return "", "", 0, fmt.Errorf("mẫu phải bắt đầu bằng dòng +++ rồi phần đầu TOML, kết thúc bằng một dòng +++ nữa")
	}
	rest := s[4:]
	end := strings.Index(rest, "\n+++\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n+++") {
			end = len(rest) - 4
		} else {
			return "", "", 0, fmt.Errorf("không thấy dòng +++ đóng phần đầu mẫu")
		}
	}
	front = rest[:end+1]
	body = ""
	if end+5 <= len(rest) {
		body = rest[end+5:]
	}
	return front, body, strings.Count(s[:4+end+5], "\n") + 1, nil
}

func tomlError(file string, err error) error {
	if pe, ok := err.(toml.ParseError); ok {
		return &Error{File: file, Line: pe.Position.Line + 1, Col: pe.Position.Col, Msg: "phần đầu mẫu sai cú pháp TOML: " + pe.Message}
	}
	return &Error{File: file, Msg: "phần đầu mẫu: " + err.Error()}
}

// cleanTemplateError drops Go's "template: name:" prefix from a template error.
func cleanTemplateError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "template: ")
	return msg
}

// The functions escapeActions adds to output actions: escapeFunc in the
// Markdown body, printFunc in the front matter's plain text.
const (
	escapeFunc = "_md"
	printFunc  = "_txt"
)

// escapeActions makes every {{...}} that prints a value pass it through
// fn, as html/template does for HTML: in the body, escapeMarkdown, so that
// a unit named "A*B" or "<&>" prints as written instead of turning into
// Markdown; everywhere, view.Print, so that a missing value prints
// nothing rather than "<no value>" and a date prints as a date.
func escapeActions(t *template.Template, fn string) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			walk(tt.Tree, tt.Tree.Root, fn)
		}
	}
}

func walk(tree *parse.Tree, n parse.Node, fn string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(tree, c, fn)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			id := parse.NewIdentifier(fn).SetTree(tree).SetPos(n.Pos)
			n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos, Args: []parse.Node{id}})
		}
	case *parse.IfNode:
		walk(tree, n.List, fn)
		walk(tree, n.ElseList, fn)
	case *parse.RangeNode:
		walk(tree, n.List, fn)
		walk(tree, n.ElseList, fn)
	case *parse.WithNode:
		walk(tree, n.List, fn)
		walk(tree, n.ElseList, fn)
	}
}

// execute runs t over data and returns what it printed.
func execute(t *template.Template, data map[string]any) (string, error) {
	buf, err := run(t, data)
	if err != nil {
		return "", err
	}
	s := buf.String()
	release(buf)
	return s, nil
}

// run runs t over data into a buffer of outputs, which the caller gives
// back with release once done with its bytes.
func run(t *template.Template, data map[string]any) (*bytes.Buffer, error) {
	buf := outputs.Get().(*bytes.Buffer)
	buf.Reset()
	if err := t.Execute(buf, data); err != nil {
		release(buf)
		return nil, err
	}
	return buf, nil
}

// release puts buf back in outputs.
func release(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		outputs.Put(buf)
	}
}

// outputs keeps the buffers templates are run into, grown to the size of
// a paper's text (up to 1 MB).
var outputs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Load reads the template name (without extension) from fsys.
func Load(fsys fs.FS, name string) (*Template, error) {
	src, err := fs.ReadFile(fsys, name+Ext)
	if err != nil {
		return nil, err
	}
	return Parse(name+Ext, src)
}

var reParen = regexp.MustCompile(`\s*\([^()]*\)`)

// ShortName is what a clerk calls the paper, for lists and notes ("in
// trong: Bản giao ước thi đua"): its description (mo_ta) up to the first
// ":" or ",", without what is in brackets; the template's name when it
// has no description.
func (t *Template) ShortName() string {
	s := reParen.ReplaceAllString(t.Front.MoTa, "")
	if i := strings.IndexAny(s, ":,"); i >= 0 {
		s = s[:i]
	}
	if s = strings.Join(strings.Fields(s), " "); s == "" {
		return t.Name
	}
	return s
}
