package vn

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the legacy fixtures under testdata/legacy")

// Hand-checked mojibake: each legacy byte shown as its Windows-1252 character.
var legacyCases = []struct {
	enc       Encoding
	mojibake  string
	vietnamse string
}{
	// TCVN3: é=0xE9 ộ, µ=0xB5 à, ·=0xB7 ã, ñ=0xF1 ủ, Ü=0xDC ĩ, Ö=0xD6 ệ.
	{TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"},
	// §=0xA7 Đ, Ë=0xCB ậ, ù=0xF9 ự, ¹=0xB9 ạ, ó=0xF3 ú.
	{TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"},
	// û=0xFB ỷ, ©=0xA9 â.
	{TCVN3, "Uû ban nh©n d©n", "Uỷ ban nhân dân"},
	// ¸=0xB8 á, ×=0xD7 ì, ¨=0xA8 ă, ô=0xF4 ụ.
	{TCVN3, "Th¸i B×nh, Hoµng V¨n Thô", "Thái Bình, Hoàng Văn Thụ"},
	// ß=0xDF ò.
	{TCVN3, "Phßng GD&§T", "Phòng GD&ĐT"},
	// Typed in capitals with .VnTimeH: the lower-case codes stand for capitals.
	{TCVN3, "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	// VNI: a vowel, then a byte for the diacritic and tone.
	{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	{VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
	{VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	{VNI, "Xin chaøo caùc baïn", "Xin chào các bạn"},
	{VNI, "Tröôøng Nguyeãn Thò Minh Khai, Ñaék Laék, thöôûng", "Trường Nguyễn Thị Minh Khai, Đắk Lắk, thưởng"},
	// Windows-1258: ô=0xF4 then ò=0xF2 (dot below), Ì=0xCC (grave), Þ=0xDE (tilde).
	{Windows1258, "Côòng hoÌa xaÞ hôòi", "Cộng hòa xã hội"},
	// Ð=0xD0 Đ, ã=0xE3 ă, ý=0xFD ư, õ=0xF5 ơ.
	{Windows1258, "Ðà NãÞng, TrýõÌng", "Đà Nẵng, Trường"},
}

func TestFromLegacyHandChecked(t *testing.T) {
	for _, c := range legacyCases {
		got, err := FromLegacy(c.mojibake, c.enc)
		if err != nil || got != c.vietnamse {
			t.Errorf("FromLegacy(%q, %v) = %q, %v; want %q", c.mojibake, c.enc, got, err, c.vietnamse)
		}
		enc, orig, ok := Suspect(c.mojibake)
		if !ok || enc != c.enc || orig != c.vietnamse {
			t.Errorf("Suspect(%q) = %v, %q, %v; want %v, %q", c.mojibake, enc, orig, ok, c.enc, c.vietnamse)
		}
	}
}

func TestToLegacyHandChecked(t *testing.T) {
	for _, c := range legacyCases {
		if c.enc == TCVN3 && strings.ToUpper(c.vietnamse) == c.vietnamse {
			continue // capitals with tones have no TCVN3 code of their own
		}
		got, err := ToLegacy(c.vietnamse, c.enc)
		if err != nil || got != c.mojibake {
			t.Errorf("ToLegacy(%q, %v) = %q, %v; want %q", c.vietnamse, c.enc, got, err, c.mojibake)
		}
	}
}

func TestLegacyTablesCoverTheAlphabet(t *testing.T) {
	// Every Vietnamese letter, both cases, with every tone.
	var all []rune
	for v := 1; v <= 12; v++ {
		for tone := 0; tone < 6; tone++ {
			all = append(all, withTone(uint8(v), uint8(tone), false), withTone(uint8(v), uint8(tone), true))
		}
	}
	all = append(all, 'đ', 'Đ')
	for _, enc := range []Encoding{TCVN3, VNI, Windows1258} {
		for _, r := range all {
			s := "x" + string(r) + "x"
			l, err := ToLegacy(s, enc)
			if err != nil {
				t.Errorf("ToLegacy(%q, %v): %v", s, enc, err)
				continue
			}
			back, err := FromLegacy(l, enc)
			want := s
			if li := lookup(r); enc == TCVN3 && li.upper && li.tone != toneNone {
				want = strings.ToLower(s) // ABC has no code for a capital with a tone
			}
			if err != nil || back != want {
				t.Errorf("%v: %q -> %q -> %q; want %q", enc, s, l, back, want)
			}
		}
	}
}

func TestFromLegacyErrors(t *testing.T) {
	if _, err := FromLegacy("Cộng hòa", TCVN3); err == nil || !strings.Contains(err.Error(), "ộ") || !strings.Contains(err.Error(), "Unicode") {
		t.Errorf("FromLegacy on Unicode text: err = %v; want one naming 'ộ' and saying the text is Unicode", err)
	}
	if _, err := FromLegacy("abc", Encoding(42)); err == nil {
		t.Error("FromLegacy with an unknown encoding: no error")
	}
	if got, err := FromLegacy(norm.NFD.String("Việt"), Unicode); err != nil || got != "Việt" {
		t.Errorf("FromLegacy(NFD, Unicode) = %q, %v; want NFC", got, err)
	}
	if _, err := ToLegacy("中文", VNI); err == nil {
		t.Error("ToLegacy of Chinese to VNI: no error")
	}
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]Encoding{"TCVN3": TCVN3, "abc": TCVN3, " vni ": VNI, "cp1258": Windows1258, "Windows-1258": Windows1258, "utf-8": Unicode} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseEncoding("viscii"); err == nil || !strings.Contains(err.Error(), "tcvn3") {
		t.Errorf("ParseEncoding(viscii) err = %v; want a hint listing the names", err)
	}
}

func TestSuspectNoFalseAlarm(t *testing.T) {
	genuine := []string{
		"", "Hello, world", "UBND tỉnh Nghệ An", "Tô Lâm", "Lê Hà", "Lê Thành Tô", "Hà Tĩnh", "Cà Mau",
		"Cộng hòa xã hội chủ nghĩa Việt Nam", "ỦY BAN NHÂN DÂN", "TÔ LÂM", "có", "là", "và", "Tây Nguyên",
		norm.NFD.String("Nguyễn Văn Án"), // decomposed Unicode is Unicode
		// English, and names with Latin-1 letters.
		"café", "Müller", "José García", "Zoë", "naïve", "Björk Guðmundsdóttir", "São Paulo", "Renée",
		"François", "Ångström", "Dvořák", "Crème brûlée", "El Niño", "Pokémon", "résumé", "tête-à-tête",
		"Jürgen Klopp", "Gérard Depardieu", "Señor López", "Noël", "Mötley Crüe", "Häagen-Dazs",
		"smörgåsbord", "façade", "jalapeño", "Łódź", "Curaçao", "Er rät dir", "Ich höre Musik", "Où est-il?",
		"Ça va très bien", "Die Straße", "Ærø", "Ñandú", "Ô Môn", "À la carte", "The Café at 25°C ± 2",
	}
	for _, s := range genuine {
		if enc, orig, ok := Suspect(s); ok {
			t.Errorf("Suspect(%q) = %v, %q: false alarm", s, enc, orig)
		}
	}
}

func readSeeds(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(files) != 3 {
		t.Fatalf("want the three seed articles in testdata/seeds, got %v, %v", files, err)
	}
	seeds := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return seeds
}

func TestSuspectSeedsAreGenuine(t *testing.T) {
	for name, text := range readSeeds(t) {
		pieces := []string{text}
		pieces = append(pieces, strings.Split(text, "\n")...)
		pieces = append(pieces, strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == ',' || r == '\n' })...)
		pieces = append(pieces, strings.Fields(text)...)
		for _, p := range pieces {
			if enc, orig, ok := Suspect(p); ok {
				t.Errorf("%s: Suspect(%q) = %v, %q: false alarm", name, p, enc, orig)
			}
		}
	}
}

var fixtureExt = map[Encoding]string{TCVN3: "tcvn3", VNI: "vni", Windows1258: "cp1258"}

// TestLegacyFixtures checks the committed legacy versions of the seeds
// (made with ToLegacy; go test -run TestLegacyFixtures -update rewrites
// them), that converting them back gives the article, and that Suspect
// catches them whole and paragraph by paragraph.
func TestLegacyFixtures(t *testing.T) {
	for name, text := range readSeeds(t) {
		for enc, ext := range fixtureExt {
			path := filepath.Join("testdata", "legacy", name+"."+ext+".txt")
			want, err := ToLegacy(text, enc)
			if err != nil {
				t.Fatalf("ToLegacy(%s, %v): %v", name, enc, err)
			}
			if *update {
				if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fixture := string(b)
			if fixture != want {
				t.Errorf("%s differs from ToLegacy of the seed; rerun with -update if the encoder changed on purpose", path)
			}
			back, err := FromLegacy(fixture, enc)
			if err != nil {
				t.Fatalf("FromLegacy(%s): %v", path, err)
			}
			if !sameAsSeed(back, text, enc) {
				t.Errorf("%s: converting back does not give the article", path)
			}
			if got, orig, ok := Suspect(fixture); !ok || got != enc || orig != back {
				t.Errorf("Suspect(%s) = %v, ok=%v; want %v", path, got, ok, enc)
			}
			missed := 0
			paragraphs := 0
			for i, p := range strings.Split(fixture, "\n") {
				if p == strings.Split(text, "\n")[i] || !hasLetterBeyondASCII(p) {
					continue // nothing to catch: the same as Unicode, or no letters
				}
				paragraphs++
				if got, _, ok := Suspect(p); !ok || got != enc {
					missed++
					t.Logf("%s: paragraph not caught as %v (got %v, %v): %q", path, enc, got, ok, p)
				}
			}
			if missed > 0 {
				t.Errorf("%s: %d of %d paragraphs not caught", path, missed, paragraphs)
			}
		}
	}
}

// sameAsSeed compares a text converted back from enc with the article. In
// TCVN3 a capital with a tone at the start of a lower-case word comes back
// in lower case ("Ủy" -> "ủy"), as ABC had no code for it.
func sameAsSeed(back, seed string, enc Encoding) bool {
	if enc != TCVN3 {
		return back == seed
	}
	b, s := []rune(back), []rune(seed)
	if len(b) != len(s) {
		return false
	}
	for i := range s {
		if b[i] != s[i] && !(unicode.ToLower(s[i]) == b[i] && lookup(s[i]).tone != toneNone) {
			return false
		}
	}
	return true
}

func hasLetterBeyondASCII(s string) bool {
	for _, r := range s {
		if r >= 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func TestSuspectDecomposedMojibake(t *testing.T) {
	// TCVN3 mojibake that went through NFD: é became e + U+0301.
	s := norm.NFD.String("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
	if enc, orig, ok := Suspect(s); !ok || enc != TCVN3 || orig != "Cộng hoà xã hội chủ nghĩa Việt Nam" {
		t.Errorf("Suspect(NFD mojibake) = %v, %q, %v", enc, orig, ok)
	}
}

// TestSuspectShortFields checks what a record holds most: names and short
// titles, each written in every legacy encoding.
func TestSuspectShortFields(t *testing.T) {
	fields := []string{"Nguyễn Huy Hùng", "Đặng Ngọc Sơn", "Lê Thành Đông", "Nguyễn Thăng Long", "Trần Thị Thủy",
		"Phạm Văn Đức", "Hoàng Thị Lan", "Võ Minh Tuấn", "Bùi Quang Vinh", "Đỗ Thị Hằng", "Chủ tịch UBND thị xã",
		"Phó Bí thư Thị ủy", "Hội nghị tổng kết năm 2023", "Cờ thi đua của Chính phủ", "Bằng khen"}
	for _, f := range fields {
		for enc := range fixtureExt {
			l, err := ToLegacy(f, enc)
			if err != nil {
				t.Fatal(err)
			}
			if l == f {
				continue // "Bùi" is the same in Windows-1258 and Unicode
			}
			got, orig, ok := Suspect(l)
			if !ok || got != enc || !sameAsSeed(orig, f, enc) {
				t.Errorf("Suspect(%q) = %v, %q, %v; want %v, %q", l, got, orig, ok, enc, f)
			}
		}
	}
}
