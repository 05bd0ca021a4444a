package render

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"thidua/internal/doc"
	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/testkit"
)

// The papers of a review session.
var sessionPapers = []string{"bao-cao", "bien-ban-hoi-nghi", "bien-ban-binh-xet"}

// dataAndTemplates computes a record's data and loads the built-in templates.
func dataAndTemplates(t *testing.T, rec *record.Record) (map[string]any, *forms.Set) {
	t.Helper()
	data, err := Data(rec)
	if err != nil {
		t.Fatal(err)
	}
	set, err := forms.LoadSet("")
	if err != nil {
		t.Fatal(err)
	}
	return data, set
}

// renderSample writes the session papers of a sample into dir as DOCX and
// PDF and returns the base names (without extension) by paper.
func renderSample(t *testing.T, sample, dir string) map[string]string {
	t.Helper()
	rec, err := record.Load(filepath.Join("..", "..", "samples", sample))
	if err != nil {
		t.Fatal(err)
	}
	data, set := dataAndTemplates(t, rec)
	tpls, err := set.Pick(strings.Join(sessionPapers, ","), data)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, tpl := range tpls {
		files, err := Paper(tpl, data, Formats)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			names[tpl.Name] = strings.TrimSuffix(f.Name, filepath.Ext(f.Name))
		}
	}
	return names
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count for %s", pdf)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pageText is pdftotext -layout of one page.
func pageText(t *testing.T, pdf string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// pageSize returns the width and height of a page, in points.
func pageSize(t *testing.T, pdf string, page int) (w, h float64) {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`size:\s+([\d.]+) x ([\d.]+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no page size for page %d of %s", page, pdf)
	}
	w, _ = strconv.ParseFloat(string(m[1]), 64)
	h, _ = strconv.ParseFloat(string(m[2]), 64)
	return w, h
}

// words is the sorted list of the words on a page.
func words(text string) []string {
	w := strings.Fields(text)
	slices.Sort(w)
	return w
}

// Every session paper of the three year-end samples: LibreOffice lays the
// DOCX out on as many pages as thidua's PDF, with the same words on each
// page; the Hải Phòng ranking reads in order with the right numbers; a
// table over two pages repeats its header; the scoring appendix is
// landscape; the minutes are signed by the secretary on the left and the
// chair on the right, names level.
func TestSessionPapers(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice conversion is slow; run without -short")
	}
	testkit.Need(t, "soffice", "pdftotext")
	dir := t.TempDir()
	samples := []string{"bac-trung-bo-tong-ket-2022.toml", "hai-phong-khoi-huyen-tong-ket-2023.toml", "hong-linh-tong-ket-2023.toml"}
	names := map[string]map[string]string{}
	var docx []string
	for _, s := range samples {
		sub := filepath.Join(dir, strings.TrimSuffix(s, ".toml"))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		names[s] = renderSample(t, s, sub)
		if len(names[s]) != len(sessionPapers) {
			t.Fatalf("%s: papers %v, want %v", s, names[s], sessionPapers)
		}
		for _, n := range names[s] {
			docx = append(docx, filepath.Join(sub, n+".docx"))
		}
	}
	lo := filepath.Join(dir, "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", lo}, docx...)
	if out, err := exec.CommandContext(ctx, "soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	pdf := func(s, paper string) (ours, theirs string) {
		n := names[s][paper]
		return filepath.Join(dir, strings.TrimSuffix(s, ".toml"), n+".pdf"), filepath.Join(lo, n+".pdf")
	}
	for _, s := range samples {
		for _, paper := range sessionPapers {
			ours, theirs := pdf(s, paper)
			n, m := pdfPages(t, ours), pdfPages(t, theirs)
			if n != m {
				t.Errorf("%s %s: thidua's PDF has %d pages, LibreOffice's %d", s, paper, n, m)
				continue
			}
			for p := 1; p <= n; p++ {
				a, b := words(pageText(t, ours, p)), words(pageText(t, theirs, p))
				if diff := cmp.Diff(b, a); diff != "" {
					t.Errorf("%s %s page %d: the words differ between thidua's PDF and LibreOffice's (-LibreOffice +thidua):\n%s", s, paper, p, diff)
				}
			}
		}
	}

	// Hải Phòng: the appendix ranks the eight districts, An Lão and Kiến
	// Thụy tied third, Tiên Lãng fifth; columns: STT, unit, self-assessed,
	// groups I-III, cluster total, bonus, penalty, total, rank, rating;
	// each column of scores with one number of decimals.
	{
		ours, theirs := pdf("hai-phong-khoi-huyen-tong-ket-2023.toml", "bao-cao")
		for _, file := range []string{ours, theirs} {
			last := pdfPages(t, file)
			if w, h := pageSize(t, file, last); w < h {
				t.Errorf("%s: the scoring appendix is %.0f x %.0f pt, want landscape", file, w, h)
			}
			text := pageText(t, file, last)
			rows := []string{
				`1 Vĩnh Bảo 99,00 \S+ \S+ \S+ 97,50 3,0 0,0 100,50 1 Xuất sắc`,
				`2 Thủy Nguyên 98,75 \S+ \S+ \S+ 97,25 2,5 0,0 99,75 2 Xuất sắc`,
				`3 An Lão 98,00 \S+ \S+ \S+ 95,75 1,5 0,0 97,25 3 Xuất sắc`,
				`4 Kiến Thụy 98,50 \S+ \S+ \S+ 96,25 1,0 0,0 97,25 3 Xuất sắc`,
				`5 Tiên Lãng 97,50 \S+ \S+ \S+ 95,00 0,5 0,0 95,50 5 Xuất sắc`,
				`6 An Dương 98,00 \S+ \S+ \S+ 95,50 0,0 0,5 95,00 6 Xuất sắc`,
				`7 Cát Hải 97,00 \S+ \S+ \S+ 94,25 0,0 0,0 94,25 7 Tốt`,
				`8 Bạch Long Vĩ 96,00 \S+ \S+ \S+ 92,50 0,5 0,0 93,00 8 Tốt`,
			}
			at := -1
			for _, r := range rows {
				re := regexp.MustCompile(`(?m)^\s*` + strings.ReplaceAll(r, " ", `\s+`) + `\s*$`)
				loc := re.FindStringIndex(text)
				if loc == nil {
					t.Errorf("%s: no row %q in the appendix:\n%s", filepath.Base(file), r, text)
					continue
				}
				if loc[0] < at {
					t.Errorf("%s: row %q out of order", filepath.Base(file), r)
				}
				at = loc[0]
			}
			for _, h := range []string{"Điểm", "Tự chấm", "Cụm chấm", "Thưởng", "Trừ", "Tổng", "Xếp hạng", "Xếp loại", "Cộng"} {
				if !strings.Contains(text, h) {
					t.Errorf("%s: the appendix header lacks %q", filepath.Base(file), h)
				}
			}
		}
	}

	// Hải Phòng: the indicators table runs over two pages, and the
	// second starts with the header again, above its first row's verdict.
	ours, theirs := pdf("hai-phong-khoi-huyen-tong-ket-2023.toml", "bao-cao")
	for _, file := range []string{ours, theirs} {
		var pages []int
		for p := 1; p <= pdfPages(t, file); p++ {
			if strings.Contains(pageText(t, file, p), "% kế hoạch năm") {
				pages = append(pages, p)
			}
		}
		if len(pages) < 2 {
			t.Errorf("%s: the indicators table's header is on pages %v, want two", filepath.Base(file), pages)
			continue
		}
		for _, p := range pages {
			// The header cells wrap; each of their words is above the
			// page's first row.
			text := pageText(t, file, p)
			first := strings.Index(text, "Vượt")
			for _, h := range []string{"STT", "Chỉ tiêu", "Kế", "hoạch", "Thực", "hiện", "% kế hoạch năm", "Đánh giá"} {
				if i := strings.Index(text, h); i < 0 || first < 0 || i > first {
					t.Errorf("%s page %d: the indicators table's header lacks %q above its first row", filepath.Base(file), p, h)
				}
			}
		}
	}

	// The minutes: THƯ KÝ left and CHỦ TỌA right on one line, the names
	// under them level.
	for _, s := range samples {
		ours, theirs := pdf(s, "bien-ban-hoi-nghi")
		for _, file := range []string{ours, theirs} {
			text := pageText(t, file, pdfPages(t, file))
			if !regexp.MustCompile(`(?m)^\s*THƯ KÝ\s{10,}CHỦ TỌA\s*$`).MatchString(text) {
				t.Errorf("%s: no line with THƯ KÝ on the left and CHỦ TỌA on the right:\n%s", filepath.Base(file), text)
			}
		}
	}
	hl, _ := pdf("hong-linh-tong-ket-2023.toml", "bien-ban-hoi-nghi")
	if !regexp.MustCompile(`(?m)^\s*\(Họ và tên\)\s{10,}Nguyễn Huy Hùng\s*$`).MatchString(pageText(t, hl, pdfPages(t, hl))) {
		t.Error("Hồng Lĩnh minutes: the secretary's and the chair's names are not on one line")
	}
}

// A mid-year record gets a "sơ kết" report of the first six months with
// tasks for the last six.
func TestMidYearReport(t *testing.T) {
	src, err := os.ReadFile("../tally/testdata/phien.toml")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := record.Parse("phien.toml", []byte(strings.Replace(string(src), `loai = "tong-ket"`, `loai = "so-ket"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	data, set := dataAndTemplates(t, rec)
	tpl, _ := set.Get("bao-cao")
	d, err := tpl.Build(data)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(paragraphs(d), "\n")
	for _, want := range []string{
		"Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023",
		"báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023 như sau:",
		"I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA 6 THÁNG ĐẦU NĂM 2023",
		"III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023",
		"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA 6 THÁNG ĐẦU NĂM 2023",
		"(Kèm theo Báo cáo số 12/BC-CTĐTN ngày 15 tháng 01 năm 2024 của Cụm thi đua thử nghiệm)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the mid-year report lacks %q", want)
		}
	}
	name, _ := tpl.FileName(data)
	if name != "bao-cao-sơ kết-Cụm thi đua thử nghiệm-2023" {
		t.Errorf("file name %q", name)
	}
}

