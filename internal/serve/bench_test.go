package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// The 8-signer pledge: the preview the issue bounds.
const benchRecord = "../../samples/hai-phong-khoi-huyen-2024.toml"

func benchServer(b *testing.B) (*Server, string) {
	src, err := os.ReadFile(benchRecord)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Dir: b.TempDir(), Addr: addr})
	if err != nil {
		b.Fatal(err)
	}
	return s, string(src)
}

func benchPost(b *testing.B, s *Server, url string, body any) *httptest.ResponseRecorder {
	data, _ := json.Marshal(body)
	r := httptest.NewRequest("POST", url, bytes.NewReader(data))
	r.Host = addr
	r.Header.Set("X-Thidua-Token", s.Token())
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", url, w.Code, w.Body.String())
	}
	return w
}

// BenchmarkEdit is the server's side of one change in the form: edit
// the text, check it, compute what check shows.
func BenchmarkEdit(b *testing.B) {
	s, src := benchServer(b)
	for i := 0; b.Loop(); i++ {
		benchPost(b, s, "/api/sua", map[string]any{"noi_dung": src, "thay_doi": []change{
			{Op: "dat", Path: "thanh_vien[3].thu_truong.ho_ten", Value: "Nguyễn Văn " + string(rune('A'+i%26))}}})
	}
}

// BenchmarkChange is the server's whole side of a change in the form
// while the preview shows the pledge: edit, check, and the new PDF.
func BenchmarkChange(b *testing.B) {
	s, src := benchServer(b)
	for i := 0; b.Loop(); i++ {
		w := benchPost(b, s, "/api/sua", map[string]any{"noi_dung": src, "giay": "giao-uoc", "thay_doi": []change{
			{Op: "dat", Path: "thanh_vien[3].thu_truong.ho_ten", Value: "Nguyễn Văn " + string(rune('A'+i%26))}}})
		if !strings.Contains(w.Body.String(), `"pdf":"JVBER`) { // %PDF in base64
			b.Fatal("no PDF in the answer")
		}
	}
}

// BenchmarkPreview is the server's side of the preview: the PDF of the
// 8-signer pledge from the page's text.
func BenchmarkPreview(b *testing.B) {
	s, src := benchServer(b)
	for b.Loop() {
		w := benchPost(b, s, "/api/giay", paperRequest{Text: src, Paper: "giao-uoc", Format: "pdf"})
		if !strings.HasPrefix(w.Body.String(), "%PDF") {
			b.Fatal("not a PDF")
		}
	}
}

// BenchmarkStart is what the server does before it can answer: the
// templates, the catalogue, the page.
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if _, err := New(Config{Dir: dir, Addr: addr}); err != nil {
			b.Fatal(err)
		}
	}
}
