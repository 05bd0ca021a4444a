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
	soffice, err := Find()
	if err != nil {
		return "", err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	src, err := filepath.Abs(docxPath)
	if err != nil {
		return "", err
	}
	if outDir, err = filepath.Abs(outDir); err != nil {
		return "", err
	}
	profile, err := os.MkdirTemp("", "thidua-lo-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(profile)
	profileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation="+profileURL,
		"--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
		"--convert-to", "pdf", "--outdir", outDir, src)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killGroup(cmd)
	err = cmd.Run()
	if ctx.Err() != nil {
		return "", fmt.Errorf("LibreOffice chuyển %s sang PDF quá lâu, đã dừng: %w", filepath.Base(src), ctx.Err())
	}
	pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
	if err != nil {
		return "", fmt.Errorf("LibreOffice không chuyển được %s sang PDF: %v\n%s", filepath.Base(src), err, strings.TrimSpace(out.String()))
	}
	if st, serr := os.Stat(pdf); serr != nil || st.Size() == 0 {
		return "", fmt.Errorf("LibreOffice không tạo ra %s (tệp .docx có thể hỏng)\n%s", filepath.Base(pdf), strings.TrimSpace(out.String()))
	}
	return pdf, nil
}
