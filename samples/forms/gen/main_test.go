package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"thidua/internal/docx"
)

// The forms in samples/forms are what this program writes: edit the
// program, then run go generate ./samples/forms/gen.
func TestFormsAreGenerated(t *testing.T) {
	for name, d := range Forms() {
		var b bytes.Buffer
		if err := docx.Write(&b, d); err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, b.Bytes()) {
			t.Errorf("samples/forms/%s is not what gen writes; run go generate ./samples/forms/gen", name)
		}
	}
}
