package pdf

import (
	"bytes"
	"os"
	"testing"

	"thidua/internal/doc"
)

func TestSmoke(t *testing.T) {
	body := &doc.Style{ID: "BodyText", Size: 14, Align: doc.Justify, FirstLine: doc.Mm(12.7), After: 6, Line: 17}
	s := &doc.Section{Numbered: true}
	for i := 0; i < 30; i++ {
		s.Blocks = append(s.Blocks, doc.NewParagraph(body,
			doc.Run{Text: "Cộng hòa xã hội chủ nghĩa Việt Nam: "},
			doc.Run{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true},
			doc.Run{Text: ". Các phong trào thi đua yêu nước của 6 tỉnh trong Cụm thi đua diễn ra sôi nổi, phong phú, thiết thực và hiệu quả “ngoặc” – 31.434,47 tỷ đồng; ", Italic: true},
			doc.Run{Text: "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ @ # $ № ≤ §", Bold: true, Italic: true}))
	}
	var buf bytes.Buffer
	if err := Write(&buf, &doc.Document{Title: "Thử", Sections: []*doc.Section{s}}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/pt/smoke.pdf", buf.Bytes(), 0o644)
}

func BenchmarkSmoke(b *testing.B) {
	body := &doc.Style{ID: "BodyText", Size: 14, Align: doc.Justify, FirstLine: doc.Mm(12.7), After: 6, Line: 17}
	s := &doc.Section{Numbered: true}
	for i := 0; i < 20; i++ {
		s.Blocks = append(s.Blocks, doc.NewParagraph(body,
			doc.Run{Text: "Cộng hòa xã hội chủ nghĩa Việt Nam: "},
			doc.Run{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true},
			doc.Run{Text: ". Các phong trào thi đua yêu nước của 6 tỉnh trong Cụm thi đua diễn ra sôi nổi, phong phú, thiết thực và hiệu quả “ngoặc” – 31.434,47 tỷ đồng; ", Italic: true}))
	}
	d := &doc.Document{Title: "Thử", Sections: []*doc.Section{s}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}
