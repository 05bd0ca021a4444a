package render

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"thidua/fonts"
	"thidua/internal/doc"
	"thidua/internal/fill"
	"thidua/internal/frame"
	"thidua/internal/record"
	"thidua/internal/testkit"
	"thidua/internal/view"
)

// frameStyles are the styles of the texts the frame breaks itself: the
// header, the type and summary, Kính gửi, the signatures and Nơi nhận,
// and the centred titles of the body (Phụ lục, its name, Kèm theo).
var frameStyles = []*doc.Style{frame.Parent, frame.Issuer, frame.Number, frame.Nation, frame.Motto,
	frame.PlaceDate, frame.Type, frame.Summary, frame.Part, frame.Note, frame.Recipient, frame.Authority, frame.Signer, frame.CopiesHead, frame.Copies}

// frameLines are the lines of a document's frame texts, as the model
// breaks them, paragraph by paragraph, with no-break spaces as spaces.
func frameLines(d *doc.Document) [][]string {
	var out [][]string
	for _, p := range d.Paragraphs() {
		if !slices.Contains(frameStyles, p.Style) || strings.TrimSpace(p.Text()) == "" {
			continue
		}
		var lines []string
		for _, l := range strings.Split(strings.ReplaceAll(p.Text(), frame.NBSP, " "), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		out = append(out, lines)
	}
	return out
}

// jointsOf are the joints of the issue (fixed phrases, an administrative
// unit with a place name of the record or a region) in lower case.
func jointsOf(rec *record.Record) [][]string {
	var out [][]string
	for _, p := range []string{"ủy ban nhân dân", "hội đồng thi đua - khen thưởng", "thi đua - khen thưởng", "cụm thi đua", "khối thi đua", "trung ương"} {
		out = append(out, strings.Fields(p))
	}
	places := slices.Clone(frame.Regions)
	for _, m := range rec.Members {
		places = append(places, m.Place, m.Short)
	}
	for _, pl := range places {
		if pl == "" {
			continue
		}
		for _, u := range []string{"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "đặc khu", ""} {
			if j := strings.Fields(strings.ToLower(u + " " + pl)); len(j) > 1 {
				out = append(out, j)
			}
		}
	}
	return out
}

// splitJoint returns the joint that a break between the words a and b
// (a's last words, b's first ones) falls inside, or nil.
func splitJoint(a, b string, joints [][]string) []string {
	aw, bw := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	for _, j := range joints {
		for k := 1; k < len(j); k++ {
			if len(aw) >= k && len(bw) >= len(j)-k && slices.Equal(aw[len(aw)-k:], j[:k]) && slices.Equal(bw[:len(j)-k], j[k:]) {
				return j
			}
		}
	}
	return nil
}

// hoiDongFits reports whether "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" fits on
// one line of the header's left column at the parent body's size: when
// it does not, the frame breaks it after "HỘI ĐỒNG", its inner joint.
func hoiDongFits() bool {
	w := fonts.Get(fonts.Regular).Width("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", frame.Parent.Size)
	return w <= frame.HeadLeft
}

// Every built-in paper of every sample: no line of the header, the
// signatures or Nơi nhận ends inside a joint of a name; each line the
// frame computed is a line of thidua's PDF and of LibreOffice's PDF of
// the DOCX (so both renderers break there and nowhere else); two columns
// of the frame on one line are at least 3 mm apart; no page is empty.
func TestFrameBreaksAndGutters(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "pdftotext", "soffice")
	samples, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*.toml"))
	if len(samples) == 0 {
		t.Fatal("no samples")
	}
	dir := t.TempDir()
	type paper struct {
		name  string
		lines [][]string
		pdf   string
	}
	var papers []paper
	var docx []string
	for _, s := range samples {
		rec, err := record.Load(s)
		if err != nil {
			t.Fatal(err)
		}
		data, set := dataAndTemplates(t, rec)
		joints := jointsOf(rec)
		for _, name := range set.Names() {
			tpl, _ := set.Get(name)
			if !tpl.Applies(data) {
				continue
			}
			for k, item := range tpl.Each(data) {
				d, err := tpl.Build(item)
				if err != nil {
					t.Fatalf("%s %s: %v", filepath.Base(s), name, err)
				}
				base := fmt.Sprintf("%s-%s-%d", strings.TrimSuffix(filepath.Base(s), ".toml"), name, k+1)
				lines := frameLines(d)
				for _, para := range lines {
					for i := 0; i+1 < len(para); i++ {
						j := splitJoint(para[i], para[i+1], joints)
						if j == nil || strings.Join(j, " ") == "hội đồng thi đua - khen thưởng" && !hoiDongFits() && strings.HasSuffix(strings.ToLower(para[i]), "hội đồng") {
							continue
						}
						t.Errorf("%s: %q / %q breaks inside %q", base, para[i], para[i+1], strings.Join(j, " "))
					}
				}
				for _, f := range Formats {
					b, err := Write(d, f)
					if err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(dir, base+"."+f)
					if err := os.WriteFile(path, b, 0o644); err != nil {
						t.Fatal(err)
					}
					if f == "docx" {
						docx = append(docx, path)
					}
				}
				papers = append(papers, paper{base, lines, filepath.Join(dir, base+".pdf")})
			}
		}
	}
	lo := map[string]string{}
	for _, p := range testkit.LibreOffice(t, filepath.Join(dir, "lo"), docx...) {
		lo[strings.TrimSuffix(filepath.Base(p), ".pdf")] = p
	}
	for _, p := range papers {
		for who, pdf := range map[string]string{"thidua": p.pdf, "LibreOffice": lo[p.name]} {
			if pdf == "" {
				t.Errorf("%s: LibreOffice made no PDF", p.name)
				continue
			}
			checkFrame(t, p.name+" ("+who+")", pdf, p.lines)
		}
	}
}

