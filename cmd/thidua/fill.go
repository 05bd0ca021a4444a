package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"thidua/internal/fill"
	"thidua/internal/input"
	"thidua/internal/office"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/view"
	"thidua/internal/vn"
)

func init() {
	register(&command{
		name:    "fill",
		summary: "điền mẫu Word của đơn vị (có thẻ {{...}}) từ một bản ghi",
		usage:   "MẪU.docx BẢN_GHI.toml -o RA.docx [--pdf] [--moi DANH_SÁCH]",
		help: `Điền các thẻ trong mẫu Word (.docx) bằng dữ liệu của bản ghi; cách gõ thẻ xem docs/mau-word.md.
Mọi lỗi của mẫu (thẻ sai, vòng lặp thiếu {{end}}, trường không có) và mọi giá trị bản ghi còn
thiếu được báo cùng lúc, kèm vị trí trong mẫu. Mẫu là tệp lạ: tệp có macro (.docm), tệp giải nén
quá lớn hay chứa đường dẫn không an toàn đều bị từ chối.
--moi thanh_vien: điền một bản cho mỗi mục của danh sách (trong mẫu, mục đó là .muc, ví dụ
{{.muc.ten}}); khi đó -o là thư mục.
--pdf: thêm bản PDF của từng tệp, chuyển bằng LibreOffice (cần cài LibreOffice); với
-o RA.pdf --pdf thì chỉ ghi bản PDF.
Mẫu Word lớn quá 64 MB bị từ chối; vòng lặp quá 100000 lần, văn bản điền ra quá 256 MB cũng
dừng. Mẫu tin được mà lớn hơn thì nâng giới hạn cho lần chạy đó: --gioi-han-mau 128MB,
--gioi-han-lap 500000, --gioi-han-ra 512MB, --gioi-han-chu 64MB (xem docs/gioi-han.md).`,
		flags: func(fs *flag.FlagSet) { fillFlags(fs) },
		run:   runFill,
	})
}

type fillOpts struct {
	out, each string
	pdf       bool
	// The limits a clerk may raise for a form they trust (docs/gioi-han.md).
	formSize, textSize, outSize string
	iterations                  int
}

func fillFlags(fs *flag.FlagSet) *fillOpts {
	o := &fillOpts{}
	def := fill.Limits{}.WithDefaults()
	mb := func(n int64) string { return strings.ReplaceAll(input.FormatSize(n), " ", "") }
	fs.StringVar(&o.formSize, "gioi-han-mau", "", "`CỠ` tối đa của tệp mẫu Word, ví dụ 128MB (mặc định: "+mb(input.Word.Default)+" hoặc biến môi trường "+input.Word.Env+")")
	fs.StringVar(&o.textSize, "gioi-han-chu", mb(def.MaxTextSize), "`CỠ` tối đa của phần chữ được điền (thân, đầu trang, chân trang...) sau khi giải nén")
	fs.StringVar(&o.outSize, "gioi-han-ra", mb(def.MaxOutputSize), "`CỠ` tối đa của văn bản điền ra, chưa nén")
	fs.IntVar(&o.iterations, "gioi-han-lap", def.MaxIterations, "tổng số lần lặp tối đa của mọi vòng {{range}} trong một lần điền")
	fs.StringVar(&o.out, "o", "", "tệp ra (.docx), hoặc thư mục ra khi dùng --moi")
	fs.BoolVar(&o.pdf, "pdf", false, "thêm bản PDF (cần LibreOffice)")
	fs.StringVar(&o.each, "moi", "", "điền một bản cho mỗi mục của danh sách này (ví dụ thanh_vien)")
	return o
}

