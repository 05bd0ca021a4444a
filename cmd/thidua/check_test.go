package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// runCmd runs thidua with args and returns the exit code and both outputs.
func runCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(&env{stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// copySample copies a sample into a fresh folder, so that a test can see
// that nothing else appears there.
func copySample(t *testing.T, name string) (dir, path string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		t.Errorf("check wrote files: %v", entries)
	}
}

func TestCheckPrintsResults(t *testing.T) {
	dir, path := copySample(t, "hai-phong-khoi-huyen-tong-ket-2023.toml")
	code, out, errOut := runCmd("check", path)
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The ranking in order, with totals and ranks (An Lão and Kiến Thụy tied).
	rows := []string{
		`1\s+Vĩnh Bảo\s+.*\s100,5\s+Xuất sắc`,
		`2\s+Thủy Nguyên\s+.*\s99,75\s+Xuất sắc`,
		`3\s+An Lão\s+.*\s97,25\s+Xuất sắc`,
		`3\s+Kiến Thụy\s+.*\s97,25\s+Xuất sắc`,
		`5\s+Tiên Lãng\s+.*\s95,5\s+Xuất sắc`,
		`8\s+Bạch Long Vĩ\s+.*\s93\s+Tốt`,
		`1\s+Vĩnh Bảo\s+Cờ thi đua của Chính phủ\s+8/8\s+100,00%\s+từ 80% trở lên \(quy chế\)\s+Đạt`,
		`Tiên Lãng\s+690,00\s+671,25\s+97,28\s+Chưa đạt`,
		`Cộng\s+10\.412,00\s+11\.210,60\s+107,67\s+Vượt`,
	}
	for _, r := range rows {
		if !regexp.MustCompile(`(?m)^\s*` + r + `\s*$`).MatchString(out) {
			t.Errorf("output lacks a line like %q:\n%s", r, out)
		}
	}
	if !strings.HasSuffix(out, "Bản ghi hợp lệ.\n") {
		t.Error("output does not end saying the record is valid")
	}
	onlyFile(t, dir, filepath.Base(path))
}

func TestCheckJSON(t *testing.T) {
	_, path := copySample(t, "hong-linh-tong-ket-2023.toml")
	code, out, _ := runCmd("check", "--json", path)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Scoring struct {
			Rows []struct {
				Rank  int     `json:"xep_hang"`
				ID    string  `json:"thanh_vien"`
				Total float64 `json:"tong"`
			} `json:"bang"`
		} `json:"cham_diem"`
		Vote struct {
			Base        string `json:"tinh_tren"`
			Denominator int    `json:"co_so"`
			Candidates  []struct {
				ID     string  `json:"thanh_vien"`
				Votes  int     `json:"so_phieu"`
				Share  float64 `json:"ty_le"`
				Passed bool    `json:"dat"`
			} `json:"ung_vien"`
		} `json:"binh_xet"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r := res.Scoring.Rows; len(r) != 6 || r[0].ID != "thuan-loc" || r[0].Total != 95.5 || r[0].Rank != 1 || r[5].ID != "duc-thuan" || r[5].Total != 82 {
		t.Errorf("ranking %+v", r)
	}
	// Show of hands, counted on the 5 present (Đậu Liêu absent): 2/5 = 40% is not more than half.
	v := res.Vote
	if v.Base != "co-mat" || v.Denominator != 5 || len(v.Candidates) != 4 {
		t.Fatalf("vote %+v", v)
	}
	last := v.Candidates[3]
	if last.ID != "trung-luong" || last.Votes != 2 || last.Share != 40 || last.Passed {
		t.Errorf("Trung Lương: %+v, want 2 votes, 40%%, not passed", last)
	}
}

func TestCheckBadRecord(t *testing.T) {
	dir, path := copySample(t, "bac-trung-bo-tong-ket-2022.toml")
	data, _ := os.ReadFile(path)
	src := strings.Replace(string(data), "so_phieu = 5", "so_phieu = 7", 1)
	src = strings.Replace(src, `cum_cham = { "1.1" = 140,`, `cum_cham = { "1.1" = 160,`, 1)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("check", path)
	if code != exitInput || out != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing printed", code, out)
	}
	lineOf := func(s string) int {
		return strings.Count(src[:strings.Index(src, s)], "\n") + 1
	}
	for _, want := range []string{
		filepath.Base(path) + ":" + strconv.Itoa(lineOf(`"1.1" = 160`)) + ":",
		`diem[2].cum_cham."1.1": bảng điểm của Nghệ An: điểm cụm chấm tiêu chí 1.1 (Tăng trưởng kinh tế) là 160, vượt điểm tối đa 150`,
		":" + strconv.Itoa(lineOf("so_phieu = 7")) + ":12: binh_xet.ung_vien[2].so_phieu: ",
		"Thừa Thiên Huế có 7 phiếu, nhiều hơn số phiếu hợp lệ (6)",
		"Bản ghi có 2 lỗi.",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	onlyFile(t, dir, filepath.Base(path))
}

func TestCheckUsage(t *testing.T) {
	if code, _, errOut := runCmd("check"); code != exitUsage || !strings.Contains(errOut, "cần đúng một tệp bản ghi .toml") {
		t.Errorf("no file: exit %d, %q", code, errOut)
	}
	code, out, _ := runCmd("check", filepath.Join("..", "..", "samples", "bac-trung-bo-2023.toml"))
	if code != exitOK || !strings.Contains(out, "không có gì để tính") {
		t.Errorf("a signing record: exit %d, %q", code, out)
	}
}

// A Cờ thi đua proposed for a unit the scores rank second: check prints a
// note (in text and under "luu_y" in JSON), render writes the papers and
// repeats the note; neither refuses the record.
func TestFlagNote(t *testing.T) {
	rec := filepath.Join("..", "..", "internal", "tally", "testdata", "phien.toml")
	want := "Bình Minh được đề nghị Cờ thi đua cấp tỉnh nhưng xếp hạng 2/4 theo bảng điểm (hạng nhất: An Phú)"
	code, out, errOut := cli(t, "check", rec)
	if code != 0 || !strings.Contains(out, "Lưu ý: "+want) {
		t.Errorf("check: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = cli(t, "check", "--json", rec)
	var res struct {
		Notes []string `json:"luu_y"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], want) {
		t.Errorf("check --json: exit %d, %v, %q", code, err, res.Notes)
	}
	code, out, errOut = cli(t, "render", rec, "-o", t.TempDir(), "--giay", "bien-ban-binh-xet")
	if code != 0 || !strings.Contains(out, "bien-ban-binh-xet") || !strings.Contains(errOut, "lưu ý: "+want) {
		t.Errorf("render: exit %d\n%s\n%s", code, out, errOut)
	}
}
