// Command gen writes the font definitions package pdf embeds: for each of
// the four faces in fonts/, two single-byte encodings (fpdf's fast,
// non-UTF-8 font path) that between them cover fonts/charset.txt, and the
// face itself, compressed once.
//
// Run it from internal/pdf with `go generate` after fonts/ changes.
//
// Encoding "b" holds printable ASCII minus a few symbols rare in
// Vietnamese papers, every Vietnamese letter and the common typographic
// punctuation, so that ordinary text is set in one encoding without font
// switches. Encoding "a" is Windows-1252 restricted to the charset, with
// its unused codes given to the remaining characters (№, ≤, ...).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"thidua/fonts"
)

// freedASCII are the ASCII codes encoding b gives to Vietnamese letters.
const freedASCII = "`^~|\\{}@#$_"

// preferB are the non-letter characters encoding b also carries, in order.
const preferB = "“”‘’–…"

type slot struct {
	r    rune
	name string
}

func main() {
	log.SetFlags(0)
	cp1252, err := readMap(filepath.Join(fpdfDir(), "font", "cp1252.map"))
	if err != nil {
		log.Fatal(err)
	}
	names := map[rune]string{}
	cpPos := map[rune]int{}
	for pos, s := range cp1252 {
		if s.name != "" && s.name != ".notdef" {
			names[s.r] = s.name
			cpPos[s.r] = pos
		}
	}
	nameOf := func(r rune) string {
		if n, ok := names[r]; ok && r != 0xA0 {
			return n
		}
		return fmt.Sprintf("uni%04X", r)
	}
	charset := fonts.Charset()
	isViet := func(r rune) bool { return r > 0x7F && unicode.IsLetter(r) && isVietLetter(r) }

	var a, b [256]slot
	placed := map[rune]bool{}
	// b: ASCII, then Vietnamese letters and preferred punctuation.
	var freeB []int
	for c := 32; c < 127; c++ {
		if strings.ContainsRune(freedASCII, rune(c)) {
			freeB = append(freeB, c)
			continue
		}
		b[c] = slot{rune(c), nameOf(rune(c))}
	}
	for c := 127; c < 256; c++ {
		freeB = append(freeB, c)
	}
	var wantB []rune
	for _, r := range charset {
		if isViet(r) {
			wantB = append(wantB, r)
		}
	}
	wantB = append(wantB, []rune(preferB)...)
	if len(wantB) > len(freeB) {
		log.Fatalf("encoding b: %d characters for %d codes", len(wantB), len(freeB))
	}
	for i, r := range wantB {
		b[freeB[i]] = slot{r, nameOf(r)}
	}
	// a: Windows-1252 positions, then the rest in the codes left over.
	for _, r := range charset {
		if pos, ok := cpPos[r]; ok && pos >= 32 {
			a[pos] = slot{r, nameOf(r)}
			placed[r] = true
		}
	}
	for _, r := range wantB {
		placed[r] = true
	}
	for c := 32; c < 127; c++ {
		placed[rune(c)] = true
	}
	var rest []rune
	for _, r := range charset {
		if !placed[r] {
			rest = append(rest, r)
		}
	}
	var freeA []int
	for c := 32; c < 256; c++ {
		if a[c].name == "" {
			freeA = append(freeA, c)
		}
	}
	if len(rest) > len(freeA) {
		log.Fatalf("encoding a: %d characters for %d codes", len(rest), len(freeA))
	}
	for i, r := range rest {
		a[freeA[i]] = slot{r, nameOf(r)}
	}

	out := "fontdata"
	tmp, err := os.MkdirTemp("", "thidua-fontgen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	// fpdf computes Differences against a cp1252.map beside the encoding.
	copyFile(filepath.Join(fpdfDir(), "font", "cp1252.map"), filepath.Join(tmp, "cp1252.map"))
	for enc, table := range map[string]*[256]slot{"a": &a, "b": &b} {
		var buf bytes.Buffer
		for c := 0; c < 256; c++ {
			s := table[c]
			if s.name == "" || c < 32 {
				fmt.Fprintf(&buf, "!%02X U+%04X .notdef\n", c, c)
				continue
			}
			fmt.Fprintf(&buf, "!%02X U+%04X %s\n", c, s.r, s.name)
		}
		mapFile := filepath.Join(tmp, "thidua-"+enc+".map")
		must(os.WriteFile(mapFile, buf.Bytes(), 0o644))
		must(os.WriteFile(filepath.Join(out, "thidua-"+enc+".map"), buf.Bytes(), 0o644))
		for _, st := range fonts.Styles {
			base := fonts.Family + "-" + st.Name()
			ttf := filepath.Join(tmp, base+".ttf")
			must(os.WriteFile(ttf, fonts.Get(st).TTF, 0o644))
			must(fpdf.MakeFont(ttf, mapFile, tmp, nil, true))
			def, err := os.ReadFile(filepath.Join(tmp, base+".json"))
			must(err)
			def = canonical(def)
			must(os.WriteFile(filepath.Join(out, base+"-"+enc+".json"), def, 0o644))
			z, err := os.ReadFile(filepath.Join(tmp, base+".z"))
			must(err)
			must(os.WriteFile(filepath.Join(out, base+".z"), z, 0o644))
		}
	}
	log.Printf("encoding a: %d free codes left; encoding b: %d", len(freeA)-len(rest), len(freeB)-len(wantB))
}

// canonical re-encodes a definition with sorted keys so that regenerating
// gives the same bytes.
func canonical(def []byte) []byte {
	var v map[string]any
	must(json.Unmarshal(def, &v))
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out, err := json.Marshal(v) // encoding/json sorts map keys
	must(err)
	return append(out, '\n')
}

// isVietLetter reports whether r is a letter of the Vietnamese alphabet
// with a diacritic (đ, ă, â, ê, ô, ơ, ư and any toned vowel).
func isVietLetter(r rune) bool {
	const viet = "ĂăÂâĐđÊêÔôƠơƯư" +
		"ÀÁẢÃẠàáảãạẰẮẲẴẶằắẳẵặẦẤẨẪẬầấẩẫậÈÉẺẼẸèéẻẽẹỀẾỂỄỆềếểễệÌÍỈĨỊìíỉĩị" +
		"ÒÓỎÕỌòóỏõọỒỐỔỖỘồốổỗộỜỚỞỠỢờớởỡợÙÚỦŨỤùúủũụỪỨỬỮỰừứửữựỲÝỶỸỴỳýỷỹỵ"
	return strings.ContainsRune(viet, r)
}

func readMap(path string) (m [256]slot, err error) {
	f, err := os.Open(path)
	if err != nil {
		return m, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var pos, uv int
		var name string
		if _, err := fmt.Sscanf(sc.Text(), "!%x U+%x %s", &pos, &uv, &name); err == nil && pos < 256 {
			m[pos] = slot{rune(uv), name}
		}
	}
	return m, sc.Err()
}

func fpdfDir() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/go-pdf/fpdf").Output()
	must(err)
	return strings.TrimSpace(string(out))
}

func copyFile(from, to string) {
	data, err := os.ReadFile(from)
	must(err)
	must(os.WriteFile(to, data, 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