var blanks = regexp.MustCompile(`\s{2,}`)

// checkFrame checks a PDF against the frame lines of its model.
func checkFrame(t *testing.T, name, pdf string, lines [][]string) {
	t.Helper()
	// every frame line is a segment of a line of the PDF's text
	segments := map[string]bool{}
	pages := testkit.Pages(t, pdf)
	for i, page := range pages {
		if strings.TrimSpace(page) == "" {
			t.Errorf("%s: page %d is empty", name, i+1)
		}
		for _, l := range strings.Split(strings.ReplaceAll(page, frame.NBSP, " "), "\n") {
			for _, seg := range blanks.Split(strings.TrimSpace(l), -1) {
				segments[seg] = true
			}
		}
	}
	frameSet := map[string]bool{}
	for _, para := range lines {
		for _, l := range para {
			frameSet[strings.Join(strings.Fields(l), " ")] = true
			// blanks left for a number written by hand part a line
			for _, seg := range blanks.Split(l, -1) {
				if !segments[seg] {
					t.Errorf("%s: the frame line %q is not a line of the PDF", name, l)
				}
			}
		}
	}
	// two frame lines side by side are 3 mm apart or more
	type lineKey struct {
		page int
		y    int
	}
	byLine := map[lineKey][]testkit.Word{}
	for _, w := range testkit.Boxes(t, pdf) {
		w.Text = strings.ReplaceAll(w.Text, frame.NBSP, " ")
		k := lineKey{w.Page, int(w.YMax + 0.5)}
		byLine[k] = append(byLine[k], w)
	}
	for k, ws := range byLine {
		slices.SortFunc(ws, func(a, b testkit.Word) int { return int(a.XMin*100 - b.XMin*100) })
		for i := 1; i < len(ws); i++ {
			left, right := texts(ws[:i]), texts(ws[i:])
			if !frameSet[left] || !frameSet[right] {
				continue
			}
			if gap := ws[i].XMin - ws[i-1].XMax; gap < doc.Mm(3)-0.5 {
				t.Errorf("%s page %d: %q and %q are %.1f mm apart, want 3 mm or more", name, k.page, left, right, gap*25.4/72)
			}
		}
	}
}

