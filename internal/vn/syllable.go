package vn

// maxLetters bounds a Vietnamese syllable: "nghiêng" has seven letters.
const maxLetters = 8

// letter is one letter of a word being parsed.
type letter struct {
	r     rune  // the letter as written
	low   rune  // lower case, without tone (but with ă â ê ô ơ ư đ)
	vowel uint8 // vowel code or 0
	tone  uint8
	upper bool
}

// Onset kinds that change how the vowel cluster is read.
const (
	onsetOther = iota
	onsetQu    // the u of qu- belongs to the onset: quý, qua
	onsetGi    // the i of gi- belongs to the onset: già, giữ
)

// syllable is a parsed Vietnamese syllable: letters [0,vs) are the onset,
// [vs,ve) the vowel cluster, [ve,n) the final consonant.
type syllable struct {
	l       [maxLetters]letter
	n       int
	vs, ve  int
	onset   int
	tonePos int // index of the toned letter, -1 when level tone
}

// Cluster classes: whether a vowel cluster takes a final consonant.
const (
	codaMay  = 1 // hoa, hoan
	codaMust = 2 // ăn, tiên
	codaNone = 3 // ai, ngoài
)

// clusterKey packs up to three vowel codes.
func clusterKey(v ...uint8) uint16 {
	var k uint16
	for i, c := range v {
		k |= uint16(c) << (4 * i)
	}
	return k
}

// clusters lists every vowel cluster of standard Vietnamese spelling after
// an ordinary onset (or none); clustersQu those after qu-.
var clusters, clustersQu [1 << 12]uint8

func init() {
	add := func(m *[1 << 12]uint8, class uint8, spellings ...string) {
		for _, s := range spellings {
			var v []uint8
			for _, r := range s {
				v = append(v, lookup(r).vowel)
			}
			m[clusterKey(v...)] = class
		}
	}
	add(&clusters, codaMay, "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oe", "uê", "uy")
	add(&clusters, codaMust, "ă", "â", "iê", "oă", "oo", "uâ", "uô", "ươ", "yê", "uyê")
	add(&clusters, codaNone, "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
		"ua", "ui", "uơ", "ưa", "ưi", "ưu", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu")
	add(&clustersQu, codaMay, "a", "e", "ê", "i", "y", "ơ")
	add(&clustersQu, codaMust, "ă", "â", "ô", "yê")
	add(&clustersQu, codaNone, "ai", "ao", "ay", "ây", "eo")
}

// onsetLen returns how many letters the initial consonant takes, or -1
// when the word starts with letters no Vietnamese onset has.
func (sy *syllable) onsetLen() int {
	at := func(i int) rune {
		if i < sy.n {
			return sy.l[i].low
		}
		return 0
	}
	switch at(0) {
	case 'n':
		switch {
		case at(1) == 'g' && at(2) == 'h':
			return 3
		case at(1) == 'g', at(1) == 'h':
			return 2
		}
		return 1
	case 'c', 'k', 'p':
		if at(1) == 'h' {
			return 2
		}
		return 1
	case 'g':
		if at(1) == 'h' || at(1) == 'i' {
			return 2
		}
		return 1
	case 't':
		if at(1) == 'h' || at(1) == 'r' {
			return 2
		}
		return 1
	case 'q':
		if at(1) == 'u' {
			return 2
		}
		return -1
	case 'b', 'd', 'đ', 'h', 'l', 'm', 'r', 's', 'v', 'x':
		return 1
	case 'f', 'j', 'w', 'z':
		return -1
	}
	return 0
}

// codas lists the final consonants; -k is only in Central Highlands
// place names (Đắk Lắk, Đắk Nông).
var codas = []string{"c", "ch", "k", "m", "n", "ng", "nh", "p", "t"}

// spells reports whether letters [i,j) spell exactly p, an ASCII string.
func (sy *syllable) spells(i, j int, p string) bool {
	if j-i != len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if sy.l[i+k].low != rune(p[k]) {
			return false
		}
	}
	return true
}

