package tally

import (
	"testing"
)

// The template data: numbers written the decree's way, candidates
// numbered on through the award groups, nominees grouped by award, one
// entry per score column.
func TestData(t *testing.T) {
	src := edit(t, fixture(t), "[binh_xet]\n", "[binh_xet]\ntinh_tren = \"co-mat\"\n")
	d := mustCompute(t, src).Data()
	if d["ky_bao_cao"] != "năm 2023" || d["cum"] != "Cụm" {
		t.Errorf("period %v, word %v", d["ky_bao_cao"], d["cum"])
	}
	s := d["cham_diem"].(map[string]any)
	// self, I, II, cluster, bonus, penalty, total = 7 score columns; with
	// STT, unit, rank and rating 11 in all.
	if n := len(s["cot_diem"].([]int)); n != 7 || s["so_cot"] != 11 {
		t.Errorf("%d score columns, %v in all; want 7 and 11", n, s["so_cot"])
	}
	first := s["bang"].([]map[string]any)[0]
	if first["don_vi"] != "An Phú" || first["tong"] != "101,25" || first["thuong"] != "5" || first["thuong_ghi"] != "6" || first["hang"] != 1 {
		t.Errorf("first row %v", first)
	}
	v := d["binh_xet"].(map[string]any)
	var tts []int
	for _, g := range v["nhom"].([]map[string]any) {
		for _, c := range g["ung_vien"].([]map[string]any) {
			tts = append(tts, c["tt"].(int))
		}
	}
	if len(tts) != 4 || tts[0] != 1 || tts[3] != 4 {
		t.Errorf("candidates numbered %v, want 1..4 through the groups", tts)
	}
	// Passed on 3 present: An Phú (Cờ thi đua của Chính phủ), Cam Lộ
	// (Bằng khen), Trần Thị Bình (Chiến sỹ thi đua): three awards.
	groups := v["de_nghi_nhom"].([]map[string]any)
	if len(groups) != 3 || groups[0]["khen_thuong"] != "Cờ thi đua của Chính phủ" {
		t.Fatalf("nominee groups %v", groups)
	}
	c := groups[2]["ung_vien"].([]map[string]any)[0]
	if c["ten"] != "Trần Thị Bình" || c["ty_le"] != "100,00" || c["ty_le_phan_tram"] != "100,00%" || c["ket_qua"] != "Đạt" {
		t.Errorf("nominee %v", c)
	}
	if v["so_vang"] != 1 || v["co_so"] != 3 || v["tren_co_mat"] != true || v["ky_hieu"] != "BB-CTĐTN" {
		t.Errorf("vote data %v", v)
	}
}
