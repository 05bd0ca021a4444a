package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNhap exports a sample's tables, edits a score in the workbook and
// imports it back: the record takes the new score, keeps the rest; a bad
// score is reported at its cell and the record is left as it was.
func TestNhap(t *testing.T) {
	const name = "bac-trung-bo-tong-ket-2022.toml"
	dir, rec := copySample(t, name)
	out := filepath.Join(dir, "ra")
	if code, _, stderr := runCmd("render", rec, "-o", out, "--dinh-dang", "xlsx"); code != 0 {
		t.Fatalf("render: %d %s", code, stderr)
	}
	matches, _ := filepath.Glob(filepath.Join(out, "bao-cao-*.xlsx"))
	if len(matches) != 1 {
		t.Fatalf("xlsx written: %v", matches)
	}
	book := matches[0]
	edit := func(value any) {
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		// Row 11 is the first unit (Nghệ An); column M its cluster score of 1.1.
		if v, _ := f.GetCellValue("Bảng điểm", "B11"); v != "Nghệ An" {
			t.Fatalf("B11 is %q", v)
		}
		if err := f.SetCellValue("Bảng điểm", "M11", value); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadFile(rec)

	edit(200)
	code, _, stderr := runCmd("nhap", book, "--vao", rec)
	if code != exitInput || !strings.Contains(stderr, "Bảng điểm!M11") || !strings.Contains(stderr, "vượt điểm tối đa 150") || !strings.Contains(stderr, "chưa ghi gì") {
		t.Errorf("bad score: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(rec); string(after) != string(before) {
		t.Error("the record changed despite the error")
	}

	edit("139,5")
	code, stdout, stderr := runCmd("nhap", book, "--vao", rec)
	if code != exitOK {
		t.Fatalf("nhap: %d %s", code, stderr)
	}
	if !strings.Contains(stdout, "bảng điểm: 6 dòng") {
		t.Errorf("stdout: %s", stdout)
	}
	after, _ := os.ReadFile(rec)
	if !strings.Contains(string(after), `"1.1" = 139.5`) || !strings.HasPrefix(string(after), string(before[:2000])) {
		t.Error("the new score is not in the record, or its beginning changed")
	}
	code, stdout, _ = runCmd("check", rec)
	if code != 0 || !strings.Contains(stdout, "980,5") {
		t.Errorf("check after the import: %d\n%s", code, stdout)
	}

	// Blank workbooks.
	mau := filepath.Join(dir, "mau")
	if code, stdout, stderr := runCmd("nhap", "--mau", mau, "--vao", rec); code != 0 || !strings.Contains(stdout, "mau-diem.xlsx") {
		t.Errorf("--mau: %d %s %s", code, stdout, stderr)
	}
}
