package fill

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thidua/internal/testkit"
)

// TestOutputsOpenInLibreOffice: LibreOffice opens every filled form and
// the text of its PDF shows the filled values.
func TestOutputsOpenInLibreOffice(t *testing.T) {
	testkit.Need(t, "soffice", "pdftotext")

	emptied := &docBuilder{split: true}
	emptied.p("Trước bảng").table([]string{"{{range .thanh_vien}}{{.ten}}", "{{end}}"}).p("Sau bảng")
	cases := []struct {
		name string
		form []byte
		data map[string]any
		want []string
	}{
		{"full", fullForm(true).bytes(), sampleRecord(), []string{"CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ", "ngày 14 tháng 3 năm 2023", "Trần Thắng", "Cụm trưởng: nghe-an", "- Làm tốt công tác cải cách hành chính.", "Ký hiệu: GƯTĐ-CTĐBTB - năm 2023", "Hội nghị ký kết năm 2023"}},
		{"rows50", memberTable(true), withMembers(50), []string{"50 đơn vị 50", "1 đơn vị 1", "Hết."}},
		{"rows0", memberTable(true), withMembers(0), []string{"Danh sách:", "STT Đơn vị", "Hết."}},
		{"emptied", emptied.bytes(), withMembers(0), []string{"Trước bảng", "Sau bảng"}},
		{"split", readFile(t, "testdata/libreoffice-split.docx"), sampleRecord(), []string{"Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương.", "Cụm trưởng: Ủy ban nhân dân tỉnh Nghệ An", "GƯTĐ-CTĐBTB"}},
		{"dang-ky", readFile(t, "../../samples/forms/dang-ky-giao-uoc.docx"), sampleRecord(), []string{"BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM 2023", "Nguyễn Văn Phương", "Võ Văn Hưng", "CỤM TRƯỞNG"}},
		{"to-trinh", readFile(t, "../../samples/forms/to-trinh.docx"), sampleRecord(), []string{"TỜ TRÌNH", "Nghệ An, ngày 14 tháng 3 năm 2023", "- tỉnh Quảng Trị;", "6 đơn vị thành viên"}},
	}
	dir := t.TempDir()
	var files []string
	for _, c := range cases {
		out, err := mustParse(t, c.form).Execute(c.data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		docx := filepath.Join(dir, c.name+".docx")
		if err := os.WriteFile(docx, out, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, docx)
	}
	for i, pdf := range testkit.LibreOffice(t, dir, files...) {
		c := cases[i]
		flat := strings.Join(strings.Fields(testkit.Text(t, pdf, "-layout")), " ")
		for _, w := range c.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: PDF text lacks %q:\n%s", c.name, w, flat)
			}
		}
	}
}