// paragraphs lists the text of every paragraph of a document, cells included.
func paragraphs(d *doc.Document) []string {
	var out []string
	for _, p := range d.Paragraphs() {
		out = append(out, p.Text())
	}
	return out
}

// A danh sách of a khối of agencies: its header breaks between words
// ("Số phiếu / đồng ý"), never inside one ("Số phiếu đồng / ý"), and the
// issuer in the header keeps "cơ quan", "nhà nước" whole.
func TestHeaderWordsWhole(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("testdata", "khoi-co-quan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := paperPDF(t, rec, "danh-sach")
	// pdftotext without -layout reads a cell's lines one after another
	out := testkit.Text(t, pdf)
	lines := strings.Split(string(out), "\n")
	for i, l := range lines[:len(lines)-1] {
		for _, w := range []string{"đồng", "Hình", "Tiền", "khen", "tập"} {
			if strings.HasSuffix(strings.TrimSpace(l), " "+w) || strings.TrimSpace(l) == w {
				t.Errorf("a header line ends inside a word: %q / %q", l, lines[i+1])
			}
		}
	}
	if !strings.Contains(string(out), "đồng ý") {
		t.Errorf("no \"đồng ý\" in the danh sách:\n%s", out)
	}
}

// The giao ước of a khối of agencies: each head's position reads with its
// unit once ("Trưởng Ban Dân tộc tỉnh Bình An", not "Trưởng ban Ban Dân
// tộc"), and a year-end session signs next year's pledge in the year the
// record gives (giao_uoc.nam), in the summary and the body alike.
func TestAgencyPledge(t *testing.T) {
	testkit.Need(t, "pdftotext")
	src, err := os.ReadFile(filepath.Join("testdata", "khoi-co-quan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := record.Parse("khoi-co-quan.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	pdf := paperPDF(t, rec, "giao-uoc")
	out := testkit.Text(t, pdf)
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"đồng chí Hà Văn Sinh, Trưởng Ban Dân tộc tỉnh Bình An;",
		"đồng chí Lò Thị Mai, Chánh Thanh tra tỉnh Bình An;",
		"đồng chí Phạm Quốc Tuấn, Chánh Văn phòng Ủy ban nhân dân tỉnh Bình An;",
		"Phó Trưởng Ban Quản lý các khu công nghiệp tỉnh Bình An;",
		"Năm 2026",
		"ký kết giao ước thi đua năm 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the giao ước lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Trưởng ban Ban", "Thanh tra Thanh tra", "Văn phòng Văn phòng", "năm 2025 với"} {
		if strings.Contains(text, bad) {
			t.Errorf("the giao ước reads %q", bad)
		}
	}
	// Without nam, the summary's year contradicts the body's: refused,
	// with the position of the summary.
	_, err = record.Parse("k.toml", []byte(strings.Replace(string(src), "\nnam = 2026\n", "\n", 1)))
	if err == nil || !strings.Contains(err.Error(), "giao_uoc.trich_yeu: trích yếu ghi năm 2026 nhưng giao ước là của năm 2025") ||
		!regexp.MustCompile(`k\.toml:\d+:\d+: giao_uoc\.trich_yeu`).MatchString(err.Error()) {
		t.Errorf("a summary naming 2026 over a 2025 pledge: %v", err)
	}
}

// paperPDF renders one paper of a record (the first, for a paper made per
// item) as PDF into a temporary file and returns its path.
func paperPDF(t *testing.T, rec *record.Record, paper string) string {
	t.Helper()
	data, set := dataAndTemplates(t, rec)
	tpl, _ := set.Get(paper)
	files, err := Paper(tpl, data, []string{"pdf"})
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), paper+".pdf")
	if err := os.WriteFile(pdf, files[0].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// pdfText renders one paper of a record as PDF and returns its words
// (pdftotext, blanks collapsed).
func pdfText(t *testing.T, rec *record.Record, paper string) string {
	t.Helper()
	data, set := dataAndTemplates(t, rec)
	tpl, _ := set.Get(paper)
	var files []File
	for _, item := range tpl.Each(data) {
		fs, err := Paper(tpl, item, []string{"pdf"})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	var all []string
	for i, f := range files {
		pdf := filepath.Join(t.TempDir(), strconv.Itoa(i)+".pdf")
		if err := os.WriteFile(pdf, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		all = append(all, strings.Fields(testkit.Text(t, pdf))...)
	}
	return strings.Join(all, " ")
}

// The prize money's date is written as the decree writes dates (ngày 22
// tháng 12 năm 2025), never 22/12/2025, in the tờ trình and the bảng tổng
// hợp; the money is the coefficient times the base salary, rounded up.
func TestAwardDatesInWords(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("testdata", "khoi-co-quan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, paper := range []string{"to-trinh", "tong-hop-tien-thuong"} {
		text := pdfText(t, rec, paper)
		if !strings.Contains(text, "áp dụng vào ngày 22 tháng 12 năm 2025") || strings.Contains(text, "22/12/2025") {
			t.Errorf("%s: the decision date is not written in words:\n%s", paper, text)
		}
	}
	text := pdfText(t, rec, "tong-hop-tien-thuong")
	// 8,0 x 2.340.000 = 18.720.000; 0,3 x 2.340.000 = 702.000 -> 710.000
	for _, want := range []string{"18.720.000", "710.000", "32.300.000 đồng (Bằng chữ: Ba mươi hai triệu ba trăm nghìn đồng)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the bảng tổng hợp lacks %q:\n%s", want, text)
		}
	}
}

// The Hồng Lĩnh minutes: the chair, presented with his positions among
// the session's chủ trì, is named once more under "Chủ trì (chủ tọa)"
// without repeating them; a guest's body that his position already names
// is not said twice ("Bí thư Thị ủy Hồng Lĩnh").
func TestMinutesSayPositionsOnce(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("..", "..", "samples", "hong-linh-tong-ket-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, rec, "bien-ban-hoi-nghi")
	for _, want := range []string{
		"Chủ trì (chủ tọa): đồng chí Nguyễn Huy Hùng. Thư ký",
		"đồng chí Lê Thành Đông, Tỉnh ủy viên, Bí thư Thị ủy Hồng Lĩnh;",
		"Chủ tịch Hội đồng nhân dân thị xã Hồng Lĩnh;",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the minutes lack %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Thị ủy, Thị ủy", "thị xã, Hội đồng nhân dân thị xã"} {
		if strings.Contains(text, bad) {
			t.Errorf("the minutes read %q", bad)
		}
	}
	if n := strings.Count(text, "Chủ tịch Hội đồng Thi đua - Khen thưởng thị xã"); n != 2 { // in Thành phần and in the conclusion
		t.Errorf("the chair's positions appear %d times, want 2", n)
	}
}

// Thirteen agencies sign the giao ước: each block says which unit it
// signs for (a joint paper's "GIÁM ĐỐC SỞ TÀI CHÍNH"), thirteen names
// under thirteen titles, the odd last one alone in the middle.
func TestAgencySignatures(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("testdata", "khoi-co-quan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := paperPDF(t, rec, "giao-uoc")
	var lines []string
	for _, p := range testkit.Pages(t, pdf) {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	// the blocks' text, column by column: segments of a line
	var cells []string
	for _, l := range lines {
		for _, s := range segments(l) {
			cells = append(cells, s.text)
		}
	}
	all := strings.Join(cells, " | ")
	for _, want := range []string{
		"GIÁM ĐỐC SỞ TÀI CHÍNH", "TRƯỞNG BAN DÂN TỘC", "CHÁNH THANH TRA", "CHÁNH VĂN PHÒNG",
		"TM. HỘI ĐỒNG THÀNH VIÊN", "KT. TRƯỞNG BAN QUẢN LÝ", "PHÓ TRƯỞNG BAN", "HIỆU TRƯỞNG",
		"TRƯỜNG ĐẠI HỌC BÌNH AN", "GIÁM ĐỐC SỞ GIÁO DỤC",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the signatures lack %q:\n%s", want, all)
		}
	}
	if n := strings.Count(all, "TỈNH BÌNH AN"); n < 9 {
		t.Errorf("%d blocks name the province's unit, want every agency's: %s", n, all)
	}
	for _, m := range rec.Members {
		if !slices.Contains(cells, m.Head.Name) {
			t.Errorf("no signature of %s", m.Head.Name)
		}
	}
}

// The giao ước of a khối of a ministry's departments: the signature
// blocks and the header break between the head's title and the unit, and
// between the words of the unit's name, never inside one ("CỤC TRỒNG /
// TRỌT", "TRƯỜNG CÁN / BỘ", "TỔNG / CỤC") nor after "CÁC", "VÀ" or a
// department's word left without its name ("TỔNG BIÊN TẬP BÁO").
func TestMinistryPledgeBreaks(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("testdata", "khoi-bo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := paperPDF(t, rec, "giao-uoc")
	out := testkit.Text(t, pdf, "-layout")
	for _, l := range strings.Split(out, "\n") {
		// the two columns of a line of signatures, or of the header
		for _, col := range regexp.MustCompile(`\s{3,}`).Split(strings.TrimSpace(l), -1) {
			for _, w := range []string{"CÁC", "VÀ", "TRỒNG", "THIẾT", "TỔNG", "CÁN", "BÁO", "HIỆU TRƯỞNG TRƯỜNG", "VIỆN", "CỤC", "THỰC", "KHÍ"} {
				if strings.HasSuffix(col, " "+w) {
					t.Errorf("a line ends inside a name: %q", col)
				}
			}
		}
	}
	for _, want := range []string{"CỤC TRỒNG TRỌT", "TRƯỜNG CÁN BỘ", "BÁO NÔNG NGHIỆP", "VIỆN QUY HOẠCH", "KHỐI THI ĐUA"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the giao ước:\n%s", want, out)
		}
	}
}

// The danh sách of a cluster of hospitals and schools: a person's name is
// never parted between the lines of its cell ("Đinh Công / Sơn"), a
// collective's long name still wraps, and the total is in words.
func TestNomineeNamesWhole(t *testing.T) {
	testkit.Need(t, "pdftotext")
	rec, err := record.Load(filepath.Join("testdata", "benh-vien-khen-thuong.toml"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := paperPDF(t, rec, "danh-sach")
	out := testkit.Text(t, pdf, "-layout")
	for _, n := range rec.Nominees {
		if n.Kind == "ca-nhan" && !strings.Contains(out, n.Name) {
			t.Errorf("%q is not whole on a line of the danh sách:\n%s", n.Name, out)
		}
	}
	if !strings.Contains(out, "10.070.000") || !strings.Contains(out, "Mười triệu không trăm bảy mươi nghìn đồng") {
		t.Errorf("the total is wrong:\n%s", out)
	}
}
