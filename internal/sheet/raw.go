package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize reads a sheet's merged cells, hidden columns and cell types
// by decoding the whole worksheet into structs, which takes longer than
// reading its rows. These few facts are read here from the sheet's XML
// text instead.

// extras are what Read needs of a sheet besides its cell values.
type extras struct {
	merges []excelize.MergeCell // start and end only
	hidden map[int]bool         // zero-based columns
	text   map[string]bool      // cells holding text, by reference
}

var (
	reMerge = regexp.MustCompile(`<mergeCell ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"`)
	reCol   = regexp.MustCompile(`<col [^>]*>`)
	reAttr  = regexp.MustCompile(`\b(min|max|hidden|r|t)="([^"]*)"`)
)

// readExtras reads the extras of every sheet of an .xlsx file, by sheet name.
func readExtras(data []byte) (map[string]*extras, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	read := func(name string) ([]byte, error) {
		f := parts[name]
		if f == nil {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, unzipLimit+1))
		if err == nil && len(b) > unzipLimit {
			err = fmt.Errorf("phần %s của tệp giải nén ra quá %d MB", name, unzipLimit>>20)
		}
		return b, err
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		data, err := read(name)
		if err != nil {
			return nil, err
		}
		if err := xml.Unmarshal(data, v); err != nil && data != nil {
			return nil, err
		}
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]*extras{}
	for _, s := range wb.Sheets {
		data, err := read(target[s.ID])
		if err != nil {
			return nil, err
		}
		out[s.Name] = sheetExtras(string(data))
	}
	return out, nil
}

func sheetExtras(x string) *extras {
	e := &extras{hidden: map[int]bool{}, text: map[string]bool{}}
	for _, m := range reMerge.FindAllStringSubmatch(x, -1) {
		e.merges = append(e.merges, excelize.MergeCell{m[1] + ":" + m[2]})
	}
	attrs := func(tag string) map[string]string {
		a := map[string]string{}
		for _, m := range reAttr.FindAllStringSubmatch(tag, -1) {
			a[m[1]] = m[2]
		}
		return a
	}
	for _, tag := range reCol.FindAllString(x, -1) {
		a := attrs(tag)
		if a["hidden"] != "1" && a["hidden"] != "true" {
			continue
		}
		lo, hi := atoi(a["min"]), atoi(a["max"])
		for c := lo; c <= hi && c-lo < 16384; c++ {
			e.hidden[c-1] = true
		}
	}
	// Cells are many: found by hand rather than by regexp.
	for i := 0; ; {
		j := strings.Index(x[i:], "<c ")
		if j < 0 {
			break
		}
		i += j + 3
		end := strings.IndexByte(x[i:], '>')
		if end < 0 {
			break
		}
		tag := x[i : i+end]
		i += end
		if t := attr(tag, "t"); t == "s" || t == "inlineStr" || t == "str" {
			e.text[attr(tag, "r")] = true
		}
	}
	return e
}

// attr is the value of an attribute in the text of a tag.
func attr(tag, name string) string {
	for i := 0; ; {
		j := strings.Index(tag[i:], name+`="`)
		if j < 0 {
			return ""
		}
		i += j
		if i == 0 || tag[i-1] == ' ' {
			v := tag[i+len(name)+2:]
			if k := strings.IndexByte(v, '"'); k >= 0 {
				return v[:k]
			}
			return ""
		}
		i += len(name)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}