// parse reads word as one Vietnamese syllable: letters, onset, vowel
// cluster and final consonant must all be allowed by the spelling rules,
// and at most one letter may carry a tone. It does not look at case or
// at which vowel carries the tone.
func (sy *syllable) parse(word string) bool {
	sy.n, sy.tonePos = 0, -1
	for _, r := range word {
		if sy.n == maxLetters {
			return false
		}
		li := lookup(r)
		if !li.known {
			return false
		}
		low := li.base
		switch {
		case li.vowel != 0:
			low = vowelBases[li.vowel]
		case low == 'Đ':
			low = 'đ'
		case li.upper:
			low += 'a' - 'A'
		}
		if li.tone != toneNone {
			if sy.tonePos >= 0 {
				return false
			}
			sy.tonePos = sy.n
		}
		sy.l[sy.n] = letter{r: r, low: low, vowel: li.vowel, tone: li.tone, upper: li.upper}
		sy.n++
	}
	if sy.n == 0 {
		return false
	}
	// Onset.
	sy.vs, sy.onset = sy.onsetLen(), onsetOther
	if sy.vs < 0 {
		return false
	}
	switch {
	case sy.spells(0, sy.vs, "qu"):
		sy.onset = onsetQu
		if sy.vs >= sy.n || sy.l[sy.vs].vowel == 0 {
			return false
		}
	case sy.spells(0, sy.vs, "gi"):
		sy.onset = onsetGi
		if sy.vs >= sy.n || sy.l[sy.vs].vowel == 0 {
			// gì, gìn: g- followed by the vowel i.
			sy.vs, sy.onset = 1, onsetOther
		}
	}
	// Vowel cluster.
	sy.ve = sy.vs
	for sy.ve < sy.n && sy.l[sy.ve].vowel != 0 {
		sy.ve++
	}
	k := sy.ve - sy.vs
	if k == 0 || k > 3 {
		return false
	}
	var v [3]uint8
	for i := 0; i < k; i++ {
		v[i] = sy.l[sy.vs+i].vowel
	}
	table := &clusters
	if sy.onset == onsetQu {
		table = &clustersQu
	}
	class := table[clusterKey(v[:k]...)]
	if class == 0 {
		return false
	}
	// Final consonant.
	coda := ""
	if sy.ve < sy.n {
		for _, c := range codas {
			if sy.spells(sy.ve, sy.n, c) {
				coda = c
				break
			}
		}
		if coda == "" || class == codaNone {
			return false
		}
	} else if class == codaMust {
		return false
	}
	return sy.spellingOK(v[:k], coda)
}

// spellingOK checks the rules that tie letters together: k/gh/ngh before
// front vowels, c/g/ng elsewhere, and which vowels take -ch, -nh, -c, -ng.
func (sy *syllable) spellingOK(v []uint8, coda string) bool {
	first, last := v[0], v[len(v)-1]
	front := first == vI || first == vE || first == vEe || first == vY
	switch {
	case sy.spells(0, sy.vs, "k"), sy.spells(0, sy.vs, "gh"), sy.spells(0, sy.vs, "ngh"):
		if !front || (first == vY && !sy.spells(0, sy.vs, "k")) {
			return false
		}
	case sy.spells(0, sy.vs, "c"), sy.spells(0, sy.vs, "ng"):
		if front {
			return false
		}
	case sy.spells(0, sy.vs, "g"):
		if front && first != vI {
			return false
		}
	}
	single := len(v) == 1
	switch coda {
	case "ch", "nh":
		ok := single && (first == vA || first == vEe || first == vI) ||
			len(v) == 2 && (v[0] == vO && v[1] == vA || v[0] == vU && (v[1] == vEe || v[1] == vY)) ||
			sy.onset == onsetQu && single && (first == vEe || first == vY)
		if !ok {
			return false
		}
	case "c", "ng":
		if last == vI || last == vY || single && first == vEe || len(v) == 2 && v[0] == vU && v[1] == vEe {
			return false
		}
	}
	// Syllables closed by a stop take only the rising or the heavy tone.
	if coda == "c" || coda == "ch" || coda == "k" || coda == "p" || coda == "t" {
		if sy.tonePos < 0 {
			return false
		}
		if t := sy.l[sy.tonePos].tone; t != toneSac && t != toneNang {
			return false
		}
	}
	return true
}

// cluster returns the vowel codes of the cluster.
func (sy *syllable) cluster() (v [3]uint8, k int) {
	for i := sy.vs; i < sy.ve; i++ {
		v[k] = sy.l[i].vowel
		k++
	}
	return v, k
}

// isStylePair reports whether the cluster is oa, oe or uy, the three
// pairs whose tone position depends on the style in open syllables.
func (sy *syllable) isStylePair() bool {
	v, k := sy.cluster()
	return k == 2 && (v[0] == vO && (v[1] == vA || v[1] == vE) || v[0] == vU && v[1] == vY)
}

// tonePlace returns the index of the letter that carries the tone.
func (sy *syllable) tonePlace(style ToneStyle) int {
	// A vowel with a diacritic takes the tone (for ươ, the ơ).
	for i := sy.ve - 1; i >= sy.vs; i-- {
		switch sy.l[i].vowel {
		case vAw, vAa, vEe, vOo, vOw, vUw:
			return i
		}
	}
	k := sy.ve - sy.vs
	switch {
	case sy.ve < sy.n: // closed syllable: the last vowel
		return sy.ve - 1
	case k == 3: // oai, oay, uya, uyu, oeo: the middle vowel
		return sy.vs + 1
	case k == 2 && sy.isStylePair() && style == ToneClassic:
		return sy.vs + 1
	}
	return sy.vs
}

// caseOK accepts "hoa", "Hoa" and "HOA" but not "hOa".
func (sy *syllable) caseOK() bool {
	upper := 0
	for i := 0; i < sy.n; i++ {
		if sy.l[i].upper {
			upper++
		}
	}
	return upper == 0 || upper == sy.n || upper == 1 && sy.l[0].upper
}

// isSyllable reports whether word is a well-formed Vietnamese syllable,
// with its tone (if any) on a vowel where either style may put it.
func isSyllable(word string) bool {
	var sy syllable
	if !sy.parse(word) || !sy.caseOK() {
		return false
	}
	if sy.tonePos < 0 {
		return true
	}
	return sy.tonePos == sy.tonePlace(ToneModern) || sy.tonePos == sy.tonePlace(ToneClassic)
}
