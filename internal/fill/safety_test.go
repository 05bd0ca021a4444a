package fill

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// withEntry returns a small valid form plus one extra entry.
func withEntry(t *testing.T, name string, content io.Reader) []byte {
	t.Helper()
	base := (&docBuilder{}).p("{{.cum.ten}}").bytes()
	zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, content); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

// replaced returns the small valid form with one part's content replaced.
func replaced(t *testing.T, name, content string) []byte {
	t.Helper()
	base := (&docBuilder{}).p("{{.cum.ten}}").bytes()
	zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	files := map[string]string{}
	var order []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
		order = append(order, f.Name)
	}
	if _, ok := files[name]; !ok {
		order = append(order, name)
	}
	files[name] = content
	return zipFiles(order, files)
}

// zeros yields n zero bytes without holding them.
type zeros int64

func (z *zeros) Read(p []byte) (int, error) {
	if *z <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), int64(*z))
	clear(p[:n])
	*z -= zeros(n)
	return int(n), nil
}

func TestRefusals(t *testing.T) {
	bomb := zeros(100 << 20)
	docm := replaced(t, "[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>`)
	docm2 := replaced(t, "[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>`)
	cases := []struct {
		name string
		docx []byte
		lim  Limits
		want error
		msg  string
	}{
		{"zip bomb", withEntry(t, "word/media/image1.png", &bomb), Limits{}, ErrTooLarge, "image1.png"},
		{"total size", withEntry(t, "word/media/a.bin", strings.NewReader(strings.Repeat("x", 5000))), Limits{MaxTotalSize: 4000}, ErrTooLarge, "tổng dung lượng"},
		{"too many entries", withEntry(t, "x.xml", strings.NewReader("<a/>")), Limits{MaxEntries: 3}, ErrTooLarge, "quá giới hạn 3"},
		{"zip slip", withEntry(t, "../../etc/cron.d/evil", strings.NewReader("x")), Limits{}, ErrUnsafeEntry, "../../etc/cron.d/evil"},
		{"absolute name", withEntry(t, "/tmp/evil", strings.NewReader("x")), Limits{}, ErrUnsafeEntry, "/tmp/evil"},
		{"backslash name", withEntry(t, `word\..\..\evil`, strings.NewReader("x")), Limits{}, ErrUnsafeEntry, "evil"},
		{"DTD with external entity", replaced(t, "word/document.xml", `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`), Limits{}, ErrDTD, "word/document.xml"},
		{"entity without DTD", replaced(t, "word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`), Limits{}, ErrNotDocx, "word/document.xml"},
		{"docm content type", docm, Limits{}, ErrMacro, "không nhận tệp .docm"},
		{"macro-enabled main part", docm2, Limits{}, ErrMacro, "macroEnabled"},
		{"vbaProject.bin", withEntry(t, "word/vbaProject.bin", strings.NewReader("macro")), Limits{}, ErrMacro, "vbaProject.bin"},
		{"not a zip", []byte("đây không phải tệp Word"), Limits{}, ErrNotDocx, "không đọc được gói zip"},
		{"Word 97 or encrypted", append(append([]byte(nil), oleMagic...), make([]byte, 512)...), Limits{}, ErrNotDocx, "mật khẩu"},
		{"no main document", replaced(t, "_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`), Limits{}, ErrNotDocx, "nội dung chính"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.docx, Options{Limits: c.lim})
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Parse error = %v; want %v mentioning %q", err, c.want, c.msg)
			}
		})
	}
}

// TestLyingSizeHeader: an entry whose header claims fewer bytes than it
// holds is refused while it is read, before the limit is passed.
func TestLyingSizeHeader(t *testing.T) {
	z := zeros(1 << 20)
	docx := withEntry(t, "word/media/big.bin", &z)
	i := bytes.LastIndex(docx, []byte("word/media/big.bin"))
	// patch the central directory's uncompressed size (offset 24 from the
	// signature, which is 46 bytes before the name) to 10 bytes
	cd := i - 46
	if string(docx[cd:cd+4]) != "PK\x01\x02" {
		t.Fatal("central directory entry not found")
	}
	copy(docx[cd+24:cd+28], []byte{10, 0, 0, 0})
	_, err := Parse(docx, Options{})
	if !errors.Is(err, ErrNotDocx) && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse error = %v; want a refusal", err)
	}
}

// TestTemplateBecomesDocument: a .dotx form fills into a .docx.
func TestTemplateBecomesDocument(t *testing.T) {
	base := (&docBuilder{}).p("{{.cum.ten}}").bytes()
	ct := string(unzip(t, base)["[Content_Types].xml"])
	dotx := replaced(t, "[Content_Types].xml", strings.Replace(ct, ctMain, ctTemplateMain, 1))
	out, err := mustParse(t, dotx).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, out)
	if got := string(parts["[Content_Types].xml"]); !strings.Contains(got, ctMain) || strings.Contains(got, ctTemplateMain) {
		t.Errorf("content types not rewritten: %s", got)
	}
	sameLines(t, lines(t, parts["word/document.xml"]), []string{"Cụm thi đua các tỉnh Bắc Trung Bộ"})
}

// TestUntouchedEntriesCopiedAsStored: entries without tags are copied byte
// for byte, compressed as they were.
func TestUntouchedEntriesCopiedAsStored(t *testing.T) {
	img := bytes.Repeat([]byte("\x89PNG fake image data "), 500)
	docx := withEntry(t, "word/media/image1.png", bytes.NewReader(img))
	out, err := mustParse(t, docx).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	if got := unzip(t, out)["word/media/image1.png"]; !bytes.Equal(got, img) {
		t.Error("image changed")
	}
	if got := unzip(t, out)["word/_rels/document.xml.rels"]; !bytes.Equal(got, unzip(t, docx)["word/_rels/document.xml.rels"]) {
		t.Error("relationships changed")
	}
}
