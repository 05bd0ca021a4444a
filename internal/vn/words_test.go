package vn

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Hand-worked readings (treasury and e-invoice style).
var moneyCases = []struct {
	n    int64
	want string
}{
	{0, "Không đồng"},
	{1, "Một đồng"},
	{4, "Bốn đồng"},
	{5, "Năm đồng"},
	{10, "Mười đồng"},
	{11, "Mười một đồng"},
	{14, "Mười bốn đồng"},
	{15, "Mười lăm đồng"},
	{19, "Mười chín đồng"},
	{20, "Hai mươi đồng"},
	{21, "Hai mươi mốt đồng"},
	{24, "Hai mươi tư đồng"},
	{25, "Hai mươi lăm đồng"},
	{30, "Ba mươi đồng"},
	{41, "Bốn mươi mốt đồng"},
	{44, "Bốn mươi tư đồng"},
	{55, "Năm mươi lăm đồng"},
	{90, "Chín mươi đồng"},
	{91, "Chín mươi mốt đồng"},
	{99, "Chín mươi chín đồng"},
	{100, "Một trăm đồng"},
	{101, "Một trăm linh một đồng"},
	{104, "Một trăm linh bốn đồng"},
	{105, "Một trăm linh năm đồng"},
	{110, "Một trăm mười đồng"},
	{111, "Một trăm mười một đồng"},
	{115, "Một trăm mười lăm đồng"},
	{121, "Một trăm hai mươi mốt đồng"},
	{205, "Hai trăm linh năm đồng"},
	{250, "Hai trăm năm mươi đồng"},
	{999, "Chín trăm chín mươi chín đồng"},
	{1000, "Một nghìn đồng"},
	{1001, "Một nghìn không trăm linh một đồng"},
	{1005, "Một nghìn không trăm linh năm đồng"},
	{1010, "Một nghìn không trăm mười đồng"},
	{1015, "Một nghìn không trăm mười lăm đồng"},
	{1021, "Một nghìn không trăm hai mươi mốt đồng"},
	{1100, "Một nghìn một trăm đồng"},
	{1500, "Một nghìn năm trăm đồng"},
	{2024, "Hai nghìn không trăm hai mươi tư đồng"},
	{7000, "Bảy nghìn đồng"},
	{10000, "Mười nghìn đồng"},
	{15000, "Mười lăm nghìn đồng"},
	{21000, "Hai mươi mốt nghìn đồng"},
	{24500, "Hai mươi tư nghìn năm trăm đồng"},
	{100000, "Một trăm nghìn đồng"},
	{105000, "Một trăm linh năm nghìn đồng"},
	{120000, "Một trăm hai mươi nghìn đồng"},
	{250000, "Hai trăm năm mươi nghìn đồng"},
	{702000, "Bảy trăm linh hai nghìn đồng"},
	{1000000, "Một triệu đồng"},
	{1000005, "Một triệu không trăm linh năm đồng"},
	{1000050, "Một triệu không trăm năm mươi đồng"},
	{1005000, "Một triệu không trăm linh năm nghìn đồng"},
	{1050000, "Một triệu không trăm năm mươi nghìn đồng"},
	{1404000, "Một triệu bốn trăm linh bốn nghìn đồng"},
	{1500000, "Một triệu năm trăm nghìn đồng"},
	{1800000, "Một triệu tám trăm nghìn đồng"},
	{2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"},
	{3510000, "Ba triệu năm trăm mười nghìn đồng"},
	{10530000, "Mười triệu năm trăm ba mươi nghìn đồng"},
	{18720000, "Mười tám triệu bảy trăm hai mươi nghìn đồng"},
	{28080000, "Hai mươi tám triệu không trăm tám mươi nghìn đồng"},
	{100000000, "Một trăm triệu đồng"},
	{999999999, "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
	{1000000000, "Một tỷ đồng"},
	{1000000001, "Một tỷ không trăm linh một đồng"},
	{1000001000, "Một tỷ không trăm linh một nghìn đồng"},
	{1005000000, "Một tỷ không trăm linh năm triệu đồng"},
	{2000500000, "Hai tỷ năm trăm nghìn đồng"},
	{31434470000, "Ba mươi mốt tỷ bốn trăm ba mươi tư triệu bốn trăm bảy mươi nghìn đồng"},
	{1000000000000, "Một nghìn tỷ đồng"},
	{1234567890123, "Một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba đồng"},
	{5000000005000, "Năm nghìn tỷ không trăm linh năm nghìn đồng"},
	{999999999999999, "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
	{1000000000000000, "Một triệu tỷ đồng"},
	{1000000000000000000, "Một tỷ tỷ đồng"},
	{math.MaxInt64, "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy đồng"},
	{-1, "Âm một đồng"},
	{-2340000, "Âm hai triệu ba trăm bốn mươi nghìn đồng"},
	{math.MinInt64, "Âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám đồng"},
}

func TestMoneyWords(t *testing.T) {
	if len(moneyCases) < 60 {
		t.Fatalf("only %d money cases; the issue asks for 60", len(moneyCases))
	}
	for _, c := range moneyCases {
		if got := MoneyWords(c.n); got != c.want {
			t.Errorf("MoneyWords(%d)\n got %q\nwant %q", c.n, got, c.want)
		}
		if got, err := ParseWords(c.want); err != nil || got != c.n {
			t.Errorf("ParseWords(%q) = %d, %v; want %d", c.want, got, err, c.n)
		}
	}
}

func TestNumberWords(t *testing.T) {
	for n, want := range map[int64]string{
		0:       "không",
		5:       "năm",
		21:      "hai mươi mốt",
		105:     "một trăm linh năm",
		-3:      "âm ba",
		1000005: "một triệu không trăm linh năm",
	} {
		if got := NumberWords(n); got != want {
			t.Errorf("NumberWords(%d) = %q; want %q", n, got, want)
		}
	}
}

func TestParseWordsVariants(t *testing.T) {
	for in, want := range map[string]int64{
		"Một trăm lẻ năm đồng":                 105,
		"một trăm linh tư":                     104,
		"một ngàn":                             1000,
		"hai tỉ":                               2_000_000_000,
		"hai mươi một":                         21,
		"hai mươi bốn":                         24,
		"hai mươi năm":                         25,
		"mười tư":                              14,
		"MỘT TRIỆU ĐỒNG CHẴN":                  1_000_000,
		"hai nghìn linh năm":                   2005,
		"  Hai   triệu, ba trăm nghìn đồng.  ": 2_300_000,
		"Một triệu đồng./.":                    1_000_000,
		norm.NFD.String("Một trăm hai mươi lăm nghìn đồng"): 125_000,
		"âm không":         0,
		"chín tỷ tỷ":       9_000_000_000_000_000_000,
		"năm nghìn tỷ":     5_000_000_000_000,
		"hai triệu mười":   2_000_010,
		"ba mươi tư triệu": 34_000_000,
	} {
		if got, err := ParseWords(in); err != nil || got != want {
			t.Errorf("ParseWords(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

func TestParseWordsErrors(t *testing.T) {
	for in, word := range map[string]string{
		"":                           "chưa có chữ số",
		"đồng":                       "chưa có chữ số",
		"một trăm năm":               `"năm"`, // 105 or 150?
		"một triệu hai":              `"hai"`, // 1.000.002 or 1.200.000?
		"nghìn":                      `"nghìn"`,
		"hai nghìn ba trăm nghìn":    `"nghìn"`,
		"một nghìn triệu":            `"triệu"`,
		"mười mốt":                   `"mốt"`,
		"không trăm linh năm":        "không trăm",
		"một trăm abc":               `"abc"`,
		"linh năm":                   `"linh"`,
		"mười tỷ tỷ":                 "quá lớn",
		"hai triệu không trăm nghìn": "không",
	} {
		_, err := ParseWords(in)
		if err == nil || !strings.Contains(err.Error(), word) {
			t.Errorf("ParseWords(%q) error = %v; want one mentioning %s", in, err, word)
		}
	}
}

// TestParseWordsRoundTrip reads back the words of 10.000 random numbers of
// every size, with zero groups inside, positive and negative.
func TestParseWordsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 2024))
	for i := 0; i < 10000; i++ {
		n := randomAmount(r)
		for _, w := range []string{NumberWords(n), MoneyWords(n)} {
			if got, err := ParseWords(w); err != nil || got != n {
				t.Fatalf("ParseWords(%q) = %d, %v; want %d", w, got, err, n)
			}
		}
	}
}

// randomAmount draws a number of 1 to 19 digits, with some of its
// three-digit groups and digits zeroed, and a random sign.
func randomAmount(r *rand.Rand) int64 {
	digits := 1 + r.IntN(19)
	var n uint64
	for d := 0; d < digits; d++ {
		n = n*10 + uint64(r.IntN(10))
		if r.IntN(4) == 0 {
			n -= n % 10 // more zeros than chance gives
		}
	}
	if r.IntN(3) == 0 {
		g := uint64(math.Pow10(3 * r.IntN(6)))
		n -= n / g % 1000 * g // zero a whole group
	}
	if r.IntN(5) == 0 {
		return -int64(n & math.MaxInt64)
	}
	return int64(n & math.MaxInt64)
}
