// Package vn knows the rules of written Vietnamese that official papers
// follow: Unicode normalisation and tone-mark placement, legacy 8-bit
// encodings, numbers and money in the decree's style, dates, personal
// names, collation and file-name slugs.
//
// Every other package formats a number, a date or a name through vn;
// nothing else does it by hand. TemplateFuncs gives the functions
// templates use.
package vn

// ToneStyle chooses where a tone mark sits on the vowel pairs oa, oe, uy
// in an open syllable: ToneModern writes "hòa", "khỏe", "thủy" (the style
// of the decree's own examples, e.g. "Cộng hòa", "Ủy ban"), ToneClassic
// writes "hoà", "khoẻ", "thuỷ". (Linguists call the latter the "new"
// placement, on the main vowel; the names here follow the papers.)
type ToneStyle int

// The two tone styles.
const (
	ToneModern ToneStyle = iota
	ToneClassic
)

// Encoding names a legacy Vietnamese 8-bit encoding.
type Encoding int

// The encodings Suspect and FromLegacy know.
const (
	Unicode     Encoding = iota // not legacy
	TCVN3                       // TCVN 5712 (ABC), fonts such as .VnTime
	VNI                         // VNI Windows, fonts such as VNI-Times
	Windows1258                 // CP1258 with combining tone marks
)