func texts(ws []testkit.Word) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, w.Text)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// The sample Word forms filled with the signing records that name a
// cluster head: the header's and the signatures' lines, as LibreOffice
// lays out the filled DOCX, end at no joint of a name; no two columns
// there are closer than 3 mm; no page is empty.
func TestFilledFormsFrame(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "pdftotext", "soffice")
	dir := t.TempDir()
	var docx []string
	joints := map[string][][]string{}
	for _, s := range []string{"bac-trung-bo-2023", "hai-phong-khoi-huyen-2024"} {
		rec, err := record.Load(filepath.Join("..", "..", "samples", s+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		data, err := Data(rec)
		if err != nil {
			t.Fatal(err)
		}
		schema, err := fill.NewSchema(append(view.Paths(rec), view.PathsOf(data)...)...)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"dang-ky-giao-uoc", "to-trinh"} {
			src, err := os.ReadFile(filepath.Join("..", "..", "samples", "forms", f+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			form, err := fill.Parse(src, fill.Options{Funcs: view.Funcs(), Schema: schema})
			if err != nil {
				t.Fatal(err)
			}
			out, err := form.Execute(data)
			if err != nil {
				t.Fatalf("%s with %s: %v", f, s, err)
			}
			path := filepath.Join(dir, s+"-"+f+".docx")
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			docx = append(docx, path)
			joints[s+"-"+f] = jointsOf(rec)
		}
	}
	for _, pdf := range testkit.LibreOffice(t, filepath.Join(dir, "lo"), docx...) {
		name := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		pages := testkit.Pages(t, pdf)
		for i, p := range pages {
			if strings.TrimSpace(p) == "" {
				t.Errorf("%s: page %d is empty", name, i+1)
			}
		}
		// the header: page 1 down to the title; the signatures: from the
		// last line starting "TM." or "Nơi nhận" to the end
		first := strings.Split(pages[0], "\n")
		end := slices.IndexFunc(first, func(l string) bool {
			return strings.Contains(l, "BẢNG ĐĂNG KÝ") || strings.TrimSpace(l) == "TỜ TRÌNH"
		})
		last := strings.Split(pages[len(pages)-1], "\n")
		start := slices.IndexFunc(last, func(l string) bool {
			l = strings.TrimSpace(l)
			return strings.HasPrefix(l, "TM.") || strings.HasPrefix(l, "Nơi nhận")
		})
		if end < 0 || start < 0 {
			t.Errorf("%s: no header or no signature found", name)
			continue
		}
		for _, region := range [][]string{first[:end], last[start:]} {
			checkColumns(t, name, region, joints[name])
		}
		checkGaps(t, name, pdf)
	}
}

// checkColumns checks lines of pdftotext -layout: where a column's text
// goes on under itself on the next line, the break is not inside a joint.
func checkColumns(t *testing.T, name string, lines []string, joints [][]string) {
	t.Helper()
	for i := 0; i+1 < len(lines); i++ {
		for _, a := range segments(lines[i]) {
			for _, b := range segments(lines[i+1]) {
				if b.start >= a.end || a.start >= b.end {
					continue // not under it
				}
				if j := splitJoint(a.text, b.text, joints); j != nil && !(strings.Join(j, " ") == "hội đồng thi đua - khen thưởng" && !hoiDongFits()) {
					t.Errorf("%s: %q / %q breaks inside %q", name, a.text, b.text, strings.Join(j, " "))
				}
			}
		}
	}
}

// checkGaps finds words on one line of a PDF that are further apart than
// a space but closer than 3 mm: two columns that nearly touch.
func checkGaps(t *testing.T, name, pdf string) {
	t.Helper()
	type lineKey struct{ page, y int }
	byLine := map[lineKey][]testkit.Word{}
	for _, w := range testkit.Boxes(t, pdf) {
		k := lineKey{w.Page, int(w.YMax + 0.5)}
		byLine[k] = append(byLine[k], w)
	}
	for k, ws := range byLine {
		slices.SortFunc(ws, func(a, b testkit.Word) int { return int(a.XMin*100 - b.XMin*100) })
		for i := 1; i < len(ws); i++ {
			size := ws[i].YMax - ws[i].YMin // about the font size
			if gap := ws[i].XMin - ws[i-1].XMax; gap > 0.5*size && gap < doc.Mm(3)-0.5 {
				t.Errorf("%s page %d: %q and %q are %.1f mm apart: two columns nearly touch", name, k.page, ws[i-1].Text, ws[i].Text, gap*25.4/72)
			}
		}
	}
}

// The Hải Phòng list of nominees, in thidua's PDF and LibreOffice's: each
// name on at most two lines of its column, each "8/8 (100,00%)" on one.
func TestDanhSachColumns(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "pdftotext", "soffice")
	rec, err := record.Load(filepath.Join("..", "..", "samples", "hai-phong-khen-thuong-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	data, set := dataAndTemplates(t, rec)
	tpl, _ := set.Get("danh-sach")
	dir := t.TempDir()
	files, err := Paper(tpl, data, Formats)
	if err != nil {
		t.Fatal(err)
	}
	var ours, docx string
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".pdf") {
			ours = path
		} else {
			docx = path
		}
	}
	theirs := testkit.LibreOffice(t, filepath.Join(dir, "lo"), docx)[0]
	for _, pdf := range []string{ours, theirs} {
		var lines []string
		for _, p := range testkit.Pages(t, pdf) {
			lines = append(lines, strings.Split(p, "\n")...)
		}
		segs := make([][]segment, len(lines))
		for i, l := range lines {
			segs[i] = segments(l)
		}
		onLines := func(name string) bool { // on one line, or two of one column
			for i := range segs {
				for _, a := range segs[i] {
					if a.text == name {
						return true
					}
					if i+1 == len(segs) {
						continue
					}
					for _, b := range segs[i+1] {
						if b.start < a.end && a.start < b.end && a.text+" "+b.text == name {
							return true
						}
					}
				}
			}
			return false
		}
		nominees, _ := data["de_nghi"].([]map[string]any)
		if len(nominees) != 8 {
			t.Fatalf("%d nominees in the sample, want 8", len(nominees))
		}
		for _, n := range nominees {
			if name, _ := n["ten"].(string); !onLines(name) {
				t.Errorf("%s: %q is not on one or two lines of its column", filepath.Base(pdf), name)
			}
		}
		if got := strings.Count(strings.Join(lines, "\n"), "8/8 (100,00%)"); got != 8 {
			t.Errorf("%s: \"8/8 (100,00%%)\" on one line %d times, want 8", filepath.Base(pdf), got)
		}
	}
}

// segment is the text of one column on a line of pdftotext -layout, with
// its span in characters.
type segment struct {
	text       string
	start, end int
}

// segments cuts a line of pdftotext -layout at runs of two blanks or more.
func segments(l string) []segment {
	var out []segment
	r := []rune(strings.ReplaceAll(l, frame.NBSP, " "))
	for i := 0; i < len(r); {
		for i < len(r) && r[i] == ' ' {
			i++
		}
		j := i
		for j < len(r) && !(r[j] == ' ' && (j+1 >= len(r) || r[j+1] == ' ')) {
			j++
		}
		if j > i {
			out = append(out, segment{string(r[i:j]), i, j})
		}
		i = j
	}
	return out
}
