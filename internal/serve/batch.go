package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"thidua/internal/batch"
	"thidua/internal/fill"
	"thidua/internal/input"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/view"
)

// maxZipEntries bounds the entries of a batch upload's .zip.
const maxZipEntries = 5000

// job is one batch run started from the page.
type job struct {
	dir string // holds the records (ho-so/) and the papers (ra/)

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on each progress
	counts  [4]int        // made, papers, read, records
	summary *batch.Summary
	zip     string // the .zip of the papers and the manifest, once made
}

// jobs are the batch runs of a server, by id.
type jobs struct {
	mu   sync.Mutex
	next int
	byID map[string]*job
}

func (js *jobs) add(j *job) string {
	js.mu.Lock()
	defer js.mu.Unlock()
	if js.byID == nil {
		js.byID = map[string]*job{}
	}
	js.next++
	id := fmt.Sprint(js.next)
	js.byID[id] = j
	return id
}

func (js *jobs) get(id string) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return js.byID[id]
}

func (js *jobs) close() {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.byID {
		os.RemoveAll(j.dir)
	}
	js.byID = nil
}

// notify wakes whoever waits for progress.
func (j *job) notify() {
	close(j.changed)
	j.changed = make(chan struct{})
}

// batchStart takes the records of a batch (.toml files, or .zip files of
// them) and makes their papers in the background; the page follows the
// run at /api/hang-loat/{id} and downloads the papers and the manifest
// as one .zip at /api/hang-loat/{id}/tai.
func (s *Server) batchStart(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBatch)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		fail(w, http.StatusRequestEntityTooLarge, "Không nhận được tệp gửi lên (tối đa %s): %v", input.FormatSize(maxBatch), err)
		return
	}
	defer r.MultipartForm.RemoveAll()
	dir, err := os.MkdirTemp("", "thidua-hang-loat-")
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	in := filepath.Join(dir, "ho-so")
	os.Mkdir(in, 0o755)
	var files []string
	for _, fh := range r.MultipartForm.File["tep"] {
		f, err := fh.Open()
		if err != nil {
			continue
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			continue
		}
		got, err := takeRecords(in, path.Base(filepath.ToSlash(fh.Filename)), data, s.limits.text)
		if err != nil {
			os.RemoveAll(dir)
			fail(w, http.StatusBadRequest, "%s: %v", fh.Filename, err)
			return
		}
		files = append(files, got...)
	}
	if len(files) == 0 {
		os.RemoveAll(dir)
		fail(w, http.StatusBadRequest, "Chưa có tệp hồ sơ .toml nào (chọn các tệp .toml, một thư mục, hoặc một tệp .zip chứa chúng).")
		return
	}
	j := &job{dir: dir, changed: make(chan struct{})}
	id := s.jobs.add(j)
	go s.runBatch(j, files)
	writeJSON(w, http.StatusAccepted, map[string]any{"id": id, "so_ho_so": len(files)})
}

// takeRecords writes the records of one uploaded file into dir: a .toml
// as it is, the .toml files of a .zip (at any depth, names made unique).
func takeRecords(dir, name string, data []byte, limit int64) ([]string, error) {
	put := func(name string, data []byte) (string, error) {
		base := strings.TrimSuffix(name, ".toml")
		for i := 2; ; i++ {
			if _, err := os.Stat(filepath.Join(dir, name)); errors.Is(err, fs.ErrNotExist) {
				break
			}
			name = fmt.Sprintf("%s-%d.toml", base, i)
		}
		if err := output.CheckName(name); err != nil {
			return "", err
		}
		_, err := output.Write(dir, name, data)
		return filepath.Join(dir, name), err
	}
	switch {
	case strings.HasSuffix(strings.ToLower(name), ".toml"):
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("hồ sơ lớn quá %s", input.FormatSize(limit))
		}
		p, err := put(name, data)
		return []string{p}, err
	case strings.HasSuffix(strings.ToLower(name), ".zip"):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, errors.New("không phải tệp .zip đọc được")
		}
		if len(zr.File) > maxZipEntries {
			return nil, fmt.Errorf("tệp .zip có quá %d tệp", maxZipEntries)
		}
		var out []string
		for _, f := range zr.File {
			base := path.Base(f.Name)
			if f.FileInfo().IsDir() || !strings.HasSuffix(strings.ToLower(base), ".toml") || strings.HasPrefix(base, ".") {
				continue
			}
			if f.UncompressedSize64 > uint64(limit) {
				return nil, fmt.Errorf("%s: hồ sơ lớn quá %s", f.Name, input.FormatSize(limit))
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f.Name, err)
			}
			b, err := io.ReadAll(io.LimitReader(rc, limit+1))
			rc.Close()
			if err != nil || int64(len(b)) > limit {
				return nil, fmt.Errorf("%s: không giải nén được", f.Name)
			}
			p, err := put(base, b)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
		return out, nil
	}
	return nil, nil // other files of a chosen folder are not records
}

