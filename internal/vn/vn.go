// Package vn knows the rules of written Vietnamese that official papers
// follow: Unicode normalisation and tone-mark placement, legacy 8-bit
// encodings, numbers and money in the decree's style, dates, personal
// names, collation and file-name slugs.
//
// Every other package formats a number, a date or a name through vn;
// nothing else does it by hand.
package vn

import (
	"errors"
	"time"
)

// errTODO marks functions whose implementation lands with issue 3.
var errTODO = errors.New("vn: not implemented yet")

// ToneStyle chooses where a tone mark sits on the vowel pairs oa, oe, uy:
// ToneModern writes "hòa", "thủy" (the style of the decree's own examples),
// ToneClassic writes "hoà", "thuỷ".
type ToneStyle int

const (
	ToneModern ToneStyle = iota
	ToneClassic
)

// Normalize returns s in NFC with tone marks placed in the given style.
func Normalize(s string, style ToneStyle) string { return s }

// Encoding names a legacy Vietnamese 8-bit encoding.
type Encoding int

const (
	Unicode     Encoding = iota // not legacy
	TCVN3                       // TCVN 5712 (ABC), fonts such as .VnTime
	VNI                         // VNI Windows, fonts such as VNI-Times
	Windows1258                 // CP1258 with combining tone marks
)

// Suspect reports whether s looks like Vietnamese in a legacy encoding
// read as if it were Unicode, and if so which encoding and what the text
// most likely said.
func Suspect(s string) (enc Encoding, original string, ok bool) { return Unicode, "", false }

// FromLegacy converts s, Vietnamese written in enc and read as Unicode, to NFC.
func FromLegacy(s string, enc Encoding) (string, error) { return "", errTODO }

// FormatInt writes n with "." between thousands: 2340000 -> "2.340.000".
func FormatInt(n int64) string { return "" }

// FormatNumber writes x with the given number of decimals, "." between
// thousands and "," before the decimals: 31434.47, 2 -> "31.434,47".
func FormatNumber(x float64, decimals int) string { return "" }

// FormatPercent writes x as a percentage with the given decimals: 43.31 -> "43,31%".
func FormatPercent(x float64, decimals int) string { return "" }

// MoneyWords spells an amount of đồng the way treasury papers do, with a
// capital first letter: 2340000 -> "Hai triệu ba trăm bốn mươi nghìn đồng".
func MoneyWords(n int64) string { return "" }

// NumberWords spells n in lower case without a unit: 105 -> "một trăm linh năm".
func NumberWords(n int64) string { return "" }

// DecreeDate writes t as the decree wants it: "ngày 05 tháng 01 năm 2024".
func DecreeDate(t time.Time) string { return "" }

// PlaceDate writes the place-and-date line of a paper:
// "Nghệ An, ngày 05 tháng 01 năm 2024".
func PlaceDate(place string, t time.Time) string { return "" }

// Weekday names the day of the week: "Thứ Năm", "Chủ nhật".
func Weekday(t time.Time) string { return "" }

// ParseDate reads a date written "dd/mm/yyyy" (or "d/m/yyyy") and rejects
// dates that do not exist.
func ParseDate(s string) (time.Time, error) { return time.Time{}, errTODO }

// Upper capitalises s keeping every diacritic: "Ủy ban" -> "ỦY BAN".
func Upper(s string) string { return s }

// Slug makes a safe ASCII file name from s: "UBND tỉnh Thừa Thiên Huế" ->
// "ubnd-tinh-thua-thien-hue"; never empty, never longer than max bytes.
func Slug(s string, max int) string { return "" }
