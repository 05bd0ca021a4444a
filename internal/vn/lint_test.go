package vn

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Numbers and dates that reach a paper or a clerk are written by this
// package only. This test greps the rest of the program for formatting
// done by hand: time layouts, float formatting, zero-padded verbs, and
// printf in templates.
func TestNoFormattingOutsideVN(t *testing.T) {
	root := "../.."
	// Files that write numbers in another syntax than Vietnamese text.
	allowed := map[string]string{
		"internal/record/decode.go":     "quotes a value back in TOML syntax in errors",
		"internal/record/number.go":     "quotes a value back in TOML syntax in errors",
		"internal/record/date.go":       "suggests a TOML date (2024-03-05) in a hint",
		"internal/tally/numbers.go":     "writes JSON numbers for check --json",
		"internal/batch/synth/synth.go": "writes TOML records for benchmarks",
		"internal/sheet/toml.go":        "writes TOML values, formula constants and document dates",
		"internal/tomledit/edit.go":     "writes values in TOML syntax into a record",
	}
	goPattern := regexp.MustCompile(`\.Format\("|FormatFloat|AppendFloat|%0\d+d|%\.\d+f|%\d*\.\d+[fg]`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch rel {
			case "internal/vn", "internal/pdf", "internal/docx", ".git", "bench", "third_party":
				// vn is the place; pdf and docx write PDF operators and twips,
				// not text; third_party is others' code (fpdf: PDF syntax)
				return filepath.SkipDir
			}
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go") && allowed[rel] == "":
			for i, line := range strings.Split(string(src), "\n") {
				if goPattern.MatchString(line) {
					t.Errorf("%s:%d formats a number or a date by hand; use package vn: %s", rel, i+1, strings.TrimSpace(line))
				}
			}
		case strings.HasPrefix(rel, "templates/") && strings.HasSuffix(rel, ".md"):
			for i, line := range strings.Split(string(src), "\n") {
				if strings.Contains(line, "printf") {
					t.Errorf("%s:%d formats with printf; use the template functions (so, tien, ngay, ...)", rel, i+1)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
