package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"thidua/internal/testkit"
)

// The mid-year sample and edits of it, through the CLI (issue 10): the
// figures at three levels, verdicts that depend on the period, attendance
// by unit, per-paper requirements, refused ambiguities, one count
// convention.

const midYearSample = "an-binh-so-ket-6-thang-2025.toml"

// midYearRecord writes the mid-year sample, with each old string replaced
// by the new one that follows it, to a fresh folder.
func midYearRecord(t *testing.T, edits ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", midYearSample))
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(src, edits[i]) {
			t.Fatalf("%q not in the sample", edits[i])
		}
		src = strings.Replace(src, edits[i], edits[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "r.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// renderText renders a record's papers (extra args: --giay ...) and returns
// the flattened PDF text of the one whose name starts with paper.
func renderText(t *testing.T, path, paper string, args ...string) string {
	t.Helper()
	out := filepath.Join(filepath.Dir(path), "ra")
	code, _, errOut := cli(t, append([]string{"render", path, "-o", out, "--dinh-dang", "pdf"}, args...)...)
	if code != exitOK {
		t.Fatalf("render: exit %d\n%s", code, errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(out, paper+"*.pdf"))
	if len(matches) != 1 {
		t.Fatalf("papers %v for %s", matches, paper)
	}
	return strings.Join(strings.Fields(testkit.Text(t, matches[0], "-layout")), " ")
}

// renderError renders a record that must be refused and returns its errors.
func renderError(t *testing.T, path string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "ra")
	code, _, errOut := cli(t, append([]string{"render", path, "-o", out}, args...)...)
	if code != exitInput {
		t.Fatalf("render: exit %d, want %d\n%s", code, exitInput, errOut)
	}
	if files, _ := os.ReadDir(out); len(files) > 0 {
		t.Errorf("a refused record wrote %d files", len(files))
	}
	return strings.ReplaceAll(errOut, filepath.Dir(path)+string(os.PathSeparator), "")
}

// pos returns "r.toml:line:col:" for the first character of at, found
// right after before in the record at path.
func pos(t *testing.T, path, before, at string) string {
	t.Helper()
	data, _ := os.ReadFile(path)
	src := string(data)
	i := strings.Index(src, before+at)
	if i < 0 {
		t.Fatalf("%q not in the record", before+at)
	}
	i += len(before)
	line := strings.Count(src[:i], "\n") + 1
	col := utf8.RuneCountInString(src[strings.LastIndex(src[:i], "\n")+1:i]) + 1
	return fmt.Sprintf("r.toml:%d:%d:", line, col)
}

func contains(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func lacks(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s has %q:\n%s", what, w, text)
		}
	}
}

// 1. Members' values without plans add up to a "Cộng" row in the report,
// and check --json carries the same figures.
func TestMidYearComputedTotal(t *testing.T) {
	testkit.Need(t, "pdftotext")
	path := midYearRecord(t)
	text := renderText(t, path, "bao-cao")
	// 4.120 + 3.275,5 + 2.890 + 2.410,25 + 1.985 = 14.680,75 against
	// 3.850 + 3.410 + 2.600 + 2.290 + 1.870 = 14.020: +4,71%.
	contains(t, "the report", text,
		"Thu ngân sách trên địa bàn (triệu đồng)",
		"2.410,25 2.290,00 105,25",
		// One precision per indicator: 4.120 beside 3.275,5 and 2.410,25.
		"4.120,00 3.850,00 107,01", "3.275,50 3.410,00 96,06",
		"Cộng 14.680,75 14.020,00 104,71",
		"Thu ngân sách trên địa bàn: tổng các đơn vị đạt 14.680,75 triệu đồng, tăng 4,71% so với cùng kỳ")

	code, out, errOut := cli(t, "check", "--json", path)
	if code != exitOK {
		t.Fatalf("check: exit %d\n%s", code, errOut)
	}
	var res struct {
		Indicators []struct {
			Name string `json:"ten"`
			Rows []struct {
				Result float64 `json:"thuc_hien"`
			} `json:"thanh_vien"`
			Total *struct {
				Name   string   `json:"don_vi"`
				Stated bool     `json:"so_lieu_chung"`
				Plan   *float64 `json:"ke_hoach"`
				Result float64  `json:"thuc_hien"`
				Same   float64  `json:"cung_ky"`
				OfPlan *float64 `json:"ty_le_ke_hoach"`
				OfSame float64  `json:"ty_le_cung_ky"`
				Change float64  `json:"tang_giam"`
				Status string   `json:"danh_gia"`
				Words  string   `json:"nhan_xet"`
			} `json:"toan_cum"`
		} `json:"chi_tieu"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res.Indicators) != 3 {
		t.Fatalf("%d indicators, want 3", len(res.Indicators))
	}
	g := res.Indicators[1]
	tot := g.Total
	if g.Name != "Thu ngân sách trên địa bàn" || len(g.Rows) != 5 || tot == nil || tot.Name != "Cộng" || tot.Stated ||
		tot.Result != 14680.75 || tot.Same != 14020 || tot.OfSame != 104.71 || tot.Change != 4.71 || tot.Plan != nil || tot.OfPlan != nil || tot.Status != "" {
		t.Errorf("JSON total: %+v", tot)
	}
	// The stated cluster figure with its plan: the same words as the paper.
	if c := res.Indicators[0].Total; c == nil || !c.Stated || c.Name != "Toàn cụm" || *c.Plan != 1850 || *c.OfPlan != 43.31 ||
		c.Words != "đạt 43,31% kế hoạch năm, tăng 8,20% so với cùng kỳ" {
		t.Errorf("JSON cluster figure: %+v", c)
	}
}

// 1. Figures that cannot add up are refused at their place, with both
// figures when a stated total disagrees with the members' sum.
func TestMidYearFiguresRefused(t *testing.T) {
	path := midYearRecord(t,
		"thanh_vien = \"an-thinh\"\nten = \"Thu ngân sách trên địa bàn\"\ndon_vi_tinh = \"triệu đồng\"",
		"thanh_vien = \"an-thinh\"\nten = \"Thu ngân sách trên địa bàn\"\ndon_vi_tinh = \"tỷ đồng\"")
	contains(t, "the errors", renderError(t, path),
		pos(t, path, "thanh_vien = \"an-thinh\"\nten = \"Thu ngân sách trên địa bàn\"\ndon_vi_tinh = ", `"tỷ đồng"`)+` chi_tieu[5].don_vi_tinh: chỉ tiêu thứ 5: chỉ tiêu "Thu ngân sách trên địa bàn" tính bằng "tỷ đồng", khác đơn vị "triệu đồng" ở chỉ tiêu thứ 2; không cộng được số liệu khác đơn vị tính`,
		"Cách sửa:")

	path = midYearRecord(t, "# Thu ngân sách của từng xã", "[[chi_tieu]]\nten = \"Thu ngân sách trên địa bàn\"\ndon_vi_tinh = \"triệu đồng\"\nthuc_hien = 14700\n\n# Thu ngân sách của từng xã")
	contains(t, "the errors", renderError(t, path),
		pos(t, path, "thuc_hien = ", "14700")+" chi_tieu[2].thuc_hien: chỉ tiêu thứ 2 (Thu ngân sách trên địa bàn, toàn cụm): kết quả ghi 14.700 triệu đồng, nhưng cộng 5 thành viên được 14.680,75 triệu đồng")
}

// 2. An indicator needs only its result; the hint for a missing one shows
// the key and a placeholder, never a figure.
func TestMidYearResultOnly(t *testing.T) {
	path := midYearRecord(t, "ke_hoach = 1850\nthuc_hien = 801.2\ncung_ky = 740.5", "")
	errs := renderError(t, path)
	contains(t, "the errors", errs, "chi_tieu[1].thuc_hien: chỉ tiêu thứ 1: thiếu kết quả thực hiện (khóa thuc_hien)", "thêm thuc_hien = ... vào bảng [chi_tieu]")
	if regexp.MustCompile(`= ?[0-9]`).MatchString(errs) {
		t.Errorf("a hint suggests a figure:\n%s", errs)
	}
}

// 3. A cluster-wide figure with a plan at a mid-year review: progress in
// words, no verdict; a period target gives one.
func TestMidYearProgressNotFailure(t *testing.T) {
	testkit.Need(t, "pdftotext")
	// Without the period targets, nothing in the record is judged.
	path := midYearRecord(t, "chi_tieu_ky = 150\n", "", "chi_tieu_ky = 125\n", "")
	text := renderText(t, path, "bao-cao")
	contains(t, "the report", text, "Tổng giá trị sản xuất: toàn cụm đạt 801,2 tỷ đồng, đạt 43,31% kế hoạch năm, tăng 8,20% so với cùng kỳ",
		"Toàn cụm 1.850,0 801,2 43,31 740,5 108,20")
	lacks(t, "the report", text, "Chưa đạt", "chưa hoàn thành", "Đánh giá")
	_, out, _ := cli(t, "check", path)
	contains(t, "check", out, "Tổng giá trị sản xuất, Toàn cụm: đạt 43,31% kế hoạch năm, tăng 8,20% so với cùng kỳ.")
	lacks(t, "check", out, "Chưa đạt")

	// With them, the verdict is against the six months' target.
	text = renderText(t, midYearRecord(t), "bao-cao")
	contains(t, "the report", text, "250 125 118 47,20 94,40",
		"Xã An Lạc: chưa hoàn thành chỉ tiêu được đánh giá") // not "chỉ tiêu nào trong 01 chỉ tiêu"
}

// 4. Attendance by unit without names, a guest with title, co-chairs
// who both sign.
func TestMidYearAttendance(t *testing.T) {
	testkit.Need(t, "pdftotext")
	path := midYearRecord(t)
	text := renderText(t, path, "bien-ban-hoi-nghi")
	contains(t, "the minutes", text,
		"Khách mời: đồng chí Lê Văn C, Phó Trưởng phòng Nội vụ, Ủy ban nhân dân huyện An Bình;",
		// mid-sentence a short name's unit is lower case, as Nghị định 30/2020 writes it
		"Đại diện lãnh đạo 4/5 đơn vị thành viên cụm: xã An Hòa, xã An Lạc, xã An Phú, xã An Thịnh;",
		"Vắng mặt 01 đơn vị: xã An Tường (có lý do).",
		"THƯ KÝ CHỦ TỌA Phạm Thị D Nguyễn Văn A CHỦ TỌA Trần Thị B")

	// Named delegates print after their unit; one co-chair alone is refused.
	path = midYearRecord(t, "vang = [", `dai_bieu = [{ thanh_vien = "an-lac", ho_ten = "Hoàng Văn E", chuc_vu = "Phó Chủ tịch" }]
vang = [`)
	contains(t, "the minutes", renderText(t, path, "bien-ban-hoi-nghi"), "xã An Hòa, xã An Lạc (đồng chí Hoàng Văn E, Phó Chủ tịch), xã An Phú")
	path = midYearRecord(t, "[[phien.chu_tri]]\nho_ten = \"Trần Thị B\"", "[[phien.khach_moi]]\nho_ten = \"Trần Thị B\"")
	contains(t, "the errors", renderError(t, path), `bien_ban.chu_toa_ky: giấy bien-ban-hoi-nghi: chu_toa_ky = "dong-chu-tri" cần ít nhất 2 người chủ trì`)
}

// 5. Each paper asks for what it prints: members' heads only for the
// pledge, and the error names the paper.
func TestMidYearRequirementsPerPaper(t *testing.T) {
	pledge := `
[giao_uoc]
ky_hieu = "GƯTĐ-CTĐ2"
ngay = 2025-01-15
muc_dich = ["Thi đua hoàn thành nhiệm vụ năm 2025."]
noi_dung = ["Thực hiện thắng lợi các chỉ tiêu năm 2025."]
`
	path := midYearRecord(t, "[bao_cao]", pledge+"\n[bao_cao]")
	errs := renderError(t, path)
	contains(t, "the errors", errs,
		pos(t, path, "", "[[thanh_vien]]\nid = \"an-hoa\"")+" thanh_vien[1].thu_truong: giấy giao-uoc cần thu_truong (thủ trưởng đơn vị) của thành viên thứ 1 (Ủy ban nhân dân xã An Hòa)",
		"thanh_vien[5].thu_truong: giấy giao-uoc cần thu_truong",
		`Cách sửa: thêm bảng [thanh_vien.thu_truong] của thành viên thứ 5`)
	// The same record, asked only for the report, needs no heads.
	renderText(t, path, "bao-cao", "--giay", "bao-cao")
	// check asks for what every paper the record makes prints.
	code, _, errOut := cli(t, "check", path)
	if code != exitInput || !strings.Contains(errOut, "giấy giao-uoc cần thu_truong") {
		t.Errorf("check: exit %d\n%s", code, errOut)
	}

	// The place of the meeting only for the minutes.
	path = midYearRecord(t, "dia_diem = \"Hội trường Ủy ban nhân dân xã An Hòa\"\n", "")
	renderText(t, path, "bao-cao", "--giay", "bao-cao")
	contains(t, "the errors", renderError(t, path), pos(t, path, "", "[phien]")+" phien.dia_diem: giấy bien-ban-hoi-nghi cần dia_diem (địa điểm họp)")

	// Without a signer for the report, the error names the report.
	path = midYearRecord(t, `nguoi_ky = { ho_ten = "Nguyễn Văn A", chuc_vu = "Chủ tịch Ủy ban nhân dân xã An Hòa", tham_quyen = ["TM. Cụm thi đua số 2", "Cụm trưởng"] }`+"\n", "")
	contains(t, "the errors", renderError(t, path),
		pos(t, path, "", "[[thanh_vien]]\nid = \"an-hoa\"")+" thanh_vien[1]: giấy bao-cao cần người ký: bảng [bao_cao] không ghi nguoi_ky, và cụm trưởng Xã An Hòa chưa có thu_truong")
}

// 6. Silent ambiguities refused: two members with one short name, a
// pledge on a review record without its own signing date.
func TestMidYearAmbiguities(t *testing.T) {
	testkit.Need(t, "pdftotext")
	path := midYearRecord(t, `ten_ngan = "Xã An Phú"`, `ten_ngan = "Xã An Lạc"`)
	contains(t, "the errors", renderError(t, path),
		pos(t, path, "ten_ngan = ", "\"Xã An Lạc\"\n\n[[thanh_vien]]\nid = \"an-thinh\"")+` thanh_vien[3].ten_ngan: thành viên thứ 3: tên ngắn "Xã An Lạc" trùng với thành viên thứ 2`)

	heads := strings.NewReplacer(`dia_danh = "An Hòa"`, `dia_danh = "An Hòa"`+"\nthu_truong = { ho_ten = \"Nguyễn Văn A\", chuc_vu = \"Chủ tịch\" }",
		`dia_danh = "An Lạc"`, `dia_danh = "An Lạc"`+"\nthu_truong = { ho_ten = \"Trần Thị B\", chuc_vu = \"Chủ tịch\" }")
	pledge := "\n[giao_uoc]\nky_hieu = \"GƯTĐ-CTĐ2\"\nmuc_dich = [\"Thi đua.\"]\nnoi_dung = [\"Hoàn thành nhiệm vụ.\"]\n"
	data, _ := os.ReadFile(filepath.Join("..", "..", "samples", midYearSample))
	src := heads.Replace(string(data))
	src = src[:strings.Index(src, "[[thanh_vien]]\nid = \"an-phu\"")] + src[strings.Index(src, "[phien]"):]
	src = strings.Replace(src, "[bao_cao]", pledge+"\n[bao_cao]", 1)
	src = strings.Replace(src, `vang = [{ thanh_vien = "an-tuong", ly_do = "có lý do" }]`, "", 1)
	for _, id := range []string{"an-phu", "an-thinh", "an-tuong"} {
		for strings.Contains(src, `thanh_vien = "`+id+`"`) {
			i := strings.Index(src, `[[chi_tieu]]`+"\n"+`thanh_vien = "`+id+`"`)
			j := i + strings.Index(src[i:], "\n\n")
			src = src[:i] + src[j+2:]
		}
	}
	path = filepath.Join(t.TempDir(), "r.toml")
	os.WriteFile(path, []byte(src), 0o644)
	contains(t, "the errors", renderError(t, path, "--giay", "giao-uoc"),
		"giao_uoc.ngay: giấy giao-uoc cần ngay (ngày ký giao ước)",
		"phiên họp này không phải phiên ký kết nên ngày họp không phải ngày ký giao ước")
	os.WriteFile(path, []byte(strings.Replace(src, "ky_hieu = \"GƯTĐ-CTĐ2\"", "ky_hieu = \"GƯTĐ-CTĐ2\"\nngay = 2025-01-15", 1)), 0o644)
	text := renderText(t, path, "giao-uoc", "--giay", "giao-uoc")
	contains(t, "the pledge", text, "Hôm nay, ngày 15 tháng 01 năm 2025, các đơn vị thành viên")
	lacks(t, "the pledge", text, "10 tháng 7")
	// 7. Counts standing alone keep the leading zero.
	contains(t, "the pledge", text, "lập thành 03 bản có giá trị như nhau; mỗi đơn vị thành viên giữ 01 bản")
}

// 7. One count convention: fractions without leading zeros, counts in
// prose with them, in every paper.
func TestMidYearCounts(t *testing.T) {
	testkit.Need(t, "pdftotext")
	path := midYearRecord(t)
	report := renderText(t, path, "bao-cao")
	contains(t, "the report", report, "Xã An Hòa: hoàn thành 1/1 chỉ tiêu, trong đó 01 chỉ tiêu vượt;")
	lacks(t, "the report", report, "01/01")
	minutes := renderText(t, path, "bien-ban-hoi-nghi")
	contains(t, "the minutes", minutes, "4/5 đơn vị thành viên", "Vắng mặt 01 đơn vị")
	lacks(t, "the minutes", minutes, "04/05")
}

// 5. batch asks each record for what its papers print, and still makes
// the other records' papers.
func TestMidYearBatchRequirements(t *testing.T) {
	good := midYearRecord(t)
	bad := midYearRecord(t, "[bao_cao]", "[giao_uoc]\nky_hieu = \"GƯTĐ-CTĐ2\"\nngay = 2025-01-15\nmuc_dich = [\"Thi đua.\"]\nnoi_dung = [\"Hoàn thành nhiệm vụ.\"]\n\n[bao_cao]")
	in := t.TempDir()
	for name, p := range map[string]string{"a.toml": good, "b.toml": bad} {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(in, name), data, 0o644)
	}
	out := filepath.Join(t.TempDir(), "ra")
	code, stdout, errOut := cli(t, "batch", in, "-o", out, "--dinh-dang", "pdf")
	errOut += stdout // the summary and the errors, wherever batch prints them
	if code != exitInput {
		t.Fatalf("batch: exit %d, want %d\n%s", code, exitInput, errOut)
	}
	contains(t, "batch errors", errOut, "b.toml:", "thanh_vien[5].thu_truong: giấy giao-uoc cần thu_truong")
	lacks(t, "batch errors", errOut, "a.toml:")
	if made, _ := filepath.Glob(filepath.Join(out, "a", "*.pdf")); len(made) != 2 {
		t.Errorf("the good record made %v", made)
	}
}
