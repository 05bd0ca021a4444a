package record

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"thidua/internal/fieldpath"
)

func readDoc(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../docs/record.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// keyPaths lists every key of the schema as a dotted path without item
// numbers: "cum.ten", "thanh_vien.thu_truong.ho_ten", ...
func keyPaths(t reflect.Type, prefix string) []string {
	var out []string
	for _, f := range fieldsOf(t) {
		p := fieldpath.Key(prefix, f.key)
		ft := t.Field(f.index).Type
		if ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice && ft != linesType {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != dateType && ft != numberType {
			if prefix != "" {
				out = append(out, p)
			}
			out = append(out, keyPaths(ft, p)...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// docs/record.md documents every key, in a table row of its own section.
func TestDocsListEveryKey(t *testing.T) {
	doc := readDoc(t)
	paths := keyPaths(reflect.TypeFor[Record](), "")
	if len(paths) < 35 {
		t.Fatalf("only %d keys found: %v", len(paths), paths)
	}
	for _, p := range paths {
		if !strings.Contains(doc, "| `"+p+"`") && !strings.Contains(doc, "`"+p+"`, ") && !strings.Contains(doc, ", `"+p+"` |") {
			t.Errorf("docs/record.md has no row for %s", p)
		}
	}
}

// The complete example in docs/record.md is a valid record.
func TestDocsExample(t *testing.T) {
	doc := readDoc(t)
	start := strings.Index(doc, "```toml\n")
	end := strings.Index(doc[start+1:], "\n```")
	if start < 0 || end < 0 {
		t.Fatal("no toml example in docs/record.md")
	}
	r, err := Parse("record.md", []byte(doc[start+len("```toml\n"):start+1+end]))
	if err != nil {
		t.Fatal(err)
	}
	if r.Pledge.Number != 1 || r.Pledge.Place != "Nghệ An" || len(r.Session.Guests) != 1 || len(r.Members[1].Head.Authority) != 1 {
		t.Errorf("example decoded wrong: %+v %+v", r.Pledge, r.Session)
	}
}
