// Package synth writes made-up but valid award records, as large as
// asked, for the batch tests and the benchmark (bench/): every kind of
// nominee and award of the built-in catalogue, Vietnamese names, a few
// paragraphs of achievements and earlier awards each, and the cluster's
// own vote (bình xét) on its members, where some fall below the share its
// regulation sets and are not put forward. The same seed gives the same
// record.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles  = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Thu", "Xuân"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vinh", "Yến"}
	places   = []string{"Bắc Hồng", "Nam Hồng", "Đức Thuận", "Trung Lương", "Đậu Liêu", "Thuận Lộc", "Thủy Nguyên", "An Lão", "Vĩnh Bảo", "Kiến Thụy", "Tiên Lãng", "An Dương", "Cát Hải", "Bạch Long Vĩ"}
	units    = []string{"Trường Trung học cơ sở %s", "Trường Tiểu học %s", "Trường Mầm non %s", "Trạm Y tế %s", "Ủy ban nhân dân xã %s", "Công an xã %s"}
	titles   = []string{"Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng", "Bác sĩ", "Công chức Văn phòng - Thống kê", "Chủ tịch Ủy ban nhân dân"}
	// award ids of the built-in catalogue, by kind of nominee.
	individualAwards = []string{"chien-si-thi-dua-co-so", "lao-dong-tien-tien", "bang-khen-cap-bo-tinh", "chien-si-thi-dua-cap-bo-tinh", "giay-khen", "bang-khen-thu-tuong"}
	collectiveAwards = []string{"tap-the-lao-dong-xuat-sac", "tap-the-lao-dong-tien-tien", "bang-khen-cap-bo-tinh", "giay-khen", "co-thi-dua-cap-bo-tinh"}
	sentences        = []string{
		"Hoàn thành xuất sắc nhiệm vụ được giao, trong đó các chỉ tiêu chuyên môn đều vượt kế hoạch năm.",
		"Chủ động đề xuất và áp dụng **sáng kiến** cải tiến quy trình làm việc, được Hội đồng sáng kiến cơ sở công nhận, mang lại hiệu quả rõ rệt.",
		"Tích cực tham gia các phong trào thi đua yêu nước, phong trào \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\" của cơ quan, đơn vị.",
		"Thực hiện tốt công tác cải cách hành chính, chuyển đổi số; giải quyết đúng hạn 100% hồ sơ, không để tồn đọng, kéo dài.",
		"Đoàn kết, giúp đỡ đồng nghiệp; gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương.",
		"Tổ chức hiệu quả các hoạt động chuyên đề, hội thảo, bồi dưỡng nghiệp vụ; kết quả được cấp trên ghi nhận, đánh giá cao.",
		"Tham gia công tác thiện nguyện, an sinh xã hội tại địa phương, vận động được nhiều nguồn lực hỗ trợ người có hoàn cảnh khó khăn.",
	}
)

