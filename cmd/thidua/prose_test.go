package main

import (
	"os"
	"path/filepath"
	"testing"

	"thidua/internal/testkit"
)

// The pledge says where it was signed mid-sentence: "tại thành phố Vinh",
// the unit in lower case as Nghị định 30/2020 writes it, although the
// record writes the place as it starts a line ("Thành phố Vinh, tỉnh Nghệ An").
func TestPledgePlaceInSentence(t *testing.T) {
	testkit.Need(t, "pdftotext")
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "bac-trung-bo-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	contains(t, "the pledge", renderText(t, path, "giao-uoc"), "năm 2023, tại thành phố Vinh, tỉnh Nghệ An, các đơn vị thành viên")
}
