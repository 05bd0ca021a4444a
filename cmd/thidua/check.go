package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/tally"
)

func init() {
	register(&command{
		name:    "check",
		summary: "kiểm tra một bản ghi và in kết quả tính (xếp hạng, tỷ lệ phiếu, % kế hoạch)",
		usage:   "BẢN_GHI.toml [--json]",
		help: `Đọc và kiểm tra bản ghi như lệnh render, rồi in những gì thidua tính được: tổng điểm,
xếp hạng, xếp loại; mọi số liệu chỉ tiêu in trên báo cáo (kế hoạch, chỉ tiêu kỳ, thực hiện,
cùng kỳ, các tỷ lệ, dòng "Cộng" / "Toàn cụm"); tỷ lệ phiếu và kết quả của từng đề nghị khi
bình xét. Kiểm tra cả những khóa mà các giấy tờ bản ghi sẽ in cần có. Không ghi tệp nào.
Mã thoát: 0 khi bản ghi hợp lệ, 1 khi bản ghi có lỗi (in mọi lỗi kèm dòng, cột).`,
		flags: func(fs *flag.FlagSet) { checkFlags(fs) },
		run:   runCheck,
	})
}

type checkOpts struct {
	json      bool
	catalogue string
}

func checkFlags(fs *flag.FlagSet) *checkOpts {
	o := &checkOpts{}
	fs.BoolVar(&o.json, "json", false, "in kết quả dạng JSON cho chương trình khác đọc")
	fs.StringVar(&o.catalogue, "khen-thuong", "", "tệp danh mục khen thưởng đã sửa (tỷ lệ phiếu mặc định lấy từ đây)")
	return o
}

func runCheck(e *env, args []string) int {
	c := find("check")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := checkFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(e, c, "cần đúng một tệp bản ghi .toml")
	}
	rec, err := record.Load(rest[0])
	if err != nil {
		return reportCheckError(e, err)
	}
	cat, err := loadCatalogue(o.catalogue)
	if err != nil {
		return reportCheckError(e, err)
	}
	res, err := tally.Compute(rec, cat)
	if err != nil {
		return reportCheckError(e, err)
	}
	// What the papers the record makes print (as render makes them all).
	set, err := forms.LoadSet("")
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		return exitInternal
	}
	if data, _ := render.Data(rec, render.WithCatalogue(cat)); data != nil {
		tpls, _ := set.Pick("", data)
		if err := rec.Need(forms.Names(tpls)); err != nil {
			return reportCheckError(e, err)
		}
	}
	if o.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(e.stderr, "không in được kết quả: %v\n", err)
			return exitInternal
		}
		return exitOK
	}
	fmt.Fprintf(e.stdout, "%s: %s, năm %d, phiên %s.\n\n", rest[0], rec.Cluster.Name, rec.Cluster.Year, kindWords[rec.Session.Kind])
	if res.Empty() {
		fmt.Fprintln(e.stdout, "Bản ghi hợp lệ. Bản ghi chưa có chỉ tiêu, bảng điểm, bình xét, báo cáo hay biên bản nên không có gì để tính.")
		return exitOK
	}
	if err := res.WriteText(e.stdout); err != nil {
		fmt.Fprintf(e.stderr, "không in được kết quả: %v\n", err)
		return exitInternal
	}
	fmt.Fprintln(e.stdout, "\nBản ghi hợp lệ.")
	return exitOK
}

// kindWords names the session kinds.
var kindWords = map[string]string{
	record.KindSigning: "ký kết giao ước",
	record.KindMidYear: "sơ kết",
	record.KindYearEnd: "tổng kết",
}

// reportCheckError prints a record's problems, as render does, but says
// that nothing was going to be written anyway.
func reportCheckError(e *env, err error) int {
	if errs, ok := err.(record.Errors); ok {
		fmt.Fprintln(e.stderr, errs.Error())
		fmt.Fprintf(e.stderr, "\nBản ghi có %d lỗi. Sửa các lỗi trên rồi chạy lại: thidua check TỆP.\n", len(errs))
		return exitInput
	}
	fmt.Fprintf(e.stderr, "%v\n", err)
	return exitInput
}
