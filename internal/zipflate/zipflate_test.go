package zipflate

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// zipOf zips parts (name, text) with Register'd compression.
func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	Register(zw)
	for i := 0; i < len(parts); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Parts come back as written, and a writer reused from the pool writes
// the same bytes as a new one: files stay byte-identical in a batch.
func TestRoundTripAndDeterminism(t *testing.T) {
	body := strings.Repeat(`<w:p><w:r><w:t xml:space="preserve">Ủy ban nhân dân tỉnh Nghệ An </w:t></w:r></w:p>`, 300)
	first := zipOf(t, "word/document.xml", body, "word/styles.xml", "<w:styles/>")
	for range 3 {
		if again := zipOf(t, "word/document.xml", body, "word/styles.xml", "<w:styles/>"); !bytes.Equal(first, again) {
			t.Fatal("the same parts zipped twice differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	if string(got) != body {
		t.Errorf("document.xml came back %d bytes, want %d", len(got), len(body))
	}
	if c := zr.File[0].CompressedSize64; c*10 > uint64(len(body)) {
		t.Errorf("document.xml compressed to %d of %d bytes: not compressed", c, len(body))
	}
}
