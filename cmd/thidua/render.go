package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/sheet"
)

func init() {
	register(&command{
		name:    "render",
		summary: "viết giấy tờ của một bản ghi ra DOCX và PDF (và bảng tính XLSX)",
		usage:   "BẢN_GHI.toml [-o THƯ_MỤC] [--giay TÊN,...] [--dinh-dang docx,pdf,xlsx] [--mau THƯ_MỤC_MẪU]",
		help: `Đọc bản ghi, kiểm tra, rồi viết mọi giấy tờ mà bản ghi có đủ dữ liệu (hoặc chỉ những
giấy tờ chọn bằng --giay) vào thư mục ra. Mỗi tệp được ghi trọn vẹn rồi mới thay tệp cũ;
tệp không đổi nội dung thì để nguyên. Bản ghi có lỗi thì không ghi tệp nào.
--dinh-dang xlsx viết thêm bảng tính Excel của các giấy tờ có bảng (bảng điểm và xếp hạng, chỉ
tiêu, kết quả bình xét, danh sách đề nghị, tổng hợp tiền thưởng): ô số thật, công thức tính tổng
và tỷ lệ, tiêu đề cột cố định và in lặp lại, trang A4, phần đầu văn bản theo Nghị định 30.`,
		flags: func(fs *flag.FlagSet) { renderFlags(fs) },
		run:   runRender,
	})
}

type renderOpts struct {
	out, formats, papers, templates, catalogue string
}

func renderFlags(fs *flag.FlagSet) *renderOpts {
	o := &renderOpts{}
	fs.StringVar(&o.out, "o", "ra", "thư mục ghi tệp")
	fs.StringVar(&o.papers, "giay", "", "chỉ viết các giấy tờ này, theo tên mẫu (xem: thidua templates list)")
	fs.StringVar(&o.formats, "dinh-dang", "docx,pdf", "định dạng ra: docx, pdf, xlsx (bảng tính của các giấy tờ có bảng), vài định dạng cách nhau bởi dấu phẩy")
	fs.StringVar(&o.templates, "mau", "", "thư mục chứa mẫu đã sửa (xuất mẫu có sẵn: thidua templates export)")
	fs.StringVar(&o.catalogue, "khen-thuong", "", "tệp danh mục khen thưởng đã sửa, thay danh mục có sẵn (xuất bằng: thidua templates export)")
	return o
}

func runRender(e *env, args []string) int {
	c := find("render")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := renderFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(e, c, "cần đúng một tệp bản ghi .toml")
	}
	formats, err := render.ParseFormats(o.formats)
	if err != nil {
		return usageError(e, c, "%v", err)
	}
	set, err := forms.LoadSet(o.templates)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		return exitInput
	}
	rec, err := record.Load(rest[0])
	if err != nil {
		return reportRecordError(e, err)
	}
	cat, err := loadCatalogue(o.catalogue)
	if err != nil {
		return reportRecordError(e, err)
	}
	data, err := render.Data(rec, render.WithCatalogue(cat))
	if err != nil {
		return reportRecordError(e, err)
	}
	tpls, err := set.Pick(o.papers, data)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", rest[0], err)
		return exitInput
	}
	if err := rec.Need(forms.Names(tpls)); err != nil {
		return reportRecordError(e, err)
	}
	if len(tpls) == 0 {
		fmt.Fprintf(e.stderr, "%s: bản ghi chưa có phần nào để viết giấy tờ (ví dụ bảng [giao_uoc]); xem docs/record.md.\n", rest[0])
		return exitInput
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "không tạo được thư mục ra %q: %v\n", o.out, err)
		return exitInternal
	}
	if slices.Equal(formats, []string{"xlsx"}) && !slices.ContainsFunc(tpls, func(t *forms.Template) bool { return sheet.HasTables(t.Name) }) {
		fmt.Fprintf(e.stderr, "%s: các giấy tờ chọn không có bảng để viết ra xlsx; giấy tờ có bảng: %s\n", rest[0], strings.Join(sheet.Papers(), ", "))
		return exitInput
	}
	exit := exitOK
	for _, t := range tpls {
		for _, item := range t.Each(data) {
			exit = max(exit, writePaper(e, rest[0], o.out, t, item, formats))
		}
	}
	for _, n := range render.Notes(data) {
		fmt.Fprintf(e.stderr, "%s: lưu ý: %s\n", rest[0], n)
	}
	return exit
}

// writePaper makes one paper of a record in every format and writes it.
func writePaper(e *env, file, out string, t *forms.Template, data map[string]any, formats []string) int {
	files, err := render.Paper(t, data, formats)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", file, err)
		return exitInput
	}
	exit := exitOK
	for _, f := range files {
		res, err := output.Write(out, f.Name, f.Data)
		if err != nil {
			fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", f.Name, err)
			exit = exitInternal
			continue
		}
		fmt.Fprintf(e.stdout, "%s %s (%s)\n", resultWord(res), joinPath(out, f.Name), size(len(f.Data)))
	}
	return exit
}

// reportRecordError prints a record's problems and returns the exit code.
func reportRecordError(e *env, err error) int {
	var errs record.Errors
	if errors.As(err, &errs) {
		fmt.Fprintln(e.stderr, errs.Error())
		fmt.Fprintf(e.stderr, "\nBản ghi có %d lỗi; chưa ghi tệp nào. Sửa các lỗi trên rồi chạy lại.\n", len(errs))
		return exitInput
	}
	fmt.Fprintf(e.stderr, "%v\n", err)
	return exitInput
}

func resultWord(r output.Result) string {
	switch r {
	case output.Replaced:
		return "Đã thay"
	case output.Unchanged:
		return "Không đổi"
	}
	return "Đã ghi"
}

func joinPath(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	return dir + string(os.PathSeparator) + name
}

// size writes a byte count for people: "12 KB".
func size(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%d KB", (n+512)/1024)
}

// loadSetAndCatalogue loads the templates and the award catalogue the
// --mau and --khen-thuong flags name, reporting a failure on stderr: the
// exit code is exitOK when both loaded.
func loadSetAndCatalogue(e *env, templates, catalogue string) (*forms.Set, *awards.Catalogue, int) {
	set, err := forms.LoadSet(templates)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		return nil, nil, exitInput
	}
	cat, err := loadCatalogue(catalogue)
	if err != nil {
		return nil, nil, reportRecordError(e, err)
	}
	return set, cat, exitOK
}

// loadCatalogue reads the award catalogue a --khen-thuong flag names, or
// returns the built-in one.
func loadCatalogue(path string) (*awards.Catalogue, error) {
	if path == "" {
		return awards.Builtin(), nil
	}
	return awards.Load(path)
}
