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
Mẫu Word lớn quá 64 MB bị từ chối (đổi bằng biến môi trường THIDUA_GIOI_HAN_MAU_WORD,
xem docs/gioi-han.md).`,
		flags: func(fs *flag.FlagSet) { fillFlags(fs) },
		run:   runFill,
	})
}

type fillOpts struct {
	out, each string
	pdf       bool
}

func fillFlags(fs *flag.FlagSet) *fillOpts {
	o := &fillOpts{}
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
	formPath, recPath := rest[0], rest[1]
	src, err := input.ReadFile(formPath, input.Word)
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
	form, err := fill.Parse(src, fill.Options{Funcs: view.Funcs(), Schema: schema})
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", formPath, err)
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
