package fill

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"thidua/internal/office"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLibreOfficeSplitForm fills a form saved by LibreOffice in which the
// tags were typed across formatting changes and a bookmark, so that each
// is split over several runs, with tags in a text box, header and footer.
func TestLibreOfficeSplitForm(t *testing.T) {
	out, err := mustParse(t, readFile(t, "testdata/libreoffice-split.docx")).Execute(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, out)
	sameLines(t, lines(t, parts["word/document.xml"]), []string{
		"Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương.",
		"Ngày: ngày 14 tháng 3 năm 2023; “giờ”: 08 giờ 00 phút",
		"Ký kết",
		"STT | Đơn vị | Thủ trưởng",
		"1 | tỉnh Thanh Hóa | Đỗ Minh Tuấn",
		"2 | tỉnh Nghệ An | Nguyễn Đức Trung",
		"3 | tỉnh Hà Tĩnh | Võ Trọng Hải",
		"4 | tỉnh Quảng Bình | Trần Thắng",
		"5 | tỉnh Quảng Trị | Võ Văn Hưng",
		"6 | tỉnh Thừa Thiên Huế | Nguyễn Văn Phương",
		"Cụm trưởng: Ủy ban nhân dân tỉnh Nghệ An",
		"Sau khung.",
		"+ Hoàn thành các chỉ tiêu kinh tế - xã hội.",
		"+ Làm tốt công tác cải cách hành chính.",
		"Hết.",
	})
	sameLines(t, lines(t, parts["word/header1.xml"]), []string{"CTĐBTB"})
	sameLines(t, lines(t, parts["word/footer1.xml"]), []string{"GƯTĐ-CTĐBTB"})
	// "{{.cum.co_" began in a bold run: the value is bold.
	if !strings.Contains(string(parts["word/document.xml"]), `<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Hội đồng Thi đua - Khen thưởng Trung ương</w:t>`) {
		t.Error("value lost the bold of the run its tag began in")
	}
}