// Record writes a record with n nominees, a third of them collectives.
// Their papers are dated so that the built-in catalogue knows every
// coefficient (Nghị định 91/2017, base salary 1.800.000 đồng).
func Record(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 2023))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	var b strings.Builder
	b.WriteString(`# Hồ sơ tạo tự động để thử và đo (thidua internal/batch/synth), không phải hồ sơ thật.
[cum]
ten = "Khối thi đua thử nghiệm"
ky_hieu = "KTĐTN"
nam = 2023
cum_truong = "don-vi-1"
`)
	const members = 9
	for i := 1; i <= members; i++ {
		place := places[(i-1)%len(places)]
		fmt.Fprintf(&b, `
[[thanh_vien]]
id = "don-vi-%d"
ten = "Ủy ban nhân dân xã %s"
dia_danh = %q
thu_truong = { ho_ten = "%s %s %s", chuc_vu = "Chủ tịch", tham_quyen = "TM. Ủy ban nhân dân xã %s" }
`, i, place, place, pick(families), pick(middles), pick(givens), place)
	}
	// The cluster's vote: each member for a Cờ thi đua or a Bằng khen,
	// 6 to 9 votes of 9, against 80% and 75%: some fail.
	b.WriteString(`
[binh_xet]
can_cu = "Quy chế hoạt động của Khối thi đua thử nghiệm"

[[binh_xet.nguong]]
khen_thuong = "Cờ thi đua của Ủy ban nhân dân tỉnh"
ty_le = "80%"

[[binh_xet.nguong]]
khen_thuong = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
ty_le = "75%"
nguon = "hoi-nghi"
`)
	for i := 1; i <= members; i++ {
		award := "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
		if i%3 == 1 {
			award = "Cờ thi đua của Ủy ban nhân dân tỉnh"
		}
		fmt.Fprintf(&b, "\n[[binh_xet.ung_vien]]\nthanh_vien = \"don-vi-%d\"\nkhen_thuong = %q\nso_phieu = %d\n", i, award, members-3+r.IntN(4))
	}
	b.WriteString(`
[phien]
loai = "tong-ket"
ngay = 2023-09-20
dia_diem = "Hội trường Ủy ban nhân dân thị xã"
don_vi_dang_cai = "don-vi-1"

[khen_thuong]
co_quan_de_nghi = "Ủy ban nhân dân thị xã thử nghiệm"
ky_hieu = "TTr-UBND"
ngay = 2023-10-02
ngay_quyet_dinh = 2023-10-15
kinh_gui = ["Ủy ban nhân dân tỉnh", "Ban Thi đua - Khen thưởng tỉnh"]
can_cu = ["Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003 và các luật sửa đổi, bổ sung", "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ"]
nguoi_ky = { ho_ten = "Nguyễn Văn Thử", chuc_vu = "Chủ tịch", tham_quyen = "TM. Ủy ban nhân dân thị xã" }
noi_nhan = ["Thường trực Thị ủy", "Lưu: VT, Phòng Nội vụ"]
`)
	for i := 0; i < n; i++ {
		place := pick(places)
		collective := i%3 == 2
		award := pick(individualAwards)
		if collective {
			award = pick(collectiveAwards)
		}
		b.WriteString("\n[[de_nghi]]\n")
		if collective {
			fmt.Fprintf(&b, "loai = \"tap-the\"\nten = %q\ndia_chi = %q\n", fmt.Sprintf(pick(units), place), "Xã "+place+", thị xã thử nghiệm")
			fmt.Fprintf(&b, "dac_diem = [%q]\nchuc_nang = [%q]\n", "Đơn vị có "+fmt.Sprint(20+r.IntN(60))+" cán bộ, viên chức; chi bộ, công đoàn, đoàn thanh niên hoạt động đều.", "Thực hiện chức năng, nhiệm vụ theo quy định của cấp có thẩm quyền.")
		} else {
			fmt.Fprintf(&b, "loai = \"ca-nhan\"\nten = \"%s %s %s\"\nchuc_vu = %q\ndon_vi = %q\n", pick(families), pick(middles), pick(givens), pick(titles), fmt.Sprintf(pick(units), place))
			fmt.Fprintf(&b, "ngay_sinh = %d-%02d-%02d\ngioi_tinh = %q\nque_quan = %q\ntrinh_do = \"Đại học\"\n", 1965+r.IntN(35), 1+r.IntN(12), 1+r.IntN(28), pick([]string{"Nam", "Nữ"}), "Xã "+place)
		}
		fmt.Fprintf(&b, "hinh_thuc = %q\nthanh_vien = \"don-vi-%d\"\nphieu_dong_y = %d\n", award, 1+r.IntN(members), members-r.IntN(3))
		b.WriteString("thanh_tich = [\n")
		for k := 0; k < 3+r.IntN(3); k++ {
			var p []string
			for s := 0; s < 3+r.IntN(3); s++ {
				p = append(p, pick(sentences))
			}
			fmt.Fprintf(&b, "  %q,\n", strings.Join(p, " "))
		}
		b.WriteString("]\n")
		for y := 2020; y < 2020+1+r.IntN(3); y++ {
			fmt.Fprintf(&b, "[[de_nghi.danh_hieu_thi_dua]]\nnam = \"%d\"\nten = \"Lao động tiên tiến\"\nso_quyet_dinh = \"%d/QĐ-UBND\"\nngay_quyet_dinh = %d-12-%02d\nco_quan = \"Ủy ban nhân dân thị xã\"\n", y, 100+r.IntN(900), y, 10+r.IntN(18))
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "[[de_nghi.hinh_thuc_khen_thuong]]\nnam = \"2022\"\nten = \"Giấy khen của Chủ tịch Ủy ban nhân dân thị xã\"\nso_quyet_dinh = \"%d/QĐ-UBND\"\nngay_quyet_dinh = 2022-12-20\nco_quan = \"Ủy ban nhân dân thị xã\"\n", 100+r.IntN(900))
		}
	}
	return []byte(b.String())
}
