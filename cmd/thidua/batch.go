package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"golang.org/x/term"

	"thidua/internal/batch"
	"thidua/internal/render"
)

// exitInterrupted is the exit code of a batch stopped by Ctrl-C (128 + SIGINT).
const exitInterrupted = 130

func init() {
	register(&command{
		name:    "batch",
		summary: "làm giấy tờ của nhiều hồ sơ, nhiều người được đề nghị cùng lúc",
		usage:   "HỒ_SƠ.toml... | THƯ_MỤC... [-o THƯ_MỤC_RA] [-j SỐ_LUỒNG] [--giay TÊN,...] [--dinh-dang docx,pdf,xlsx] [--mau THƯ_MỤC_MẪU] [--khen-thuong TỆP]",
		help: `Đọc mọi hồ sơ (một thư mục nghĩa là mọi tệp .toml trong đó) và làm mọi giấy tờ của
từng hồ sơ, mỗi tập thể, cá nhân được đề nghị một báo cáo thành tích, song song trên
nhiều luồng. Giấy tờ của mỗi hồ sơ nằm trong một thư mục con của THƯ_MỤC_RA, đặt tên
theo tên tệp hồ sơ. Mỗi tệp được ghi trọn vẹn rồi mới thay tệp cũ; tệp không đổi nội
dung thì để nguyên. Hồ sơ hay người được đề nghị có lỗi thì được báo kèm dòng, cột
trong tệp hồ sơ, các phần khác vẫn được làm. Cuối cùng in bảng tổng kết và ghi danh
mục tệp THƯ_MỤC_RA/manifest.json (tên, kích thước, sha256 của từng tệp; mọi lỗi).

Ctrl-C: dừng nhận việc mới, làm xong các giấy tờ đang làm, ghi danh mục những gì đã
xong; chạy lại đúng lệnh để làm nốt. Mã thoát: 0 khi mọi thứ xong, không lỗi; 1 khi có
hồ sơ lỗi; 2 khi dòng lệnh sai; 3 khi không ghi được tệp; 130 khi bị dừng (Ctrl-C hay
SIGTERM). Mỗi hồ sơ tối đa 8 MB; -j nhiều nhất 4 lần số lõi (xem docs/gioi-han.md).`,
		flags: batchFlags,
		run:   runBatch,
	})
}

type batchOpts struct {
	renderOpts
	workers int
}

var batchOptions batchOpts

func batchFlags(fs *flag.FlagSet) {
	fs.StringVar(&batchOptions.out, "o", "ra", "thư mục ghi tệp")
	fs.IntVar(&batchOptions.workers, "j", runtime.NumCPU(), "số giấy tờ làm song song, nhiều nhất 4 lần số lõi")
	fs.StringVar(&batchOptions.papers, "giay", "", "chỉ làm các giấy tờ này, theo tên mẫu (xem: thidua templates list)")
	fs.StringVar(&batchOptions.formats, "dinh-dang", "docx,pdf", "định dạng ra: docx, pdf, xlsx (bảng tính của các giấy tờ có bảng), vài định dạng cách nhau bởi dấu phẩy")
	fs.StringVar(&batchOptions.templates, "mau", "", "thư mục chứa mẫu đã sửa (xuất mẫu có sẵn: thidua templates export)")
	fs.StringVar(&batchOptions.catalogue, "khen-thuong", "", "tệp danh mục khen thưởng đã sửa, thay danh mục có sẵn")
}

// maxWorkers caps -j: more workers than 4 per processor only add memory
// (each holds a record or a paper) and no speed.
func maxWorkers() int { return 4 * runtime.NumCPU() }

func runBatch(e *env, args []string) int {
	c := find("batch")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	batchFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	o := batchOptions
	if len(rest) == 0 {
		return usageError(e, c, "cần ít nhất một tệp hồ sơ .toml hoặc một thư mục chứa các tệp đó")
	}
	if o.workers < 1 {
		return usageError(e, c, "-j phải từ 1 trở lên, đang là %d", o.workers)
	}
	if most := maxWorkers(); o.workers > most {
		fmt.Fprintf(e.stderr, "thidua batch: -j %d nhiều hơn máy làm được cùng lúc (%d lõi); dùng -j %d.\n", o.workers, runtime.NumCPU(), most)
		o.workers = most
	}
	// Ctrl-C and SIGTERM are heard from here on: every file read below is
	// bounded (internal/input), so the run stops within a paper's time.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends the program at once; written files stay whole
	}()
	formats, err := render.ParseFormats(o.formats)
	if err != nil {
		return usageError(e, c, "%v", err)
	}
	files, err := batch.Inputs(rest)
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua batch: %v\n", err)
		return exitInput
	}
	set, cat, code := loadSetAndCatalogue(e, o.templates, o.catalogue)
	if code != exitOK {
		return code
	}
	opts := batch.Options{Out: o.out, Workers: o.workers, Formats: formats, Templates: set, Catalogue: cat, Papers: o.papers}
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opts.Progress = f
	}
	s := batch.Run(ctx, files, opts)
	s.Print(e.stdout)
	switch {
	case s.Interrupted:
		return exitInterrupted
	case s.WriteFailed:
		return exitInternal
	case !s.OK():
		return exitInput
	}
	return exitOK
}
