package forms

import (
	"strings"
	"testing"
	"time"

	"thidua/internal/doc"
	"thidua/templates"
)

func sampleData() map[string]any {
	member := func(i int, ten, ho, cv string) map[string]any {
		return map[string]any{"stt": i, "id": "m", "ten": ten, "ten_ngan": ten,
			"thu_truong": map[string]any{"ho_ten": ho, "chuc_vu": cv, "tham_quyen": []string{"TM. " + ten}}}
	}
	return map[string]any{
		"cum": map[string]any{"ten": "Cụm thi đua các tỉnh Bắc Trung Bộ", "nam": int64(2023)},
		"thanh_vien": []map[string]any{
			member(1, "Ủy ban nhân dân tỉnh Thanh Hóa", "(Họ và tên)", "Chủ tịch"),
			member(2, "Công ty <A&B> *x* _y_ #1", "Nguyễn Đức Trung", "Chủ tịch"),
			member(3, "Ủy ban nhân dân tỉnh Quảng Trị", "Võ Văn Hưng", "Chủ tịch"),
		},
		"phien": map[string]any{"ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), "dia_diem": "thành phố Vinh, tỉnh Nghệ An"},
		"giao_uoc": map[string]any{
			"so": int64(1), "nam": int64(2023), "ky_hieu": "GƯTĐ-CTĐBTB", "ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), "dia_danh": "Nghệ An",
			"can_cu":   []string{"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 98/2023/NĐ-CP"},
			"muc_dich": []string{"Đẩy mạnh phong trào thi đua, *phấn đấu* hoàn thành xuất sắc các chỉ tiêu."},
			"noi_dung": []string{"Thi đua thực hiện **thắng lợi** các mục tiêu.", "Thi đua cải cách hành chính."},
			"so_ban":   int64(4), "noi_nhan": []string{"Ban Thi đua - Khen thưởng Trung ương"},
		},
	}
}

// The built-in giao ước over plain data: values print as written even
// when they hold Markdown characters, Markdown fields keep their emphasis,
// the frame carries the number, date and signers.
func TestGiaoUoc(t *testing.T) {
	tpl, err := Load(templates.FS, "giao-uoc")
	if err != nil {
		t.Fatal(err)
	}
	d, err := tpl.Build(sampleData())
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	bold := map[string]bool{}
	for _, p := range d.Paragraphs() {
		texts = append(texts, p.Text())
		for _, r := range p.Runs {
			if r.Bold && !p.Props.Bold {
				bold[r.Text] = true
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 01/GƯTĐ-CTĐBTB",
		"Nghệ An, ngày 14 tháng 3 năm 2023", "BẢN GIAO ƯỚC THI ĐUA", "Năm 2023",
		"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ Nghị định số 98/2023/NĐ-CP.",
		"- Công ty <A&B> *x* _y_ #1, đại diện là đồng chí Nguyễn Đức Trung",
		"2. Thi đua cải cách hành chính.", "được lập thành 04 bản",
		"TM. CÔNG TY <A&B> *X* _Y_ #1", "Võ Văn Hưng", "- Ban Thi đua - Khen thưởng Trung ương;", "- Lưu: VT.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("paper lacks %q", want)
		}
	}
	if !bold["thắng lợi"] {
		t.Errorf("**thắng lợi** in a Markdown field is not bold: %v", bold)
	}
	if strings.Contains(all, "**") || strings.Contains(all, "\\") {
		t.Errorf("Markdown markers or escapes leaked into the text")
	}
}

// A built paper owns its text: building other papers, which reuse the
// buffers templates are run into, leaves it as it was.
func TestBuiltPaperOwnsItsText(t *testing.T) {
	text := func(d interface{ Paragraphs() []*doc.Paragraph }) string {
		var b strings.Builder
		for _, p := range d.Paragraphs() {
			b.WriteString(p.Text())
			b.WriteByte('\n')
		}
		return b.String()
	}
	tpl, err := Load(templates.FS, "giao-uoc")
	if err != nil {
		t.Fatal(err)
	}
	data := sampleData()
	d, err := tpl.Build(data)
	if err != nil {
		t.Fatal(err)
	}
	want := text(d)
	// other words, in no more room (a buffer that had to grow would leave
	// the old bytes alone)
	data["cum"].(map[string]any)["ten"] = "Cụm khác"
	data["giao_uoc"].(map[string]any)["noi_dung"] = []string{"Khác hẳn."}
	for range 3 {
		if _, err := tpl.Build(data); err != nil {
			t.Fatal(err)
		}
	}
	if got := text(d); got != want {
		t.Errorf("the first paper's text changed after other builds")
	}
}

// Each built-in paper has a short name of its own, as the page of thidua
// serve writes it next to the fields the paper prints.
func TestShortNames(t *testing.T) {
	set, err := LoadSet("")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, n := range set.Names() {
		tpl, _ := set.Get(n)
		s := tpl.ShortName()
		if s == n || len([]rune(s)) > 60 || strings.ContainsAny(s, ":,()") {
			t.Errorf("%s: short name %q", n, s)
		}
		if other, ok := seen[s]; ok {
			t.Errorf("%s and %s are both %q", n, other, s)
		}
		seen[s] = n
	}
	for n, want := range map[string]string{"giao-uoc": "Bản giao ước thi đua", "bien-ban-hoi-nghi": "Biên bản hội nghị",
		"bao-cao": "Báo cáo sơ kết hoặc tổng kết năm của cụm"} {
		if tpl, _ := set.Get(n); tpl.ShortName() != want {
			t.Errorf("%s: %q, want %q", n, tpl.ShortName(), want)
		}
	}
	if got := (&Template{Name: "mau-rieng"}).ShortName(); got != "mau-rieng" {
		t.Errorf("a template without mo_ta: %q", got)
	}
}
