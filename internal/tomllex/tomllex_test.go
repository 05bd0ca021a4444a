package tomllex

import "testing"

func TestStringEnd(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // what the string covers
	}{
		{`"a\"b" = 1`, `"a\"b"`},
		{`'a\' = 1`, `'a\'`},
		{`"a\\" # x`, `"a\\"`},
		{"\"open\nb = 1", `"open`},
		{"\"a\\\nb\"", "\"a\\"},
		{`"""a"b\"""c""" rest`, `"""a"b\"""c"""`},
		{`"""a"""" rest`, `"""a""""`},
		{`'''a''''' rest`, `'''a'''''`},
		{`""""""" rest`, `"""""""`},
		{"'''\n[[x]]\n'''\nz", "'''\n[[x]]\n'''"},
		{`"""never closed`, `"""never closed`},
		{`"""a\`, `"""a\`},
		{`""`, `""`},
		{`"`, `"`},
	} {
		if got := c.src[:StringEnd(c.src, 0)]; got != c.want {
			t.Errorf("StringEnd(%q) covers %q, want %q", c.src, got, c.want)
		}
	}
	if got := LineStringEnd(`"""x"""`, 0); got != 2 {
		t.Errorf(`LineStringEnd("""x""") = %d, want 2 (the empty string "")`, got)
	}
}

func TestLineEnd(t *testing.T) {
	src := "a # b\nc"
	if got := LineEnd(src, 2); got != 5 {
		t.Errorf("LineEnd = %d, want 5", got)
	}
	if got := LineEnd(src, 6); got != 7 {
		t.Errorf("LineEnd on the last line = %d, want 7", got)
	}
}

func FuzzStringEnd(f *testing.F) {
	for _, s := range []string{`"a"`, `'''a'''`, `"""\`, "\"\\\n", `""""""""`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || s[0] != '"' && s[0] != '\'' {
			return
		}
		if e := StringEnd(s, 0); e < 1 || e > len(s) {
			t.Fatalf("StringEnd(%q) = %d, outside 1..%d", s, e, len(s))
		}
	})
}
