// Package render turns one record's data into paper files: each chosen
// template is built into the document model once and written by the DOCX
// and PDF renderers.
package render

import (
	"bytes"
	"fmt"
	"strings"

	"thidua/internal/doc"
	"thidua/internal/docx"
	"thidua/internal/forms"
	"thidua/internal/pdf"
	"thidua/internal/sheet"
	"thidua/internal/vn"
)

// Formats are the output formats made by default, in the order files are
// made; "xlsx" (the tables of the papers that have tables) is made when
// asked for.
var Formats = []string{"docx", "pdf"}

// File is one paper in one format.
type File struct {
	Name  string // file name with extension, safe to join to a folder
	Paper string // template name
	Data  []byte
}

// ParseFormats reads a comma-separated list of formats ("" means all).
func ParseFormats(list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return Formats, nil
	}
	var out []string
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "docx" && f != "pdf" && f != "xlsx" {
			return nil, fmt.Errorf("định dạng %q không có; chọn docx, pdf, xlsx hoặc vài định dạng cách nhau bởi dấu phẩy (docx,pdf,xlsx)", f)
		}
		out = append(out, f)
	}
	return out, nil
}

// Paper builds one template over data and writes it in each format; as
// xlsx, only a paper whose body is a table is written (sheet.HasTables).
func Paper(t *forms.Template, data map[string]any, formats []string) ([]File, error) {
	base, err := BaseName(t, data)
	if err != nil {
		return nil, err
	}
	var out []File
	var d *doc.Document
	for _, f := range formats {
		if f == "xlsx" {
			file, ok, err := workbook(t, data)
			if err != nil {
				return nil, fmt.Errorf("mẫu %s (xlsx): %w", t.Name, err)
			}
			if ok {
				file.Name = base + ".xlsx"
				out = append(out, file)
			}
			continue
		}
		if d == nil {
			if d, err = t.Build(data); err != nil {
				return nil, fmt.Errorf("mẫu %s: %w", t.Name, err)
			}
		}
		b, err := Write(d, f)
		if err != nil {
			return nil, fmt.Errorf("mẫu %s (%s): %w", t.Name, f, err)
		}
		out = append(out, File{Name: base + "." + f, Paper: t.Name, Data: b})
	}
	return out, nil
}

// workbook writes the tables of a paper as a spreadsheet.
func workbook(t *forms.Template, data map[string]any) (File, bool, error) {
	src, _ := data[sourceKey].(*sheet.Source)
	if src == nil || !sheet.HasTables(t.Name) || t.Front.Moi != "" {
		return File{}, false, nil
	}
	head, err := t.Head(data)
	if err != nil {
		return File{}, false, err
	}
	b, ok, err := sheet.Export(t.Name, head, src)
	return File{Paper: t.Name, Data: b}, ok, err
}

// BaseName is the file name, without extension, of the paper t makes
// from data: its front matter's ten_tep made safe (vn.Slug), so that no
// record can name a file outside the output folder.
func BaseName(t *forms.Template, data map[string]any) (string, error) {
	base, err := t.FileName(data)
	if err != nil {
		return "", fmt.Errorf("mẫu %s: ten_tep: %w", t.Name, err)
	}
	return vn.Slug(base, 120), nil
}

// Write renders a document in one format.
func Write(d *doc.Document, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "docx":
		err = docx.Write(&buf, d)
	case "pdf":
		return pdf.Bytes(d)
	default:
		err = fmt.Errorf("định dạng %q không có", format)
	}
	return buf.Bytes(), err
}
