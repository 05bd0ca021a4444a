// Package office finds LibreOffice and uses it headless to turn a .docx
// into a PDF. LibreOffice is an optional helper, never a runtime
// dependency: callers say what to install when Find fails.
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNotFound is returned (wrapped) when LibreOffice is not installed.
var ErrNotFound = errors.New("không tìm thấy LibreOffice (lệnh soffice)")

// DefaultTimeout bounds a conversion whose context has no deadline.
const DefaultTimeout = 2 * time.Minute

// candidates are the names and places LibreOffice is installed under.
var candidates = []string{
	"soffice", "libreoffice",
	"/usr/lib/libreoffice/program/soffice",
	"/opt/libreoffice/program/soffice",
	"/Applications/LibreOffice.app/Contents/MacOS/soffice",
	`C:\Program Files\LibreOffice\program\soffice.exe`,
}

// Find returns the path of LibreOffice's soffice, looking on PATH first.
func Find() (string, error) {
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w; hãy cài LibreOffice: trên Debian/Ubuntu chạy \"sudo apt-get install libreoffice-writer-nogui\", trên máy khác tải từ https://www.libreoffice.org", ErrNotFound)
}

// ToPDF converts docxPath to a PDF in outDir and returns the PDF's path.
// Each call runs its own LibreOffice with a fresh profile in a temporary
// directory, so conversions can run in parallel. Without a deadline in
// ctx, the conversion is stopped after DefaultTimeout.
func ToPDF(ctx context.Context, docxPath, outDir string) (string, error) {
	pdfs, err := ToPDFs(ctx, outDir, docxPath)
	if err != nil {
		return "", err
	}
	return pdfs[0], nil
}

// batchSize bounds the files one LibreOffice run converts: given a long
// list it has been seen to stop half way without a word.
const batchSize = 20

// ToPDFs converts several documents to PDFs in outDir, a few per
// LibreOffice run (starting one takes seconds), and returns their paths in
// the order given. Without a deadline in ctx, each run is stopped after
// DefaultTimeout.
func ToPDFs(ctx context.Context, outDir string, docxPaths ...string) ([]string, error) {
	soffice, err := Find()
	if err != nil {
		return nil, err
	}
	if outDir, err = filepath.Abs(outDir); err != nil {
		return nil, err
	}
	var pdfs []string
	for len(docxPaths) > 0 {
		n := min(len(docxPaths), batchSize)
		got, err := convert(ctx, soffice, outDir, docxPaths[:n])
		if err != nil {
			return nil, err
		}
		pdfs = append(pdfs, got...)
		docxPaths = docxPaths[n:]
	}
	return pdfs, nil
}

func convert(ctx context.Context, soffice, outDir string, files []string) ([]string, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	var srcs []string
	for _, f := range files {
		src, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, src)
	}
	profile, err := os.MkdirTemp("", "thidua-lo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	profileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String()
	args := append([]string{"-env:UserInstallation=" + profileURL,
		"--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
		"--convert-to", "pdf", "--outdir", outDir}, srcs...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killGroup(cmd)
	err = cmd.Run()
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = filepath.Base(s)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("LibreOffice chuyển %s sang PDF quá lâu, đã dừng: %w", strings.Join(names, ", "), ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("LibreOffice không chuyển được %s sang PDF: %v\n%s", strings.Join(names, ", "), err, strings.TrimSpace(out.String()))
	}
	var pdfs []string
	for _, src := range srcs {
		pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
		if st, serr := os.Stat(pdf); serr != nil || st.Size() == 0 {
			return nil, fmt.Errorf("LibreOffice không tạo ra %s (tệp .docx có thể hỏng)\n%s", filepath.Base(pdf), strings.TrimSpace(out.String()))
		}
		pdfs = append(pdfs, pdf)
	}
	return pdfs, nil
}
