package fill

import (
	"strings"
	"testing"
)

// fuzzForm builds a form from text: lines are paragraphs, a line starting
// with "|" is a table row whose cells are split by "|".
func fuzzForm(text string, split bool) []byte {
	b := &docBuilder{split: split}
	var rows [][]string
	flush := func() {
		if len(rows) > 0 {
			n := len(rows[0])
			for i := range rows {
				for len(rows[i]) < n {
					rows[i] = append(rows[i], "")
				}
				rows[i] = rows[i][:n]
			}
			b.table(rows...)
			rows = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, strings.Split(line[1:], "|"))
			continue
		}
		flush()
		b.p(line)
	}
	flush()
	return b.bytes()
}

// FuzzSplitLikeWhole: for any text, the form with tags split into runs
// parses, checks and fills exactly like the form with whole tags, never
// panics, and fills into well-formed XML.
func FuzzSplitLikeWhole(f *testing.F) {
	for _, s := range []string{
		"Kính gửi: {{.cum.ten}}",
		"{{range .thanh_vien}}\n- {{.ten}}\n{{end}}",
		"|STT|Tên\n|{{range $i, $v := .thanh_vien}}{{stt $i}}|{{.ten}}{{end}}",
		"|{{range .phien.khach_moi?}}|\n|{{.ho_ten}}|x\n|{{else}}không|{{end}}",
		"{{if .phien.gio}}{{.phien.gio}}{{else}}-{{end}} {{ngay .phien.ngay}}",
		"{{.cum.ten} {{end}} }}{{",
		"{{range .thanh_vien}}{{range .thu_truong}}{{.}}{{end}}{{end}}",
		"{{with .cum}}\n{{.ten}}\n{{else}}\nx\n{{end}}",
		"{{$x := .cum.ten}}{{$x}} {{printf \"%s&<>\" .cum.ky_hieu}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\x00\r") || len(text) > 2000 {
			return
		}
		whole, errW := Parse(fuzzForm(text, false), Options{Funcs: testFuncs})
		split, errS := Parse(fuzzForm(text, true), Options{Funcs: testFuncs})
		if (errW == nil) != (errS == nil) || (errW != nil && errW.Error() != errS.Error()) {
			t.Fatalf("Parse differs:\nwhole: %v\nsplit: %v", errW, errS)
		}
		if errW != nil {
			return
		}
		rec := sampleRecord()
		outW, errW := whole.Execute(rec)
		outS, errS := split.Execute(rec)
		if (errW == nil) != (errS == nil) || (errW != nil && errW.Error() != errS.Error()) {
			t.Fatalf("Execute differs:\nwhole: %v\nsplit: %v", errW, errS)
		}
		if errW != nil {
			return
		}
		lw := lines(t, unzip(t, outW)["word/document.xml"])
		ls := lines(t, unzip(t, outS)["word/document.xml"])
		if strings.Join(lw, "\n") != strings.Join(ls, "\n") {
			t.Fatalf("fills differ:\nwhole: %q\nsplit: %q", lw, ls)
		}
	})
}
