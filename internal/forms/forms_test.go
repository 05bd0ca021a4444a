package forms

import (
	"bytes"
	"os"
	"testing"
	"time"

	"thidua/internal/pdf"
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
			member(2, "Ủy ban nhân dân tỉnh Nghệ An", "Nguyễn Đức Trung", "Chủ tịch"),
			member(3, "Ủy ban nhân dân tỉnh Quảng Trị", "Võ Văn Hưng", "Chủ tịch"),
		},
		"phien": map[string]any{"ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), "dia_diem": "thành phố Vinh, tỉnh Nghệ An"},
		"giao_uoc": map[string]any{
			"so": int64(1), "ky_hieu": "GƯTĐ-CTĐBTB", "ngay": time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), "dia_danh": "Nghệ An",
			"can_cu":   []string{"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"},
			"muc_dich": []string{"Đẩy mạnh phong trào thi đua yêu nước, *phấn đấu* hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2023."},
			"noi_dung": []string{"Thi đua thực hiện **thắng lợi** các mục tiêu.", "Thi đua đẩy mạnh cải cách hành chính <&> A*B."},
			"so_ban":   int64(4), "noi_nhan": []string{"Ban Thi đua - Khen thưởng Trung ương", "Các tỉnh trong Cụm"},
		},
	}
}

func TestGiaoUocSmoke(t *testing.T) {
	tpl, err := Load(templates.FS, "giao-uoc")
	if err != nil {
		t.Fatal(err)
	}
	d, err := tpl.Build(sampleData())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/pt/gu.pdf", buf.Bytes(), 0o644)
}
