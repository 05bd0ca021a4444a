package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"thidua/internal/input"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/sheet"
)

func init() {
	register(&command{
		name:    "nhap",
		summary: "nhập thành viên, chỉ tiêu, bảng điểm, bình xét, danh sách đề nghị từ tệp Excel",
		usage:   "BẢNG.xlsx... [--vao HỒ_SƠ.toml] [-o RA.toml] | --mau THƯ_MỤC [--vao HỒ_SƠ.toml]",
		help: `Đọc các bảng của một hay nhiều tệp Excel (.xlsx): mỗi trang tính một bảng, thidua tự tìm dòng tiêu đề và
nhận cột theo tên (không phân biệt hoa thường, có dấu hay không: "STT", "Họ và tên", "Đơn vị",
"Kế hoạch", "Điểm tự chấm"...). Số gõ dạng chữ ("95,5", "1.234,5"), ngày dạng "12/7/2023", ô gộp,
dòng trống, dòng "Tổng cộng" và cột ẩn đều đọc được.

Với --vao, các mục đọc được thay hẳn các mục cùng loại trong hồ sơ ([[thanh_vien]], [[chi_tieu]],
[[diem]], [[binh_xet.ung_vien]], [[de_nghi]]); phần còn lại của tệp, kể cả ghi chú, giữ nguyên.
Không có --vao thì ghi các mục ra một tệp mới (-o, mặc định: BẢNG.toml cạnh tệp Excel).
Hồ sơ sau khi nhập được kiểm tra như lệnh check; có lỗi thì báo mọi lỗi một lần, mỗi lỗi nêu
trang và ô (ví dụ Điểm!D7) và cách sửa, và không ghi gì.

--mau THƯ_MỤC ghi các tệp Excel mẫu (đúng cột, chọn thành viên từ danh sách, kiểm tra số và ngày);
kèm --vao thì mẫu dùng danh sách thành viên và bộ tiêu chí của hồ sơ đó.`,
		flags: func(fs *flag.FlagSet) { nhapFlags(fs) },
		run:   runNhap,
	})
}

type nhapOpts struct {
	into, out, blank, catalogue string
}

func nhapFlags(fs *flag.FlagSet) *nhapOpts {
	o := &nhapOpts{}
	fs.StringVar(&o.into, "vao", "", "hồ sơ .toml nhận các mục nhập (thay các mục cùng loại)")
	fs.StringVar(&o.out, "o", "", "tệp .toml ghi ra khi không có --vao (mặc định: BẢNG.toml)")
	fs.StringVar(&o.blank, "mau", "", "ghi các tệp Excel mẫu vào thư mục này")
	fs.StringVar(&o.catalogue, "khen-thuong", "", "tệp danh mục khen thưởng đã sửa, thay danh mục có sẵn")
	return o
}

func runNhap(e *env, args []string) int {
	c := find("nhap")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := nhapFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	cat, err := loadCatalogue(o.catalogue)
	if err != nil {
		return reportRecordError(e, err)
	}
	var rec *record.Record
	var src []byte
	if o.into != "" {
		// A record still missing the sections to import may not check:
		// its members, criteria and award kinds are enough to read by.
		var loadErr error
		if rec, loadErr = record.Load(o.into); loadErr != nil {
			if src, err = input.ReadFile(o.into, input.Text); err == nil {
				rec, err = sheet.Names(src)
			}
			if err != nil {
				return reportRecordError(e, loadErr)
			}
		}
		if src, err = input.ReadFile(o.into, input.Text); err != nil {
			return reportRecordError(e, record.ReadError(o.into, "không đọc được hồ sơ: ", "", err))
		}
	}
	if o.blank != "" {
		if len(rest) != 0 {
			return usageError(e, c, "--mau không đi cùng tệp Excel cần nhập")
		}
		return writeBlanks(e, o.blank, rec)
	}
	if len(rest) == 0 {
		return usageError(e, c, "cần ít nhất một tệp Excel .xlsx")
	}
	xlsx := rest[0]
	imp, err := sheet.Read(sheet.Options{Into: rec, Catalogue: cat}, rest...)
	if err != nil {
		return reportSheetError(e, err)
	}
	var data []byte
	target := o.out
	if rec != nil {
		target = o.into
		data, err = imp.Into(o.into, src, func(file string, data []byte) error {
			r, err := record.Parse(file, data)
			if err != nil {
				return err
			}
			return render.Check(r, render.WithCatalogue(cat))
		})
	} else {
		if target == "" {
			target = strings.TrimSuffix(xlsx, filepath.Ext(xlsx)) + ".toml"
		}
		data, err = imp.Fragment(target)
	}
	if err != nil {
		return reportSheetError(e, err)
	}
	res, err := output.Write(filepath.Dir(target), filepath.Base(target), data)
	if err != nil {
		fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", target, err)
		return exitInternal
	}
	for _, s := range imp.Sections {
		fmt.Fprintf(e.stdout, "%s: %d dòng (trang %s) -> [[%s]]\n", s.Name, s.Rows, s.Sheet, s.Path)
	}
	fmt.Fprintf(e.stdout, "%s %s\n", resultWord(res), target)
	return exitOK
}

// reportSheetError prints the problems of an import: nothing was written.
func reportSheetError(e *env, err error) int {
	var errs record.Errors
	if errors.As(err, &errs) {
		fmt.Fprintln(e.stderr, errs.Error())
		fmt.Fprintf(e.stderr, "\nCó %d lỗi; chưa ghi gì. Sửa các ô trên rồi nhập lại.\n", len(errs))
		return exitInput
	}
	fmt.Fprintf(e.stderr, "%v\n", err)
	return exitInput
}

// writeBlanks writes the blank workbooks clerks start from.
func writeBlanks(e *env, dir string, rec *record.Record) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "không tạo được thư mục %q: %v\n", dir, err)
		return exitInternal
	}
	files, err := sheet.Blanks(rec)
	if err != nil {
		fmt.Fprintf(e.stderr, "không viết được mẫu: %v\n", err)
		return exitInternal
	}
	exit := exitOK
	for _, f := range files {
		res, err := output.Write(dir, f.Name, f.Data)
		if err != nil {
			fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", f.Name, err)
			exit = exitInternal
			continue
		}
		fmt.Fprintf(e.stdout, "%s %s (%s)\n", resultWord(res), joinPath(dir, f.Name), f.What)
	}
	return exit
}