// TestSampleForms fills the two sample forms from the sample record.
// (Their names keep their joints with no-break spaces, from khong_ngat:
// compared here as spaces.)
func TestSampleForms(t *testing.T) {
	spaces := func(lines []string) []string {
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
		}
		return lines
	}
	dk := spaces(fillLines(t, readFile(t, "../../samples/forms/dang-ky-giao-uoc.docx"), sampleRecord(), "word/document.xml"))
	sameLines(t, dk, []string{
		"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG / CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ /  |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / ",
		"Số:         /ĐKTĐ-CTĐBTB |  | Nghệ An, ngày 14 tháng 3 năm 2023",
		"",
		"BẢNG ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM 2023",
		"",
		"(Kèm theo Giao ước số 01/GƯTĐ-CTĐBTB)",
		"Thực hiện kế hoạch công tác thi đua, khen thưởng năm 2023 của Cụm thi đua các tỉnh Bắc Trung Bộ, các đơn vị thành viên đăng ký ký kết giao ước thi đua tại hội nghị ngày 14 tháng 3 năm 2023 (08 giờ 00 phút), tại Thành phố Vinh, tỉnh Nghệ An, gồm:",
		"STT | Tên đơn vị | Người đứng đầu | Chức vụ | Ký tên",
		"1 | Ủy ban nhân dân tỉnh Thanh Hóa | Đỗ Minh Tuấn | Chủ tịch | ",
		"2 | Ủy ban nhân dân tỉnh Nghệ An | Nguyễn Đức Trung | Chủ tịch | ",
		"3 | Ủy ban nhân dân tỉnh Hà Tĩnh | Võ Trọng Hải | Chủ tịch | ",
		"4 | Ủy ban nhân dân tỉnh Quảng Bình | Trần Thắng | Chủ tịch | ",
		"5 | Ủy ban nhân dân tỉnh Quảng Trị | Võ Văn Hưng | Chủ tịch | ",
		"6 | Ủy ban nhân dân tỉnh Thừa Thiên Huế | Nguyễn Văn Phương | Chủ tịch | ",
		"",
		"Các đơn vị thống nhất thi đua thực hiện các nội dung sau:",
		"1. Hoàn thành các chỉ tiêu kinh tế - xã hội.",
		"2. Làm tốt công tác cải cách hành chính.",
		" | TM. CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ / CỤM TRƯỞNG /  / Nguyễn Đức Trung",
		"",
	})
	tt := spaces(fillLines(t, readFile(t, "../../samples/forms/to-trinh.docx"), sampleRecord(), "word/document.xml"))
	sameLines(t, tt, []string{
		"ỦY BAN NHÂN DÂN TỈNH NGHỆ AN /  |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / ",
		"Số:         /TTr-UBND |  | Nghệ An, ngày 14 tháng 3 năm 2023",
		"",
		"TỜ TRÌNH",
		"Về việc ký kết giao ước thi đua năm 2023 của Cụm thi đua các tỉnh Bắc Trung Bộ",
		"",
		"Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương.",
		"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
		"Vào ngày 14 tháng 3 năm 2023 (08 giờ 00 phút), tại Thành phố Vinh, tỉnh Nghệ An, 6 đơn vị thành viên Cụm thi đua các tỉnh Bắc Trung Bộ đã tổ chức hội nghị ký kết giao ước thi đua năm 2023, do các đồng chí Nguyễn Đức Trung, Chủ tịch UBND tỉnh Nghệ An, Cụm trưởng; Võ Văn Hưng, Chủ tịch UBND tỉnh Quảng Trị, Cụm phó chủ trì.",
		"Các đơn vị ký kết:",
		"- Ủy ban nhân dân tỉnh Thanh Hóa, do đồng chí Đỗ Minh Tuấn, Chủ tịch, ký.",
		"- Ủy ban nhân dân tỉnh Nghệ An, do đồng chí Nguyễn Đức Trung, Chủ tịch, ký.",
		"- Ủy ban nhân dân tỉnh Hà Tĩnh, do đồng chí Võ Trọng Hải, Chủ tịch, ký.",
		"- Ủy ban nhân dân tỉnh Quảng Bình, do đồng chí Trần Thắng, Chủ tịch, ký.",
		"- Ủy ban nhân dân tỉnh Quảng Trị, do đồng chí Võ Văn Hưng, Chủ tịch, ký.",
		"- Ủy ban nhân dân tỉnh Thừa Thiên Huế, do đồng chí Nguyễn Văn Phương, Chủ tịch, ký.",
		"Ủy ban nhân dân tỉnh Nghệ An, Cụm trưởng, kính trình Hội đồng Thi đua - Khen thưởng Trung ương xem xét, ghi nhận./.",
		"Nơi nhận: / - Như trên; / - tỉnh Thanh Hóa; / - tỉnh Hà Tĩnh; / - tỉnh Quảng Bình; / - tỉnh Quảng Trị; / - tỉnh Thừa Thiên Huế; / - Lưu: VT. | TM. ỦY BAN NHÂN DÂN TỈNH NGHỆ AN / CHỦ TỊCH /  / Nguyễn Đức Trung",
		"",
	})
	// A record without a cluster head cannot fill them: the issuer and
	// the signer would print empty.
	noHead := sampleRecord()
	delete(noHead["cum"].(map[string]any), "cum_truong")
	noHead["cum"].(map[string]any)["cum_truong"] = ""
	for _, f := range []string{"dang-ky-giao-uoc", "to-trinh"} {
		_, err := mustParse(t, readFile(t, "../../samples/forms/"+f+".docx")).Execute(noHead)
		if err == nil || !strings.Contains(err.Error(), "cum.cum_truong") {
			t.Errorf("%s without a cluster head: %v, want an error naming cum.cum_truong", f, err)
		}
	}
}

// TestRegenerateForms rebuilds the LibreOffice-made test form from its flat
// ODF source in testdata/src (run with FILL_REGENERATE=1 after editing it).
func TestRegenerateForms(t *testing.T) {
	if os.Getenv("FILL_REGENERATE") != "1" {
		t.Skip("set FILL_REGENERATE=1 to rebuild testdata/*.docx with LibreOffice")
	}
	soffice, err := office.Find()
	if err != nil {
		t.Fatal(err)
	}
	head := readFile(t, "testdata/src/head.xml")
	dir := t.TempDir()
	// (the sample forms of samples/forms come from samples/forms/gen)
	for name, dest := range map[string]string{
		"libreoffice-split": "testdata",
	} {
		src := filepath.Join(dir, name+".fodt")
		if err := os.WriteFile(src, append(append([]byte(nil), head...), readFile(t, "testdata/src/"+name+".body.xml")...), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
			"--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, src)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if err := os.WriteFile(filepath.Join(dest, name+".docx"), readFile(t, filepath.Join(dir, name+".docx")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