func runFill(e *env, args []string) int {
	c := find("fill")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := fillFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	if len(rest) != 2 {
		return usageError(e, c, "cần một mẫu .docx và một bản ghi .toml")
	}
	if o.out == "" {
		return usageError(e, c, "cần -o: tệp ra (hoặc thư mục ra khi dùng --moi)")
	}
	pdfOnly := o.each == "" && strings.EqualFold(filepath.Ext(o.out), ".pdf")
	if pdfOnly && !o.pdf {
		return usageError(e, c, "-o %s: fill viết tệp Word (.docx), không viết thẳng ra PDF; muốn bản PDF thì thêm --pdf (cần LibreOffice): -o %s --pdf, hoặc ghi -o %s", o.out, o.out, strings.TrimSuffix(o.out, filepath.Ext(o.out))+".docx")
	}
	if o.pdf {
		if _, err := office.Find(); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitInput
		}
	}
	lim, formKind, msg := o.limits()
	if msg != "" {
		return usageError(e, c, "%s", msg)
	}
	formPath, recPath := rest[0], rest[1]
	src, err := input.ReadFile(formPath, formKind)
	if err != nil {
		fmt.Fprintln(e.stderr, record.ReadError(formPath, "không đọc được mẫu Word: ", "kiểm tra lại đường dẫn và tên tệp (đuôi .docx)", err))
		return exitInput
	}
	rec, err := record.Load(recPath)
	if err != nil {
		return reportRecordError(e, err)
	}
	data, err := render.Data(rec)
	if err != nil {
		return reportRecordError(e, err)
	}
	paths := append(view.Paths(rec), view.PathsOf(data)...)
	var items []map[string]any
	if o.each != "" {
		list, ok := data[o.each].([]map[string]any)
		if !ok {
			return usageError(e, c, "--moi %q: bản ghi không có danh sách này (ví dụ: --moi thanh_vien)", o.each)
		}
		items = list
		for _, p := range paths {
			if rest, ok := strings.CutPrefix(p, o.each+"[]."); ok {
				paths = append(paths, "muc."+rest)
			}
		}
	}
	schema, err := fill.NewSchema(paths...)
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua: %v\n", err)
		return exitInternal
	}
	form, err := fill.Parse(src, fill.Options{Funcs: view.Funcs(), Schema: schema, Limits: lim})
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", formPath, err)
		raiseHint(e, err, lim)
		return exitInput
	}
	type job struct {
		dir, name string
		data      map[string]any
	}
	var jobs []job
	if pdfOnly {
		// -o x.pdf --pdf: the .docx is made in a folder of its own, and
		// only its PDF is written where asked.
		tmp, err := os.MkdirTemp("", "thidua-fill-")
		if err != nil {
			fmt.Fprintf(e.stderr, "không tạo được thư mục tạm: %v\n", err)
			return exitInternal
		}
		defer os.RemoveAll(tmp)
		jobs = append(jobs, job{tmp, strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out)) + ".docx", data})
	} else if items == nil {
		jobs = append(jobs, job{filepath.Dir(o.out), filepath.Base(o.out), data})
	} else {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "không tạo được thư mục %s: %v\n", o.out, err)
			return exitInternal
		}
		base := strings.TrimSuffix(filepath.Base(formPath), filepath.Ext(formPath))
		names := vn.NewSlugSet(120)
		for _, it := range items {
			d := make(map[string]any, len(data)+1)
			for k, v := range data {
				d[k] = v
			}
			d["muc"] = it
			label := fmt.Sprint(it["stt"])
			for _, k := range []string{"id", "ten_ngan", "ten", "ho_ten"} {
				if s, ok := it[k].(string); ok && s != "" {
					label = s
					break
				}
			}
			jobs = append(jobs, job{o.out, names.Add(base+"-"+label) + ".docx", d})
		}
	}
	exit := exitOK
	var written []string
	for _, j := range jobs {
		out, err := form.Execute(j.data)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", formPath, err)
			raiseHint(e, err, lim)
			exit = exitInput
			var fe *fill.Error
			if errors.As(err, &fe) {
				break // the same problems would repeat for every copy
			}
			continue
		}
		res, err := output.Write(j.dir, j.name, out)
		if err != nil {
			fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", j.name, err)
			return exitInternal
		}
		path := filepath.Join(j.dir, j.name)
		if !pdfOnly {
			fmt.Fprintf(e.stdout, "%s %s (%s)\n", resultWord(res), path, size(len(out)))
		}
		written = append(written, path)
	}
	if o.pdf && len(written) > 0 {
		pdfs, err := office.ToPDFs(context.Background(), filepath.Dir(written[0]), written...)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitInternal
		}
		if pdfOnly {
			return writePDFAs(e, pdfs[0], o.out)
		}
		for _, p := range pdfs {
			fmt.Fprintf(e.stdout, "Đã ghi %s\n", p)
		}
	}
	return exit
}

// limits reads the limit options: the fill's limits, the kind of the
// form's file with its size limit, or a message saying what is wrong.
func (o *fillOpts) limits() (fill.Limits, *input.Kind, string) {
	var lim fill.Limits
	size := func(name, v string) (int64, string) {
		if v == "" {
			return 0, ""
		}
		n, err := input.ParseSize(v)
		if err != nil {
			return 0, fmt.Sprintf("--%s %q: ghi một cỡ như 128MB, 500KB hoặc 1GB (số không có đơn vị là MB)", name, v)
		}
		return n, ""
	}
	form, msg := size("gioi-han-mau", o.formSize)
	if msg == "" {
		lim.MaxTextSize, msg = size("gioi-han-chu", o.textSize)
	}
	if msg == "" {
		lim.MaxOutputSize, msg = size("gioi-han-ra", o.outSize)
	}
	if msg == "" && o.iterations <= 0 {
		msg = fmt.Sprintf("--gioi-han-lap %d: ghi một số lần lặp lớn hơn 0, ví dụ 500000", o.iterations)
	}
	lim.MaxIterations = o.iterations
	return lim, input.Word.WithFlag("--gioi-han-mau", form), msg
}

// raiseHint says which option raises the limit a fill went past (for a
// form the clerk trusts), with twice the limit in effect as an example.
func raiseHint(e *env, err error, lim fill.Limits) {
	lim = lim.WithDefaults()
	mb := func(n int64) string { return strings.ReplaceAll(input.FormatSize(max(2*n, 1<<20)), " ", "") }
	var opt string
	switch fill.LimitOf(err) {
	case fill.LimitIterations:
		opt = fmt.Sprintf("--gioi-han-lap %d", 2*lim.MaxIterations)
	case fill.LimitOutput:
		opt = "--gioi-han-ra " + mb(lim.MaxOutputSize)
	case fill.LimitText:
		opt = "--gioi-han-chu " + mb(lim.MaxTextSize)
	default:
		return
	}
	fmt.Fprintf(e.stderr, "    Nếu mẫu và hồ sơ đúng là lớn như vậy: nâng giới hạn cho lần chạy này, ví dụ %s (xem docs/gioi-han.md)\n", opt)
}

// writePDFAs puts the PDF LibreOffice made at from into the file out,
// atomically, as every other paper is written.
func writePDFAs(e *env, from, out string) int {
	data, err := os.ReadFile(from) // made by us a moment ago, in our own folder
	if err == nil {
		var res output.Result
		if res, err = output.Write(filepath.Dir(out), filepath.Base(out), data); err == nil {
			fmt.Fprintf(e.stdout, "%s %s (%s)\n", resultWord(res), out, size(len(data)))
			return exitOK
		}
	}
	fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", out, err)
	return exitInternal
}
