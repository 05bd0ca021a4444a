package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"thidua/internal/forms"
	"thidua/internal/output"
	"thidua/templates"
)

func init() {
	register(&command{
		name:    "templates",
		summary: "liệt kê hoặc xuất các mẫu giấy tờ có sẵn để sửa",
		usage:   "list | export THƯ_MỤC",
		help: `list    liệt kê các mẫu có sẵn: tên (dùng với --giay), giấy tờ, phần bản ghi cần có.
export  ghi các mẫu có sẵn (tệp .md) và danh mục khen thưởng (khen-thuong.toml) vào
        THƯ_MỤC để sửa; không ghi đè tệp đã có (thêm --ghi-de để ghi đè). Sau đó:
        thidua render BẢN_GHI.toml --mau THƯ_MỤC --khen-thuong THƯ_MỤC/khen-thuong.toml`,
		flags: func(fs *flag.FlagSet) { fs.Bool("ghi-de", false, "ghi đè mẫu đã có trong thư mục") },
		run:   runTemplates,
	})
}

func runTemplates(e *env, args []string) int {
	c := find("templates")
	fset := flag.NewFlagSet(c.name, flag.ContinueOnError)
	overwrite := fset.Bool("ghi-de", false, "ghi đè mẫu đã có trong thư mục")
	rest, code, ok := parse(e, c, fset, args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		return usageError(e, c, "cần lệnh con list hoặc export")
	}
	switch rest[0] {
	case "list":
		set, err := forms.LoadSet("")
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitInternal
		}
		for _, n := range set.Names() {
			t, _ := set.Get(n)
			fmt.Fprintf(e.stdout, "%-22s %s (cần: %v)\n", n, t.Front.MoTa, t.Front.Can)
		}
		return exitOK
	case "export":
		if len(rest) != 2 {
			return usageError(e, c, "export cần đúng một thư mục")
		}
		dir := rest[1]
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "không tạo được thư mục %q: %v\n", dir, err)
			return exitInternal
		}
		names, _ := fs.Glob(templates.FS, "*") // the templates and the award catalogue
		for _, n := range names {
			path := filepath.Join(dir, n)
			if _, err := os.Stat(path); err == nil && !*overwrite {
				fmt.Fprintf(e.stdout, "Giữ nguyên %s (đã có; thêm --ghi-de để ghi đè)\n", path)
				continue
			}
			src, _ := fs.ReadFile(templates.FS, n)
			if _, err := output.Write(dir, n, src); err != nil {
				fmt.Fprintf(e.stderr, "không ghi được %s: %v\n", path, err)
				return exitInternal
			}
			fmt.Fprintf(e.stdout, "Đã ghi %s\n", path)
		}
		return exitOK
	}
	return usageError(e, c, "không có lệnh con %q (dùng list hoặc export)", rest[0])
}
