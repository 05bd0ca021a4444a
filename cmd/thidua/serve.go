package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"thidua/internal/serve"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "mở trang web trên máy để điền hồ sơ bằng biểu mẫu và xem giấy tờ",
		usage:   "[THƯ_MỤC] [--cong SỐ] [--khong-mo] [--dia-chi MÁY:CỔNG --mat-khau MẬT_KHẨU]",
		help: `Mở một trang web trên chính máy này (không cần mạng) cho các hồ sơ .toml trong THƯ_MỤC
(mặc định: thư mục hiện tại): mở, tạo, sửa hồ sơ bằng biểu mẫu hoặc văn bản TOML, thấy lỗi
ngay cạnh ô nhập, xem giấy tờ dạng PDF sau mỗi lần sửa, tải DOCX, PDF hoặc cả bộ (.zip),
làm giấy tờ hàng loạt, điền mẫu Word. Lưu thì ghi đè tệp hồ sơ, giữ bản trước ở TỆP.bak;
chú thích (#) và thứ tự các dòng trong tệp được giữ nguyên.
Chỉ máy này vào được trang (địa chỉ 127.0.0.1). Muốn cho máy khác trong mạng nội bộ vào:
--dia-chi 0.0.0.0:8080 kèm --mat-khau. Dừng chương trình: Ctrl-C hoặc đóng cửa sổ dòng lệnh.`,
		flags: func(fs *flag.FlagSet) { serveFlags(fs) },
		run:   runServe,
	})
}

type serveOpts struct {
	port                 int
	addr, password       string
	noOpen               bool
	templates, catalogue string
}

func serveFlags(fs *flag.FlagSet) *serveOpts {
	o := &serveOpts{}
	fs.IntVar(&o.port, "cong", 0, "cổng của trang; 0 là một cổng còn trống bất kỳ")
	fs.StringVar(&o.addr, "dia-chi", "", "địa chỉ MÁY:CỔNG để nghe, ví dụ 0.0.0.0:8080 cho mạng nội bộ (cần --mat-khau)")
	fs.StringVar(&o.password, "mat-khau", "", "mật khẩu hỏi khi mở trang (bắt buộc khi dùng --dia-chi khác 127.0.0.1)")
	fs.BoolVar(&o.noOpen, "khong-mo", false, "không tự mở trình duyệt")
	fs.StringVar(&o.templates, "mau", "", "thư mục chứa mẫu đã sửa")
	fs.StringVar(&o.catalogue, "khen-thuong", "", "tệp danh mục khen thưởng đã sửa")
	return o
}

func runServe(e *env, args []string) int {
	c := find("serve")
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := serveFlags(fs)
	rest, code, ok := parse(e, c, fs, args)
	if !ok {
		return code
	}
	if len(rest) > 1 {
		return usageError(e, c, "chỉ cần một thư mục hồ sơ")
	}
	dir := "."
	if len(rest) == 1 {
		dir = rest[0]
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(o.port))
	if o.addr != "" {
		addr = o.addr
		if o.port != 0 {
			return usageError(e, c, "dùng --dia-chi MÁY:CỔNG hoặc --cong, không dùng cả hai")
		}
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return usageError(e, c, "--dia-chi %q phải có dạng MÁY:CỔNG, ví dụ 0.0.0.0:8080", addr)
		}
		if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" && o.password == "" {
			return usageError(e, c, "--dia-chi %s cho mọi máy trong mạng vào được trang và sửa hồ sơ: cần thêm --mat-khau MẬT_KHẨU", addr)
		}
	}
	set, cat, code := loadSetAndCatalogue(e, o.templates, o.catalogue)
	if code != exitOK {
		return code
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua serve: không mở được cổng %s: %v\n", addr, err)
		return exitInternal
	}
	srv, err := serve.New(serve.Config{Dir: dir, Addr: ln.Addr().String(), Password: o.password, Templates: set, Catalogue: cat})
	if err != nil {
		ln.Close()
		fmt.Fprintf(e.stderr, "thidua serve: %v\n", err)
		return exitInput
	}
	defer srv.Close()
	url := pageURL(ln.Addr().(*net.TCPAddr))
	abs, _ := filepath.Abs(dir)
	fmt.Fprintf(e.stdout, "thidua đang mở trang hồ sơ của thư mục %s tại:\n\n    %s\n\n", abs, url)
	if o.password != "" {
		fmt.Fprintln(e.stdout, "Trang hỏi mật khẩu (--mat-khau); tên đăng nhập gõ gì cũng được.")
	}
	fmt.Fprintln(e.stdout, "Dừng chương trình: bấm Ctrl-C (hoặc đóng cửa sổ này). Trang chỉ dùng được khi chương trình còn chạy.")
	if !o.noOpen {
		openBrowser(url)
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "thidua serve: %v\n", err)
		return exitInternal
	}
	fmt.Fprintln(e.stdout, "Đã dừng thidua serve.")
	return exitOK
}

// serveOwnFolder is what a double click on thidua.exe does: the page on
// the folder the program sits in; the window stays open on an error.
func serveOwnFolder(e *env) int {
	exe, err := os.Executable()
	code := exitInternal
	if err == nil {
		code = runServe(e, []string{filepath.Dir(exe)})
	}
	if code != exitOK {
		fmt.Fprintln(e.stderr, "\nBấm Enter để đóng cửa sổ này.")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	return code
}

// pageURL is the address to open: the loopback one when listening on
// every interface.
func pageURL(a *net.TCPAddr) string {
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port)) + "/"
}

// openBrowser asks the system to open url, best effort.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}
