package pdf

import (
	"bytes"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"thidua/fonts"
)

// The patched fpdf (third_party/fpdf/PATCH.md) must write what the
// upstream calls would: a font parsed once (NewFontDef, AddFontDef) gives
// the bytes AddFontFromBytes gives, and OutputBytes the bytes of Output,
// also when documents made at once share the page buffers OutputBytes
// hands back.
func TestPatchedFpdfSameBytes(t *testing.T) {
	build := func(parsedOnce bool) *fpdf.Fpdf {
		p := fpdf.New("P", "pt", "A4", "")
		p.SetCompression(false)
		p.SetCatalogSort(true)
		p.SetCreationDate(Epoch)
		p.SetModificationDate(Epoch)
		p.AddPage()
		for e := range encs {
			for _, st := range fonts.Styles {
				if parsedOnce {
					addFont(p, e, st)
				} else {
					def, err := fontdata.ReadFile("fontdata/" + fonts.Family + "-" + st.Name() + "-" + []string{"b", "a"}[e] + ".json")
					if err != nil {
						t.Fatal(err)
					}
					z, err := fontdata.ReadFile("fontdata/" + fonts.Family + "-" + st.Name() + ".z")
					if err != nil {
						t.Fatal(err)
					}
					p.AddFontFromBytes(encs[e].family, fpdfStyle(st), def, z)
				}
				p.SetFont(encs[e].family, fpdfStyle(st), 13)
				p.SetWordSpacing(1.25)
				p.Text(56.7, 100+float64(st)*20, "Cong hoa (xa hoi) \\ chu nghia\r")
			}
		}
		p.SetLineWidth(0.5)
		p.Line(10, 10, 200, 10)
		return p
	}
	var upstream bytes.Buffer
	if err := build(false).Output(&upstream); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 4 {
				patched, err := build(true).OutputBytes()
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(upstream.Bytes(), patched) {
					t.Errorf("AddFontDef + OutputBytes: %d bytes, AddFontFromBytes + Output: %d bytes; they differ", len(patched), upstream.Len())
					return
				}
			}
		})
	}
	wg.Wait()
	patched, _ := build(true).OutputBytes()
	for _, want := range []string{"BT 56.70 741.89 Td (Cong hoa \\(xa hoi\\) \\\\ chu nghia\\r) Tj ET", "1.25000 Tw", "/FirstChar 32 /LastChar 255"} {
		if !bytes.Contains(patched, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
