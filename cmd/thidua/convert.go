package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"thidua/internal/input"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/vn"
)

func init() {
	register(&command{
		name:    "convert",
		summary: "chuyển tệp gõ bằng bảng mã cũ (TCVN3/.VnTime, VNI, Windows-1258) sang Unicode",
		usage:   "TỆP [-o TỆP_RA] [--tu tcvn3|vni|cp1258] [--ghi-de]",
		help: `Đọc một tệp (thường là bản ghi .toml) có chữ gõ bằng phông .VnTime (TCVN3), VNI hoặc
Windows-1258, chuyển những dòng bị lỗi phông sang Unicode dựng sẵn (NFC), giữ nguyên các dòng
đã đúng. Tệp lưu dạng ANSI (không phải UTF-8) cũng đọc được. Bảng mã tự nhận ra; nếu nhận sai
thì chỉ định bằng --tu. Mỗi dòng đổi được in ra để kiểm tra lại.
Không có -o thì ghi ra TỆP.unicode.toml; --ghi-de thì thay chính TỆP (an toàn: ghi tệp tạm rồi đổi tên).`,
		flags: func(fs *flag.FlagSet) { convertFlags(fs) },
		run:   runConvert,
	})
}

type convertOpts struct {
	out, from string
	inPlace   bool
}

func convertFlags(fs *flag.FlagSet) *convertOpts {
	o := &convertOpts{}
	fs.StringVar(&o.out, "o", "", "tệp ghi kết quả (mặc định: TỆP.unicode.toml)")
	fs.StringVar(&o.from, "tu", "", "bảng mã của tệp: tcvn3, vni hoặc cp1258 (mặc định: tự nhận)")
	fs.BoolVar(&o.inPlace, "ghi-de", false, "ghi đè lên chính tệp vào")
	return o
}

func runConvert(e *env, args []string) int {
	c := find("convert")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := convertFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(e, c, "cần đúng một tệp")
	}
	if o.inPlace && o.out != "" {
		return usageError(e, c, "chọn một trong hai: -o hoặc --ghi-de")
	}
	in := rest[0]
	raw, err := input.ReadFile(in, input.Text)
	if err != nil {
		fmt.Fprintln(e.stderr, record.ReadError(in, "không đọc được tệp: ", "kiểm tra lại đường dẫn và tên tệp", err))
		return exitInput
	}
	text := string(raw)
	if !utf8.Valid(raw) {
		// An ANSI file: each byte is a legacy code; read it as Windows-1252
		// so that the converters see the same mojibake a UTF-8 copy shows.
		text, _ = charmap.Windows1252.NewDecoder().String(string(raw))
	}
	enc := vn.Unicode
	if o.from != "" {
		if enc, err = vn.ParseEncoding(o.from); err != nil {
			return usageError(e, c, "%v", err)
		}
	} else if enc, _, ok = vn.Suspect(text); !ok {
		// the whole file may be mostly ASCII: look line by line
		for _, l := range strings.Split(text, "\n") {
			if enc, _, ok = vn.Suspect(l); ok {
				break
			}
		}
		if !ok {
			fmt.Fprintf(e.stdout, "%s: không thấy chữ gõ bằng bảng mã cũ; tệp giữ nguyên. Nếu vẫn thấy lỗi phông, chỉ định bảng mã bằng --tu.\n", in)
			return exitOK
		}
	}
	lines := strings.SplitAfter(text, "\n")
	changed := 0
	for i, l := range lines {
		body := strings.TrimRight(l, "\r\n")
		if s, ok := convertLine(body, enc, o.from != ""); ok && s != body {
			fmt.Fprintf(e.stdout, "%s:%d: %s\n    -> %s\n", in, i+1, strings.TrimSpace(body), strings.TrimSpace(s))
			lines[i] = s + l[len(body):]
			changed++
		}
	}
	out := o.out
	if o.inPlace {
		out = in
	} else if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + ".unicode" + filepath.Ext(in)
	}
	if _, err := output.Write(filepath.Dir(out), filepath.Base(out), []byte(strings.Join(lines, ""))); err != nil {
		fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", out, err)
		return exitInternal
	}
	fmt.Fprintf(e.stdout, "Bảng mã %s: đã chuyển %d dòng, ghi %s\n", enc, changed, out)
	return exitOK
}

// convertLine converts one line from enc when it looks like that
// encoding's mojibake, or always when the user named the encoding and
// the line can be read in it.
func convertLine(s string, enc vn.Encoding, forced bool) (string, bool) {
	if got, orig, ok := vn.Suspect(s); ok && got == enc {
		return orig, true
	}
	if !forced {
		return "", false
	}
	out, err := vn.FromLegacy(s, enc)
	return out, err == nil
}
