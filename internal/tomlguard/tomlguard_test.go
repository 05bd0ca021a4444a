package tomlguard

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckAcceptsRealFiles(t *testing.T) {
	files, _ := filepath.Glob("../../samples/*.toml")
	more, _ := filepath.Glob("../../templates/*.toml")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no sample records found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := Check(string(src)); p != nil {
			t.Errorf("%s:%v: refused: %s", f, p.Line, p.Msg)
		}
	}
}

func TestCheck(t *testing.T) {
	deep := strings.Repeat("{a=", MaxDepth) + "1" + strings.Repeat("}", MaxDepth)
	tooDeep := fmt.Sprintf("quá %d tầng", MaxDepth)
	tooManyParts := fmt.Sprintf("hơn %d phần", MaxKeyParts)
	tooLong := fmt.Sprintf("dài hơn %d ký tự", MaxKeyChars)
	for _, c := range []struct {
		name, src string
		line, col int // 0 when accepted
		msg       string
	}{
		{"deep but allowed", "x = " + deep + "\n", 0, 0, ""},
		{"inline tables", "# ghi chú\nx = " + strings.Repeat("{a=", MaxDepth+1) + "1", 2, 5 + 3*MaxDepth, tooDeep},
		{"arrays", "ten = \"Hòa\"\nx = " + strings.Repeat("[", 40), 2, 5 + MaxDepth, tooDeep},
		{"array of tables in a table", "[a]\nb = [{c = [[{d = " + strings.Repeat("[", 30), 2, 18 + MaxDepth - 5, tooDeep},
		{"brackets in strings", "x = \"" + strings.Repeat("[{", 100) + "\"\ny = '" + strings.Repeat("[", 100) + "'\n", 0, 0, ""},
		{"brackets in multi-line strings", "x = \"\"\"\n" + strings.Repeat(`[{\"""`, 100) + "\n\"\"\"\ny = '''" + strings.Repeat("[", 100) + "'''\n", 0, 0, ""},
		{"multi-line string ends with quotes", "x = '''a''''\ny = \"\"\"b\"\"\"\"\"\nz = " + strings.Repeat("[", 40), 3, 5 + MaxDepth, tooDeep},
		{"brackets in comments", "# " + strings.Repeat("[", 100) + "\nx = 1 # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n", 0, 0, ""},
		{"closed again", "x = " + deep + "\ny = " + deep + "\n", 0, 0, ""},
		{"dotted key", "ho = 1\n  " + strings.Repeat("a.", MaxKeyParts) + "b = 1", 2, 3, tooManyParts},
		{"dotted key allowed", strings.Repeat("a.", MaxKeyParts-1) + "b = 1", 0, 0, ""},
		{"dotted table name", "[" + strings.Repeat("a.", MaxKeyParts) + "b]", 1, 2, tooManyParts},
		{"dotted array table name", "[[ " + strings.Repeat("a . ", MaxKeyParts) + "b]]", 1, 4, tooManyParts},
		{"dotted key in inline table", "x = { y = 1, " + strings.Repeat("\"a\".", MaxKeyParts) + "b = 1 }", 1, 14, tooManyParts},
		{"dots in a value", "x = \"" + strings.Repeat("a.", 100) + "\"\ny = 1.5\nngay = 2024-01-02", 0, 0, ""},
		{"long key", "ủy = 1\nđ = 2\n" + strings.Repeat("k", MaxKeyChars+1) + " = 1", 3, 1, tooLong},
		{"long quoted key", "\"" + strings.Repeat("ủ", MaxKeyChars) + "\" = 1", 1, 1, tooLong},
		{"column in characters", "x = [\"Ủy ban\", " + strings.Repeat("[", 40), 1, 16 + MaxDepth - 1, tooDeep},
		{"unclosed string", "x = \"[[[[\ny = 1\n", 0, 0, ""},
		{"many values", "x = [" + strings.Repeat("1,", MaxValues+1) + "]", 1, 5 + 2*(MaxValues-1), "khóa và giá trị"},
		{"many tables", strings.Repeat("[[a]]\n", MaxValues+1) + "x = 1", MaxValues + 1, 1, "khóa và giá trị"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Check(c.src)
			switch {
			case c.line == 0 && p != nil:
				t.Fatalf("refused at %d:%d: %s", p.Line, p.Col, p.Msg)
			case c.line == 0:
			case p == nil:
				t.Fatalf("accepted, want %q at %d:%d", c.msg, c.line, c.col)
			case p.Line != c.line || p.Col != c.col || !strings.Contains(p.Msg, c.msg) || p.Hint == "":
				t.Fatalf("got %d:%d %q (hint %q), want %q at %d:%d", p.Line, p.Col, p.Msg, p.Hint, c.msg, c.line, c.col)
			}
		})
	}
}

// FuzzCheck: the scan never panics, and a problem it reports lies in the
// text, on the line and column of its offset.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"x = {a={b=[1,[2]]}}", "[a.\"b.c\".d]\nx = '''\n[[\n'''", "k = \"\"\"a\\\"\"\"\" # {", "a.b.c = 1\n[[x]]\n", "{{{{{{{{{{", "\"\"\"", "x = [\"Ủy\", [[[[[[[[["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Check(s)
		if p == nil {
			return
		}
		if p.Offset < 0 || p.Offset > len(s) || p.Line < 1 || p.Col < 1 || p.Msg == "" || p.Hint == "" {
			t.Fatalf("Check(%q) = %+v", s, p)
		}
		if want := strings.Count(s[:p.Offset], "\n") + 1; p.Line != want {
			t.Fatalf("Check(%q): line %d, offset %d is on line %d", s, p.Line, p.Offset, want)
		}
	})
}