// runBatch makes the papers and zips them with the manifest.
func (s *Server) runBatch(j *job, files []string) {
	out := filepath.Join(j.dir, "ra")
	sum := batch.Run(context.Background(), files, batch.Options{Out: out, Workers: runtime.NumCPU(), Templates: s.cfg.Templates,
		Catalogue: s.cfg.Catalogue, OnProgress: func(made, papers, read, records int) {
			j.mu.Lock()
			j.counts = [4]int{made, papers, read, records}
			j.notify()
			j.mu.Unlock()
		}})
	relative(sum, filepath.Join(j.dir, "ho-so")+string(filepath.Separator))
	data, err := json.MarshalIndent(sum, "", "  ")
	if err == nil {
		_, err = output.Write(out, batch.ManifestName, append(data, '\n'))
	}
	z := filepath.Join(j.dir, "giay-to.zip")
	if err == nil {
		err = zipDir(out, z)
	}
	os.RemoveAll(filepath.Dir(files[0])) // the records
	os.RemoveAll(out)                    // the papers, now in the .zip
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		sum.Errors = append(sum.Errors, batch.ErrorEntry{Message: "không gói được các tệp: " + err.Error()})
		z = ""
	}
	j.summary, j.zip = sum, z
	j.notify()
}

// relative names the records of a summary as they were uploaded, not
// by where the server put them.
func relative(sum *batch.Summary, dir string) {
	sum.Out = ""
	for _, r := range sum.Records {
		r.File = strings.TrimPrefix(r.File, dir)
	}
	for i := range sum.Files {
		sum.Files[i].Record = strings.TrimPrefix(sum.Files[i].Record, dir)
	}
	for i := range sum.Errors {
		e := &sum.Errors[i]
		e.Record, e.File = strings.TrimPrefix(e.Record, dir), strings.TrimPrefix(e.File, dir)
	}
}

// zipDir packs the files under dir, with paths relative to it, into the
// file at path.
func zipDir(dir, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	})
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// batchEvents streams a run's progress as server-sent events: "tien-do"
// with the counts, then "xong" with the summary (the manifest).
func (s *Server) batchEvents(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		fail(w, http.StatusNotFound, "Không có lượt làm hàng loạt này (chương trình đã khởi động lại?).")
		return
	}
	flusher, _ := w.(http.Flusher)
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	send := func(event string, v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	for {
		j.mu.Lock()
		counts, sum, changed := j.counts, j.summary, j.changed
		j.mu.Unlock()
		if sum != nil {
			send("xong", sum)
			return
		}
		send("tien-do", map[string]int{"da_lam": counts[0], "giay_to": counts[1], "da_doc": counts[2], "ho_so": counts[3]})
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
		time.Sleep(50 * time.Millisecond) // at most 20 events a second
	}
}

func (s *Server) batchDownload(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		fail(w, http.StatusNotFound, "Không có lượt làm hàng loạt này.")
		return
	}
	j.mu.Lock()
	z, done := j.zip, j.summary != nil
	j.mu.Unlock()
	if z == "" {
		if done {
			fail(w, http.StatusInternalServerError, "Không gói được các tệp của lượt này (xem lỗi trong danh sách).")
		} else {
			fail(w, http.StatusConflict, "Chưa làm xong; đợi thanh tiến độ chạy hết.")
		}
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="giay-to-hang-loat.zip"`)
	http.ServeFile(w, r, z)
}

// fillForm fills an uploaded Word form (mau) from a record: an uploaded
// one (ho_so), or the text in the page (noi_dung), as thidua fill does.
func (s *Server) fillForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.limits.form)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		fail(w, http.StatusRequestEntityTooLarge, "Không nhận được tệp gửi lên (tối đa %s): %v", input.FormatSize(s.limits.form), err)
		return
	}
	defer r.MultipartForm.RemoveAll()
	form, formName, err := upload(r, "mau")
	if err != nil {
		fail(w, http.StatusBadRequest, "Chưa chọn mẫu Word (.docx): %v", err)
		return
	}
	name, text := r.FormValue("ten"), r.FormValue("noi_dung")
	if b, n, err := upload(r, "ho_so"); err == nil {
		name, text = n, string(b)
	}
	if text == "" {
		fail(w, http.StatusBadRequest, "Chưa có hồ sơ để điền: chọn tệp .toml hoặc mở một hồ sơ.")
		return
	}
	rec, err := record.Parse(name, []byte(text))
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"loi": "Hồ sơ có lỗi; sửa xong mới điền được.", "chi_tiet": err.Error()})
		return
	}
	data, err := render.Data(rec, render.WithCatalogue(s.cfg.Catalogue))
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"loi": "Hồ sơ có lỗi; sửa xong mới điền được.", "chi_tiet": err.Error()})
		return
	}
	schema, err := fill.NewSchema(append(view.Paths(rec), view.PathsOf(data)...)...)
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	f, err := fill.Parse(form, fill.Options{Funcs: view.Funcs(), Schema: schema})
	if err == nil {
		var out []byte
		if out, err = f.Execute(data); err == nil {
			sendFile(w, strings.TrimSuffix(formName, filepath.Ext(formName))+"-da-dien.docx", out)
			return
		}
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"loi": "Mẫu Word " + formName + " chưa điền được.", "chi_tiet": err.Error()})
}

// upload reads one uploaded file of a multipart form.
func upload(r *http.Request, field string) ([]byte, string, error) {
	f, fh, err := r.FormFile(field)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return b, path.Base(filepath.ToSlash(fh.Filename)), err
}
