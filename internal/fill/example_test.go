package fill_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"thidua/internal/fill"
	"thidua/internal/view"
)

// Filling one copy of a form per member, as a batch does: the form is
// parsed once and executed for each member.
func ExampleForm_Execute() {
	form, err := os.ReadFile("../../samples/forms/dang-ky-giao-uoc.docx")
	if err != nil {
		panic(err)
	}
	f, err := fill.Parse(form, fill.Options{Funcs: view.Funcs()})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, id := range []string{"nghe-an", "ha-tinh"} {
		out, err := f.Execute(map[string]any{
			"cum": map[string]any{"ten": "Cụm thi đua các tỉnh Bắc Trung Bộ", "co_quan_chu_quan": "Hội đồng Thi đua - Khen thưởng Trung ương",
				"nam": int64(2023), "cum_truong": id},
			"thanh_vien": []map[string]any{
				{"id": "nghe-an", "ten": "Ủy ban nhân dân tỉnh Nghệ An", "thu_truong": map[string]any{"ho_ten": "Nguyễn Đức Trung", "chuc_vu": "Chủ tịch"}},
				{"id": "ha-tinh", "ten": "Ủy ban nhân dân tỉnh Hà Tĩnh", "thu_truong": map[string]any{"ho_ten": "Võ Trọng Hải", "chuc_vu": "Chủ tịch"}},
			},
			"phien":    map[string]any{"ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), "dia_diem": "Thành phố Vinh, tỉnh Nghệ An"},
			"giao_uoc": map[string]any{"so": int64(0), "ky_hieu": "GƯTĐ-CTĐBTB", "dia_danh": "Nghệ An", "noi_dung": []string{"Hoàn thành các chỉ tiêu."}},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		text := documentText(out)
		fmt.Println(text[strings.LastIndex(text, "CỤM TRƯỞNG"):])
	}
	// Output:
	// CỤM TRƯỞNG Nguyễn Đức Trung
	// CỤM TRƯỞNG Võ Trọng Hải
}

// documentText is the body's text, paragraphs joined by spaces.
func documentText(docx []byte) string {
	zr, _ := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			s := regexp.MustCompile(`</w:p>`).ReplaceAllString(string(b), " ")
			s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return ""
}
