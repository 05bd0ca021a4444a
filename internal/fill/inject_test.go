package fill

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"thidua/internal/testkit"
)

// The tag-injection check of issue 17: a tag is put at the start of every
// paragraph of every part a form's text lives in, the form is filled, and
// the result must equal, in text and in the formatting of every character,
// the same form with the tag replaced by its value as plain text.

const (
	injectTag   = "{{.cum.ky_hieu}}"
	injectValue = "CTĐBTB"
)

// fixture is a form, and how a program other than Word would have written
// it once filled (nil: as fill writes it).
type fixture struct {
	form  []byte
	shape func(t testing.TB, docx []byte) []byte
}

// fixtures are the repository's forms and forms shaped like those other
// programs write.
func fixtures(t *testing.T) map[string]fixture {
	t.Helper()
	out := map[string]fixture{}
	for _, glob := range []string{"../../samples/forms/*.docx", "testdata/*.docx", "../../bench/fill/form-thidua.docx"} {
		names, _ := filepath.Glob(glob)
		for _, n := range names {
			out[filepath.Base(n)] = fixture{form: readFile(t, n)}
		}
	}
	toTrinh := readFile(t, "../../samples/forms/to-trinh.docx")
	full := fullForm(true).bytes()
	out["indented to-trinh"] = fixture{toTrinh, indented}
	out["java zip"] = fixture{full, javaZip}
	out["utf-16"] = fixture{full, func(t testing.TB, docx []byte) []byte {
		return repack(t, docx, func(_ *[]string, files map[string]string) {
			for n, s := range files {
				if isXMLName(n) {
					files[n] = toUTF16(s, binary.BigEndian)
				}
			}
		})
	}}
	out["main type by default"] = fixture{full, defaultMainType}
	out["comments"] = fixture{toTrinh, func(t testing.TB, docx []byte) []byte {
		return withParts(t, docx, []struct{ name, ctype, rel, body string }{{"word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml", "comments",
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + wNS + `><w:comment w:id="0" w:author="Văn thư" w:date="2023-03-01T00:00:00Z" w:initials="VT"><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Kiểm tra lại số ký hiệu</w:t></w:r></w:p><w:p/></w:comment></w:comments>`}})
	}}
	out["loop ids"] = fixture{form: idsForm()}
	return out
}

var (
	paraStart = regexp.MustCompile(`<w:p(?:\s[^>]*)?/?>`)
	textStart = regexp.MustCompile(`<w:t(?:\s[^>]*)?>`)
)

// inject puts the tag at the start of every paragraph of a part: into the
// paragraph's first text when it comes before any other paragraph begins
// or ends, else in a run of its own after the paragraph's properties.
func inject(part string) string {
	var b strings.Builder
	last := 0
	for _, m := range paraStart.FindAllStringIndex(part, -1) {
		b.WriteString(part[last:m[1]])
		last = m[1]
		if strings.HasSuffix(part[m[0]:m[1]], "/>") {
			b.WriteString("") // an empty paragraph: rewritten below
			continue
		}
		rest := part[m[1]:]
		end := len(rest)
		if i := strings.Index(rest, "</w:p>"); i >= 0 {
			end = i
		}
		if loc := paraStart.FindStringIndex(rest); loc != nil && loc[0] < end {
			end = loc[0]
		}
		if tl := textStart.FindStringIndex(rest[:end]); tl != nil && !strings.HasSuffix(rest[tl[0]:tl[1]], "/>") {
			b.WriteString(rest[:tl[1]] + injectTag)
			last += tl[1]
			continue
		}
		at := 0
		if strings.HasPrefix(rest, "<w:pPr") {
			if i := strings.Index(rest, "</w:pPr>"); i >= 0 && i < end {
				at = i + len("</w:pPr>")
			} else if i := strings.Index(rest, "/>"); i >= 0 {
				at = i + 2
			}
		}
		b.WriteString(rest[:at] + "<w:r><w:t>" + injectTag + "</w:t></w:r>")
		last += at
	}
	b.WriteString(part[last:])
	// Empty paragraphs get a run too.
	return regexp.MustCompile(`<w:p((?:\s[^>]*)?)/>`).ReplaceAllString(b.String(), "<w:p$1><w:r><w:t>"+injectTag+"</w:t></w:r></w:p>")
}

// storyPart reports whether a part's text is filled.
var storyPart = regexp.MustCompile(`^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$`)

func TestTagInjection(t *testing.T) {
	dir := t.TempDir()
	var pairs [][2]string
	for name, fx := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			// A form with tags is filled first: the check needs a form
			// whose only tags are the injected ones.
			base := fx.form
			if f, err := Parse(fx.form, Options{Funcs: testFuncs}); err == nil && len(f.Fields()) > 0 {
				if base, err = f.Execute(sampleRecord()); err != nil {
					t.Fatal(err)
				}
			}
			if fx.shape != nil {
				base = fx.shape(t, base)
			}
			var injected, want []byte
			tagged := 0
			injected = repack(t, base, func(_ *[]string, files map[string]string) {
				for n, s := range files {
					if storyPart.MatchString(n) {
						utf16 := strings.HasPrefix(s, "\xfe\xff")
						s = inject(string(utf8Part(t, s)))
						tagged += strings.Count(s, injectTag)
						if utf16 {
							s = toUTF16(strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1), binary.BigEndian)
						}
						files[n] = s
					}
				}
			})
			want = repack(t, injected, func(_ *[]string, files map[string]string) {
				for n, s := range files {
					if storyPart.MatchString(n) {
						files[n] = strings.ReplaceAll(string(utf8Part(t, s)), injectTag, injectValue)
					}
				}
			})
			if tagged == 0 {
				t.Fatal("no tag injected")
			}
			got, err := mustParse(t, injected).Execute(sampleRecord())
			if err != nil {
				t.Fatal(err)
			}
			gotParts, wantParts := unzip(t, got), unzip(t, want)
			for n := range wantParts {
				if storyPart.MatchString(n) {
					sameLines(t, styled(t, gotParts[n]), styled(t, wantParts[n]))
				}
			}
			slug := regexp.MustCompile(`\W+`).ReplaceAllString(name, "-")
			g, w := filepath.Join(dir, slug+"-got.docx"), filepath.Join(dir, slug+"-want.docx")
			os.WriteFile(g, got, 0o644)
			os.WriteFile(w, want, 0o644)
			pairs = append(pairs, [2]string{g, w})
			t.Logf("%d tags injected", tagged)
		})
	}
	if t.Failed() {
		return
	}
	// LibreOffice opens every output with the pages and text of the form
	// with the tags replaced by hand.
	testkit.Need(t, "soffice", "pdftotext")
	var files []string
	for _, p := range pairs {
		files = append(files, p[0], p[1])
	}
	pdfs := testkit.LibreOffice(t, dir, files...)
	for i := 0; i < len(pdfs); i += 2 {
		got, want := testkit.Pages(t, pdfs[i]), testkit.Pages(t, pdfs[i+1])
		if len(got) != len(want) {
			t.Errorf("%s: %d pages, want %d", filepath.Base(files[i]), len(got), len(want))
			continue
		}
		for p := range got {
			if got[p] != want[p] {
				t.Errorf("%s: page %d text differs:\n%s\nwant:\n%s", filepath.Base(files[i]), p+1, got[p], want[p])
			}
		}
	}
}

// utf8Part returns a part in UTF-8, whatever it was written in.
func utf8Part(t testing.TB, s string) []byte {
	b, err := toUTF8([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
